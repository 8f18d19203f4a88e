/// The rows of ``StoredFiles`` by their paths' hash (``FreshnessCheck/hash(_:)``), for the refs
/// the walk does not list in the rows' order (a file added since the journal was indexed, refs
/// of a partial read).
///
/// An open-addressed table of row numbers (4 bytes a slot, at least twice the rows) over each
/// row's hash, not a `[UInt64: Int]`: a dictionary hashed each already hashed key again and kept
/// 16 bytes a bucket (4 MB at 100,000 files, past the CPU's caches, each insertion a miss), and
/// the rare paths sharing a hash needed a second table by `String`. Here every row whose hash
/// matches is offered to the caller, who compares the paths' bytes: exact whatever collides.
struct RowsByPath: Sendable {
    /// Each row's hash, by row.
    private let hashes: [UInt64]
    /// Row + 1 in each slot, 0 when empty; a power of two of them.
    private let slots: [UInt32]
    /// 64 minus the slots' bits: a slot is the top bits of the hash times a Fibonacci constant,
    /// as the checksum step's low bits depend only on the low bits of each 8 bytes of the path.
    private let shift: UInt64

    init(_ hashes: [UInt64]) {
        var bits: UInt64 = 4
        while 1 << bits < hashes.count * 2 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt32](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        for (r, h) in hashes.enumerated() {
            var s = Self.slot(h, shift: shift)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = UInt32(r + 1)
        }
        self.hashes = hashes
        self.slots = slots
    }

    private static func slot(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The first row whose hash is `hash` and that `matches` (its path is the one looked for).
    func row(hash: UInt64, where matches: (Int) -> Bool) -> Int? {
        let mask = slots.count - 1
        var s = Self.slot(hash, shift: shift)
        while slots[s] != 0 {
            let r = Int(slots[s]) - 1
            if hashes[r] == hash, matches(r) { return r }
            s = (s + 1) & mask
        }
        return nil
    }
}
