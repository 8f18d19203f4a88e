import DebriefCore

/// What the home screen shows once the whole journal is read: the follow-ups that need attention,
/// the latest reflections and this week's pitfalls. Pure, so it is computed off the main thread.
public struct HomeContent: Equatable, Sendable {
    struct DueFollowUp: Equatable, Sendable {
        var followUp: FollowUp
        var due: Day
        var event: String
    }

    struct Recent: Equatable, Sendable {
        var day: Day
        var title: String
        var kind: String

        init(_ entry: Entry) {
            day = entry.eventTime.day
            title = entry.displayTitle
            kind = entry.kind ?? ""
        }
    }

    /// A pitfall flagged this week, for the one-line summary.
    struct WeekPitfall: Equatable, Sendable {
        var title: String
        var count: Int
        var recurring: Bool
        /// A habit judged over the whole week, which later reflections of the week can still change.
        var habit: Bool
    }

    /// Open follow-ups that are overdue or due within `soonDays` days, most urgent first.
    var due: [DueFollowUp]
    var recent: [Recent]
    /// Reflections this week, and the pitfalls they show, most frequent first.
    var entriesThisWeek: Int
    var pitfallsThisWeek: [WeekPitfall]
    var problems: Int

    static let soonDays = 7
    static let recentCount = 5

    init(snapshot: JournalSnapshot, catalog: Catalog, clock: Clock) {
        let today = clock.today
        var due: [DueFollowUp] = []
        for entry in snapshot.entries {
            for f in entry.followUps where f.isOpen {
                guard let day = f.due, today.days(until: day) <= Self.soonDays else { continue }
                due.append(DueFollowUp(followUp: f, due: day, event: entry.displayTitle))
            }
        }
        self.due = due.sorted { $0.due < $1.due }
        recent = Self.newest(snapshot.entries).map(Recent.init)
        // The line needs this week's counts and whether each recurs (this week and the one
        // before), so only those two weeks' entries are judged, not the whole journal.
        let week = ISOWeek(containing: today)
        let since = week.adding(weeks: -1).monday
        let review = WeeklyReview.make(entries: snapshot.entries.filter { $0.eventTime.day >= since }, catalog: catalog,
                                       week: week, weeks: 1, clock: clock)
        entriesThisWeek = review.entries.count
        pitfallsThisWeek = review.pitfalls.filter { $0.count > 0 }
            .map { WeekPitfall(title: $0.title, count: $0.count, recurring: $0.recurring, habit: $0.scope == .week) }
        problems = snapshot.problems.count
    }

    /// The latest reflections by event time (ids sort by date, but an edited date can reorder them).
    static func newest(_ entries: [Entry]) -> [Entry] {
        Array(entries.sorted { ($0.eventTime, $0.id) > ($1.eventTime, $1.id) }.prefix(recentCount))
    }
}
