import DebriefCore

/// What the home screen shows once the journal is read: the follow-ups that need attention, the
/// latest reflections and this week's pitfalls. Pure, so it is computed off the main thread.
///
/// Read from the parts of the journal each line needs, never from every entry (``read(cache:catalog:clock:calendar:skipStamp:)``):
/// the open follow-ups as `debrief followups` reads them, the newest entries as `list --limit`
/// does, the entries of this week and the one before for the week's line, the calendar's window
/// as `debrief pending` does. No entry is held: Space, `s` and `D` read the one they change.
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

    /// `followUps`: at least every open follow-up of the journal (done ones are left out here);
    /// `newest`: at least the ``recentCount`` newest entries; `twoWeeks`: the entries of this
    /// week and the one before (whether each pitfall recurs), later ones ignored; `problems`:
    /// how many files could not be read.
    init(followUps: [FollowUpItem], newest: [Entry], twoWeeks: [Entry], problems: Int, catalog: Catalog, clock: Clock) {
        let today = clock.today
        var due: [(day: Day, item: FollowUpItem)] = []
        for item in followUps where item.isOpen {
            guard let day = item.due, today.days(until: day) <= Self.soonDays else { continue }
            due.append((day, Self.titled(item)))
        }
        self.due = due.sorted { ($0.day, $0.item.entryID, $0.item.n) < ($1.day, $1.item.entryID, $1.item.n) }.map(\.item)
        recent = Self.newest(newest).map(Recent.init)
        let week = ISOWeek(containing: today)
        let review = WeeklyReview.make(entries: twoWeeks, catalog: catalog, week: week, weeks: 1, clock: clock)
        entriesThisWeek = review.entries.count
        pitfallsThisWeek = review.pitfalls.filter { $0.count > 0 }
            .map { WeekPitfall(title: $0.title, count: $0.count, recurring: $0.recurring, habit: $0.scope == .week) }
        self.problems = problems
    }

    /// Reads the journal through the session's cache, and the calendars when there are some:
    /// what home's background read returns. With an index attached, the follow-ups come from its
    /// rows (no entry rebuilt) and only the newest entries and those of the last two weeks are
    /// rebuilt; without one, the open follow-ups come from the cache's snapshot (as the follow-up
    /// screen's) and the entries from their few files.
    static func read(cache: JournalCache, catalog: Catalog, clock: Clock, calendar: CalendarAgenda.Source?,
                     skipStamp: Int = 0) -> HomeContent {
        let today = clock.today
        let (followUps, problems) = cache.followUpIndex(for: .open)
        Trace.mark("home: \(followUps.items.count) follow-ups read")
        let newest = cache.store.entries(matching: EntryMatcher(EntryQuery(limit: recentCount), catalog: catalog, today: today))
        let week = ISOWeek(containing: today)
        let weeks = EntryQuery(since: week.adding(weeks: -1).monday, until: week.sunday)
        let twoWeeks = cache.store.entries(matching: EntryMatcher(weeks, catalog: catalog, today: today), windowOnly: true)
        Trace.mark("home: \(newest.entries.count) newest entries and \(twoWeeks.entries.count) of the last two weeks read")
        var content = HomeContent(followUps: followUps.items, newest: newest.entries, twoWeeks: twoWeeks.entries,
                                  problems: problems.count, catalog: catalog, clock: clock)
        content.agenda = calendar?.read(store: cache.store, catalog: catalog, clock: clock) {
            let people = cache.peopleIndex()
            return KnownAttendees(people: people.people, sightings: people.sightings)
        }
        content.skipStamp = skipStamp
        return content
    }

    /// The latest reflections by event time (ids sort by date, but an edited date can reorder them).
    static func newest(_ entries: [Entry]) -> [Entry] {
        Array(entries.sorted { ($0.eventTime, $0.id) > ($1.eventTime, $1.id) }.prefix(recentCount))
    }
}

extension HomeContent {
    /// `item` titled as home shows entries (its id when it has no title).
    static func titled(_ item: FollowUpItem) -> FollowUpItem {
        var item = item
        if item.entryTitle.isEmpty { item.entryTitle = item.entryID }
        return item
    }

    /// Follow-up `n` of `entry` as home lists it: titled as the entry is shown (its id when it has no title).
    static func item(_ entry: Entry, n: Int) -> FollowUpItem {
        titled(FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1]))
    }

    /// Takes in an entry just written: its listed follow-ups change in place (a row marked done
    /// or moved keeps its place until home is read again, so Space can undo a mark).
    mutating func replace(_ entry: Entry) {
        for i in due.indices where due[i].entryID == entry.id && entry.followUps.indices.contains(due[i].n - 1) {
            due[i] = Self.item(entry, n: due[i].n)
        }
    }
}
