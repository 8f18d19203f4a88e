extension KeyMap {
    /// Draws a centred box listing every binding (`label  help`) over whatever is in `area`.
    ///
    /// Rendered from the same bindings that dispatch keys, so the overlay cannot drift. Rows that
    /// do not fit are cut; a last row says how many were left out.
    public func renderHelpOverlay(into buffer: inout ScreenBuffer, area: Rect, title: String = "Keys",
                                  symbols: BorderSymbols = .rounded) {
        var lines = helpLines()
        let contentWidth = max(lines.map(\.displayWidth).max() ?? 0, title.displayWidth + 4)
        let box = area.centered(width: contentWidth + 4, height: lines.count + 2)
        let inner = Box(title: title, symbols: symbols).render(into: &buffer, rect: box, clear: true)
        guard inner.height > 0 else { return }
        if lines.count > inner.height {
            let hidden = lines.count - inner.height + 1
            lines = Array(lines.prefix(inner.height - 1)) + ["… \(hidden) more"]
        }
        for (offset, line) in lines.enumerated() {
            buffer.put(line.truncated(toWidth: inner.width - 2), row: inner.row + offset, col: inner.col + 1)
        }
    }
}
