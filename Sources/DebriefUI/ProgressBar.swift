/// A one-line progress bar, e.g. `━━━━━──────` (or `#####------` with ``ascii``).
public struct ProgressBar: Hashable, Sendable {
    /// 0…1; values outside are clamped, NaN counts as 0.
    public var fraction: Double
    /// Use `#` and `-` for terminals without Unicode line drawing.
    public var ascii: Bool

    public init(fraction: Double, ascii: Bool = false) {
        self.fraction = fraction
        self.ascii = ascii
    }

    /// How many of `width` cells are filled; rounds down so a bar is full only when done.
    public func filledCells(width: Int) -> Int {
        let f = fraction.isNaN ? 0 : min(1, max(0, fraction))
        return min(width, max(0, Int((f * Double(max(0, width))).rounded(.down))))
    }

    /// The bar as text exactly `width` cells wide.
    public func text(width: Int) -> String {
        let filled = filledCells(width: width)
        return String(repeating: ascii ? "#" : "━", count: filled)
            + String(repeating: ascii ? "-" : "─", count: max(0, width - filled))
    }

    /// Draws the bar on the first row of `rect`, filled part in `filledStyle`.
    public func render(into buffer: inout ScreenBuffer, rect: Rect,
                       filledStyle: Style = .role(.accent), emptyStyle: Style = .role(.muted)) {
        guard !rect.isEmpty else { return }
        let filled = filledCells(width: rect.width)
        let all = text(width: rect.width)
        let split = all.index(all.startIndex, offsetBy: filled)
        buffer.put(all[..<split], row: rect.row, col: rect.col, style: filledStyle)
        buffer.put(all[split...], row: rect.row, col: rect.col + filled, style: emptyStyle)
    }
}
