/// One row of soft-wrapped text: a range of grapheme indices into the text it was laid out from.
///
/// Ranges (not strings) are what an editor needs to map a cursor index to a row and column.
/// The hard line break itself (`"\n"`) is never part of a range.
public struct VisualLine: Hashable, Sendable {
    /// Grapheme indices covered by this row.
    public var range: Range<Int>
    /// Whether the row ends a paragraph (followed by `"\n"` or the end of the text) rather than
    /// a soft wrap. A cursor at `range.upperBound` sits on this row only in that case.
    public var endsParagraph: Bool

    public init(range: Range<Int>, endsParagraph: Bool) {
        self.range = range
        self.endsParagraph = endsParagraph
    }
}
