/// Greedy soft word wrap by display width, shared by ``wrap(_:width:)`` and ``TextEditor``
/// so what the editor shows and what a report prints break at the same places.
public enum TextLayout {
    /// Lays out `characters` in rows of at most `width` columns.
    ///
    /// Rules: explicit `"\n"` always breaks; a row breaks after the last space that keeps the
    /// next word whole; a word wider than the row is broken by width; a wide character never
    /// straddles the edge (when `width` ≥ 2). Spaces that overflow a row stay at its end
    /// ("hanging") so that every grapheme belongs to exactly one row.
    ///
    /// - Parameter cursorRow: when true, a paragraph whose last row is full gets an extra empty
    ///   row, so a cursor at the end of that paragraph has a cell to sit on (editors want this;
    ///   plain wrapping does not).
    public static func lines(of characters: [Character], width: Int, cursorRow: Bool = false) -> [VisualLine] {
        let width = max(1, width)
        var lines: [VisualLine] = []
        var lineStart = 0
        var lineWidth = 0
        var breakAfterSpaces: Int? = nil
        var index = 0

        func finishParagraph(at end: Int) {
            let needsCursorRow = cursorRow && lineWidth >= width
            lines.append(VisualLine(range: lineStart..<end, endsParagraph: !needsCursorRow))
            if needsCursorRow {
                lines.append(VisualLine(range: end..<end, endsParagraph: true))
            }
        }

        while index < characters.count {
            let character = characters[index]
            if character == "\n" || character == "\r\n" || character == "\r" {
                finishParagraph(at: index)
                index += 1
                lineStart = index
                lineWidth = 0
                breakAfterSpaces = nil
                continue
            }
            let w = character.displayWidth
            if character == " " {
                lineWidth += w
                breakAfterSpaces = index + 1
                index += 1
                continue
            }
            if lineWidth + w > width && index > lineStart {
                if let breakPoint = breakAfterSpaces, breakPoint > lineStart {
                    lines.append(VisualLine(range: lineStart..<breakPoint, endsParagraph: false))
                    lineStart = breakPoint
                    lineWidth = 0
                    for carried in characters[breakPoint..<index] { lineWidth += carried.displayWidth }
                }
                breakAfterSpaces = nil
                if lineWidth + w > width && index > lineStart {
                    lines.append(VisualLine(range: lineStart..<index, endsParagraph: false))
                    lineStart = index
                    lineWidth = 0
                }
            }
            lineWidth += w
            index += 1
        }
        finishParagraph(at: characters.count)
        return lines
    }
}

/// Soft-wraps `text` into rows of at most `width` columns (see ``TextLayout/lines(of:width:cursorRow:)``).
///
/// Explicit line breaks are kept (an empty paragraph gives an empty row), trailing spaces of
/// each row are dropped, and words longer than `width` are broken by width.
public func wrap(_ text: String, width: Int) -> [String] {
    let characters = Array(text)
    return TextLayout.lines(of: characters, width: width).map { line in
        var row = characters[line.range]
        while row.last == " " { row.removeLast() }
        return String(row)
    }
}
