/// A set of the index's file ids (`files.id`), one bit per id: what a whole-journal read asks of
/// every entry it gives (the files a text query may match, those whose stored search text
/// vouches for it, ``IndexQuery/Text``).
///
/// Bits, not a `Set<Int64>`: a set hashes each id to anywhere in its table (256 K buckets, 2 MB,
/// for a word in nearly every one of 100,000 entries), so its three lookups and two inserts per
/// entry of `list --search latency` missed the CPU's caches at 100,000 entries where they hit
/// them at 10,000 (their share of the profile doubled, issue 23). Ids are SQLite's rowids, given
/// from 1 up as files are recorded, so 100,000 ids are 12.5 KB of bits, read in order.
///
/// An id outside ``bitLimit`` (none that SQLite gives a journal's files, but a database is not
/// trusted to hold only those) is kept in ``others``: the answer is the same, only slower.
struct FileIDs: Sendable, Equatable {
    /// Bit `id % 64` of word `id / 64` is set when `id` is in.
    private var words: [UInt64] = []
    /// The ids below 0 or from ``bitLimit`` up.
    private var others: Set<Int64> = []
    /// How many ids are in.
    private(set) var count = 0

    /// The ids kept as bits: 0 up to 64 M ids (8 MB of words at most).
    static let bitLimit: Int64 = 1 << 26

    init() {}

    init(_ ids: some Sequence<Int64>) {
        for id in ids { insert(id) }
    }

    var isEmpty: Bool { count == 0 }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, id < Self.bitLimit else { return others.contains(id) }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (1 << UInt64(id & 63)) != 0
    }

    mutating func insert(_ id: Int64) {
        guard id >= 0, id < Self.bitLimit else {
            if others.insert(id).inserted { count += 1 }
            return
        }
        let word = Int(id >> 6)
        if word >= words.count {
            // Grown as an array's appends grow it (doubling): ids mostly come in ascending order.
            words.append(contentsOf: repeatElement(0, count: word + 1 - words.count))
        }
        let bit: UInt64 = 1 << UInt64(id & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            count += 1
        }
    }

    /// The ids in both.
    func intersection(_ other: FileIDs) -> FileIDs {
        var out = FileIDs()
        let n = min(words.count, other.words.count)
        out.words.reserveCapacity(n)
        for i in 0..<n {
            let both = words[i] & other.words[i]
            out.words.append(both)
            out.count += both.nonzeroBitCount
        }
        out.others = others.intersection(other.others)
        out.count += out.others.count
        return out
    }

    /// Equal when they hold the same ids, however many trailing empty words either has.
    static func == (a: FileIDs, b: FileIDs) -> Bool {
        guard a.count == b.count, a.others == b.others else { return false }
        let n = max(a.words.count, b.words.count)
        for i in 0..<n where (i < a.words.count ? a.words[i] : 0) != (i < b.words.count ? b.words[i] : 0) {
            return false
        }
        return true
    }
}
