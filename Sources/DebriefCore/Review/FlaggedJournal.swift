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

    /// By event time, then id: every entry, or those of the judged weeks (``judged``).
    public let items: [Item]
    let weeks: [ISOWeek: Week]
    /// The days whose entries were judged and are among ``items`` (nil: all), whole weeks.
    let judged: ClosedRange<Day>?
    /// The follow-ups a review reads, by their entries' event time, then id, each entry's in its
    /// own order: every one, or (``forReview(of:catalog:clock:week:weeks:)``) those not done
    /// before the reviewed week, the only ones it shows.
    let followUps: [FollowUpItem]
    /// Per pitfall shown by every judged week up to the oldest: how many weeks just before the
    /// judged ones show it too (``forReview(of:catalog:clock:week:weeks:)`` follows that run back).
    var runBefore: [String: Int] = [:]

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
        var reflections: [ISOWeek: [Entry]] = [:]
        var read: [Int] = []
        for i in order {
            let key = source.keys[i]
            let week = ISOWeek(containing: key.eventTime.day)
            if key.imported { weeks[week, default: Week()].imported += 1 } else { weeks[week, default: Week()].reflections += 1 }
            if judging.map({ $0.contains(key.eventTime.day) }) ?? true { read.append(i) }
        }
        items = source.entries(read).map { entry in
            let week = ISOWeek(containing: entry.eventTime.day)
            let judgement = detector.judge(entry, asOf: min(week.sunday, today))
            if !entry.isImported { reflections[week, default: []].append(entry) }
            for flag in judgement.flags { weeks[week, default: Week()].counts[flag.pitfallID, default: 0] += 1 }
            return Item(entry: entry, week: week, judgement: judgement)
        }
        // By their entries' event time, then id, as the items (each entry's in its own order).
        self.followUps = followUps.indices.sorted { a, b in
            let (x, y) = (followUps[a], followUps[b])
            if (x.eventTime, x.entryID) < (y.eventTime, y.entryID) { return true }
            if (y.eventTime, y.entryID) < (x.eventTime, x.entryID) { return false }
            return a < b
        }.map { followUps[$0] }
        for (week, list) in reflections {
            let habits = detector.judgeWeek(list, asOf: min(week.sunday, today))
            weeks[week, default: Week()].habits = habits
            for flag in habits.flags { weeks[week, default: Week()].counts[flag.pitfallID] = 1 }
        }
        self.weeks = weeks
        judged = judging
    }

    /// What the journal holds for `week` (nothing when it has no entries).
    public func week(_ week: ISOWeek) -> Week { weeks[week] ?? Week() }

    /// Reflections that showed event pitfall `id` in `week`, or 1 when the week showed habit `id`
    /// (0 for a week before the judged ones).
    func count(_ id: String, in week: ISOWeek) -> Int { weeks[week]?.counts[id] ?? 0 }

    /// Whether `week` showed pitfall `id`: from its judged entries, or, for a week before the
    /// judged ones, whether it lies in the run of weeks showing it that reaches them (``runBefore``).
    func shows(_ id: String, in week: ISOWeek) -> Bool {
        if let judged, week.monday < judged.lowerBound {
            let first = ISOWeek(containing: judged.lowerBound)
            return week.weeks(until: first) <= runBefore[id] ?? 0
        }
        return count(id, in: week) > 0
    }
}

extension FlaggedJournal {
    /// The journal the review of `week` (with a trend of `weeks`) needs, judging whole only the
    /// weeks it counts in: the trend, the week before it (for "recurring") and the focus rule's
    /// weeks. A pitfall every one of those weeks shows has a streak that may reach further back:
    /// it is followed week by week, judging that one pitfall over each earlier week's reflections
    /// (``Detector/shows(_:in:asOf:)``) until a week without it. The review is the same as over a
    /// journal judged whole; on 10,000 entries it judges a few hundred entries whole and, for a
    /// long streak, one pitfall on a few entries per week instead of every pitfall on all of them.
    public static func forReview(of entries: [Entry], catalog: Catalog, clock: Clock, week: ISOWeek, weeks: Int) -> FlaggedJournal {
        forReview(of: ReviewSource(entries: entries), catalog: catalog, clock: clock, week: week, weeks: weeks)
    }

    /// ``forReview(of:catalog:clock:week:weeks:)`` reading from `source` only the entries of the
    /// judged weeks and, for a streak followed back, each earlier week's reflections one at a time
    /// until one shows the pitfall (an entry read once however many pitfalls' streaks pass it);
    /// the follow-ups not done before `week`.
    public static func forReview(of source: ReviewSource, catalog: Catalog, clock: Clock, week: ISOWeek, weeks: Int) -> FlaggedJournal {
        let span = max(max(1, weeks) + 1, WeeklyReview.focusWeeks)
        let first = week.adding(weeks: -(span - 1))
        let order = source.order()
        var journal = FlaggedJournal(source, order: order, catalog: catalog, clock: clock, judging: first.monday...week.sunday,
                                     followUps: source.followUps(notDoneBefore: week.monday))
        // The reflections of each earlier week, by event time then id, as positions.
        var reflections: [ISOWeek: [Int]] = [:]
        for i in order {
            let key = source.keys[i]
            guard key.eventTime.day < first.monday else { break }
            if !key.imported { reflections[ISOWeek(containing: key.eventTime.day), default: []].append(i) }
        }
        guard !reflections.isEmpty else { return journal }
        let detector = Detector(catalog: catalog)
        let today = clock.today
        var read: [Int: Entry] = [:]
        func entries(_ positions: [Int]) -> [Entry] {
            let missing = positions.filter { read[$0] == nil }
            for (i, entry) in zip(missing, source.entries(missing)) { read[i] = entry }
            return positions.compactMap { read[$0] }
        }
        for pitfall in catalog.pitfalls {
            var w = week
            while w >= first, journal.count(pitfall.id, in: w) > 0 { w = w.adding(weeks: -1) }
            guard w < first else { continue }
            var run = 0
            while let list = reflections[w] {
                let asOf = min(w.sunday, today)
                let shows = switch pitfall.scope {
                case .event: list.contains { i in entries([i]).contains { detector.shows(pitfall.id, in: $0, asOf: asOf) } }
                case .week: detector.weekShows(pitfall.id, in: entries(list), asOf: asOf)
                }
                guard shows else { break }
                run += 1
                w = w.adding(weeks: -1)
            }
            journal.runBefore[pitfall.id] = run
        }
        return journal
    }
}
