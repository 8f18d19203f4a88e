import Foundation
import Testing

/// `debrief browse` and the home screen, end to end: the built binary in tmux over a fixture
/// journal written as plain files, with a fixed clock.
@Suite(.serialized) struct BrowseTmuxTests {
    let root: String
    let meetupPath: String
    let coffeePath: String

    init() throws {
        root = NSTemporaryDirectory() + "debrief-browse-tmux-" + UUID().uuidString
        meetupPath = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        coffeePath = root + "/entries/2026/11/2026-11-20-0900-product-coffee.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try Self.meetup.write(toFile: meetupPath, atomically: true, encoding: .utf8)
        try Self.coffee.write(toFile: coffeePath, atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] {
        ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00", "TZ": "Europe/Berlin", "HOME": root, "EDITOR": "true"]
    }

    @Test func searchAWordAndOpenTheEntry() throws {
        defer { cleanUp() }
        let tmux = try SpawnedTmux(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.type("/")
        try tmux.type("swiftnio")
        try tmux.press("Enter")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("Ask about the SwiftNIO migration next time.")
        #expect(screen.contains("Whom did you really talk to?"))
        #expect(screen.contains("Zoë Brandt"))
        #expect(screen.contains("Send the talk link"))
        try tmux.press("Escape")
        try tmux.waitFor("Enter open")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func markAFollowUpDone() throws {
        defer { cleanUp() }
        let tmux = try SpawnedTmux(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.press("Enter")
        try tmux.waitFor("Intro to Marc")
        try tmux.press("Tab")
        try tmux.type(" ")
        try tmux.waitFor("done 2026-11-26")
        let text = try String(contentsOfFile: meetupPath, encoding: .utf8)
        #expect(text.contains("    due: 2026-11-20\n    done: 2026-11-26\n"))
        #expect(text.contains("updated: 2026-11-26T10:00:00+01:00"))
        #expect(text.replacingOccurrences(of: "    done: 2026-11-26\n", with: "")
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-24T21:05:00+01:00") == Self.meetup)
        try tmux.type("q")
        try tmux.waitFor("Enter open")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func deleteAndUndo() throws {
        defer { cleanUp() }
        let tmux = try SpawnedTmux(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.press("Down")
        try tmux.type("d")
        try tmux.waitFor("Move “Product coffee” to trash? y/n")
        try tmux.type("y")
        try tmux.waitFor("u undoes")
        #expect(!FileManager.default.fileExists(atPath: coffeePath))
        #expect(FileManager.default.fileExists(atPath: root + "/trash/2026-11-20-0900-product-coffee.md"))
        try tmux.type("u")
        try tmux.waitFor("Restored “Product coffee”")
        #expect(try String(contentsOfFile: coffeePath, encoding: .utf8) == Self.coffee)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func homeLeadsToBrowseAndBack() throws {
        defer { cleanUp() }
        let tmux = try SpawnedTmux(["--journal", root], environment: environment, width: 100, height: 30)
        let home = try tmux.waitFor("Follow-ups due")
        #expect(home.contains("6 days overdue"))
        #expect(home.contains("Ana Li: Intro to Marc"))
        try tmux.type("b")
        try tmux.waitFor("Debrief · browse · 2 entries")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("r")
        try tmux.waitFor("The review screen is not in the TUI yet")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    static let meetup = """
    ---
    schema: 1
    id: 2026-11-24-1830-swift-meetup-berlin
    created: 2026-11-24T21:05:00+01:00
    updated: 2026-11-24T21:05:00+01:00
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    kind: meetup
    people:
      - name: Zoë Brandt
        level: peer
        relation: new
    follow-ups:
      - who: Zoë Brandt
        action: Send the talk link
        due: 2026-11-27
      - who: Ana Li
        action: Intro to Marc
        due: 2026-11-20
    ---
    Ask about the SwiftNIO migration next time.

    """

    static let coffee = """
    ---
    schema: 1
    id: 2026-11-20-0900-product-coffee
    created: 2026-11-20T10:00:00+01:00
    updated: 2026-11-20T10:00:00+01:00
    title: Product coffee
    date: 2026-11-20T09:00:00+01:00
    kind: one-on-one
    ---

    """
}

/// The same driving as `TmuxSession`, but each tmux command runs through `posix_spawn` and a
/// blocking `waitpid` on its own pid: Foundation's `Process.waitUntilExit` was seen to hang here
/// with the finished `tmux new-session` client left as a zombie, which stalled the whole run.
final class SpawnedTmux {
    let socket = "debrief-browse-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "t"
    /// Where the pane's shell writes the program's exit status.
    let statusFile = NSTemporaryDirectory() + "debrief-browse-exit-" + UUID().uuidString

    init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        var env = ["TERM": "tmux-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        let command = "env -i \(assignments) \(TmuxSession.quote(TmuxSession.binary)) " + arguments.map(TmuxSession.quote).joined(separator: " ")
            + "; echo $? > " + TmuxSession.quote(statusFile)
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        unlink(statusFile)
    }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }
    func capture() throws -> String { try tmux(["capture-pane", "-t", name, "-p"]) }

    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            usleep(50_000)
        }
        throw TmuxError.timeout("timed out waiting for \"\(text)\"; the screen was:\n\(screen)")
    }

    /// Waits for the program to exit and returns its status, which the pane's shell writes to
    /// a file (this tmux, 3.3a, leaves `#{pane_dead_status}` empty).
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8), text.hasSuffix("\n") {
                return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
            }
            usleep(50_000)
        }
        throw TmuxError.timeout("the program did not exit; the screen was:\n\(try capture())")
    }

    func value(_ format: String) throws -> String {
        try tmux(["display-message", "-t", name, "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `tmux -L socket arguments…`, returning stdout; stderr goes to /dev/null.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TmuxError.failed("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Close both pipe ends beyond stdout: the tmux server that `new-session` forks would
        // otherwise keep the write end open and the read below would never see end of file.
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv = ["/usr/bin/tmux", "-L", socket] + arguments
        var cargs = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        // Test threads block signals and a spawned process inherits that mask: the tmux server
        // would then never see SIGCHLD or SIGTERM. Start it with an empty mask and default handlers.
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
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/usr/bin/tmux", &actions, &attributes, &cargs, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            throw TmuxError.failed("cannot start tmux: \(rc)")
        }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n > 0 { output += buffer[0..<n]; continue }
            if n < 0, errno == EINTR { continue }
            break
        }
        close(fds[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        guard status == 0 else { throw TmuxError.failed("tmux \(arguments.joined(separator: " ")) exited \(status)") }
        return String(decoding: output, as: UTF8.self)
    }
}
