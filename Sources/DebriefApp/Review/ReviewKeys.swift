import DebriefUI

/// What a key does on the review screen.
enum ReviewAction: Sendable, Equatable {
    case previousWeek, nextWeek, thisWeek
    case up, down, pageUp, pageDown, top, bottom
    case help, back, interrupt
}

/// The review screen's keys: the single source for dispatch, the help bar and the `?` overlay.
enum ReviewKeys {
    static let map = KeyMap<ReviewAction>([
        KeyBinding([.left, .char("h")], label: "←/h", help: "previous week", action: .previousWeek),
        KeyBinding([.right, .char("l")], label: "→/l", help: "next week", action: .nextWeek),
        KeyBinding(.char("t"), help: "this week", action: .thisWeek),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        KeyBinding([.up, .char("k")], label: "↑/k", help: "scroll up", action: .up, showsInHelpBar: false),
        KeyBinding([.down, .char("j")], label: "↓/j", help: "scroll down", action: .down, showsInHelpBar: false),
        KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
        KeyBinding([.pageDown, .char(" ")], label: "PgDn/Space", help: "page down", action: .pageDown, showsInHelpBar: false),
        KeyBinding([.home, .char("g")], label: "g/Home", help: "top", action: .top, showsInHelpBar: false),
        KeyBinding([.end, .char("G")], label: "G/End", help: "bottom", action: .bottom, showsInHelpBar: false),
        Interrupt.binding(.interrupt),
    ])
}
