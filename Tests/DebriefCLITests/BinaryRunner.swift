import Foundation
import Testing

/// Runs the built `debrief` binary (`.build/debug/debrief`, which `swift test` builds) in a clean,
/// private environment: every location it reads points into a fresh temp folder, the clock is
/// fixed and the zone is Europe/Berlin, so a test never sees the real home, journal or date.
///
///     let debrief = try BinaryRunner()
///     let r = try debrief.run(["add", "--title", "Coffee"])
///     #expect(r.status == 0)
///
/// The one way the CLI tests run the binary; the temp folder goes with the runner.
final class BinaryRunner {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
        var timedOut = false
        var killed = false
    }

    /// The package root: three levels up from this file (Tests/DebriefCLITests/BinaryRunner.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    /// The binary every CLI test runs: the debug build, or the one `DEBRIEF_CLI_BINARY` names (an
    /// absolute path, or one relative to the package root), to repeat the CLI suites on the
    /// release binary: `DEBRIEF_CLI_BINARY=.build/release/debrief swift test --skip-build --filter …`.
    static let binary: String = {
        guard let chosen = ProcessInfo.processInfo.environment["DEBRIEF_CLI_BINARY"], !chosen.isEmpty else {
            return packageRoot + "/.build/debug/debrief"
        }
        return chosen.hasPrefix("/") ? chosen : packageRoot + "/" + chosen
    }()

    /// The fixed "now" every run sees unless `env` overrides `DEBRIEF_NOW`: Thursday 2026-11-26,
    /// 10:00 in Berlin, unless a test sets another.
    var now = "2026-11-26T10:00:00+01:00"

    /// The temp folder holding everything below; also the working directory of each run.
    let root: String
    /// `DEBRIEF_JOURNAL`, created empty.
    let journal: String
    /// `HOME`.
    let home: String
    /// `XDG_CONFIG_HOME`; catalog overrides go in `config/debrief/prompts/`.
    let config: String
    /// `XDG_DATA_HOME`.
    let data: String

    init(now: String? = nil) throws {
        if let now { self.now = now }
        root = NSTemporaryDirectory() + "debrief-cli-\(UUID().uuidString)"
        journal = root + "/journal"
        home = root + "/home"
        config = root + "/config"
        data = root + "/data"
        // The journal folder exists, as after a first entry: reading commands refuse a missing one.
        for dir in [root, journal, home, config, data] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
    }

    /// The folder for catalog override files (created on demand).
    var promptsDirectory: String { config + "/debrief/prompts" }

    /// The environment every run starts from; `env` in `run` adds to it, and an empty value unsets.
    var baseEnvironment: [String: String] {
        [
            "DEBRIEF_JOURNAL": journal,
            "DEBRIEF_NOW": now,
            "TZ": "Europe/Berlin",
            "HOME": home,
            "XDG_CONFIG_HOME": config,
            "XDG_DATA_HOME": data,
            "XDG_CACHE_HOME": home + "/.cache",
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
    }

    /// Runs `debrief args…`, feeding `stdin` (or nothing), and waits for it to exit.
    /// Runs are bounded by `timeout` seconds (a hang is killed and reported as `timedOut`);
    /// `killAfter` kills the run with SIGKILL at that moment if it is still going.
    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], timeout: TimeInterval = 60,
             killAfter: TimeInterval? = nil) throws -> Result {
        let r = try Subprocess.run(Self.binary, args,
                                   environment: baseEnvironment.merging(env) { $1 }.filter { !$0.value.isEmpty },
                                   stdin: stdin ?? "", directory: root, timeout: timeout, killAfter: killAfter)
        return Result(stdout: r.stdout, stderr: r.stderr, status: r.status, timedOut: r.timedOut, killed: r.killed)
    }

    /// Runs `debrief args…` through `/bin/sh`, after the shell commands in `setup` (for example
    /// `ulimit -f 1` or `umask 000`), which then apply to the binary.
    func run(_ args: [String], after setup: String, stdin: String? = nil, env: [String: String] = [:]) throws -> Result {
        let r = try Subprocess.run("/bin/sh", ["-c", setup + "; exec \"$0\" \"$@\"", Self.binary] + args,
                                   environment: baseEnvironment.merging(env) { $1 }.filter { !$0.value.isEmpty },
                                   stdin: stdin ?? "", directory: root)
        return Result(stdout: r.stdout, stderr: r.stderr, status: r.status)
    }

    /// Writes a file under `root` (a relative path) or at an absolute path, creating folders.
    @discardableResult
    func write(_ text: String, to path: String) throws -> String {
        let full = path.hasPrefix("/") ? path : root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Every entry file in the journal, sorted.
    func entryFiles() -> [String] {
        let dir = journal + "/entries"
        guard let all = FileManager.default.enumerator(atPath: dir) else { return [] }
        return all.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.map { dir + "/" + $0 }.sorted()
    }

    /// Adds an entry from YAML (or JSON) answers through `debrief add --answers -`; its id and path.
    /// `env` as for `run` (say, an earlier `DEBRIEF_NOW` to write it before the runner's "now").
    @discardableResult
    func add(_ answers: String, env: [String: String] = [:]) throws -> (id: String, path: String) {
        let result = try run(["add", "--answers", "-"], stdin: answers, env: env)
        try #require(result.status == 0, "add failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "add printed: \(result.stdout)")
        return (lines[0], lines[1])
    }

    /// Parses stdout as a JSON array of objects.
    static func objects(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }

    /// A file's bytes, failing the test when it cannot be read.
    static func bytes(_ path: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: path))
    }

    /// Removes the temp folder (also done when the runner goes away).
    func cleanUp() {
        try? FileManager.default.removeItem(atPath: root)
    }

    deinit { cleanUp() }
}
