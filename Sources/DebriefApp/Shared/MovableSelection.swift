import DebriefUI

/// A selection the ``ListMovement`` keys can move: a plain list, or a page that skips the lines
/// that cannot be opened. One `move(_:height:)` stands for the six cases every list screen's key
/// switch would otherwise spell out.
protocol MovableSelection {
    mutating func moveUp(height: Int)
    mutating func moveDown(height: Int)
    mutating func pageUp(height: Int)
    mutating func pageDown(height: Int)
    mutating func moveToFirst(height: Int)
    mutating func moveToLast(height: Int)
}

extension MovableSelection {
    /// Moves by `action` in a window of `height` rows; any other action leaves the selection.
    mutating func move<Action: ListMovement & Equatable>(_ action: Action, height: Int) {
        switch action {
        case Action.up: moveUp(height: height)
        case Action.down: moveDown(height: height)
        case Action.pageUp: pageUp(height: height)
        case Action.pageDown: pageDown(height: height)
        case Action.first: moveToFirst(height: height)
        case Action.last: moveToLast(height: height)
        default: break
        }
    }
}

extension ListState: MovableSelection {}
