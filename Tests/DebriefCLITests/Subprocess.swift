import Foundation

/// Runs a program to completion with temporary files, never pipes, for its standard streams.
///
/// Swift Testing runs tests in parallel in one process, and a child spawned by one test (a tmux
/// server daemonises and lives on) can inherit the write end of another test's pipe; reading that
/// pipe to its end then blocks until the unrelated child exits. Files have no such end to wait for.
enum Subprocess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Still running at the timeout, so killed: a hang.
        var timedOut = false
        /// Killed on purpose after `killAfter` (it had not finished by then).
        var killed = false
    }

    /// Every run is bounded: a program still running after `timeout` seconds is killed (SIGKILL)
    /// and reported as `timedOut`, so a hang fails its test instead of stalling the suite.
    /// With `killAfter`, the program is killed with SIGKILL after that many seconds if it has not
    /// finished (the kill storm's random moments).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    stdin: String = "", directory: String? = nil, timeout: TimeInterval = 60,
                    killAfter: TimeInterval? = nil) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        let inURL = scratch.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin.utf8))
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? out.close(); try? err.close(); try? input.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let started = Date()
        var timedOut = false, killed = false
        while process.isRunning {
            let elapsed = Date().timeIntervalSince(started)
            if let killAfter, elapsed >= killAfter {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            if elapsed >= timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(1000)
        }
        process.waitUntilExit()
        // A program that exited on its own just before the kill was not killed.
        if killed || timedOut, process.terminationReason == .exit { killed = false; timedOut = false }
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      timedOut: timedOut, killed: killed)
    }
}
