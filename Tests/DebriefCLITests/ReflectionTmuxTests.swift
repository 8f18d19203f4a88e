import Foundation
import Testing

/// `debrief new` run as a person would, inside tmux: typed keys in, the screen and the saved
/// file out. Polls the screen; never sleeps a fixed time.
@Suite("Reflection in tmux", .serialized)
struct ReflectionTmuxTests {
    /// A temp journal, config and home, and a clock stopped at Thu 2026-11-26 21:00 Berlin.
    final class Sandbox {
        let dir: String
        init() throws {
            dir = NSTemporaryDirectory() + "debrief-tmux-" + UUID().uuidString
            for sub in ["journal", "config", "home"] {
                try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        var environment: [String: String] {
            ["DEBRIEF_JOURNAL": dir + "/journal", "DEBRIEF_NOW": "2026-11-26T21:00:00+01:00", "TZ": "Europe/Berlin",
             "HOME": dir + "/home", "XDG_CONFIG_HOME": dir + "/config", "EDITOR": "true"]
        }

        /// Texts of the files in a journal folder (`entries` or `drafts`), recursively.
        func files(_ folder: String) -> [String] {
            let root = dir + "/journal/" + folder
            guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
            return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
                .compactMap { try? String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
        }
    }

    @Test func fullReflectionWithUnicodeIsSavedFromKeysAlone() throws {
        let box = try Sandbox()
        let tmux = try Tmux(["new"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.type("Zoë 李雷 👋 meetup")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.type("today 18:30")
        try tmux.waitFor("→ 2026-11-26 18:30")
        try tmux.press("Enter")
        try tmux.waitFor("What kind of event")
        try tmux.type("m")
        try tmux.press("Enter")
        try tmux.type("Meet Swift people")
        try tmux.press("C-j")
        try tmux.type("and listen")
        try tmux.press("Enter")
        for key in ["y", "4", "l"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("Whom did you really talk to?")
        for field in ["Zoë 李雷 👋", "s", "n", "Runs 李雷's team 👋"] {
            try tmux.type(field)
            try tmux.press("Enter")
        }
        try tmux.waitFor("Zoë 李雷 👋 · senior · new")
        try tmux.press("Enter")
        for key in ["y", "40", "n", "A link", "2", "s"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("What will you follow up")
        try tmux.press("Tab")
        try tmux.press("Enter")
        try tmux.type("Send the slides")
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.waitFor("2026-11-29")
        try tmux.press("Enter")
        for key in ["y", "Vapor is close", "swift, 李雷"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("Anything else?")
        try tmux.type("Thanks Zoë 👋")
        try tmux.press("Enter")
        try tmux.waitFor("Summary")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.value("#{alternate_on}") == "0")
        let file = try #require(box.files("entries").first)
        for expected in ["Zoë 李雷 👋 meetup", "2026-11-26T18:30:00+01:00", "kind: meetup", "Meet Swift people", "and listen",
                         "name: Zoë 李雷 👋", "level: senior", "relation: new", "Runs 李雷's team 👋", "talk-share: 40",
                         "outreach-count: 2", "outreach-personalized: some", "who: Zoë 李雷 👋", "action: Send the slides",
                         "due: 2026-11-29", "Vapor is close", "李雷", "Thanks Zoë 👋"] {
            #expect(file.contains(expected), "missing \(expected) in\n\(file)")
        }
        #expect(box.files("drafts").isEmpty)
    }

    @Test func resizeMidTypingThenCtrlCSavesTheDraft() throws {
        let box = try Sandbox()
        let tmux = try Tmux(["new"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.type("Zoë 李雷")
        try tmux.waitFor("Zoë 李雷")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the 100-column layout") { $0.split(separator: "\n").contains { $0.contains("Event · 1 of 3") && $0.count > 90 } }
        try tmux.type(" 👋")
        try tmux.waitFor("Zoë 李雷 👋")
        try tmux.resize(width: 30, height: 10)
        try tmux.waitFor("needs at least 40×12")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("What would you call this event?")
        try tmux.type(" party")
        try tmux.waitFor("Zoë 李雷 👋 party")
        try tmux.press("C-c")
        try tmux.waitFor("Leave?")
        try tmux.type("s")
        #expect(try tmux.waitForExit() == 0)
        let draft = try #require(box.files("drafts").first)
        #expect(draft.contains("title: Zoë 李雷 👋 party"), "draft was\n\(draft)")
    }

    @Test func killedMidFlowThenNewOffersToResume() throws {
        let box = try Sandbox()
        do {
            let tmux = try Tmux(["new"], environment: box.environment)
            defer { tmux.stop() }
            try tmux.waitFor("What would you call this event?")
            try tmux.type("Coffee with Zoë")
            try tmux.press("Enter")
            try tmux.waitFor("When did it start?")
            try tmux.type("yesterday")
            kill(try tmux.pid(), SIGKILL)
            #expect(try tmux.waitForExit() == 128 + SIGKILL)
        }
        let tmux = try Tmux(["new"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("Resume the unfinished reflection on “Coffee with Zoë”")
        try tmux.type("r")
        try tmux.waitFor("When did it start?")
        try tmux.press("C-s")
        #expect(try tmux.waitForExit() == 0)
        #expect(box.files("entries").first?.contains("title: Coffee with Zoë") == true)
        #expect(box.files("drafts").isEmpty)
    }

    @Test func withoutATerminalItExplainsAndExits64() throws {
        let box = try Sandbox()
        let result = try Subprocess.run(Tmux.binary, ["new"],
            environment: box.environment.merging(["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"]) { $1 })
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let text = result.stderr
        #expect(text.contains("debrief add"))
        #expect(!text.contains("\u{1b}"))
        #expect(text.split(separator: "\n").count == 1)
    }
}

/// The same driving as `TmuxSession`, but every tmux call is spawned with `posix_spawn` and
/// reaped with `waitpid`, its output read from a file.
///
/// Why: on this machine Foundation's `Process` sometimes never noticed a tmux client exit (the
/// client stayed a zombie and `waitUntilExit` blocked forever), which hung the whole test run.
final class Tmux {
    let socket = "debrief-new-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// Where the wrapping shell writes the program's exit status: tmux 3.3a leaves
    /// `#{pane_dead_status}` empty, so the pane cannot tell it.
    let statusPath = NSTemporaryDirectory() + "debrief-status-" + UUID().uuidString

    static var binary: String { TmuxSession.binary }

    init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        var env = ["TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        let command = "env -i \(assignments) \(TmuxSession.quote(Self.binary)) " + arguments.map(TmuxSession.quote).joined(separator: " ")
        let wrapped = "sh -c " + TmuxSession.quote(command + "; echo $? > " + TmuxSession.quote(statusPath))
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", wrapped])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        serverPID = pid_t(try tmux(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// The tmux server's pid: here a server sometimes ignored `kill-server` and SIGTERM, so the
    /// test ends it with SIGKILL rather than leave it running.
    private var serverPID: pid_t = 0

    deinit { stop() }

    /// Ends the program and the server; tests call it in a `defer` as well, not relying on deinit.
    func stop() {
        guard serverPID > 0 else { return }
        if let program = try? pid(), program > 0 { kill(program, SIGKILL) }
        _ = try? tmux(["kill-server"])
        kill(serverPID, SIGKILL)
        serverPID = 0
        unlink(statusPath)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func capture() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }
    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-t", name, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    /// The program's pid: the only child of the wrapping shell (`env -i` execs it).
    func pid() throws -> pid_t {
        let shell = try value("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) } ?? 0
    }

    /// Waits until the screen satisfies `condition`.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout("timed out waiting for \(what); the screen was:\n\(screen)")
    }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        throw TmuxError.timeout("the program did not exit; the screen was:\n\(try capture())")
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "tmux-out-" + UUID().uuidString
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["/usr/bin/tmux", "-L", socket] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, nil, &cArgs, environ)
        guard spawned == 0 else { throw TmuxError.failed("cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else { throw TmuxError.failed("tmux \(arguments.joined(separator: " ")) exited \(code)") }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }
}
