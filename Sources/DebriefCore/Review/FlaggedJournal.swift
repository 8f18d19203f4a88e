/// Every entry of a journal in event order, with the pitfalls it shows as of the end of its own
/// week (or today, while that week runs), and how many entries showed each pitfall per week.
///
/// That judgement does not depend on which week is reviewed, so detection runs once per read of
/// the journal: the review screen prepares this once and moving between weeks only counts, which
/// on 10,000 entries is the difference between a pause and an instant.
public struct FlaggedJournal: Sendable {
    public struct Item: Sendable {
        public var entry: Entry
        /// The ISO week of the entry's event day.
        public var week: ISOWeek
        public var flags: [PitfallFlag]
    }

    /// By event time, then id.
    public let items: [Item]
    /// Entries flagged per pitfall id, per week.
    let counts: [ISOWeek: [String: Int]]

    public var entries: [Entry] { items.map(\.entry) }

    public init(entries: [Entry], catalog: Catalog, clock: Clock) {
        let today = clock.today
        let detector = Detector(catalog: catalog)
        var counts: [ISOWeek: [String: Int]] = [:]
        items = entries.sorted { ($0.eventTime, $0.id) < ($1.eventTime, $1.id) }.map { entry in
            let week = ISOWeek(containing: entry.eventTime.day)
            let flags = detector.flags(for: entry, asOf: min(week.sunday, today))
            for flag in flags { counts[week, default: [:]][flag.pitfallID, default: 0] += 1 }
            return Item(entry: entry, week: week, flags: flags)
        }
        self.counts = counts
    }

    /// Entries that showed pitfall `id` in week `week`.
    func count(_ id: String, in week: ISOWeek) -> Int { counts[week]?[id] ?? 0 }
}
