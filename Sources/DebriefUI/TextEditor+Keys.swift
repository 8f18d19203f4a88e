extension TextEditor {
    /// Applies a key and returns whether the editor consumed it.
    ///
    /// Not consumed (so the app can give them meaning): Enter, Tab, Esc, function keys, other
    /// control keys; Up/Down in single-line mode; and Left/Right/Up/Down when the cursor cannot
    /// move that way (e.g. Up on the first visual line moves to the previous prompt).
    /// Edits at a boundary (Backspace at the start) are consumed as no-ops.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        let verticalMove: Bool
        let consumed: Bool
        switch key {
        case .up, .down:
            verticalMove = true
            consumed = multiline && moveVertically(down: key == .down)
        default:
            verticalMove = false
            consumed = apply(key)
        }
        if consumed && !verticalMove { preferredColumn = nil }
        if consumed { keepCursorVisible() }
        return consumed
    }

    private mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            guard let first = c.unicodeScalars.first, !DisplayWidth.isControl(first.value) else { return false }
            insert(String(c))
        case .paste(let text):
            insert(text)
        case .left:
            guard cursor > 0 else { return false }
            cursor -= 1
        case .right:
            guard cursor < characters.count else { return false }
            cursor += 1
        case .home, .ctrl("a"):
            let lines = layout(width: width)
            cursor = lines[lineIndex(of: cursor, in: lines)].range.lowerBound
        case .end, .ctrl("e"):
            let lines = layout(width: width)
            let line = lines[lineIndex(of: cursor, in: lines)]
            cursor = line.endsParagraph ? line.range.upperBound : max(line.range.lowerBound, line.range.upperBound - 1)
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("w"):
            deleteWordBackward()
        case .ctrl("u"):
            let start = logicalLineStart()
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("k"):
            let end = logicalLineEnd()
            if end == cursor, cursor < characters.count {
                characters.remove(at: cursor) // at a line break: join with the next line
            } else {
                characters.removeSubrange(cursor..<end)
            }
        default:
            return false
        }
        return true
    }

    /// Moves one visual line up or down, aiming for the remembered display column.
    private mutating func moveVertically(down: Bool) -> Bool {
        let lines = layout(width: width)
        let row = lineIndex(of: cursor, in: lines)
        let target = down ? row + 1 : row - 1
        guard target >= 0, target < lines.count else { return false }
        let col = preferredColumn ?? column(of: cursor, on: lines[row])
        cursor = index(atColumn: col, on: lines[target])
        preferredColumn = col
        return true
    }

    /// Ctrl-W: removes the spaces before the cursor, then the word before them. At the start
    /// of a line with nothing else to delete, removes the line break.
    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace, characters[start - 1] != "\n" { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        if start == cursor, start > 0 { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    private func logicalLineStart() -> Int {
        var index = cursor
        while index > 0, characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private func logicalLineEnd() -> Int {
        var index = cursor
        while index < characters.count, characters[index] != "\n" { index += 1 }
        return index
    }
}
