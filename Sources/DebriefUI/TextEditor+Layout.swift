extension TextEditor {
    /// Soft-wrapped visual lines at `width`, with an extra empty row after a full last row so
    /// the cursor at the end of a paragraph always has a cell to sit on.
    public func layout(width: Int) -> [VisualLine] {
        TextLayout.lines(of: characters, width: width, cursorRow: true)
    }

    /// The visual line holding grapheme index `index`: a soft-wrapped row owns its start but
    /// not its end (that is the next row's start); a paragraph's last row owns both.
    func lineIndex(of index: Int, in lines: [VisualLine]) -> Int {
        for (row, line) in lines.enumerated() {
            if index < line.range.upperBound || (index == line.range.upperBound && line.endsParagraph) {
                return row
            }
        }
        return max(0, lines.count - 1)
    }

    /// Display column of `index` on its visual line.
    func column(of index: Int, on line: VisualLine) -> Int {
        var col = 0
        for character in characters[line.range.lowerBound..<min(index, line.range.upperBound)] {
            col += character.displayWidth
        }
        return col
    }

    /// Cursor row (visual line, from the top of the text) and display column at `width`.
    ///
    /// The column is clamped to `width - 1`, which only matters inside spaces that hang past
    /// the edge of a soft-wrapped row.
    public func cursorPosition(width: Int) -> Position {
        let lines = layout(width: width)
        let row = lineIndex(of: cursor, in: lines)
        let col = column(of: cursor, on: lines[row])
        return Position(row: row, col: min(col, max(0, width - 1)))
    }

    /// Whether Up would leave the text (the app then moves to the previous prompt).
    public func isCursorOnFirstVisualLine(width: Int) -> Bool {
        lineIndex(of: cursor, in: layout(width: width)) == 0
    }

    /// Whether Down would leave the text.
    public func isCursorOnLastVisualLine(width: Int) -> Bool {
        let lines = layout(width: width)
        return lineIndex(of: cursor, in: lines) == lines.count - 1
    }

    /// The grapheme index on `line` closest to display column `col` without passing it.
    /// On soft-wrapped rows the index stops before the row's end, which belongs to the next row.
    func index(atColumn col: Int, on line: VisualLine) -> Int {
        let last = line.endsParagraph ? line.range.upperBound : max(line.range.lowerBound, line.range.upperBound - 1)
        var x = 0
        var index = line.range.lowerBound
        while index < last {
            let w = characters[index].displayWidth
            if x + w > col { break }
            x += w
            index += 1
        }
        return index
    }

    /// Draws the visible part of the text into `rect` and returns the cursor's screen position.
    ///
    /// Records `rect.width` as the wrap width and scrolls the minimum needed to keep the cursor
    /// row visible. When the text is empty, `placeholder` is drawn in `placeholderStyle`.
    @discardableResult
    public mutating func render(into buffer: inout ScreenBuffer, rect: Rect, style: Style = .plain,
                                placeholder: String? = nil,
                                placeholderStyle: Style = .role(.muted)) -> Position {
        guard !rect.isEmpty else { return Position(row: rect.row, col: rect.col) }
        if width != rect.width { preferredColumn = nil }
        width = rect.width
        let lines = layout(width: rect.width)
        let row = lineIndex(of: cursor, in: lines)
        let col = min(column(of: cursor, on: lines[row]), rect.width - 1)
        if row < scrollOffset { scrollOffset = row }
        if row >= scrollOffset + rect.height { scrollOffset = row - rect.height + 1 }
        scrollOffset = max(0, min(scrollOffset, lines.count - rect.height))

        if characters.isEmpty, let placeholder {
            for (offset, line) in wrap(placeholder, width: rect.width).prefix(rect.height).enumerated() {
                buffer.put(line, row: rect.row + offset, col: rect.col, style: placeholderStyle, maxWidth: rect.width)
            }
        } else {
            for offset in 0..<rect.height {
                let lineNumber = scrollOffset + offset
                guard lineNumber < lines.count else { break }
                buffer.put(String(characters[lines[lineNumber].range]),
                           row: rect.row + offset, col: rect.col, style: style, maxWidth: rect.width)
            }
        }
        return Position(row: rect.row + row - scrollOffset, col: rect.col + col)
    }
}
