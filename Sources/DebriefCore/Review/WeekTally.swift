/// What one week's reflections showed, as the weekly review counts it: per pitfall id, the
/// reflections flagged for an event pitfall, and 1 for a habit pitfall the week shows.
///
/// A review counts the weeks of its trend, and follows a pitfall that every one of them shows
/// back week by week for its streak. On 10,000 entries, reading and judging those weeks'
/// reflections was half of `debrief review`. What a week showed depends only on its reflections,
/// the catalog, the day it is judged as of (its Sunday, or today while it runs) and the
/// evaluator itself, so a ``WeekMemo`` can keep a tally from one review to the next under a key
/// made of exactly those. The tally is still the one evaluator's (``Detector``) verdict: it is
/// remembered, never derived some other way, and a week whose key differs is judged again.
public struct WeekTally: Sendable, Equatable {
    public var counts: [String: Int]

    public init(counts: [String: Int] = [:]) {
        self.counts = counts
    }

    /// The tally of a week whose reflections were judged `judgements` (one per reflection) and
    /// whose habits were judged `habits`. The one way a week is counted (``FlaggedJournal``).
    init(judgements: [Judgement], habits: Judgement) {
        var counts: [String: Int] = [:]
        for judgement in judgements {
            for flag in judgement.flags { counts[flag.pitfallID, default: 0] += 1 }
        }
        for flag in habits.flags { counts[flag.pitfallID] = 1 }
        self.counts = counts
    }

    /// The week of `reflections` (in event order) judged by `detector` as of `asOf`, counted
    /// without the reasons the review does not show for it (``Detector/counts(ofWeek:asOf:)``).
    init(judging reflections: [Entry], detector: Detector, asOf: Day) {
        counts = detector.counts(ofWeek: reflections, asOf: asOf)
    }

    /// The counts as text, one `id count` a line in the ids' byte order: how a memo stores them.
    public var encoded: String {
        counts.sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }
            .map { "\($0.key) \($0.value)\n" }.joined()
    }

    /// The counts of ``encoded``; nil for any other text (a memo that does not hold what it
    /// wrote is not trusted: the week is judged again). Read on the bytes, as a review reads a
    /// tally for each of hundreds of weeks: lines `id count`, ids ascending by bytes, counts
    /// positive without a leading zero, each line ended by a newline.
    public init?(encoded: String) {
        var counts: [String: Int] = [:]
        var previous: Substring.UTF8View?
        var rest = Substring(encoded)
        while !rest.isEmpty {
            guard let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let line = rest[..<end]
            rest = rest[rest.utf8.index(after: end)...]
            guard let space = line.utf8.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            let id = line[..<space]
            let digits = line.utf8[line.utf8.index(after: space)...]
            guard !id.isEmpty, digits.first.map({ (0x31...0x39).contains($0) }) ?? false, digits.count <= 18,
                  digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  previous.map({ $0.lexicographicallyPrecedes(id.utf8) }) ?? true else { return nil }
            counts[String(id)] = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            previous = id.utf8
        }
        self.counts = counts
    }

    /// The catalog as a tally depends on it (every rule, threshold and scope): every field of it,
    /// as the compact catalog form writes them (``CompactCatalogBytes/bytes(of:)``), hashed.
    public static func catalogKey(_ catalog: Catalog) -> UInt64 {
        Fingerprint(of: CompactCatalogBytes.bytes(of: catalog)).hash
    }
}

/// Where tallies of past reviews are kept (the derived index's `week_tallies`), offered to a
/// review by its ``ReviewSource``. A tally is asked for and offered with all it depends on but
/// the evaluator's code: the week, the day it is judged as of, the catalog
/// (``WeekTally/catalogKey(_:)``) and its reflections in event order (`positions` of the source's
/// keys). The keeper keys it by those, with what it knows of the reflections (their stored
/// checksums) and of the evaluator (the running program).
public struct WeekMemo {
    /// The tally kept for `week` under the same key, if any.
    public let recall: (Key) -> WeekTally?
    /// A tally just judged, to keep.
    public let record: (Key, WeekTally) -> Void

    /// What a tally was judged from, but the evaluator's code.
    public struct Key {
        public var week: ISOWeek
        public var asOf: Day
        public var catalog: UInt64
        public var positions: [Int]
    }

    public init(recall: @escaping (Key) -> WeekTally?, record: @escaping (Key, WeekTally) -> Void) {
        self.recall = recall
        self.record = record
    }
}
