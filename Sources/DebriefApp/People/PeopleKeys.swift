import DebriefUI

/// What a key does on the people screens; the key maps are the single source for dispatch, the
/// help bar and the `?` overlay.
enum PeopleAction: Sendable, Equatable {
    case up, down, pageUp, pageDown, first, last
    case open, search, cold
    case help, back
}

enum PeopleKeys {
    static let list = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open", action: .open),
        KeyBinding(.char("/"), help: "find name", action: .search),
        KeyBinding(.char("c"), help: "cold/all", action: .cold),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        KeyBinding([.up, .char("k")], label: "↑/k", help: "up", action: .up, showsInHelpBar: false),
        KeyBinding([.down, .char("j")], label: "↓/j", help: "down", action: .down, showsInHelpBar: false),
        KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
        KeyBinding(.pageDown, label: "PgDn", help: "page down", action: .pageDown, showsInHelpBar: false),
        KeyBinding([.home, .char("g")], label: "g/Home", help: "first", action: .first, showsInHelpBar: false),
        KeyBinding([.end, .char("G")], label: "G/End", help: "last", action: .last, showsInHelpBar: false),
    ])

    static let person = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open entry", action: .open),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.escape, .char("q")], label: "Esc/q", help: "back", action: .back),
        KeyBinding([.up, .char("k")], label: "↑/k", help: "up", action: .up, showsInHelpBar: false),
        KeyBinding([.down, .char("j")], label: "↓/j", help: "down", action: .down, showsInHelpBar: false),
        KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
        KeyBinding(.pageDown, label: "PgDn", help: "page down", action: .pageDown, showsInHelpBar: false),
        KeyBinding([.home, .char("g")], label: "g/Home", help: "first", action: .first, showsInHelpBar: false),
        KeyBinding([.end, .char("G")], label: "G/End", help: "last", action: .last, showsInHelpBar: false),
    ])
}
