import Foundation

/// A JSON value with ordered object keys, so output is stable for scripts and golden tests.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    /// Pretty output uses two-space indentation and one key per line (``JSONWriter``).
    public func rendered(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.value(self)
        return writer.text
    }

    /// A pretty array written in pieces as its items come (`list` and `export --format json` of a
    /// whole journal, a batch of entries at a time): the texts of every ``part(_:_:)`` and then
    /// ``end()`` put together are the text ``rendered(pretty:)`` gives the array of all the items.
    public struct ArrayWriter {
        private var started = false

        public init() {}

        /// The text of `items`, each written by `write`, after those given before, as the UTF-8
        /// bytes it is written as: made back into a `String`, they were validated and copied
        /// again on the way out (297 M instructions of `export --format json` at 10,000 entries).
        /// Written on every core, a run of items into one buffer (a buffer per item was copied
        /// once more into the part).
        public mutating func part<Item: Sendable>(_ items: [Item],
                                                  _ write: @Sendable (Item, inout JSONWriter) -> Void) -> [UInt8] {
            guard !items.isEmpty else { return [] }
            let runs = stride(from: 0, to: items.count, by: Self.run).map { items[$0..<min($0 + Self.run, items.count)] }
            let started = self.started
            let parts = Array(runs.enumerated()).concurrentMap(minimum: 2) { numbered -> [UInt8] in
                var writer = JSONWriter(itemsOfAnArray: started || numbered.offset > 0)
                for item in numbered.element { write(item, &writer) }
                return writer.bytes
            }
            var text: [UInt8] = started ? [] : [UInt8(ascii: "[")]
            text.reserveCapacity(parts.reduce(1) { $0 + $1.count })
            for part in parts { text += part }
            self.started = true
            return text
        }

        /// Items written by one core at a time: enough that handing them out costs little.
        private static let run = 64

        /// What closes the array (an empty one when no item came).
        public func end() -> String { started ? "\n]" : "[]" }
    }

    static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        quote(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string, appended to `out`. Controls are escaped, C1 and DEL too (U+009B is
    /// a one-character CSI to some terminals), so JSON printed to a terminal is as harmless as
    /// text; and U+2028/2029, which JavaScript reads as line ends.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Escaped on the bytes (an export's notes hold line feeds: scalar by scalar, they were a
        // tenth of `export --format json`); a run of bytes with nothing to escape (nearly every
        // text is one) is copied whole.
        var text = s
        text.withUTF8 { b in
            func hex(_ value: UInt32) {
                out += [0x5C, 0x75]
                for shift in [12, 8, 4, 0] {
                    let digit = UInt8((value >> UInt32(shift)) & 0xF)
                    out.append(digit < 10 ? 0x30 + digit : 0x41 + digit - 10)
                }
            }
            guard let base = b.baseAddress else { return }
            var i = 0, copied = 0
            func flush() {
                if copied < i { out += UnsafeBufferPointer(rebasing: b[copied..<i]) }
            }
            while i < b.count {
                // Eight bytes at a time while none of them can need escaping (`export --format
                // json` at 10,000 entries quotes 750,000 texts of 22 MB: a byte at a time through
                // the switch below was 566 M instructions, 209 M so). The word's first byte that
                // might is then judged alone.
                if i + 8 <= b.count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let mask = Self.mayNeedEscape(word)
                    if mask == 0 { i += 8; continue }
                    i += mask.trailingZeroBitCount / 8
                }
                let c = b[i]
                var width = 1
                switch c {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x00..<0x20, 0x7F:
                    flush()
                    switch c {
                    case 0x22: out += [0x5C, 0x22]
                    case 0x5C: out += [0x5C, 0x5C]
                    case 0x0A: out += [0x5C, 0x6E]
                    case 0x0D: out += [0x5C, 0x72]
                    case 0x09: out += [0x5C, 0x74]
                    default: hex(UInt32(c))
                    }
                case 0xC2 where i + 1 < b.count && b[i + 1] <= 0x9F:
                    // U+0080…U+009F.
                    flush()
                    hex(UInt32(b[i + 1]))
                    width = 2
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    flush()
                    hex(0x2000 + UInt32(b[i + 2]) - 0x80)
                    width = 3
                default:
                    i += 1
                    continue
                }
                i += width
                copied = i
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The high bit set in each byte of `word` (little-endian: its first byte lowest) that is
    /// `"`, `\`, a control below 0x20, DEL or anything past ASCII, the only bytes ``quote(_:into:)``
    /// may change; a set bit can also mark a byte after the first such byte, never one before
    /// it, so the lowest set bit is exact and zero means the eight bytes are copied as they are.
    static func mayNeedEscape(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        return below20 | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0x7F)) | (word & highs)
    }
}

extension JSONValue {
    /// An optional string as a string or null.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
