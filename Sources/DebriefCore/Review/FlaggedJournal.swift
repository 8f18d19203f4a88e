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

    /// By event time, then id: every entry, or (``forReview(of:catalog:clock:week:weeks:)``) those
    /// of the reviewed week.
    public let items: [Item]
    private(set) var weeks: [ISOWeek: Week]
    /// The follow-ups a review reads, by their entries' event time, then id, each entry's in its
    /// own order: every one, or (``forReview(of:catalog:clock:week:weeks:)``) those not done
    /// before the reviewed week, the only ones it shows.
    let followUps: [FollowUpItem]

    public var entries: [Entry] { items.map(\.entry) }

    public init(entries: [Entry], catalog: Catalog, clock: Clock) {
        let source = ReviewSource(entries: entries)
        self.init(source, order: source.order(), catalog: catalog, clock: clock, judging: nil,
                  followUps: source.followUps(notDoneBefore: Day(ordinal: Int.min / 4)))
    }

    /// A journal whose entries are judged, and read from `source`, only when their event day is
    /// in `judging` (all when nil); the others count in their weeks' reflections, unread.
    /// `order`: ``ReviewSource/order()``.
    init(_ source: ReviewSource, order: [Int], catalog: Catalog, clock: Clock, judging: ClosedRange<Day>?, followUps: [FollowUpItem]) {
        let today = clock.today
        let detector = Detector(catalog: catalog)
        var weeks: [ISOWeek: Week] = [:]
        var reflections: [ISOWeek: [Item]] = [:]
        var read: [Int] = []
        for i in order {
            let key = source.keys[i]
            let week = ISOWeek(containing: key.eventTime.day)
            if key.imported { weeks[week, default: Week()].imported += 1 } else { weeks[week, default: Week()].reflections += 1 }
            if judging.map({ $0.contains(key.eventTime.day) }) ?? true { read.append(i) }
        }
        items = source.entries(read).map { entry in
            let week = ISOWeek(containing: entry.eventTime.day)
            let item = Item(entry: entry, week: week, judgement: detector.judge(entry, asOf: min(week.sunday, today)))
            if !entry.isImported { reflections[week, default: []].append(item) }
            return item
        }
        // By their entries' event time, then id, as the items (each entry's in its own order).
        self.followUps = followUps.indices.sorted { a, b in
            let (x, y) = (followUps[a], followUps[b])
            if (x.eventTime, x.entryID) < (y.eventTime, y.entryID) { return true }
            if (y.eventTime, y.entryID) < (x.eventTime, x.entryID) { return false }
            return a < b
        }.map { followUps[$0] }
        for (week, list) in reflections {
            let habits = detector.judgeWeek(list.map(\.entry), asOf: min(week.sunday, today))
            weeks[week, default: Week()].habits = habits
            weeks[week, default: Week()].counts = WeekTally(judgements: list.map(\.judgement), habits: habits).counts
        }
        self.weeks = weeks
    }

    /// What the journal holds for `week` (nothing when it has no entries).
    public func week(_ week: ISOWeek) -> Week { weeks[week] ?? Week() }

    /// Reflections that showed event pitfall `id` in `week`, or 1 when the week showed habit `id`
    /// (0 for a week not counted: ``forReview(of:catalog:clock:week:weeks:)`` counts every week
    /// its review reads).
    func count(_ id: String, in week: ISOWeek) -> Int { weeks[week]?.counts[id] ?? 0 }

    /// Whether `week` showed pitfall `id`.
    func shows(_ id: String, in week: ISOWeek) -> Bool { count(id, in: week) > 0 }
}

extension FlaggedJournal {
    /// The journal the review of `week` (with a trend of `weeks`) needs: the reviewed week's
    /// reflections judged whole (the review shows them), and the counts (``WeekTally``) of the
    /// weeks it reads: the trend, the week before it (for "recurring"), the focus rule's weeks,
    /// and, for a pitfall every one of those shows, each earlier week back to the first without
    /// it (its streak). The review is the same as over a journal judged whole.
    public static func forReview(of entries: [Entry], catalog: Catalog, clock: Clock, week: ISOWeek, weeks: Int) -> FlaggedJournal {
        forReview(of: ReviewSource(entries: entries), catalog: catalog, clock: clock, week: week, weeks: weeks)
    }

    /// ``forReview(of:catalog:clock:week:weeks:)`` reading from `source` only the entries of the
    /// reviewed week and of the weeks it counts whose tally its memo (``ReviewSource/memo``) does
    /// not hold, each read and judged once, and the follow-ups not done before `week`. On 10,000
    /// entries with a warm memo, that is a few entries instead of a few thousand.
    public static func forReview(of source: ReviewSource, catalog: Catalog, clock: Clock, week: ISOWeek, weeks: Int) -> FlaggedJournal {
        let span = max(max(1, weeks) + 1, WeeklyReview.focusWeeks)
        let first = week.adding(weeks: -(span - 1))
        let order = source.order()
        var journal = FlaggedJournal(source, order: order, catalog: catalog, clock: clock, judging: week.monday...week.sunday,
                                     followUps: source.followUps(notDoneBefore: week.monday))
        // The reflections of each earlier week, by event time then id, as positions.
        var reflections: [ISOWeek: [Int]] = [:]
        for i in order {
            let key = source.keys[i]
            guard key.eventTime.day < week.monday else { break }
            if !key.imported { reflections[ISOWeek(containing: key.eventTime.day), default: []].append(i) }
        }
        guard !reflections.isEmpty else { return journal }
        let detector = Detector(catalog: catalog)
        let today = clock.today
        let catalogKey = source.memo.map { _ in WeekTally.catalogKey(catalog) }
        var counted: Set<ISOWeek> = []
        func countWeek(_ w: ISOWeek) {
            guard counted.insert(w).inserted, let positions = reflections[w] else { return }
            let asOf = min(w.sunday, today)
            let key = catalogKey.map { WeekMemo.Key(week: w, asOf: asOf, catalog: $0, positions: positions) }
            let tally: WeekTally
            if let key, let kept = source.memo?.recall(key) {
                tally = kept
            } else {
                tally = WeekTally(judging: source.entries(positions), detector: detector, asOf: asOf)
                if let key { source.memo?.record(key, tally) }
            }
            journal.weeks[w, default: Week()].counts = tally.counts
        }
        var w = first
        while w < week {
            countWeek(w)
            w = w.adding(weeks: 1)
        }
        for pitfall in catalog.pitfalls {
            var w = week
            while journal.count(pitfall.id, in: w) > 0 {
                w = w.adding(weeks: -1)
                countWeek(w)
            }
        }
        return journal
    }
}
