import DebriefCore

/// What the home screen shows once the whole journal is read: the follow-ups that need attention,
/// the latest reflections and this week's pitfalls. Pure, so it is computed off the main thread.
public struct HomeContent: Equatable, Sendable {
    /// A follow-up home lists, with what it needs to act on it in place.
    struct DueFollowUp: Equatable, Sendable {
        var followUp: FollowUp
        /// The due day when home was read (the row keeps its place when it is moved).
        var due: Day
        var event: String
        var entryID: String
        /// Its position in the entry, from 1.
        var n: Int
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
    /// The entries those follow-ups are in, as read, to mark or move one in place.
    var dueEntries: [String: Entry]
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
        var dueEntries: [String: Entry] = [:]
        for entry in snapshot.entries {
            for (i, f) in entry.followUps.enumerated() where f.isOpen {
                guard let day = f.due, today.days(until: day) <= Self.soonDays else { continue }
                due.append(DueFollowUp(followUp: f, due: day, event: entry.displayTitle, entryID: entry.id, n: i + 1))
                dueEntries[entry.id] = entry
            }
        }
        self.due = due.sorted { ($0.due, $0.entryID, $0.n) < ($1.due, $1.entryID, $1.n) }
        self.dueEntries = dueEntries
        recent = Self.newest(snapshot.entries).map(Recent.init)
        // The line needs this week's counts and whether each recurs (this week and the one
        // before), so only those two weeks' entries are judged, not the whole journal.
        let week = ISOWeek(containing: today)
        let since = week.adding(weeks: -1).monday
        let twoWeeks = EntryQuery(since: since)
        let review = WeeklyReview.make(entries: snapshot.entries.filter { twoWeeks.includes(day: $0.eventTime.day) }, catalog: catalog,
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

extension HomeContent {
    /// Takes in an entry just written: its listed follow-ups change in place (a row marked done
    /// or moved keeps its place until home is read again, so Space can undo a mark).
    mutating func replace(_ entry: Entry) {
        dueEntries[entry.id] = entry
        for i in due.indices where due[i].entryID == entry.id && entry.followUps.indices.contains(due[i].n - 1) {
            due[i].followUp = entry.followUps[due[i].n - 1]
        }
    }
}
