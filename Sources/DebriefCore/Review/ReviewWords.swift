/// The small pieces of English the review's renderers share, so the text and the Markdown say
/// the same thing in the same words. Dates are spelled out in English by hand: the review must
/// read the same on every machine, whatever its locale.
enum ReviewWords {
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    /// `Tue 24 Nov`.
    static func short(_ day: Day) -> String {
        "\(weekdays[day.isoWeekday - 1].prefix(3)) \(day.day) \(months[day.month - 1].prefix(3))"
    }

    /// `Tuesday 24 November`.
    static func long(_ day: Day) -> String {
        "\(weekdays[day.isoWeekday - 1]) \(day.day) \(months[day.month - 1])"
    }

    /// `Monday 23 to Sunday 29 November 2026`, naming a month or year twice only when it changes.
    static func range(_ week: ISOWeek) -> String {
        let a = week.monday, b = week.sunday
        let end = "\(weekdays[6]) \(b.day) \(months[b.month - 1]) \(b.year)"
        if a.year != b.year { return "\(long(a)) \(a.year) to \(end)" }
        if a.month != b.month { return "\(long(a)) to \(end)" }
        return "\(weekdays[0]) \(a.day) to \(end)"
    }

    /// `1 reflection`, `3 reflections`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// The header's second line. Imported notes are counted apart: they are not reflections.
    static func written(_ review: WeeklyReview) -> String {
        let n = review.entries.count
        let imported = review.imported > 0 ? count(review.imported, "imported note") : nil
        guard n > 0 else {
            let also = imported.map { " (\($0), which the review does not judge)" } ?? ""
            return "No reflections this week\(also). Met someone? A short reflection now still counts."
        }
        let quick = review.writtenWithin24Hours
        let within = quick == n ? (n == 1 ? "written" : "all written") : quick == 0 ? "none written" : "\(quick) written"
        return count(n, "reflection") + ", \(within) within 24 hours of the event" + (imported.map { ", and \($0)" } ?? "") + "."
    }

    /// What could not be judged this week, said rather than guessed: "2 of the 9 reflections were
    /// quick: casual socializing and generic outreach could not be judged for them, self-promotion
    /// only in part." One sentence per flow, then one for habits the week could not settle.
    static func unjudged(_ review: WeeklyReview) -> [String] {
        let total = review.entries.count
        let names = Dictionary(review.pitfalls.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        func list(_ ids: [String]) -> String { series(ids.map { names[$0] ?? $0 }) }
        var out: [String] = []
        for group in review.unjudged {
            let n = group.reflections
            let (who, them) = n == total
                ? (n == 1 ? ("This week's reflection was \(group.flow)", "it") : ("All \(n) reflections were \(group.flow)", "them"))
                : ("\(n) of the \(total) reflections \(n == 1 ? "was" : "were") \(group.flow)", n == 1 ? "it" : "them")
            var parts: [String] = []
            if !group.notJudged.isEmpty { parts.append("\(list(group.notJudged)) could not be judged for \(them)") }
            if !group.inPart.isEmpty {
                parts.append(group.notJudged.isEmpty ? "\(list(group.inPart)) could be judged only in part for \(them)" : "\(list(group.inPart)) only in part")
            }
            out.append(who + ": " + parts.joined(separator: ", ") + ".")
        }
        if !review.unjudgedHabits.isEmpty {
            let habits = list(review.unjudgedHabits)
            out.append(habits.prefix(1).uppercased() + habits.dropFirst() + " could not be judged for the week as a whole.")
        }
        return out
    }

    /// The week showed no pitfall: of all seven, or of those its reflections could judge.
    static func noneShowed(anyUnjudged: Bool) -> String {
        anyUnjudged ? "None of the pitfalls that could be judged showed this week. Well done."
            : "None of the seven pitfalls showed this week. Well done."
    }

    /// `a`, `a and b`, `a, b and c`.
    static func series(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The calendar part in one sentence: "5 events worth a reflection this week: 3 reflected (1 of
    /// them more than 24 hours after the event), 1 skipped, 1 without a reflection."
    static func calendar(_ part: WeeklyReview.CalendarWeek) -> String {
        guard part.events > 0 else { return "No calendar event this week asked for a reflection." }
        var parts = [count(part.reflected, "reflected", "reflected")
                     + (part.reflectedLate > 0 ? " (\(part.reflectedLate) of them more than 24 hours after the event)" : "")]
        if part.skipped > 0 { parts.append("\(part.skipped) skipped") }
        if part.unreflected > 0 { parts.append("\(part.unreflected) without a reflection") }
        return count(part.events, "event") + " worth a reflection this week: " + parts.joined(separator: ", ") + "."
    }

    /// The calendar trend's bars and what they mean: "Reflected per week, 2026-W41 to 2026-W48:
    /// ▁▃█ (a full bar: every event worth a reflection got one; · a week without such events)".
    static func calendarTrend(_ review: WeeklyReview, _ part: WeeklyReview.CalendarWeek, unicode: Bool) -> String {
        let weeks = review.trendWeeks
        let span = weeks.count == 1 ? "this week" : "\(weeks[0].iso) to \(review.week.iso)"
        return "Reflected per week, \(span): " + Sparkline.render(part.shares, unicode: unicode)
            + " (a full bar: every event worth a reflection got one"
            + (part.trendEvents.contains(0) ? "; \(unicode ? "·" : "a gap") is a week without such events)" : ")")
    }

    /// The trend's numbers, reflected out of events per week: `1/2 0/1 – 3/5`.
    static func calendarNumbers(_ part: WeeklyReview.CalendarWeek) -> String {
        zip(part.trendReflected, part.trendEvents).map { r, e in e == 0 ? "–" : "\(r)/\(e)" }.joined(separator: " ")
    }

    /// What the trend's bars mean, so a full bar is never a guess.
    static func trendScale(_ review: WeeklyReview, unicode: Bool) -> String {
        let weeks = review.trendWeeks
        let span = weeks.count == 1 ? "this week only" : "\(weeks[0].iso) to \(review.week.iso)"
        let habits = review.pitfalls.contains { $0.scope == .week }
        return "Longest-running first. The trend has one bar per week, \(span): a full bar means every reflection "
            + "that week showed the pitfall" + (habits ? " (for a habit judged over the whole week, that the week showed it)" : "")
            + (review.trendReflections.contains(0) ? "; \(unicode ? "·" : "a gap") is a week without reflections. " : ". ")
            + WeeklyReview.recurringMeaning
    }

    /// Said when the week is still running.
    static func inProgress(_ review: WeeklyReview) -> String? {
        review.inProgress ? "Week in progress: follow-ups are as of today, \(long(review.asOf))." : nil
    }

    /// `2 of 3 reflections`, then `3 weeks running` or `not the week before`; a habit says it is
    /// judged over the week. Never the bare word "recurring" beside a one-week streak, which reads
    /// as a contradiction: the counts say why it recurs (``WeeklyReview/recurringMeaning``).
    static func facts(_ line: WeeklyReview.PitfallLine, of total: Int) -> [String] {
        var out: [String]
        switch line.scope {
        case .event:
            out = ["\(line.count) of \(count(total, "reflection"))"]
            if line.unjudged > 0 { out[0] += " (\(line.unjudged) not judged)" }
        case .week:
            out = ["habit over the whole week (" + count(total, "reflection") + ")"]
        }
        out.append(weeksRunning(line.streak))
        return out
    }

    /// `3 weeks running`, or `not the week before` for a pitfall new this week.
    static func weeksRunning(_ streak: Int) -> String {
        streak > 1 ? "\(streak) weeks running" : "not the week before"
    }

    /// `Swift meetup Berlin, Tue 24 Nov`.
    static func source(_ title: String, _ day: Day) -> String {
        (title.isEmpty ? "untitled" : title) + ", " + short(day)
    }

    /// A reason as one line: `Swift meetup Berlin, Tue 24 Nov: did 80% of the talking; …`, or the
    /// week's evidence alone for a habit.
    static func reason(_ r: WeeklyReview.Reason) -> String {
        guard let e = r.entry else { return r.text }
        return source(e.title, e.day) + ": " + r.text
    }

    /// Why the focus was picked, in the numbers the rule counted: `Why this one: seen in 3 of
    /// your last 9 reflections, 2 of them this week.`
    static func focusWhy(_ why: WeeklyReview.FocusWhy) -> String {
        switch why.scope {
        case .event:
            let these = why.seen == why.thisWeek ? (why.seen == 1 ? "this week" : "all of them this week") : "\(why.thisWeek) of them this week"
            return "Why this one: seen in \(why.seen) of your last \(count(why.outOf, "reflection")), \(these)."
        case .week:
            return "Why this one: seen in \(why.seen) of the last \(count(why.outOf, "week")) with reflections, this week included."
        }
    }

    /// What the focus showed this week, before its reasons.
    static let focusThisWeek = "This week:"

    /// `Failing to follow up, 3 weeks running` or `…, in 2 reflections this week` for the other
    /// recurring pitfalls (``WeeklyReview/recurringMeaning``).
    static func alsoRecurring(_ line: WeeklyReview.PitfallLine) -> String {
        line.title + (line.streak > 1 ? ", \(line.streak) weeks running" : ", in \(line.count) reflections this week")
    }

    /// The other recurring pitfalls after the focus, each with its advice, in the order of
    /// `review.advice`: what every format says under "Also recurring" (the JSON as
    /// `next_week.also_recurring`), so none prints advice another leaves out.
    static func alsoRecurring(_ review: WeeklyReview) -> [(line: WeeklyReview.PitfallLine, text: String)] {
        review.advice.filter { $0.id != review.focus }.compactMap { a in
            review.pitfalls.first { $0.id == a.id }.map { line in
                (line, alsoRecurring(line) + (a.instead.isEmpty ? "" : ". Instead: " + a.instead))
            }
        }
    }

    /// `Ana Li: Send the link`.
    static func what(_ f: WeeklyReview.FollowUpLine) -> String {
        AnswerText.task(who: f.who, action: f.action)
    }

    /// `due Fri 27 Nov, 2 days late` / `due Fri 27 Nov` / `done Wed 25 Nov` / `no due date`; an
    /// open one pushed back says so: `due Wed 9 Dec, postponed twice, 12 days past its first date`.
    ///
    /// Relative to the week reviewed: "today" only while that week is the current one, and a
    /// past week counts days late by its Sunday, not by the day the review is read.
    static func when(_ f: WeeklyReview.FollowUpLine, asOf: Day, today: Bool, overdue: Bool = false) -> String {
        if let done = f.done, done <= asOf { return "done " + short(done) }
        guard let due = f.due else { return "no due date" }
        let history = AnswerText.postponements(f.postponed, firstDue: f.firstDue, due: due).map { ", " + $0 } ?? ""
        if overdue {
            return "due \(short(due)), " + count(due.days(until: asOf), "day") + " late" + (today ? "" : " by the end of the week") + history
        }
        if due == asOf, today { return "due today, \(short(due))" + history }
        return "due " + short(due) + history
    }

    /// How many open follow-ups were pushed back at least this often before the review says so.
    static let postponedAgainAndAgain = 2

    /// The follow-up section's word on actions pushed back again and again: failing to follow up,
    /// in slow motion. Nil when none was postponed twice or more.
    static func postponedAgain(_ f: WeeklyReview.FollowUps) -> String? {
        let n = (f.overdue + f.open).filter { $0.postponed >= postponedAgainAndAgain }.count
        guard n > 0 else { return nil }
        let which = n == 1 ? "1 follow-up was" : "\(n) follow-ups were"
        return "\(which) postponed twice or more: pushing a promise back again and again is failing to follow up, "
            + "in slow motion. Do it this week, or tell the person it will not happen."
    }

    /// `Met 4 people: 3 new, 1 you already knew.`
    static func met(_ people: WeeklyReview.PeopleThisWeek) -> String {
        let n = people.met.count
        guard n > 0 else { return "You did not note anyone you talked to." }
        var parts: [String] = []
        if people.new > 0 { parts.append("\(people.new) new") }
        if people.existing > 0 { parts.append("\(people.existing) you already knew") }
        let unknown = n - people.new - people.existing
        if unknown > 0 { parts.append("\(unknown) not marked new or known") }
        return "Met " + count(n, "person", "people") + ": " + parts.joined(separator: ", ") + "."
    }

    /// `Levels: 2 peers, 1 senior.`, or nil when nobody had a level.
    static func levels(_ people: WeeklyReview.PeopleThisWeek) -> String? {
        let given = people.levels.filter { $0.count > 0 }
        guard !given.isEmpty else { return nil }
        return "Levels: " + given.map { count($0.count, $0.level) }.joined(separator: ", ") + "."
    }

    /// `Met Ana Li, Bo Chen.` listed by name.
    static func names(_ people: WeeklyReview.PeopleThisWeek) -> String? {
        people.met.isEmpty ? nil : people.met.map(\.name).joined(separator: ", ") + "."
    }

    static func cold(_ people: WeeklyReview.PeopleThisWeek) -> String? {
        people.cold.isEmpty ? nil : "Worth a catch-up, not heard from in a while: " + people.cold.joined(separator: ", ") + "."
    }

    static let progressIntro = "Recurred before, not seen this week. Keep it up."

    static func progress(_ p: WeeklyReview.ProgressLine) -> String {
        "\(p.title) (last recurring in \(p.lastRecurring.iso))"
    }

    /// Lines joined, with runs of blank lines collapsed to one and none at either end.
    static func tidy(_ lines: [String]) -> String {
        tidy(lines, isBlank: \.isEmpty).joined(separator: "\n") + "\n"
    }

    /// Runs of blank lines collapsed to one and none at either end, for any kind of line: the
    /// renderers add a blank before every section and let this decide which ones stay.
    static func tidy<Line>(_ lines: [Line], isBlank: (Line) -> Bool) -> [Line] {
        var out: [Line] = []
        for line in lines where !(isBlank(line) && out.last.map(isBlank) ?? true) { out.append(line) }
        while let last = out.last, isBlank(last) { out.removeLast() }
        return out
    }

    /// What to say when a follow-up list is empty.
    static let noOverdue = "Nothing overdue."
}
