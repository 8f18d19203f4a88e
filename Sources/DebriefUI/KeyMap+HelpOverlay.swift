extension KeyMap {
    /// Draws a centred box listing every binding (`label  help`) over whatever is in `area`.
    ///
    /// Rendered from the same bindings that dispatch keys, so the overlay cannot drift. A list
    /// taller than the area flows into columns side by side (a key cut short by "…" is still
    /// findable; a key left out is not); only when even columns of 16 cells cannot hold it are
    /// rows cut, and a last row says how many were left out.
    public func renderHelpOverlay(into buffer: inout ScreenBuffer, area: Rect, title: String = "Keys",
                                  symbols: BorderSymbols = .rounded) {
        var lines = helpLines()
        let widest = max(lines.map(\.displayWidth).max() ?? 0, title.displayWidth + 4)
        let rowsAvailable = max(1, area.height - 2)
        let gap = 2
        var columns = 1
        var columnWidth = widest
        if lines.count > rowsAvailable {
            let needed = (lines.count + rowsAvailable - 1) / rowsAvailable
            let fitting = (area.width - 4 - gap * (needed - 1)) / needed
            if fitting >= 16 {
                columns = needed
                columnWidth = min(widest, fitting)
            }
        }
        let height = (lines.count + columns - 1) / columns
        let width = columns * columnWidth + gap * (columns - 1)
        let box = area.centered(width: max(width, title.displayWidth + 4) + 4, height: height + 2)
        let inner = Box(title: title, symbols: symbols).render(into: &buffer, rect: box, clear: true)
        guard inner.height > 0 else { return }
        if columns == 1, lines.count > inner.height {
            let hidden = lines.count - inner.height + 1
            lines = Array(lines.prefix(inner.height - 1)) + ["… \(hidden) more"]
        }
        for (index, line) in lines.enumerated() {
            let col = inner.col + 1 + index / height * (columnWidth + gap)
            let room = min(columnWidth, inner.col + inner.width - 1 - col)
            guard room > 0 else { continue }
            buffer.put(line.truncated(toWidth: room), row: inner.row + index % height, col: col)
        }
    }
}
