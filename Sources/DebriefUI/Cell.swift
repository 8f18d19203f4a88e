/// One terminal cell: the grapheme drawn there and its style.
///
/// A wide grapheme (CJK, emoji) lives in its first cell; the cell to its right is a
/// *continuation* (empty symbol) so that columns stay aligned with what the terminal shows.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here, `" "` for blank, `""` for a continuation cell.
    public var symbol: String
    public var style: Style

    public init(symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A blank cell in the given style.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(symbol: " ", style: style) }

    /// Whether this cell is covered by the wide grapheme to its left.
    public var isContinuation: Bool { symbol.isEmpty }
}
