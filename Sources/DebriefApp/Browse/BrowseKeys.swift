import DebriefUI

/// What a key does in the browser; the key maps below are the single source for dispatch, the
/// help bar and the `?` overlay.
enum BrowseAction: Sendable, Equatable, ListMovement {
    case up, down, pageUp, pageDown, first, last
    case open, back
    case search, nextMatch, previousMatch
    case filter, clearFilter
    case guidedEdit, editFile
    case delete, undo, reload, review
    case nextFollowUp, previousFollowUp, toggleFollowUp, rescheduleFollowUp, followUpDoneOn
    case help, quit, interrupt
}

extension BrowseAction: FollowUpActions {
    static var toggle: BrowseAction { .toggleFollowUp }
    static var reschedule: BrowseAction { .rescheduleFollowUp }
    static var doneOn: BrowseAction { .followUpDoneOn }
}

enum BrowseKeys {
    static let list = KeyMap<BrowseAction>([
        // In the order the help bar keeps them when the screen is narrow: the common actions,
        // then help and the way out, which always fit at 80 columns; `?` lists every key.
        KeyBinding([.enter], label: "Enter", help: "open", action: .open),
        KeyBinding(.char("/"), help: "search", action: .search),
        KeyBinding(.char("F"), help: "filter", action: .filter),
        KeyBinding(.char("d"), help: "delete", action: .delete),
        KeyBinding(.char("e"), help: "guided edit", action: .guidedEdit),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "quit", action: .quit),
        KeyBinding([.char("n"), .char("N")], label: "n/N", help: "next/prev match", action: .nextMatch),
        KeyBinding(.char("x"), help: "clear filter", action: .clearFilter),
        KeyBinding(.char("u"), help: "undo delete", action: .undo),
        KeyBinding(.char("r"), help: "review", action: .review),
        KeyBinding(.char("E"), help: "edit file", action: .editFile),
        KeyBinding(.char("R"), help: "reload", action: .reload),
        Interrupt.binding(.interrupt),
    ] + BrowseAction.movementBindings())

    static let detail = KeyMap<BrowseAction>([
        // In the order the help bar keeps them when the screen is narrow: the way back and
        // to help always fit at 80 columns.
        KeyBinding([.tab, .backTab], label: "Tab", help: "follow-up", action: .nextFollowUp),
    ] + BrowseAction.followUpBindings() + [
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.escape, .char("q")], label: "Esc/q", help: "back", action: .back),
        KeyBinding(.char("e"), help: "guided edit", action: .guidedEdit),
        KeyBinding(.char("E"), help: "edit file", action: .editFile),
        KeyBinding(.char("/"), help: "search", action: .search),
        KeyBinding([.char("n"), .char("N")], label: "n/N", help: "next/prev match", action: .nextMatch),
        Interrupt.binding(.interrupt),
    ] + BrowseAction.movementBindings(.scroll))
}
