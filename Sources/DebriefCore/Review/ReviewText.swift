/// The review for the terminal: sections in capitals, pitfalls that showed this week with their
/// reasons, the rest compactly, and lines wrapped to fit 80 columns.
public enum ReviewText {
    public struct Options: Sendable {
        /// ANSI colour and bold; only on a terminal without NO_COLOR (the caller decides).
        public var color: Bool
        /// Block characters for the sparkline; ASCII when the locale is not UTF-8.
        public var unicode: Bool
        /// Wrap long lines at this many columns.
        public var width: Int

        public init(color: Bool = false, unicode: Bool = true, width: Int = 80) {
            self.color = color
            self.unicode = unicode
            self.width = width
        }
    }

    public static func render(_ review: WeeklyReview, options: Options = Options()) -> String {
        var r = Renderer(options: options)
        r.render(review)
        return ReviewWords.tidy(r.lines)
    }

    private struct Renderer {
        let options: Options
        var lines: [String] = []

        init(options: Options) { self.options = options }

        func paint(_ text: String, _ code: String) -> String {
            options.color ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
        }
        func bold(_ s: String) -> String { paint(s, "1") }
        func red(_ s: String) -> String { paint(s, "31") }
        func green(_ s: String) -> String { paint(s, "32") }
        func yellow(_ s: String) -> String { paint(s, "33") }
        func dim(_ s: String) -> String { paint(s, "2") }

        var dot: String { options.unicode ? " · " : ", " }

        mutating func add(_ line: String = "") { lines.append(line) }

        /// Adds `text` wrapped at the width, the first line after `first`, the rest after `rest`.
        mutating func wrap(_ text: String, first: String, rest: String) {
            var line = first
            var empty = true
            for word in text.split(separator: " ", omittingEmptySubsequences: true) {
                if !empty, Self.visible(line) + 1 + Self.visible(word) > options.width {
                    lines.append(line)
                    line = rest
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }

        /// Columns a string takes, not counting colour escapes.
        static func visible(_ s: some StringProtocol) -> Int {
            var n = 0
            var inEscape = false
            for c in s {
                if inEscape { if c == "m" { inEscape = false } } else if c == "\u{1B}" { inEscape = true } else { n += 1 }
            }
            return n
        }

        mutating func heading(_ title: String) {
            add()
            add(bold(title))
        }

        mutating func render(_ review: WeeklyReview) {
            add(bold("Week \(review.week.iso)") + ": " + ReviewWords.range(review.week))
            wrap(ReviewWords.written(review), first: "", rest: "")
            if let note = ReviewWords.inProgress(review) { wrap(note, first: "", rest: "") }
            if !review.isEmpty {
                pitfalls(review)
                if !review.progress.isEmpty {
                    heading("PROGRESS")
                    add("  " + ReviewWords.progressIntro)
                    for p in review.progress { wrap(green("+ ") + ReviewWords.progress(p), first: "  ", rest: "    ") }
                }
            }
            followUps(review)
            if !review.isEmpty {
                heading("YOUR NETWORK THIS WEEK")
                wrap(ReviewWords.met(review.people), first: "  ", rest: "  ")
                if let levels = ReviewWords.levels(review.people) { wrap(levels, first: "  ", rest: "  ") }
                if let names = ReviewWords.names(review.people) { wrap(names, first: "  ", rest: "  ") }
            }
            if let cold = ReviewWords.cold(review.people) {
                if review.isEmpty { heading("YOUR NETWORK") }
                wrap(cold, first: "  ", rest: "  ")
            }
            if !review.advice.isEmpty {
                heading("WHAT TO TRY NEXT WEEK")
                for (n, a) in review.advice.enumerated() {
                    if n > 0 { add() }
                    add("  " + bold(a.title))
                    wrap(a.instead, first: "    ", rest: "    ")
                }
            }
        }

        mutating func pitfalls(_ review: WeeklyReview) {
            let scale = review.pitfalls.flatMap(\.trend).max() ?? 0
            let weeks = review.trendWeeks
            let span = weeks.count == 1 ? "this week only" : "\(weeks[0].iso) to \(review.week.iso)"
            heading("PITFALLS")
            add(dim("  Most frequent first; the trend has one bar per week, \(span)."))
            let shown = review.pitfalls.filter { $0.count > 0 }
            if shown.isEmpty {
                add()
                add("  " + green("None of the seven pitfalls showed this week. Well done."))
            }
            for p in shown {
                add()
                let title = p.recurring ? red(p.title) : yellow(p.title)
                add("  " + bold(title))
                let facts = ReviewWords.facts(p, of: review.entries.count).joined(separator: dot)
                add("    " + facts + dot + "trend " + Sparkline.render(p.trend, scale: scale, unicode: options.unicode))
                for reason in p.reasons {
                    wrap(ReviewWords.source(reason.entryTitle, reason.entryDay) + ": " + reason.text, first: "    - ", rest: "      ")
                }
            }
            let quiet = review.pitfalls.filter { $0.count == 0 }
            if !quiet.isEmpty {
                add()
                add("  Not seen this week:")
                for p in quiet {
                    add("    " + dim(Sparkline.render(p.trend, scale: scale, unicode: options.unicode)) + "  " + p.title)
                }
            }
        }

        mutating func followUps(_ review: WeeklyReview) {
            let f = review.followUps
            heading("FOLLOW-UPS")
            if f.overdue.isEmpty, f.open.isEmpty, f.done.isEmpty {
                add("  No follow-ups planned, done or waiting.")
                return
            }
            let groups: [(String, [WeeklyReview.FollowUpLine], Bool)] = [
                ("Overdue", f.overdue, true), ("Still open", f.open, false), ("Done this week", f.done, false),
            ]
            if f.overdue.isEmpty { add("  " + ReviewWords.noOverdue) }
            var first = !f.overdue.isEmpty
            for (name, items, late) in groups where !items.isEmpty {
                if !first { add() }
                first = false
                add("  " + (late ? red(name) : name == "Done this week" ? green(name) : name) + " (\(items.count))")
                for item in items {
                    wrap(ReviewWords.what(item), first: "    - ", rest: "      ")
                    let when = ReviewWords.when(item, asOf: review.asOf, overdue: late)
                    wrap(when + dot + "from " + ReviewWords.source(item.entryTitle, item.entryDay), first: "      ", rest: "      ")
                }
            }
        }
    }
}
