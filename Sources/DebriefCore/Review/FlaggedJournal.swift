/// Every entry of a journal in event order, judged once: each reflection's event pitfalls as of
/// the end of its own week (or today, while that week runs), and each week's habit pitfalls over
/// all of that week's reflections, as of the same day.
///
/// That judgement does not depend on which week is reviewed, so the evaluator runs once per read
/// of the journal: the review screen prepares this once and moving between weeks only counts,
/// which on 10,000 entries is the difference between a pause and an instant.
public struct FlaggedJournal: Sendable {
    public struct Item: Sendable {
        public var entry: Entry
        /// The ISO week of the entry's event day.
        public var week: ISOWeek
        /// The entry's event pitfalls and those it could not judge (nothing for an imported note).
        public var judgement: Judgement
        public var flags: [PitfallFlag] { judgement.flags }
    }

    /// One week: how many reflections and imported notes it has, and its habit pitfalls.
    public struct Week: Sendable {
        public var reflections = 0
        public var imported = 0
        /// Habit pitfalls over the week's reflections.
        public var habits = Judgement.none
        /// Per pitfall id: reflections flagged for an event pitfall, 1 for a habit the week shows.
        var counts: [String: Int] = [:]
    }

    /// By event time, then id.
    public let items: [Item]
    let weeks: [ISOWeek: Week]
    /// The days whose entries were judged (nil: all).
    let judged: ClosedRange<Day>?

    public var entries: [Entry] { items.map(\.entry) }

    public init(entries: [Entry], catalog: Catalog, clock: Clock) {
        self.init(entries: entries, catalog: catalog, clock: clock, judging: nil)
    }

    /// A journal whose entries are judged only when their event day is in `judging` (all when
    /// nil); the others keep their place and their week's counts of reflections, with no verdicts.
    ///
    /// `earlier`: the same entries judged over a part of `judging` (a narrower review window, with
    /// whole weeks at both ends): its verdicts are taken as they are, since a verdict depends only
    /// on its entry (or its week's reflections) and the day it is judged as of, so widening the
    /// window judges only the days it adds.
    init(entries: [Entry], catalog: Catalog, clock: Clock, judging: ClosedRange<Day>?, earlier: FlaggedJournal? = nil) {
        let today = clock.today
        let detector = Detector(catalog: catalog)
        var weeks: [ISOWeek: Week] = [:]
        var reflections: [ISOWeek: [Entry]] = [:]
        let reused = earlier.flatMap { e in e.judged.map { (items: e.items, days: $0, weeks: e.weeks) } }
        let sorted = entries.sorted { ($0.eventTime, $0.id) < ($1.eventTime, $1.id) }
        let reusable = reused.map { $0.items.count == sorted.count } ?? false
        items = sorted.enumerated().map { i, entry in
            let week = ISOWeek(containing: entry.eventTime.day)
            let judged = judging.map { $0.contains(entry.eventTime.day) } ?? true
            let judgement: Judgement
            if !judged {
                judgement = .none
            } else if reusable, let reused, reused.days.contains(entry.eventTime.day), reused.items[i].entry.id == entry.id {
                judgement = reused.items[i].judgement
            } else {
                judgement = detector.judge(entry, asOf: min(week.sunday, today))
            }
            if entry.isImported {
                weeks[week, default: Week()].imported += 1
            } else {
                weeks[week, default: Week()].reflections += 1
                if judged { reflections[week, default: []].append(entry) }
            }
            for flag in judgement.flags { weeks[week, default: Week()].counts[flag.pitfallID, default: 0] += 1 }
            return Item(entry: entry, week: week, judgement: judgement)
        }
        for (week, list) in reflections {
            let habits: Judgement
            if reusable, let reused, reused.days.contains(week.monday), reused.days.contains(week.sunday) {
                habits = reused.weeks[week]?.habits ?? .none
            } else {
                habits = detector.judgeWeek(list, asOf: min(week.sunday, today))
            }
            weeks[week, default: Week()].habits = habits
            for flag in habits.flags { weeks[week, default: Week()].counts[flag.pitfallID] = 1 }
        }
        self.weeks = weeks
        judged = judging
    }

    /// What the journal holds for `week` (nothing when it has no entries).
    public func week(_ week: ISOWeek) -> Week { weeks[week] ?? Week() }

    /// Reflections that showed event pitfall `id` in `week`, or 1 when the week showed habit `id`.
    func count(_ id: String, in week: ISOWeek) -> Int { weeks[week]?.counts[id] ?? 0 }
}

extension FlaggedJournal {
    /// The journal the review of `week` (with a trend of `weeks`) needs, judging only the weeks it
    /// looks at: the trend, the week before it (for "recurring"), and further back only while a
    /// pitfall's streak reaches the oldest judged week. The review is the same as over a journal
    /// judged whole; on 10,000 entries it judges a few hundred instead of all of them.
    public static func forReview(of entries: [Entry], catalog: Catalog, clock: Clock, week: ISOWeek, weeks: Int) -> FlaggedJournal {
        // The trend, the week before it, and at least the focus rule's weeks.
        var span = max(max(1, weeks) + 1, WeeklyReview.focusWeeks)
        let oldest = entries.map(\.eventTime.day).min()
        // Sorted once: each wider window sorts them again, which on sorted input is one pass.
        let entries = entries.sorted { ($0.eventTime, $0.id) < ($1.eventTime, $1.id) }
        var earlier: FlaggedJournal?
        while true {
            let first = week.adding(weeks: -(span - 1))
            let journal = FlaggedJournal(entries: entries, catalog: catalog, clock: clock, judging: first.monday...week.sunday,
                                         earlier: earlier)
            earlier = journal
            guard let oldest, oldest < first.monday else { return journal }
            // Would a streak run past the judged weeks? Then judge further back.
            let reachesBack = catalog.pitfalls.contains { pitfall in
                var w = week
                while journal.count(pitfall.id, in: w) > 0 { w = w.adding(weeks: -1) }
                return w < first
            }
            guard reachesBack else { return journal }
            span *= 2
        }
    }
}
