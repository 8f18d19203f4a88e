/// A bordered box with an optional title, used for panels, dialogs and overlays.
public struct Box: Hashable, Sendable {
    public var title: String?
    public var symbols: BorderSymbols
    public var borderStyle: Style
    public var titleStyle: Style

    public init(title: String? = nil, symbols: BorderSymbols = .rounded,
                borderStyle: Style = .role(.muted), titleStyle: Style = Style.role(.accent).bolded()) {
        self.title = title
        self.symbols = symbols
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// Draws the border (and title, truncated to fit) and returns the inner rectangle.
    ///
    /// - Parameter clear: blank the inside first, which an overlay needs so the screen below
    ///   does not show through.
    @discardableResult
    public func render(into buffer: inout ScreenBuffer, rect: Rect, clear: Bool = false) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(row: rect.row, col: rect.col, width: 0, height: 0) }
        let inner = rect.inset(by: 1)
        if clear { buffer.fill(inner) }
        let horizontal = String(repeating: symbols.horizontal, count: rect.width - 2)
        buffer.put(String(symbols.topLeft) + horizontal + String(symbols.topRight),
                   row: rect.row, col: rect.col, style: borderStyle)
        buffer.put(String(symbols.bottomLeft) + horizontal + String(symbols.bottomRight),
                   row: rect.bottom - 1, col: rect.col, style: borderStyle)
        for y in (rect.row + 1)..<(rect.bottom - 1) {
            buffer.put(String(symbols.vertical), row: y, col: rect.col, style: borderStyle)
            buffer.put(String(symbols.vertical), row: y, col: rect.right - 1, style: borderStyle)
        }
        if let title, !title.isEmpty, rect.width > 4 {
            let text = " " + title.truncated(toWidth: rect.width - 6) + " "
            buffer.put(text, row: rect.row, col: rect.col + 2, style: titleStyle)
        }
        return inner
    }
}
