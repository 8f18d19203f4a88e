/// The review's sections, in the order a Monday review reads them.
extension ReviewText.Renderer {
    typealias Span = ReviewText.Span

    mutating func heading(_ title: String) {
        blank()
        add(Span(title, .heading, strong: true), hang: "")
    }

    /// The sections in order: what to try next week first (the one thing to act on), then the
    /// evidence behind it and everything else. A new part of the review adds its own section
    /// function and one line here.
    mutating func render(_ review: WeeklyReview) {
        add(Span("Week \(review.week.iso)", .heading, strong: true), Span(": " + ReviewWords.range(review.week)), hang: "")
        wrap(ReviewWords.written(review), first: "", rest: "")
        if let note = ReviewWords.inProgress(review) { wrap(note, first: "", rest: "") }
        for note in ReviewWords.unjudged(review) { wrap(note, first: "", rest: "") }
        nextWeek(review)
        if !review.isEmpty {
            pitfalls(review)
            if !review.progress.isEmpty {
                heading("PROGRESS")
                add(Span("  " + ReviewWords.progressIntro), hang: "  ")
                for p in review.progress { wrap([Span("+ ", .good), Span(ReviewWords.progress(p))], first: "  ", rest: "    ") }
            }
        }
        followUps(review)
        if let part = review.calendar {
            heading("CALENDAR")
            wrap(ReviewWords.calendar(part), first: "  ", rest: "  ")
            wrap([Span(ReviewWords.calendarTrend(review, part, unicode: options.unicode)),
                  Span(" " + ReviewWords.calendarNumbers(part), .muted)], first: "  ", rest: "  ")
        }
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
    }

    /// One thing to change: the focus, why the rule picked it, what showed this week and what to
    /// do instead; then the other recurring pitfalls in one line each.
    mutating func nextWeek(_ review: WeeklyReview) {
        guard let focus = review.focusLine else { return }
        heading("WHAT TO TRY NEXT WEEK")
        add(Span("  Focus: "), Span(focus.title, focus.recurring ? .bad : .warning, strong: true), hang: "  ")
        if let why = review.focusWhy { wrap(ReviewWords.focusWhy(why), first: "    ", rest: "    ") }
        wrap(ReviewWords.focusThisWeek, first: "    ", rest: "    ")
        for reason in focus.reasons {
            about(reason.entry.map { .entry($0.id) }) { $0.wrap(ReviewWords.reason(reason), first: "    - ", rest: "      ") }
        }
        if let instead = review.focusAdvice?.instead, !instead.isEmpty { wrap("Instead: " + instead, first: "    ", rest: "    ") }
        wrap([Span(WeeklyReview.focusRule, .muted)], first: "    ", rest: "    ")
        let others = ReviewWords.alsoRecurring(review)
        if !others.isEmpty {
            blank()
            add(Span("  Also recurring:"), hang: "  ")
            for other in others { wrap(other.text, first: "    - ", rest: "      ") }
        }
    }

    mutating func pitfalls(_ review: WeeklyReview) {
        heading("PITFALLS")
        wrap([Span(ReviewWords.trendScale(review, unicode: options.unicode), .muted)], first: "  ", rest: "  ")
        let shown = review.pitfalls.filter { $0.count > 0 }
        let unjudged = review.pitfalls.filter { $0.count == 0 && $0.notJudged }
        if shown.isEmpty {
            blank()
            add(Span("  "), Span(ReviewWords.noneShowed(anyUnjudged: !unjudged.isEmpty), .good), hang: "  ")
        }
        for p in shown {
            blank()
            add(Span("  "), Span(p.title, p.recurring ? .bad : .warning, strong: true), hang: "  ")
            let facts = ReviewWords.facts(p, of: review.entries.count).joined(separator: dot)
            add(Span("    " + facts + dot + "trend " + Sparkline.render(review.shares(p), unicode: options.unicode)), hang: "    ")
            for reason in p.reasons {
                about(reason.entry.map { .entry($0.id) }) { $0.wrap(ReviewWords.reason(reason), first: "    - ", rest: "      ") }
            }
        }
        // What no reflection could say is listed apart: "not seen" would be a guess.
        let quiet = review.pitfalls.filter { $0.count == 0 && !$0.notJudged }
        for (heading, lines) in [("Not seen this week:", quiet), ("Not judged this week:", unjudged)] where !lines.isEmpty {
            blank()
            add(Span("  " + heading), hang: "  ")
            for p in lines {
                // Continuation rows line up with the title, after the bars.
                let hang = String(repeating: " ", count: 6 + p.trend.count)
                add(Span("    "), Span(Sparkline.render(review.shares(p), unicode: options.unicode), .muted),
                    Span("  " + p.title), hang: hang)
            }
        }
    }

    mutating func followUps(_ review: WeeklyReview) {
        let f = review.followUps
        heading("FOLLOW-UPS")
        if f.overdue.isEmpty, f.open.isEmpty, f.done.isEmpty {
            add(Span("  No follow-ups planned, done or waiting."), hang: "  ")
            return
        }
        let groups: [(String, [WeeklyReview.FollowUpLine], ReviewText.Tone)] = [
            ("Overdue", f.overdue, .bad), ("Still open", f.open, .plain), ("Done this week", f.done, .good),
        ]
        if f.overdue.isEmpty { add(Span("  " + ReviewWords.noOverdue), hang: "  ") }
        var first = !f.overdue.isEmpty
        for (name, items, tone) in groups where !items.isEmpty {
            if !first { blank() }
            first = false
            add(Span("  "), Span(name, tone), Span(" (\(items.count))"), hang: "  ")
            for item in items {
                let when = ReviewWords.when(item, asOf: review.asOf, today: review.asOfIsToday, overdue: tone == .bad)
                let from = when + dot + "from " + ReviewWords.source(item.entryTitle, item.entryDay)
                about(.followUp(entryID: item.entryID, n: item.n)) {
                    $0.wrap(ReviewWords.what(item), first: "    - ", rest: "      ")
                    $0.wrap(from, first: "      ", rest: "      ")
                }
            }
        }
        if let again = ReviewWords.postponedAgain(f) {
            blank()
            wrap([Span(again, .bad)], first: "  ", rest: "  ")
        }
    }
}
