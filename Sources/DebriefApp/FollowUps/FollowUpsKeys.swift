import DebriefCore
import DebriefUI

/// What a key does on the follow-up list; the key map is the single source for dispatch, the
/// help bar and the `?` overlay.
enum FollowUpsAction: Sendable, Equatable {
    case up, down, pageUp, pageDown, first, last
    case toggle, open
    case nextFilter, previousFilter, show(FollowUpFilter)
    case help, back
}

enum FollowUpsKeys {
    static let map = KeyMap<FollowUpsAction>([
        KeyBinding(.char(" "), help: "done/open", action: .toggle),
        KeyBinding([.enter], label: "Enter", help: "open entry", action: .open),
        KeyBinding([.tab, .backTab], label: "Tab", help: "filter", action: .nextFilter),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q/Esc", help: "back", action: .back),
        KeyBinding(.char("o"), help: "show open", action: .show(.open), showsInHelpBar: false),
        KeyBinding(.char("!"), help: "show overdue", action: .show(.overdue), showsInHelpBar: false),
        KeyBinding(.char("d"), help: "show done", action: .show(.done), showsInHelpBar: false),
        KeyBinding(.char("a"), help: "show all", action: .show(.all), showsInHelpBar: false),
        KeyBinding([.up, .char("k")], label: "↑/k", help: "up", action: .up, showsInHelpBar: false),
        KeyBinding([.down, .char("j")], label: "↓/j", help: "down", action: .down, showsInHelpBar: false),
        KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
        KeyBinding(.pageDown, label: "PgDn", help: "page down", action: .pageDown, showsInHelpBar: false),
        KeyBinding([.home, .char("g")], label: "g/Home", help: "first", action: .first, showsInHelpBar: false),
        KeyBinding([.end, .char("G")], label: "G/End", help: "last", action: .last, showsInHelpBar: false),
    ])
}
