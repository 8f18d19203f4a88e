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

    /// The header's second line.
    static func written(_ review: WeeklyReview) -> String {
        let n = review.entries.count
        guard n > 0 else { return "No reflections this week. Met someone? A short reflection now still counts." }
        let quick = review.writtenWithin24Hours
        let within = quick == n ? (n == 1 ? "written" : "all written") : quick == 0 ? "none written" : "\(quick) written"
        return count(n, "reflection") + ", \(within) within 24 hours of the event."
    }

    /// Said when the week is still running.
    static func inProgress(_ review: WeeklyReview) -> String? {
        review.inProgress ? "Week in progress: follow-ups are as of today, \(long(review.asOf))." : nil
    }

    /// `2 of 3 reflections`, `recurring`, `streak 3 weeks`.
    static func facts(_ line: WeeklyReview.PitfallLine, of total: Int) -> [String] {
        var out = ["\(line.count) of \(count(total, "reflection"))"]
        if line.recurring { out.append("recurring") }
        out.append("streak " + count(line.streak, "week"))
        return out
    }

    /// `Swift meetup Berlin, Tue 24 Nov`.
    static func source(_ title: String, _ day: Day) -> String {
        (title.isEmpty ? "untitled" : title) + ", " + short(day)
    }

    /// `Ana Li: Send the link`.
    static func what(_ f: WeeklyReview.FollowUpLine) -> String {
        AnswerText.task(who: f.who, action: f.action)
    }

    /// `due Fri 27 Nov, 2 days late` / `due Fri 27 Nov` / `done Wed 25 Nov` / `no due date`; an
    /// open one pushed back says so: `due Wed 9 Dec, postponed twice, 12 days past its first date`.
    static func when(_ f: WeeklyReview.FollowUpLine, asOf: Day, overdue: Bool = false) -> String {
        if let done = f.done, done <= asOf { return "done " + short(done) }
        guard let due = f.due else { return "no due date" }
        let history = AnswerText.postponements(f.postponed, firstDue: f.firstDue, due: due).map { ", " + $0 } ?? ""
        if overdue { return "due \(short(due)), " + count(due.days(until: asOf), "day") + " late" + history }
        if due == asOf { return "due today, \(short(due))" + history }
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
