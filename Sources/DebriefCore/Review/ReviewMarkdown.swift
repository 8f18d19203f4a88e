/// The review as Markdown, to paste into a note or send to a mentor: a table of the pitfalls,
/// then the reasons, progress, follow-ups as a checklist, the network and the advice.
public enum ReviewMarkdown {
    public static func render(_ review: WeeklyReview) -> String {
        var out: [String] = []
        out.append("# Weekly review \(review.week.iso)")
        out.append("")
        out.append("_\(ReviewWords.range(review.week))_")
        out.append("")
        out.append(escape(ReviewWords.written(review)))
        if let note = ReviewWords.inProgress(review) { out += ["", note] }

        if !review.isEmpty {
            let weeks = review.trendWeeks
            out += ["", "## Pitfalls", ""]
            out.append("Most frequent first. Trend: one bar per week from \(weeks[0].iso) to \(review.week.iso), oldest first.")
            out.append("")
            out.append("| Pitfall | This week | Recurring | Streak | Trend |")
            out.append("|---|---:|:---:|---:|---|")
            let scale = review.pitfalls.flatMap(\.trend).max() ?? 0
            for p in review.pitfalls {
                let title = p.count > 0 ? "**\(cell(p.title))**" : cell(p.title)
                out.append("| \(title) | \(p.count) | \(p.recurring ? "yes" : "") | \(p.streak) | \(Sparkline.render(p.trend, scale: scale, unicode: true)) `\(p.trend.map(String.init).joined(separator: " "))` |")
            }
            let shown = review.pitfalls.filter { $0.count > 0 }
            if !shown.isEmpty {
                out += ["", "### Why they showed"]
                for p in shown {
                    out += ["", "**\(escape(p.title))**", ""]
                    out += p.reasons.map { "- \(escape(ReviewWords.source($0.entryTitle, $0.entryDay))): \(escape($0.text))" }
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
                    let when = ReviewWords.when(item, asOf: review.asOf, overdue: late)
                    out.append("- \(box) \(escape(ReviewWords.what(item))) (\(when); from \(escape(ReviewWords.source(item.entryTitle, item.entryDay))))")
                }
            }
            if let again = ReviewWords.postponedAgain(f) { out += ["", escape(again)] }
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

        if !review.advice.isEmpty {
            out += ["", "## What to try next week", ""]
            out += review.advice.map { "- **\(escape($0.title))**: \(escape($0.instead))" }
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
