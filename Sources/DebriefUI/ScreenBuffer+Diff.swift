extension ScreenBuffer {
    /// A horizontal stretch of cells with one style: what the terminal writes in one call.
    public struct Run: Hashable, Sendable {
        public var row: Int
        public var col: Int
        /// The graphemes to draw (continuation cells contribute nothing).
        public var text: String
        public var style: Style
        /// Columns covered, including continuation cells.
        public var width: Int

        public init(row: Int, col: Int, text: String, style: Style, width: Int) {
            self.row = row
            self.col = col
            self.text = text
            self.style = style
            self.width = width
        }
    }

    /// The runs that differ from `previous`, so the terminal writes only what changed.
    ///
    /// A buffer of a different size counts as entirely changed (every row is returned), which is
    /// the full redraw needed after a resize. Wide graphemes are always written whole: if either
    /// of their two cells changed, the run starts at the grapheme's first cell.
    public func changes(since previous: ScreenBuffer?) -> [Run] {
        let full = previous.map { $0.width != width || $0.height != height } ?? true
        var runs: [Run] = []
        for row in 0..<height {
            let base = row * width
            var changed = [Bool](repeating: full, count: width)
            if !full, let previous {
                for col in 0..<width where cells[base + col] != previous.cells[base + col] {
                    changed[col] = true
                }
                // Pull in the first half of any wide grapheme whose continuation changed.
                for col in stride(from: width - 1, to: 0, by: -1)
                where changed[col] && cells[base + col].isContinuation {
                    changed[col - 1] = true
                }
            }
            var col = 0
            while col < width {
                guard changed[col] else { col += 1; continue }
                let style = cells[base + col].style
                var run = Run(row: row, col: col, text: "", style: style, width: 0)
                while col < width, changed[col] || cells[base + col].isContinuation,
                      cells[base + col].style == style || cells[base + col].isContinuation {
                    run.text += cells[base + col].symbol
                    run.width += 1
                    col += 1
                }
                if run.width == 0 { col += 1; continue }
                runs.append(run)
            }
        }
        return runs
    }
}
