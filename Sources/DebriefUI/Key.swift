/// A decoded key press, independent of how the terminal encoded it.
///
/// Control letters that terminals cannot distinguish from other keys are normalised by the
/// terminal layer: Ctrl-I is ``tab``, Ctrl-M / Ctrl-J arrive as ``enter`` (Ctrl-J only when the
/// terminal sends 10 for Enter; see `DebriefTerminal`), Ctrl-H is ``backspace``, Ctrl-[ is ``escape``.
public enum Key: Hashable, Sendable {
    /// A printable grapheme (never a control character).
    case char(Character)
    /// Ctrl plus a lowercase letter, e.g. `.ctrl("s")`; shown as `^S`.
    case ctrl(Character)
    /// Alt (Meta) plus a character, which terminals send as Esc followed by the character.
    case alt(Character)
    case enter
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1…F12.
    case function(Int)
    /// A bracketed paste, delivered whole so pasted newlines do not act as Enter.
    case paste(String)
}

/// Everything the terminal reports to the app's loop.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size; the next frame must be rendered at this size.
    case resize(width: Int, height: Int)
    /// SIGTERM, SIGHUP or SIGINT arrived; save what needs saving, then exit with that signal.
    case signal(Int32)
    /// Nothing happened before the input timeout; lets the app run timers.
    case tick
}
