import DebriefCore

/// What the home screen shows once the whole journal is read: the follow-ups that need attention,
/// the latest reflections and this week's pitfalls. Pure, so it is computed off the main thread.
public struct HomeContent: Equatable, Sendable {
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

    /// Open follow-ups that are overdue or due within `soonDays` days, most urgent first (the
    /// order of the read: a row moved since keeps its place), titled as home shows entries.
    var due: [FollowUpItem]
    /// The entries those follow-ups are in, as read, to mark or move one in place.
    var dueEntries: [String: Entry]
    var recent: [Recent]
    /// Reflections this week, and the pitfalls they show, most frequent first.
    var entriesThisWeek: Int
    var pitfallsThisWeek: [WeekPitfall]
    var problems: Int
    /// What the calendars say (events awaiting a reflection, the next meeting); nil without
    /// calendars.
    var agenda: CalendarAgenda?
    /// How many skips home had asked to write when this read began (``HomeProgram/skipWrites``):
    /// a read from before a skip or its undo is corrected by what home did since.
    var skipStamp = 0

    static let soonDays = 7
    static let recentCount = 5

    init(snapshot: JournalSnapshot, catalog: Catalog, clock: Clock) {
        let today = clock.today
        var due: [(day: Day, item: FollowUpItem)] = []
        var dueEntries: [String: Entry] = [:]
        for entry in snapshot.entries {
            for (i, f) in entry.followUps.enumerated() where f.isOpen {
                guard let day = f.due, today.days(until: day) <= Self.soonDays else { continue }
                due.append((day, Self.item(entry, n: i + 1)))
                dueEntries[entry.id] = entry
            }
        }
        self.due = due.sorted { ($0.day, $0.item.entryID, $0.item.n) < ($1.day, $1.item.entryID, $1.item.n) }.map(\.item)
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

    /// Reads the journal through the session's cache, and the calendars when there are some:
    /// what home's background read returns.
    static func read(cache: JournalCache, catalog: Catalog, clock: Clock, calendar: CalendarAgenda.Source?,
                     skipStamp: Int = 0) -> HomeContent {
        let snapshot = cache.snapshot()
        var content = HomeContent(snapshot: snapshot, catalog: catalog, clock: clock)
        content.agenda = calendar?.read(entries: snapshot.entries, store: cache.store, clock: clock)
        content.skipStamp = skipStamp
        return content
    }

    /// The latest reflections by event time (ids sort by date, but an edited date can reorder them).
    static func newest(_ entries: [Entry]) -> [Entry] {
        Array(entries.sorted { ($0.eventTime, $0.id) > ($1.eventTime, $1.id) }.prefix(recentCount))
    }
}

extension HomeContent {
    /// Follow-up `n` of `entry` as home lists it: titled as the entry is shown (its id when it has no title).
    static func item(_ entry: Entry, n: Int) -> FollowUpItem {
        var item = FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1])
        item.entryTitle = entry.displayTitle
        return item
    }

    /// Takes in an entry just written: its listed follow-ups change in place (a row marked done
    /// or moved keeps its place until home is read again, so Space can undo a mark).
    mutating func replace(_ entry: Entry) {
        dueEntries[entry.id] = entry
        for i in due.indices where due[i].entryID == entry.id && entry.followUps.indices.contains(due[i].n - 1) {
            due[i] = Self.item(entry, n: due[i].n)
        }
    }
}
