import DebriefUI

/// The actions of a screen that moves a selection (or a scroll position) through a list, so
/// the keys for them are defined once and every list moves the same way. The screens' action
/// enums conform with their own `up`, `down`, … cases.
protocol ListMovement: Sendable {
    static var up: Self { get }
    static var down: Self { get }
    static var pageUp: Self { get }
    static var pageDown: Self { get }
    static var first: Self { get }
    static var last: Self { get }
}

/// How the overlay describes the movement keys: a list's selection moves, a document scrolls.
enum ListMovementWording {
    case list, scroll
}

extension ListMovement {
    /// ↑/k, ↓/j, PgUp, PgDn, g/Home and G/End, in that order. They stay out of the help bar,
    /// which has room only for what a newcomer would not guess; the `?` overlay lists them.
    static func movementBindings(_ wording: ListMovementWording = .list) -> [KeyBinding<Self>] {
        let scrolls = wording == .scroll
        return [
            KeyBinding([.up, .char("k")], label: "↑/k", help: scrolls ? "scroll up" : "up", action: .up, showsInHelpBar: false),
            KeyBinding([.down, .char("j")], label: "↓/j", help: scrolls ? "scroll down" : "down", action: .down,
                       showsInHelpBar: false),
            KeyBinding(.pageUp, label: "PgUp", help: "page up", action: .pageUp, showsInHelpBar: false),
            KeyBinding(.pageDown, label: "PgDn", help: "page down", action: .pageDown, showsInHelpBar: false),
            KeyBinding([.home, .char("g")], label: "g/Home", help: scrolls ? "top" : "first", action: .first,
                       showsInHelpBar: false),
            KeyBinding([.end, .char("G")], label: "G/End", help: scrolls ? "bottom" : "last", action: .last,
                       showsInHelpBar: false),
        ]
    }
}
