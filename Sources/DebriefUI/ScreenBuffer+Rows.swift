extension ScreenBuffer {
    /// Plain text of each row. Trailing spaces are **kept**, so every row has display width
    /// `width` and tests see exactly what fills the screen (ratatui's `Buffer::with_lines` style).
    public var rows: [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width { line += cells[row * width + col].symbol }
            return line
        }
    }

    /// Rows with trailing spaces removed, for tests that only care about content.
    public var trimmedRows: [String] {
        rows.map { row in
            var s = Substring(row)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }
    }

    /// Runs of equally styled cells on one row, for asserting styles without checking every cell.
    public func styledRuns(row: Int) -> [ScreenBuffer.Run] {
        guard row >= 0, row < height else { return [] }
        var runs: [Run] = []
        for col in 0..<width {
            let cell = cells[row * width + col]
            if var last = runs.last, last.style == cell.style {
                last.text += cell.symbol
                last.width += 1
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(row: row, col: col, text: cell.symbol, style: cell.style, width: 1))
            }
        }
        return runs
    }
}
