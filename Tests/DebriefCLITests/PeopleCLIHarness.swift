import Foundation
import Testing

/// Runs the built `debrief` binary in a throwaway journal with a fixed clock and zone, for the
/// follow-up and people CLI tests.
struct PeopleCLIHarness {
    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    /// The package root is three levels above this file (Tests/DebriefCLITests/<file>).
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/debrief").path

    let home: URL
    var journal: String { home.appendingPathComponent("journal").path }
    var now = "2026-11-26T10:00:00+01:00"

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-people-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }

    func run(_ arguments: [String], stdin: String? = nil, now: String? = nil) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build debrief first: \(Self.binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = [
            "DEBRIEF_JOURNAL": journal,
            "DEBRIEF_NOW": now ?? self.now,
            "TZ": "Europe/Berlin",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "PATH": "/usr/bin:/bin",
        ]
        // Files, not pipes: nothing can block on a full pipe buffer.
        let id = UUID().uuidString
        let outURL = home.appendingPathComponent("out-\(id)")
        let errURL = home.appendingPathComponent("err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        return Result(code: process.terminationStatus, out: out, err: err)
    }

    /// Adds an entry from YAML answers and returns its id and path.
    @discardableResult
    func add(_ yaml: String) throws -> (id: String, path: String) {
        let result = try run(["add", "--answers", "-"], stdin: yaml)
        try #require(result.code == 0, "add failed: \(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        return (lines[0], lines[1])
    }

    /// Parses stdout as a JSON array of objects.
    static func objects(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }

    static func bytes(_ path: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: path))
    }
}
