/// A rectangle of cells; layout is done by splitting rectangles, never by absolute numbers.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var col: Int
    public var width: Int
    public var height: Int

    /// Negative sizes are clamped to zero so layout arithmetic on tiny terminals cannot trap.
    public init(row: Int = 0, col: Int = 0, width: Int, height: Int) {
        self.row = row
        self.col = col
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the last row.
    public var bottom: Int { row + height }
    /// One past the last column.
    public var right: Int { col + width }
    /// Whether the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "Rect(row: \(row), col: \(col), width: \(width), height: \(height))" }

    /// Whether a cell lies inside.
    public func contains(_ position: Position) -> Bool {
        position.row >= row && position.row < bottom && position.col >= col && position.col < right
    }

    /// The overlap of two rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(col, other.col)
        return Rect(row: top, col: left,
                    width: min(right, other.right) - left,
                    height: min(bottom, other.bottom) - top)
    }
}
