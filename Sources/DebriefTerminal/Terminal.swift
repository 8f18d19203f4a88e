import CNcursesw
import DebriefUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The curses session: the only place in Debrief that talks to the terminal.
///
/// Main-actor isolated because curses is single-threaded and its state is global. Open it with
/// ``open(environment:)``, loop on ``nextEvent(timeout:)`` and ``draw(_:)``, and always end with
/// ``close()`` or ``exit(reraising:)``.
///
/// Terminal modes: `raw()` so Ctrl-C, Ctrl-S, Ctrl-Q and Ctrl-Z arrive as keys (no SIGINT, no
/// flow control); `nonl()` so Enter arrives as 13 (``Key/enter``) and Ctrl-J as 10
/// (`.ctrl("j")`), which lets the app bind Ctrl-J to "new line"; bracketed paste is on, so a
/// paste arrives as one ``Key/paste(_:)``.
@MainActor
public final class Terminal {
    /// Current size in cells; updated when a ``TerminalEvent/resize(width:height:)`` is reported.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Whether roles are drawn in colour (false under `NO_COLOR` or on monochrome terminals);
    /// bold and reverse are used either way.
    public let colorsEnabled: Bool
    /// Whether the locale is UTF-8, i.e. box drawing and `…` can be used (else use ASCII fallbacks).
    public let supportsUnicode: Bool

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    /// The last frame drawn, for writing only changes; `nil` forces a full redraw.
    var previous: ScreenBuffer?
    /// Physically clear the screen on the next draw (after a resize or an editor).
    var needsClear = false
    var isOpen = true
    /// Raw input read ahead while decoding escape sequences and bursts of text.
    var pushedBack: [RawInput] = []
    /// Keys decoded from one burst and not yet returned.
    var pendingKeys: [Key] = []
    /// Reads in a row that failed without waiting, a sign the terminal has gone away.
    var instantFailures = 0
    static let lostTerminalThreshold = 50

    private static var current: Terminal?

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colorsEnabled: Bool, supportsUnicode: Bool) {
        self.screen = screen
        self.window = window
        self.colorsEnabled = colorsEnabled
        self.supportsUnicode = supportsUnicode
        self.width = Int(getmaxx(window))
        self.height = Int(getmaxy(window))
    }

    /// Starts curses on stdin/stdout.
    ///
    /// Checks everything that can fail *before* writing anything, so on error the screen is
    /// untouched: both streams must be TTYs, and `TERM` must be known (`newterm`, unlike
    /// `initscr`, returns NULL instead of exiting). Sets a UTF-8 locale first (falling back to
    /// `C.UTF-8`), because without one curses garbles and stops reading non-ASCII input.
    ///
    /// - Parameter environment: the process environment; `TERM` and `NO_COLOR` are read from it.
    public static func open(environment: [String: String]) throws(TerminalError) -> Terminal {
        guard current == nil else { throw .alreadyOpen }
        let stdinIsTTY = isatty(STDIN_FILENO) == 1
        let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
        guard stdinIsTTY && stdoutIsTTY else { throw .notATerminal(stdin: stdinIsTTY, stdout: stdoutIsTTY) }

        let supportsUnicode = configureLocale()
        let termName = environment["TERM"] ?? ""
        saveTerminalModes()
        guard !termName.isEmpty,
              let screen = termName.withCString({ debrief_newterm($0) }) else {
            throw .unknownTerminal(termName)
        }
        set_term(screen)
        guard let window = debrief_stdscr() else {
            endwin()
            delscreen(screen)
            throw .unknownTerminal(termName)
        }

        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, Int32(pollInterval))

        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colorsEnabled = !noColor && has_colors() && start_color() == OK && debrief_colors() >= 8
        if colorsEnabled { setUpColorPairs() }

        let terminal = Terminal(screen: screen, window: window, colorsEnabled: colorsEnabled,
                                supportsUnicode: supportsUnicode)
        current = terminal
        installSignalHandlers()
        writeRaw(bracketedPasteOn)
        terminal.needsClear = true
        return terminal
    }

    /// Restores the terminal (leaves the alternate screen, restores tty modes). Idempotent.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        Terminal.restoreSignalHandlers()
        endwin()
        Terminal.writeRaw(Terminal.bracketedPasteOff)
        delscreen(screen)
        if Terminal.current === self { Terminal.current = nil }
    }

    /// Restores the terminal, then dies of `signal` with its default action, so the exit status
    /// is the conventional one (143 for SIGTERM, 129 for SIGHUP, 130 for SIGINT).
    ///
    /// Call this after ``TerminalEvent/signal(_:)`` once the draft is saved.
    public func exit(reraising signal: Int32) -> Never {
        close()
        Terminal.reraise(signal)
        // Only reached if the signal could not kill us (e.g. it is ignored by the parent).
        _exit(128 + signal)
    }

    /// Milliseconds one read waits at most, so signals are noticed promptly.
    static let pollInterval = 100
    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    /// Writes bytes straight to fd 1, bypassing curses (for modes curses does not know about).
    static func writeRaw(_ string: String) {
        var bytes = Array(string.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 when the user's locale is not UTF-8.
    /// Returns whether the resulting codeset is UTF-8.
    private static func configureLocale() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Codeset() { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8Codeset()
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }
}
