import Foundation
import Testing

/// The built `debrief` binary running inside a private tmux server, driven as a person would:
/// typing with `send-keys -l`, pressing keys, reading the screen with `capture-pane`, polling
/// with a timeout instead of sleeping a fixed time.
final class TmuxSession {
    let socket: String
    let name = "t"
    let width: Int
    let height: Int

    /// The package's built binary (`swift test` builds it first).
    static var binary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/debrief").path
    }

    /// Starts `debrief arguments…` at the given size with exactly `environment` (plus TERM and PATH).
    /// The pane stays after the program exits so its exit status can be read.
    init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        socket = "debrief-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        var env = ["TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = "env -i \(assignments) \(Self.quote(Self.binary)) " + arguments.map(Self.quote).joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `Up`, `C-s`, `Escape`, `BSpace`).
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The screen as text.
    func capture() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`, `#{pane_dead}`, `#{pane_pid}`.
    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-t", name, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the screen contains `text`; returns the screen. Fails with the last screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil(timeout: timeout, "screen to show \"\(text)\"") { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout("timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits for the program to exit and returns its exit status (128+n when killed by signal n).
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try value("#{pane_dead}") == "1" {
                let signal = Int32(try value("#{pane_dead_signal}")) ?? 0
                if signal > 0 { return 128 + signal }
                return Int32(try value("#{pane_dead_status}")) ?? -1
            }
            usleep(50_000)
        }
        throw TmuxError.timeout("the program did not exit; the screen was:\n\(try capture())")
    }

    /// The pid of the program in the pane.
    func pid() throws -> pid_t { pid_t(try value("#{pane_pid}")) ?? 0 }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run("/usr/bin/tmux", ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw TmuxError.failed("tmux \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

enum TmuxError: Error, CustomStringConvertible {
    case timeout(String)
    case failed(String)

    var description: String {
        switch self {
        case .timeout(let s), .failed(let s): return s
        }
    }
}
