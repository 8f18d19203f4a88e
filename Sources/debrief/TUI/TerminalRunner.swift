import DebriefApp
import DebriefCore
import DebriefTerminal
import DebriefUI
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The terminal's loop around the app's ``Runtime``: draws the screen on top, reads events and
/// hands them in, and delivers what background threads finished. The commands themselves are the
/// runtime's to perform; this file only provides its effects on a real terminal (``TerminalEffects``).
@MainActor
enum TerminalRunner {
    /// Opens the terminal, or says in one line why there is none (stdin or stdout not a TTY, an
    /// unknown `TERM`) and returns nil, having written nothing to the screen.
    static func open(environment: [String: String]) -> Terminal? {
        StderrProgress.screenOpening()
        do {
            return try Terminal.open(environment: environment)
        } catch {
            switch error {
            case .notATerminal:
                Output.error("this screen needs a terminal on stdin and stdout; for scripts use `debrief add`")
            case .unknownTerminal(let name):
                Output.error(name.isEmpty
                    ? "TERM is not set, so the screen cannot be drawn; set it (for example TERM=xterm-256color)"
                    : "unknown terminal type '\(name)'; set TERM to one this system knows (for example xterm-256color)")
            default:
                Output.error("cannot start the screen: \(error)")
            }
            return nil
        }
    }

    /// Runs `runtime` from `root` on an open terminal until the run ends (the first screen goes
    /// back, a screen quits, or one cannot be opened), and returns it as it ended. Dies of a
    /// signal a screen asked to die of. While background work runs, what `progress` received
    /// reaches the screen on top as its ``Program/readProgress(done:total:)`` message.
    static func run(_ runtime: Runtime, from root: Screen, on terminal: Terminal, effects: TerminalEffects,
                    progress: ReadProgress? = nil) -> Runtime {
        var runtime = runtime
        var signal: Int32?
        // Views depend only on the state and the size, so an idle tick that changed nothing
        // does not build a frame.
        var changed = true
        _ = progress?.take()  // a count left from an earlier run's read
        runtime.begin(with: root)
        while runtime.isRunning {
            // A termination signal always ends the run, even when no screen asked for it.
            if let signal { terminal.exit(reraising: signal) }
            if changed {
                terminal.draw(runtime.frame)
                // For `DEBRIEF_TRACE`: a frame drawn with no background work running is the one
                // with the journal filled in (what the benchmark's "first frame" measures).
                Trace.mark("frame: drawn, \(runtime.running) background read\(runtime.running == 1 ? "" : "s") running")
            }
            // Ticks reach the screen too: idle time is when browse reads the rest of the journal.
            // While background work runs, wake often to deliver its result promptly.
            let event = runtime.running > 0 ? nextEvent(from: terminal, watching: effects.mailbox)
                : terminal.nextEvent(timeout: .milliseconds(200))
            if case .signal(let caught) = event { signal = caught }
            let acted = runtime.send(event)
            var progressed = false
            if runtime.isRunning, let count = progress?.take() {
                progressed = runtime.readProgress(done: count.done, total: count.total)
            }
            let messages = effects.mailbox.take()
            for message in messages where runtime.isRunning {
                runtime.deliver(message)
            }
            if case .tick = event {
                changed = acted || !messages.isEmpty || progressed
            } else {
                changed = true
            }
        }
        if let asked = runtime.exitSignal ?? signal { terminal.exit(reraising: asked) }
        return runtime
    }

    /// While background work runs: the next event, else a tick every ``busyTick`` as the screens
    /// expect, or sooner, within a ``mailboxCheck`` of a result arriving in `mailbox`. Looking
    /// only after each whole tick left a finished read waiting up to 25 ms for its frame (12 ms
    /// on average: a tenth of home's first frame at 10,000 entries).
    static func nextEvent(from terminal: Terminal, watching mailbox: Mailbox<RuntimeMessage>) -> TerminalEvent {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: busyTick)
        while true {
            let event = terminal.nextEvent(timeout: mailboxCheck)
            guard case .tick = event else { return event }
            if !mailbox.isEmpty || clock.now >= deadline { return .tick }
        }
    }

    /// How often screens get a tick while background work runs.
    static let busyTick = Duration.milliseconds(25)
    /// How often the mailbox is looked at meanwhile.
    static let mailboxCheck = Duration.milliseconds(4)
}

/// The runtime's effects on a real terminal: worker threads whose results wait in a mailbox for
/// the loop, the user's editor with the screen suspended, and the clock the command resolved
/// (`DEBRIEF_NOW` or the system's). Used only from the main thread, where the terminal lives.
final class TerminalEffects: RuntimeEffects {
    let terminal: Terminal
    let environment: [String: String]
    /// Where an answer opened in the editor is written: a private folder made in the journal's
    /// `drafts/`, never outside the journal.
    let scratch: String
    let clock: Clock
    let mailbox = Mailbox<RuntimeMessage>()

    init(terminal: Terminal, environment: [String: String], scratch: String, clock: Clock) {
        self.terminal = terminal
        self.environment = environment
        self.scratch = scratch
        self.clock = clock
    }

    func now() -> Date { clock.now() }

    func background(_ work: @escaping @Sendable () -> RuntimeMessage) -> RuntimeMessage? {
        let mailbox = self.mailbox
        let thread = Thread { mailbox.post(work()) }
        thread.stackSize = 8 << 20
        thread.start()
        return nil
    }

    func edit(text: String, suffix: String) -> EditorOutcome {
        let (terminal, environment, scratch) = (self.terminal, self.environment, self.scratch)
        return MainActor.assumeIsolated {
            terminal.suspend { ExternalEditor.edit(text: text, suffix: suffix, environment: environment, in: scratch) }
        }
    }

    func edit(path: String) -> EditorOutcome {
        let (terminal, environment) = (self.terminal, self.environment)
        return MainActor.assumeIsolated { terminal.suspend { ExternalEditor.edit(path: path, environment: environment) } }
    }
}

/// Results of background work, handed from worker threads to the main loop.
final class Mailbox<Message: Sendable>: Sendable {
    private let items = Mutex<[Message]>([])

    func post(_ message: Message) {
        items.withLock { $0.append(message) }
    }

    /// Whether nothing waits (the loop looks often while background work runs).
    var isEmpty: Bool {
        items.withLock { $0.isEmpty }
    }

    func take() -> [Message] {
        items.withLock { items in
            defer { items.removeAll() }
            return items
        }
    }
}

/// Runs `$VISUAL`, else `$EDITOR`, else `vi` on a file, through `/bin/sh` so editor settings
/// with arguments (`code --wait`) work, in the terminal's foreground (`ForegroundProcess`).
enum ExternalEditor {
    /// Opens `text` in the editor through a file in a new hidden folder of `folder` (mode 0700,
    /// the file 0600 from its creation), removed afterwards.
    static func edit(text: String, suffix: String, environment: [String: String], in folder: String) -> EditorOutcome {
        do throws(StoreError) { try AtomicFile.makeDirectory(folder) } catch { return .failed(error.description) }
        var template = Array(TemporaryFile.editorFolderTemplate(in: folder).utf8CString)
        guard let dirPointer = mkdtemp(&template) else { return .failed("cannot create a temporary folder") }
        let dir = String(cString: dirPointer)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/answer" + suffix
        // Created 0600 by open itself, whatever the umask: the answer is private from its first byte.
        guard writeNew(Array(text.utf8), to: path) else { return .failed("cannot write a temporary file") }
        return edit(path: path, environment: environment)
    }

    /// Creates `path` (it must not exist) with mode 0600 and writes `bytes`.
    static func writeNew(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard fchmod(fd, 0o600) == 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func edit(path: String, environment: [String: String]) -> EditorOutcome {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        switch ForegroundProcess.run("/bin/sh", arguments: ["sh", "-c", editor + " \"$1\"", "sh", path]) {
        case .notStarted(let reason):
            return .failed("cannot run the editor '\(editor)': \(reason)")
        case .finished(let status) where status != 0:
            return .failed("the editor '\(editor)' exited with status \(status); nothing was changed")
        case .finished:
            break
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return .failed("cannot read the edited file as UTF-8 text")
        }
        return .edited(text)
    }
}
