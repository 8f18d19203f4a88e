#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDBSQLite

/// The texts of a column that holds the same few over and over (a person's name, level and
/// relation in every entry listing them: 25,000 `people` rows hold 400 names at 10,000 entries),
/// each made a `String` once and given again for the same bytes, saying whether it is the first
/// time. Equal bytes are the same text: what a new `String` of them would be. Texts longer than
/// ``longest`` are made every time (notes, not names), each as if first met.
struct RepeatedText {
    /// Every distinct text, in the order first met, and the hash of its bytes (``RowSum``'s, a
    /// few steps for a name).
    private var texts: [String] = []
    private var hashes: [Int64] = []
    /// An open-addressed table of the texts by hash (a text's index, -1 where empty), at most half
    /// full: a `Dictionary` lookup cost more than making the `String` again.
    private var slots = [Int](repeating: -1, count: 64)

    static let longest = 64

    /// Column `i` of the row `stmt` stands on: its text, nil when NULL, and whether these bytes
    /// are met for the first time. Read in place, as ``StoredColumn/Row/text(_:)``.
    mutating func text(_ stmt: OpaquePointer?, _ i: Int32) -> (text: String, first: Bool)? {
        let value = sqlite3_column_value(stmt, i)
        guard sqlite3_value_type(value) != SQLITE_NULL else { return nil }
        // The bytes first, then their count (SQLite's order: reading the count may convert).
        let start = sqlite3_value_text(value)
        let bytes = UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : Int(sqlite3_value_bytes(value)))
        guard bytes.count <= Self.longest else { return (String(decoding: bytes, as: UTF8.self), true) }
        var sum = RowSum()
        sum.text(bytes)
        let hash = sum.value
        let mask = slots.count - 1
        var i = Self.slot(hash, slots.count)
        while slots[i] >= 0 {
            let n = slots[i]
            if hashes[n] == hash && Self.same(texts[n], bytes) { return (texts[n], false) }
            i = (i + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[i] = texts.count
        texts.append(text)
        hashes.append(hash)
        if texts.count * 2 > slots.count {
            slots = [Int](repeating: -1, count: slots.count * 2)
            for (n, hash) in hashes.enumerated() {
                var i = Self.slot(hash, slots.count)
                while slots[i] >= 0 { i = (i + 1) & (slots.count - 1) }
                slots[i] = n
            }
        }
        return (text, true)
    }

    /// Where a hash's probe starts in a table of `count` slots (a power of two): the top bits
    /// of the hash mixed by Fibonacci's multiplier (a checksum's low bits follow only the first
    /// byte of each of its eight-byte steps).
    private static func slot(_ hash: Int64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: hash) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - count.trailingZeroBitCount))
    }

    /// Whether `text`'s UTF-8 is `bytes` (bytes that are not UTF-8 never are: their text, made
    /// again each time as if first met, is their repair).
    private static func same(_ text: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { StoredColumn.same(bytes.baseAddress, bytes.count, UnsafeRawBufferPointer($0)) }
            ?? text.utf8.elementsEqual(bytes)
    }
}
