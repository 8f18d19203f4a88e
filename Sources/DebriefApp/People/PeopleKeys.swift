import DebriefUI

/// What a key does on the people screens; the key maps are the single source for dispatch, the
/// help bar and the `?` overlay.
enum PeopleAction: Sendable, Equatable, ListMovement, FollowUpActions {
    case up, down, pageUp, pageDown, first, last
    case open, search, cold
    case toggle, reschedule, doneOn
    case mark, rename, merge, moreColdDays, fewerColdDays
    case help, back, interrupt
}

enum PeopleKeys {
    static let list = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open", action: .open),
        KeyBinding(.char("/"), help: "find name", action: .search),
        KeyBinding(.char("c"), help: "cold/all", action: .cold),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        KeyBinding(.char("R"), help: "rename", action: .rename),
        KeyBinding(.char("M"), help: "merge marked", action: .merge),
        KeyBinding(.char(" "), label: "Space", help: "mark for merging", action: .mark, showsInHelpBar: false),
        KeyBinding([.char("+"), .char("=")], label: "+", help: "cold after more days (remembered)", action: .moreColdDays,
                   showsInHelpBar: false),
        KeyBinding(.char("-"), label: "-", help: "cold after fewer days", action: .fewerColdDays, showsInHelpBar: false),
        Interrupt.binding(.interrupt),
    ] + PeopleAction.movementBindings())

    static let person = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open entry", action: .open),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.escape, .char("q")], label: "Esc/q", help: "back", action: .back),
    ] + PeopleAction.followUpBindings() + [
        Interrupt.binding(.interrupt),
    ] + PeopleAction.movementBindings())
}
