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
                    measure: @escaping @Sendable (String) -> Int = { $0.count }) {
            self.color = color
            self.unicode = unicode
            self.width = width
            self.measure = measure
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
