import CNcursesw
import DebriefUI

extension Terminal {
    /// Draws a frame: its buffer and cursor.
    public func draw(_ frame: Frame) {
        draw(frame.buffer, cursor: frame.cursor)
    }

    /// Writes the cells that changed since the last draw and places (or hides) the cursor.
    ///
    /// Each non-ASCII grapheme is written at its own column, so a cluster whose width curses
    /// judges differently (some ZWJ sequences) cannot shift the rest of the row.
    public func draw(_ buffer: ScreenBuffer, cursor: Position?) {
        guard isOpen else { return }
        if needsClear {
            clearok(window, true)
            werase(window)
            previous = nil
            needsClear = false
        }
        for run in buffer.changes(since: previous) {
            write(run)
        }
        previous = buffer
        if let cursor, cursor.row >= 0, cursor.row < height, cursor.col >= 0, cursor.col < width {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            curs_set(0)
        }
        wrefresh(window)
    }

    /// Forgets what is on screen, so the next ``draw(_:cursor:)`` repaints everything
    /// (e.g. after another program wrote to the terminal).
    public func invalidate() {
        needsClear = true
    }

    private func write(_ run: ScreenBuffer.Run) {
        guard run.row < height else { return }
        debrief_set_attributes(window, attributes(for: run.style), colorPair(for: run.style.role))
        var col = run.col
        var ascii: [wchar_t] = []
        var asciiStart = col
        func flush() {
            guard !ascii.isEmpty else { return }
            mvwaddnwstr(window, Int32(run.row), Int32(asciiStart), ascii, Int32(ascii.count))
            ascii.removeAll(keepingCapacity: true)
        }
        for character in run.text {
            let w = character.displayWidth
            guard w > 0, col < width else { continue }
            if let value = character.asciiValue {
                if ascii.isEmpty { asciiStart = col }
                ascii.append(wchar_t(value))
            } else {
                flush()
                let scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                mvwaddnwstr(window, Int32(run.row), Int32(col), scalars, Int32(scalars.count))
            }
            col += w
        }
        flush()
    }
}
