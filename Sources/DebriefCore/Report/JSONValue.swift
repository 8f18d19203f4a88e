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

    /// Pretty output uses two-space indentation and one key per line.
    public func rendered(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0, pretty: pretty)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes, piece by piece: each append to a `String` goes through its
    /// storage's checks (`_StringGuts.append`, `prepareForAppendInPlace`), and rendering through
    /// strings was a quarter of `list --format json` on 10,000 entries (728 M of 2,877 M
    /// instructions; 190 M on bytes). The text is the bytes of its pieces in order either way.
    private func write(into out: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += String(n).utf8
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newLine(into: &out, indent: indent + 1, pretty: pretty)
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            Self.newLine(into: &out, indent: indent, pretty: pretty)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.newLine(into: &out, indent: indent + 1, pretty: pretty)
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            Self.newLine(into: &out, indent: indent, pretty: pretty)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// When pretty, a line feed and two spaces per level of `indent`.
    private static func newLine(into out: inout [UInt8], indent: Int, pretty: Bool) {
        guard pretty else { return }
        out.append(0x0A)
        for _ in 0..<(2 * indent) { out.append(0x20) }
    }

    /// A pretty array whose items are rendered on every core, the same text as `rendered()` of
    /// `.array(items)`: `list --format json` of 10,000 entries.
    public static func renderedArray(_ items: [JSONValue]) -> String {
        var writer = ArrayWriter()
        return String(decoding: writer.part(items), as: UTF8.self) + writer.end()
    }

    /// ``renderedArray(_:)`` in pieces, for output written as its items come (`list` and `export
    /// --format json` of a whole journal, a batch of entries at a time): the texts of every
    /// ``part(_:)`` and then ``end()`` put together are `renderedArray` of all the items.
    public struct ArrayWriter {
        private var started = false

        public init() {}

        /// The text of `items` (rendered on every core) after those given before, as the UTF-8
        /// bytes it is written as: made back into a `String`, they were validated and copied again
        /// on the way out (297 M instructions of `export --format json` at 10,000 entries).
        public mutating func part(_ items: [JSONValue]) -> [UInt8] {
            guard !items.isEmpty else { return [] }
            let parts = items.concurrentMap { item -> [UInt8] in
                var out: [UInt8] = [0x20, 0x20]
                item.write(into: &out, indent: 1, pretty: true)
                return out
            }
            var text: [UInt8] = []
            text.reserveCapacity(parts.reduce(2) { $0 + $1.count + 2 })
            text += (started ? ",\n" : "[\n").utf8
            for (i, part) in parts.enumerated() {
                if i > 0 { text += ",\n".utf8 }
                text += part
            }
            started = true
            return text
        }

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
