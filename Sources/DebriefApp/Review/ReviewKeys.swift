import DebriefUI

/// What a key does on the review screen.
enum ReviewAction: Sendable, Equatable, FollowUpActions {
    case previousWeek, nextWeek, thisWeek
    case up, down, pageUp, pageDown, top, bottom
    /// Tab and Shift-Tab: the next or previous reason or follow-up, which Enter opens and the
    /// follow-up keys change.
    case nextItem, previousItem, open
    case toggle, reschedule, doneOn
    case help, back, interrupt
}

/// The review screen's keys: the single source for dispatch, the help bar and the `?` overlay.
/// Space is the follow-up key here as on every screen that lists follow-ups (PgDn pages).
enum ReviewKeys {
    static let map = KeyMap<ReviewAction>([
        KeyBinding([.left, .char("h")], label: "←/h", help: "previous week", action: .previousWeek),
        KeyBinding([.right, .char("l")], label: "→/l", help: "next week", action: .nextWeek),
        KeyBinding(.tab, label: "Tab", help: "next item", action: .nextItem),
        KeyBinding(.backTab, label: "S-Tab", help: "previous item (a reason or a follow-up)", action: .previousItem, showsInHelpBar: false),
        KeyBinding(.enter, label: "Enter", help: "open", action: .open),
        KeyBinding(.char("t"), help: "this week", action: .thisWeek, showsInHelpBar: false),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        KeyBinding([.up, .char("k")], label: "↑/k", help: "scroll up", action: .up, showsInHelpBar: false),
        KeyBinding([.down, .char("j")], label: "↓/j", help: "scroll down", action: .down, showsInHelpBar: false),
        KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
        KeyBinding(.pageDown, label: "PgDn", help: "page down", action: .pageDown, showsInHelpBar: false),
        KeyBinding([.home, .char("g")], label: "g/Home", help: "top", action: .top, showsInHelpBar: false),
        KeyBinding([.end, .char("G")], label: "G/End", help: "bottom", action: .bottom, showsInHelpBar: false),
        Interrupt.binding(.interrupt),
    ] + ReviewAction.followUpBindings(showsInHelpBar: false))
}
