import DebriefUI

/// What a key does on the people screens; the key maps are the single source for dispatch, the
/// help bar and the `?` overlay.
enum PeopleAction: Sendable, Equatable, ListMovement, FollowUpActions {
    case up, down, pageUp, pageDown, first, last
    case open, search, cold
    case toggle, reschedule, doneOn
    case help, back, interrupt
}

enum PeopleKeys {
    static let list = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open", action: .open),
        KeyBinding(.char("/"), help: "find name", action: .search),
        KeyBinding(.char("c"), help: "cold/all", action: .cold),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        Interrupt.binding(.interrupt),
    ] + PeopleAction.movementBindings())

    static let person = KeyMap<PeopleAction>([
        KeyBinding([.enter], label: "Enter", help: "open entry", action: .open),
    ] + PeopleAction.followUpBindings() + [
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.escape, .char("q")], label: "Esc/q", help: "back", action: .back),
        Interrupt.binding(.interrupt),
    ] + PeopleAction.movementBindings())
}
