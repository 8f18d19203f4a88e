import DebriefUI

/// Ctrl-C on a screen that holds nothing unsaved (home, browse, follow-ups, people, review)
/// leaves debrief at once, with the status a shell gives an interrupted program. The terminal
/// runs in raw mode, so Ctrl-C arrives as a key rather than as SIGINT; the reflection binds it
/// to its save-or-discard dialog instead, because there it would lose answers.
enum Interrupt {
    /// 128 + SIGINT, as when the signal ends a program.
    static let status: Int32 = 130

    /// The binding each of those screens puts in its key maps (the `?` overlay lists it; the
    /// help bar has no room for it).
    static func binding<Action>(_ action: Action) -> KeyBinding<Action> {
        KeyBinding(.ctrl("c"), label: "^C", help: "quit debrief", action: action, showsInHelpBar: false)
    }
}
