/// The review for the terminal: sections in capitals, pitfalls that showed this week with their
/// reasons, the rest compactly, and lines wrapped to fit the width (80 columns on the command line).
///
/// It is built once as styled lines (``lines(_:options:)``), so the command line and the review
/// screen show the same words at the same breaks: the CLI turns the styles into ANSI colour
/// (``render(_:options:)``), the screen into its own styles.
public enum ReviewText {
    public struct Options: Sendable {
        /// ANSI colour and bold in ``render(_:options:)``; only on a terminal without NO_COLOR (the
        /// caller decides). Styled lines always carry their tones.
        public var color: Bool
        /// Block characters for the sparkline and `·` between facts; ASCII when the locale is not UTF-8.
        public var unicode: Bool
        /// Wrap long lines at this many columns.
        public var width: Int
        /// The columns a piece of text takes. The core has no table of character widths, so it
        /// counts characters; the review screen passes its display width, so CJK names wrap too.
        public var measure: @Sendable (String) -> Int

        public init(color: Bool = false, unicode: Bool = true, width: Int = 80,
                    measure: @escaping @Sendable (String) -> Int = Options.characters) {
            self.color = color
            self.unicode = unicode
            self.width = width
            self.measure = measure
        }

        /// The characters of `text` (its `count`). Text whose scalars are all below U+0300 (ASCII,
        /// and the Latin letters and signs, the review's `·` among them) but CR is a character a
        /// scalar: none of them joins the one before (the first that does is U+0300; CR joins
        /// the LF after it), so they are counted on the bytes without breaking the text into
        /// grapheme clusters: `count` was 9 M instructions of `debrief review` at 10,000 entries
        /// (20,000 pieces of a thousand open follow-ups' lines).
        @Sendable public static func characters(_ text: String) -> Int {
            let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
                var scalars = 0
                for byte in bytes {
                    // Past U+02FF (a lead byte from 0xCC on) or a CR: counted as clusters.
                    if byte >= 0xCC || byte == 0x0D { return nil }
                    // Every byte but a continuation (10xxxxxx) begins a scalar.
                    if byte & 0xC0 != 0x80 { scalars += 1 }
                }
                return scalars
            }
            return (counted ?? nil) ?? text.count
        }
    }

    /// The review as lines of styled text, wrapped to `options.width`, with single blank lines
    /// between sections and none at either end.
    public static func lines(_ review: WeeklyReview, options: Options = Options()) -> [Line] {
        var r = Renderer(options: options)
        r.render(review)
        return ReviewWords.tidy(r.lines, isBlank: \.isEmpty)
    }

    /// The review as one string ending in a newline, coloured with ANSI codes when `options.color`.
    public static func render(_ review: WeeklyReview, options: Options = Options()) -> String {
        lines(review, options: options).map { options.color ? $0.ansi : $0.text }.joined(separator: "\n") + "\n"
    }

    /// `2026-W48 · Mon 23 Nov – Sun 29 Nov`: the week in a few words, for a title bar.
    public static func title(_ week: ISOWeek, unicode: Bool = true) -> String {
        let (dot, dash) = unicode ? (" · ", " – ") : (", ", " - ")
        return week.iso + dot + ReviewWords.short(week.monday) + dash + ReviewWords.short(week.sunday)
    }
}
