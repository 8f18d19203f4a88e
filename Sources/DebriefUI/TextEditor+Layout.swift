extension TextEditor {
    /// Soft-wrapped visual lines at `width`, with an extra empty row after a full last row so
    /// the cursor at the end of a paragraph always has a cell to sit on. A one-line field is one
    /// visual line whatever its width: it scrolls sideways instead of wrapping.
    public func layout(width: Int) -> [VisualLine] {
        guard multiline else { return [VisualLine(range: 0..<characters.count, endsParagraph: true)] }
        return TextLayout.lines(of: characters, width: width, cursorRow: true)
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

    // MARK: - Scrolling (state changes here, in update; drawing only reads it)

    /// Moves the view the least needed to show the cursor at the current size.
    mutating func keepCursorVisible() {
        if multiline {
            scrollOffset = Self.offset(keeping: cursorRow, visible: height, current: scrollOffset,
                                       total: layout(width: width).count)
        } else {
            firstVisible = firstVisible(keepingCursorIn: width, current: firstVisible)
        }
    }

    private var cursorRow: Int { lineIndex(of: cursor, in: layout(width: width)) }

    /// The first row to show so `row` is among `visible` rows, moving from `current` as little as possible.
    static func offset(keeping row: Int, visible: Int, current: Int, total: Int) -> Int {
        var offset = current
        if row < offset { offset = row }
        if row >= offset + visible { offset = row - visible + 1 }
        return max(0, min(offset, total - visible))
    }

    /// The first character to show of a one-line field `width` columns wide so the cursor has a
    /// cell, moving from `current` as little as possible (a cursor after the last character
    /// needs one more column than the text).
    func firstVisible(keepingCursorIn width: Int, current: Int) -> Int {
        var first = min(current, cursor)
        func columns(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + $1.displayWidth } }
        let cursorWidth = cursor < characters.count ? characters[cursor].displayWidth : 1
        while first < cursor, columns(first..<cursor) + cursorWidth > width { first += 1 }
        // Room to the right: show more of the beginning again (after a deletion, say).
        while first > 0, columns((first - 1)..<characters.count) + (cursor == characters.count ? 1 : 0) <= width {
            first -= 1
        }
        return first
    }

    /// Draws the visible part of the text into `rect` and returns the cursor's screen position.
    ///
    /// Reads the scroll state the last key or resize left; when `rect` is not the size the
    /// editor was told (a frame drawn before the resize reached the update), the view is fitted
    /// for this frame only. Drawn without `focused`, text shows its beginning (a one-line field
    /// cut with "…" when longer than the field). When the text is empty, `placeholder` is drawn in
    /// `placeholderStyle`.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, rect: Rect, style: Style = .plain,
                       placeholder: String? = nil, placeholderStyle: Style = .role(.muted),
                       focused: Bool = true) -> Position {
        guard !rect.isEmpty else { return Position(row: rect.row, col: rect.col) }
        if characters.isEmpty, let placeholder {
            for (offset, line) in wrap(placeholder, width: rect.width).prefix(rect.height).enumerated() {
                buffer.put(line, row: rect.row + offset, col: rect.col, style: placeholderStyle, maxWidth: rect.width)
            }
            return Position(row: rect.row, col: rect.col)
        }
        if !multiline { return renderLine(into: &buffer, rect: rect, style: style, focused: focused) }
        let lines = layout(width: rect.width)
        let row = lineIndex(of: cursor, in: lines)
        let col = min(column(of: cursor, on: lines[row]), rect.width - 1)
        let top = focused ? Self.offset(keeping: row, visible: rect.height, current: scrollOffset, total: lines.count) : 0
        for offset in 0..<rect.height {
            let lineNumber = top + offset
            guard lineNumber < lines.count else { break }
            buffer.put(String(characters[lines[lineNumber].range]),
                       row: rect.row + offset, col: rect.col, style: style, maxWidth: rect.width)
        }
        return Position(row: rect.row + row - top, col: rect.col + col)
    }

    /// One line: the part around the cursor while focused, else the beginning.
    private func renderLine(into buffer: inout ScreenBuffer, rect: Rect, style: Style, focused: Bool) -> Position {
        guard focused else {
            let text = String(characters)
            buffer.put(text.displayWidth > rect.width ? text.truncated(toWidth: rect.width) : text,
                       row: rect.row, col: rect.col, style: style, maxWidth: rect.width)
            return Position(row: rect.row, col: rect.col)
        }
        let first = rect.width == width ? firstVisible : firstVisible(keepingCursorIn: rect.width, current: firstVisible)
        buffer.put(String(characters[first...]), row: rect.row, col: rect.col, style: style, maxWidth: rect.width)
        var col = 0
        for character in characters[first..<cursor] { col += character.displayWidth }
        return Position(row: rect.row, col: rect.col + min(col, rect.width - 1))
    }
}
