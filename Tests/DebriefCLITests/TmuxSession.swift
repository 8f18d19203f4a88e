import Foundation
import Testing

/// The built `debrief` binary running inside a private tmux server, driven as a person would:
/// typing with `send-keys -l`, pressing keys, reading the screen with `capture-pane`, polling
/// with a timeout instead of sleeping a fixed time.
///
/// Every tmux call is spawned with `posix_spawn` (not Foundation's `Process`), because:
/// - test threads block signals and a child inherits the mask: a tmux server started that way
///   never sees SIGCHLD or SIGTERM, so it is started with an empty mask and default handlers;
/// - the server that `new-session` forks inherits open descriptors, so output goes to a file,
///   never a pipe another reader could be left waiting on;
/// - the client is reaped with a blocking `waitpid` on its own pid.
/// The pane's shell writes the program's exit status to a file: tmux 3.3a leaves
/// `#{pane_dead_status}` empty. It records the tty's modes (`stty -a`) before the program starts
/// and after it ends, so a test can check the program gave the terminal back as it found it.
final class TmuxSession {
    let socket = "debrief-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// Holds the files the pane's shell writes. Removing the folder, not the files, means a shell
    /// that writes after `stop()` (it outlives the program it waited for) cannot leave one behind.
    let folder = NSTemporaryDirectory() + "debrief-tmux-session-" + UUID().uuidString
    var statusPath: String { folder + "/status" }
    var ttyPath: String { folder + "/tty" }
    var ttyBeforePath: String { folder + "/tty-before" }
    /// The server's pid, so `stop()` can make sure it is gone.
    private var serverPID: pid_t = 0
    /// The server's socket file, removed by `stop()` in case the server had to be killed.
    private var socketPath = ""

    /// The package's built binary (`swift test` builds it first).
    static var binary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/debrief").path
    }

    /// The release build of the binary, when the test run was given one in
    /// `DEBRIEF_RELEASE_BINARY` (`.ci/run` builds it once per run): some bugs exist only there.
    static var releaseBinary: String? {
        guard let path = ProcessInfo.processInfo.environment["DEBRIEF_RELEASE_BINARY"], !path.isEmpty else { return nil }
        return path.hasPrefix("/") ? path : BinaryRunner.packageRoot + "/" + path
    }

    /// Starts `debrief arguments…` at the given size with exactly `environment` (plus TERM, PATH
    /// and LANG unless given). The pane stays after the program exits. With `stderrPath`, the
    /// program's stderr goes to that file, so the pane shows stdout alone.
    init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24,
         stderrPath: String? = nil, binary: String = TmuxSession.binary) throws {
        var env = ["TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        let command = "env -i \(assignments) \(Self.quote(binary)) " + arguments.map(Self.quote).joined(separator: " ")
        let redirect = stderrPath.map { " 2> " + Self.quote($0) } ?? ""
        let after = "; s=$?; stty -a > \(Self.quote(ttyPath)) 2>&1; echo $s > \(Self.quote(statusPath))"
        let before = "stty -a > \(Self.quote(ttyBeforePath)) 2>&1; "
        let wrapped = "sh -c " + Self.quote(before + command + redirect + after)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", wrapped])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        serverPID = pid_t(try value("#{pid}")) ?? 0
        socketPath = try value("#{socket_path}")
    }

    deinit { stop() }

    /// Ends the program and the server (SIGKILL as a last resort); idempotent. Tests may call it
    /// in a `defer` rather than wait for deinit.
    func stop() {
        guard serverPID > 0 else { return }
        if let program = try? pid(), program > 0 { kill(program, SIGKILL) }
        _ = try? tmux(["kill-server"])
        // kill-server returns before the server is gone; give it a moment to remove its socket.
        let deadline = Date().addingTimeInterval(1)
        while Self.isRunning(serverPID), Date() < deadline { usleep(10_000) }
        kill(serverPID, SIGKILL)
        serverPID = 0
        if !socketPath.isEmpty { unlink(socketPath) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Whether a process exists and is not a zombie. The daemonised server's parent is PID 1,
    /// which in a container may never reap it, so `kill(pid, 0)` alone would wait for nothing.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return kill(pid, 0) == 0 }
        return !stat[close...].hasPrefix(") Z")
    }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `Up`, `C-s`, `Escape`, `BSpace`).
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// The screen as text.
    func capture() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

    /// What the program printed after leaving the screen (its stdout, when stderr goes to a
    /// file): the scrollback and the screen, with lines the terminal wrapped (a long path) joined
    /// and tmux's own "Pane is dead" line left out. The scrollback is needed because tmux makes
    /// room for that line by scrolling the screen, which can push the first line off it.
    /// `styled` keeps attributes and colours as SGR sequences (`-e`).
    func printedLines(styled: Bool = false) throws -> [String] {
        try tmux(["capture-pane", "-t", name, "-p", "-J", "-S", "-"] + (styled ? ["-e"] : []))
            .split(separator: "\n").map(String.init).filter { !$0.contains("Pane is dead") }
    }

    /// The screen with its attributes and colours as SGR escape sequences (`capture-pane -e`).
    func captureStyled() throws -> String { try tmux(["capture-pane", "-t", name, "-p", "-e"]) }

    /// Pastes `text` as a terminal would: bracketed (`ESC [200~ … ESC [201~`) when the program
    /// asked for bracketed paste. tmux turns each line feed into a carriage return, as a real
    /// terminal's paste does.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "test", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "test", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format value for the pane, e.g. `#{alternate_on}`.
    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-t", name, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program's pid: the only child of the pane's shell (`env -i` execs it).
    func pid() throws -> pid_t {
        let shell = try value("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) } ?? 0
    }

    /// How long a wait lasts before it fails. It guards against a hang, never measures speed: on
    /// a machine busy with builds and other suites (load 8 on 2 cores) a frame of the debug binary
    /// took more than 10 s to appear, and a test failed that way though nothing was wrong.
    static let patience: TimeInterval = 30

    /// Waits until the screen satisfies `condition`; returns the screen. Fails with the last screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = patience, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout("timed out waiting for \(what); the screen was:\n\(screen)")
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = patience) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its exit status (128+n when killed by signal n,
    /// as the shell reports it).
    func waitForExit(timeout: TimeInterval = patience) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusPath, encoding: .utf8), text.hasSuffix("\n"),
               let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(50_000)
        }
        throw TmuxError.timeout("the program did not exit; the screen was:\n\(try capture())")
    }

    /// The tty's modes (`stty -a`) as the pane's shell saw them after the program exited; call
    /// after ``waitForExit(timeout:)``.
    func terminalModesAfterExit() throws -> [String] {
        let text = try String(contentsOfFile: ttyPath, encoding: .utf8)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    }

    /// The tty's modes (`stty -a`) as the pane's shell saw them before starting the program.
    func terminalModesBefore() throws -> [String] {
        let text = try String(contentsOfFile: ttyBeforePath, encoding: .utf8)
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init)
    }

    /// Runs `tmux -L socket arguments…` and returns its stdout.
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
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ["/usr/bin/tmux", "-L", socket] + arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &cArgs, environ)
        guard spawned == 0 else { throw TmuxError.failed("cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else { throw TmuxError.failed("tmux \(arguments.joined(separator: " ")) exited \(code)") }
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
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
