/// A zero-based screen or buffer coordinate; rows first, as curses does.
public struct Position: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }

    public var description: String { "(\(row), \(col))" }
}
