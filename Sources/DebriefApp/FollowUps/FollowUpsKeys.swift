import DebriefCore
import DebriefUI

/// What a key does on the follow-up list; the key map is the single source for dispatch, the
/// help bar and the `?` overlay.
enum FollowUpsAction: Sendable, Equatable, ListMovement, FollowUpActions {
    case up, down, pageUp, pageDown, first, last
    case toggle, reschedule, doneOn, open
    case nextFilter, previousFilter, show(FollowUpFilter)
    case help, back, interrupt
}

enum FollowUpsKeys {
    static let map = KeyMap<FollowUpsAction>(FollowUpsAction.followUpBindings() + [
        KeyBinding([.enter], label: "Enter", help: "open entry", action: .open),
        KeyBinding([.tab, .backTab], label: "Tab", help: "filter", action: .nextFilter),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q/Esc", help: "back", action: .back),
        KeyBinding(.char("o"), help: "show open", action: .show(.open), showsInHelpBar: false),
        KeyBinding(.char("!"), help: "show overdue", action: .show(.overdue), showsInHelpBar: false),
        KeyBinding(.char("d"), help: "show done", action: .show(.done), showsInHelpBar: false),
        KeyBinding(.char("a"), help: "show all", action: .show(.all), showsInHelpBar: false),
        Interrupt.binding(.interrupt),
    ] + FollowUpsAction.movementBindings())
}
