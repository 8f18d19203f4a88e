import DebriefApp
import DebriefCore
import DebriefTerminal
import DebriefUI
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The real runtime: draws each frame, reads events, and performs the program's commands (I/O,
/// background work, the external editor, quitting) on the main thread.
@MainActor
enum TerminalRunner {
    /// Runs one program on a terminal of its own, restored when the program ends; returns the exit
    /// status. Prints a one-line error and returns 64 when there is no terminal to run on.
    static func run<P: Program>(_ program: P, environment: [String: String], scratch: String) -> Int32 {
        guard let terminal = open(environment: environment) else { return Exit.usage }
        defer { terminal.close() }
        return run(program, on: terminal, environment: environment, scratch: scratch).status
    }

    /// Opens the terminal, or says in one line why there is none (stdin or stdout not a TTY, an
    /// unknown `TERM`) and returns nil, having written nothing to the screen.
    static func open(environment: [String: String]) -> Terminal? {
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

    /// Runs `program` on an open terminal until it quits, leaving the terminal open for the next
    /// screen; returns the exit status and the program as it ended (so a screen that opened
    /// another can be run again where it was). An answer opened in the editor is written to a
    /// private folder made in `scratch` (the journal's `drafts/`), never outside the journal.
    static func run<P: Program>(_ program: P, on terminal: Terminal, environment: [String: String],
                                scratch: String) -> (status: Int32, program: P) {
        var program = program
        let mailbox = Mailbox<P.Message>()
        var running = 0
        var signal: Int32?
        // Views depend only on the program's state and the size, so an idle tick that changed
        // nothing does not build a frame (browse's entry view runs detection when it draws).
        var changed = true
        // Programs learn the real size before their first frame; later changes come as events.
        var queue = program.start()
        queue += program.update(.terminal(.resize(width: terminal.width, height: terminal.height)))
        while true {
            while !queue.isEmpty {
                let command = queue.removeFirst()
                switch command {
                case .perform(let work):
                    queue += program.update(.message(work()))
                case .background(let work):
                    running += 1
                    let thread = Thread { mailbox.post(work()) }
                    thread.stackSize = 8 << 20
                    thread.start()
                case .editText(let text, let suffix, let then):
                    let outcome = terminal.suspend { ExternalEditor.edit(text: text, suffix: suffix, environment: environment, in: scratch) }
                    queue += program.update(.message(then(outcome)))
                case .editFile(let path, let then):
                    let outcome = terminal.suspend { ExternalEditor.edit(path: path, environment: environment) }
                    queue += program.update(.message(then(outcome)))
                case .quit(let code):
                    return (code, program)
                case .exitOnSignal(let signal):
                    terminal.exit(reraising: signal)
                }
            }
            // A termination signal always ends the program, even one that forgot to ask for it.
            if let signal { terminal.exit(reraising: signal) }
            if changed {
                terminal.draw(program.view(width: terminal.width, height: terminal.height))
                // For `DEBRIEF_TRACE`: a frame drawn with no background work running is the one
                // with the journal filled in (what the benchmark's "first frame" measures).
                Trace.mark("frame: drawn, \(running) background read\(running == 1 ? "" : "s") running")
            }
            // Ticks reach the program too: idle time is when browse reads the rest of the journal.
            // While background work runs, wake often to deliver its result promptly.
            let event = terminal.nextEvent(timeout: .milliseconds(running > 0 ? 25 : 200))
            if case .signal(let caught) = event { signal = caught }
            queue = program.update(.terminal(event))
            let messages = mailbox.take()
            for message in messages {
                running -= 1
                queue += program.update(.message(message))
            }
            if case .tick = event {
                changed = !queue.isEmpty || !messages.isEmpty
            } else {
                changed = true
            }
        }
    }
}

/// Results of background work, handed from worker threads to the main loop.
final class Mailbox<Message: Sendable>: Sendable {
    private let items = Mutex<[Message]>([])

    func post(_ message: Message) {
        items.withLock { $0.append(message) }
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
