/// What the weekly review reads of a whole journal, asked for piece by piece so that a review
/// reads no more than it shows (issue 23): every readable entry's key (event time, id, whether
/// it is an imported note), the entries themselves only at the positions asked for (the weeks a
/// review judges whole, and the entries a streak is followed back through), the follow-ups that
/// may still be open, and the cold contacts.
///
/// Two sources give the same review: the entries read whole (``init(entries:problems:)``, when
/// there is no index or it cannot answer) and the derived index's rows, each checked against its
/// checksum as it is read, each entry reduced to what the review reads (``ReviewFacts``). The
/// review is built by one path from either (``WeeklyReview/make(source:catalog:week:weeks:clock:coldDays:calendar:)``).
///
/// A source is used where it was made and then dropped: its closures may read the index.
public struct ReviewSource {
    /// What orders and counts an entry without reading it.
    public struct Key: Sendable, Equatable {
        public var eventTime: Timestamp
        public var id: String
        public var imported: Bool

        public init(eventTime: Timestamp, id: String, imported: Bool) {
            self.eventTime = eventTime
            self.id = id
            self.imported = imported
        }
    }

    /// Every readable entry's key, in the journal's order (the refs').
    public let keys: [Key]
    /// The files that could not be read (the walk's too).
    public var problems: [EntryProblem]
    /// Whether the entries given are reduced to what the review reads (from the index's facts).
    public let reduced: Bool
    /// The entries at the given positions of ``keys``, in that order: whole, or reduced to what
    /// the review reads.
    private let load: ([Int]) -> [Entry]
    /// Every follow-up not done before the day given (more may come), in the journal's order
    /// and each entry's own order.
    private let open: (Day) -> [FollowUpItem]
    /// The first cold names as of a day, with the days without a mention that make a contact cold.
    private let cold: (Day, Int) -> [String]
    /// Where the tallies of weeks judged by earlier reviews are kept, if anywhere.
    public let memo: WeekMemo?

    public init(keys: [Key], problems: [EntryProblem], reduced: Bool, entries load: @escaping ([Int]) -> [Entry],
                followUps open: @escaping (_ notDoneBefore: Day) -> [FollowUpItem],
                coldNames cold: @escaping (_ asOf: Day, _ days: Int) -> [String], memo: WeekMemo? = nil) {
        self.keys = keys
        self.problems = problems
        self.reduced = reduced
        self.load = load
        self.open = open
        self.cold = cold
        self.memo = memo
    }

    /// The entries as read whole from the files.
    public init(entries: [Entry], problems: [EntryProblem] = []) {
        self.init(keys: entries.map { Key(eventTime: $0.eventTime, id: $0.id, imported: $0.isImported) }, problems: problems, reduced: false,
                  entries: { positions in positions.map { entries[$0] } },
                  followUps: { since in
                      entries.flatMap { entry in
                          entry.followUps.enumerated().compactMap { i, f in
                              f.done.map { $0 >= since } ?? true ? FollowUpItem(entry: entry, n: i + 1, followUp: f) : nil
                          }
                      }
                  },
                  coldNames: { asOf, days in
                      PeopleIndex.coldNames(in: entries.filter { $0.eventTime.day <= asOf }, asOf: asOf, days: days)
                  })
    }

    /// The entries at `positions` of ``keys``, in that order.
    public func entries(_ positions: [Int]) -> [Entry] {
        positions.isEmpty ? [] : load(positions)
    }

    /// Every follow-up not done before `day` (and maybe others), in the journal's order.
    public func followUps(notDoneBefore day: Day) -> [FollowUpItem] { open(day) }

    /// The first three people gone cold as of `asOf` (no mention for `days` days), counting the
    /// entries up to that day.
    public func coldNames(asOf: Day, days: Int) -> [String] { cold(asOf, days) }

    /// The positions of ``keys`` by event time, then id (the journal's order among equals), as
    /// ``FlaggedJournal`` orders its items.
    public func order() -> [Int] {
        keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if (x.eventTime, x.id) < (y.eventTime, y.id) { return true }
            if (y.eventTime, y.id) < (x.eventTime, x.id) { return false }
            return a < b
        }
    }
}
