/// A grid of cells that a frame is drawn into, independent of any terminal (like ratatui's `Buffer`).
///
/// Screens draw the whole frame every time; the terminal then writes only
/// ``changes(since:)``. Tests assert on ``rows``.
public struct ScreenBuffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public private(set) var cells: [Cell]

    /// A blank buffer; negative sizes are treated as zero.
    public init(width: Int, height: Int, style: Style = .plain) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank(style), count: self.width * self.height)
    }

    /// The whole buffer as a rectangle, the starting point for layout.
    public var area: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    /// The cell at a position, or `nil` outside the buffer.
    public subscript(row: Int, col: Int) -> Cell? {
        guard row >= 0, row < height, col >= 0, col < width else { return nil }
        return cells[row * width + col]
    }

    /// The style at a position (`nil` outside), for tests and hit checks.
    public func style(row: Int, col: Int) -> Style? { self[row, col]?.style }

    /// Sets one cell, repairing any wide grapheme it partly overwrites so no half-character remains.
    mutating func set(_ cell: Cell, row: Int, col: Int) {
        guard row >= 0, row < height, col >= 0, col < width else { return }
        let index = row * width + col
        let old = cells[index]
        if old.isContinuation, col > 0, !cells[index - 1].isContinuation {
            // Overwriting the right half of a wide grapheme: blank its left half.
            cells[index - 1].symbol = " "
        }
        if !old.isContinuation, old.symbol.displayWidth == 2, col + 1 < width,
           cells[index + 1].isContinuation, !cell.isContinuation {
            // Overwriting the left half: the continuation would dangle, blank it.
            cells[index + 1].symbol = " "
        }
        cells[index] = cell
    }

    /// Writes `string` from (`row`, `col`) and returns the column after the last cell written.
    ///
    /// Walks grapheme clusters and advances by display width; control characters and
    /// zero-width clusters are skipped. A wide grapheme fills its cell and a continuation cell;
    /// if it does not fit before the right edge (or `maxWidth`), a space is drawn instead and
    /// writing stops. Nothing is written outside the buffer.
    @discardableResult
    public mutating func put(_ string: some StringProtocol, row: Int, col: Int,
                             style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height else { return col }
        let limit = min(width, maxWidth.map { col + max(0, $0) } ?? width)
        var x = col
        for character in string {
            let w = character.displayWidth
            if w == 0 { continue }
            if x >= limit { break }
            if x + w > limit {
                if x >= 0 { set(Cell(symbol: " ", style: style), row: row, col: x) }
                x += 1
                break
            }
            if x >= 0 {
                set(Cell(symbol: String(character), style: style), row: row, col: x)
                if w == 2 { set(Cell(symbol: "", style: style), row: row, col: x + 1) }
            }
            x += w
        }
        return x
    }

    /// Fills a rectangle (clipped to the buffer) with `symbol` in `style`; used to clear panels
    /// and paint overlay backgrounds.
    public mutating func fill(_ rect: Rect, symbol: Character = " ", style: Style = .plain) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let w = symbol.displayWidth
        for y in area.row..<area.bottom {
            if w == 1 {
                for x in area.col..<area.right { set(Cell(symbol: String(symbol), style: style), row: y, col: x) }
            } else {
                for x in area.col..<area.right { set(.blank(style), row: y, col: x) }
            }
        }
    }

    /// Changes the style of a rectangle but keeps its text (selection highlight on a drawn row).
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.row..<area.bottom {
            for x in area.col..<area.right { cells[y * width + x].style = style }
        }
    }
}
