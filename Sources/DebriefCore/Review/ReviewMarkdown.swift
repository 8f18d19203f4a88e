/// The review as Markdown, to paste into a note or send to a mentor: what to try next week
/// first, then a table of the pitfalls, the reasons, progress, follow-ups as a checklist and the
/// network.
public enum ReviewMarkdown {
    public static func render(_ review: WeeklyReview) -> String {
        var out: [String] = []
        out.append("# Weekly review \(review.week.iso)")
        out.append("")
        out.append("_\(ReviewWords.range(review.week))_")
        out.append("")
        out.append(escape(ReviewWords.written(review)))
        if let note = ReviewWords.inProgress(review) { out += ["", note] }
        let unjudged = ReviewWords.unjudged(review)
        if !unjudged.isEmpty { out += [""] + unjudged.map(escape) }

        if let focus = review.focusLine {
            out += ["", "## What to try next week", ""]
            out.append("**Focus: \(escape(focus.title))**")
            if let why = review.focusWhy { out += ["", escape(ReviewWords.focusWhy(why))] }
            out += ["", ReviewWords.focusThisWeek, ""]
            out += focus.reasons.map { "- " + escape(ReviewWords.reason($0)) }
            if let instead = review.focusAdvice?.instead, !instead.isEmpty { out += ["", "Instead: " + escape(instead)] }
            out += ["", "_" + escape(WeeklyReview.focusRule) + "_"]
            let others = ReviewWords.alsoRecurring(review)
            if !others.isEmpty {
                out += ["", "Also recurring:", ""]
                out += others.map { "- " + escape($0.text) }
            }
        }

        if !review.isEmpty {
            out += ["", "## Pitfalls", ""]
            out.append(ReviewWords.trendScale(review, unicode: true) + " The numbers are reflections flagged out of that week's reflections; "
                + "for a habit, 1 is a week that showed it; – is a week without reflections.")
            out.append("")
            out.append("| Pitfall | This week | Recurring | Streak | Trend |")
            out.append("|---|---:|:---:|---:|---|")
            for p in review.pitfalls {
                let title = p.count > 0 ? "**\(cell(p.title))**" : cell(p.title)
                let thisWeek = p.count == 0 && p.notJudged ? "not judged"
                    : p.scope == .week ? (p.count > 0 ? "the week" : "0") : "\(p.count)/\(review.entries.count)"
                let numbers = zip(p.trend, review.trendReflections).map { count, total in
                    total == 0 ? "–" : p.scope == .week ? String(min(count, 1)) : "\(count)/\(total)"
                }
                out.append("| \(title) | \(thisWeek) | \(p.recurring ? "yes" : "") | \(p.streak) | \(Sparkline.render(review.shares(p), unicode: true)) `\(numbers.joined(separator: " "))` |")
            }
            let shown = review.pitfalls.filter { $0.count > 0 }
            if !shown.isEmpty {
                out += ["", "### Why they showed"]
                for p in shown {
                    out += ["", "**\(escape(p.title))**" + (p.scope == .week ? " (over the whole week)" : ""), ""]
                    out += p.reasons.map { "- " + escape(ReviewWords.reason($0)) }
                }
            }
            if !review.progress.isEmpty {
                out += ["", "## Progress", "", ReviewWords.progressIntro, ""]
                out += review.progress.map { "- \(escape(ReviewWords.progress($0)))" }
            }
        }

        out += ["", "## Follow-ups", ""]
        let f = review.followUps
        if f.overdue.isEmpty, f.open.isEmpty, f.done.isEmpty {
            out.append("No follow-ups planned, done or waiting.")
        } else {
            if f.overdue.isEmpty { out.append(ReviewWords.noOverdue) }
            for (name, items, late) in [("Overdue", f.overdue, true), ("Still open", f.open, false), ("Done this week", f.done, false)]
            where !items.isEmpty {
                out += ["", "### \(name)", ""]
                for item in items {
                    let box = item.done == nil ? "[ ]" : "[x]"
                    let when = ReviewWords.when(item, asOf: review.asOf, today: review.asOfIsToday, overdue: late)
                    out.append("- \(box) \(escape(ReviewWords.what(item))) (\(when); from \(escape(ReviewWords.source(item.entryTitle, item.entryDay))))")
                }
            }
            if let again = ReviewWords.postponedAgain(f) { out += ["", escape(again)] }
        }

        if let part = review.calendar {
            out += ["", "## Calendar", "", ReviewWords.calendar(part), "",
                    ReviewWords.calendarTrend(review, part, unicode: true) + " `" + ReviewWords.calendarNumbers(part) + "`"]
        }

        if !review.isEmpty || !review.people.cold.isEmpty {
            out += ["", review.isEmpty ? "## Your network" : "## Your network this week", ""]
            if !review.isEmpty {
                out.append("- " + ReviewWords.met(review.people))
                if let levels = ReviewWords.levels(review.people) { out.append("- " + levels) }
                if let names = ReviewWords.names(review.people) { out.append("- " + escape(names)) }
            }
            if let cold = ReviewWords.cold(review.people) { out.append("- " + escape(cold)) }
        }

        return ReviewWords.tidy(out)
    }

    /// User text inside a table cell: a `|` would end the cell.
    static func cell(_ s: String) -> String { escape(s).replacingOccurrences(of: "|", with: "\\|") }

    /// Keeps characters from user text from turning into Markdown formatting.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

import Foundation
