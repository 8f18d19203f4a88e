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
        var out = ""
        write(into: &out, indent: 0, pretty: pretty)
        return out
    }

    /// Appended piece by piece (no string built per value and then copied in: rendering was a
    /// fifth of `list --format json` on 10,000 entries).
    private func write(into out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += String(n)
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                Self.newLine(into: &out, indent: indent + 1, pretty: pretty)
                item.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            Self.newLine(into: &out, indent: indent, pretty: pretty)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.newLine(into: &out, indent: indent + 1, pretty: pretty)
                Self.quote(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, indent: indent + 1, pretty: pretty)
            }
            Self.newLine(into: &out, indent: indent, pretty: pretty)
            out += "}"
        }
    }

    /// When pretty, a line feed and two spaces per level of `indent`.
    private static func newLine(into out: inout String, indent: Int, pretty: Bool) {
        guard pretty else { return }
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// A pretty array whose items are rendered on every core, the same text as `rendered()` of
    /// `.array(items)`: `list --format json` of 10,000 entries.
    public static func renderedArray(_ items: [JSONValue]) -> String {
        var writer = ArrayWriter()
        return writer.part(items) + writer.end()
    }

    /// ``renderedArray(_:)`` in pieces, for output written as its items come (`list` and `export
    /// --format json` of a whole journal, a batch of entries at a time): the texts of every
    /// ``part(_:)`` and then ``end()`` put together are `renderedArray` of all the items.
    public struct ArrayWriter {
        private var started = false

        public init() {}

        /// The text of `items` (rendered on every core) after those given before.
        public mutating func part(_ items: [JSONValue]) -> String {
            guard !items.isEmpty else { return "" }
            let parts = items.concurrentMap { item -> String in
                var out = "  "
                item.write(into: &out, indent: 1, pretty: true)
                return out
            }
            defer { started = true }
            return (started ? ",\n" : "[\n") + parts.joined(separator: ",\n")
        }

        /// What closes the array (an empty one when no item came).
        public func end() -> String { started ? "\n]" : "[]" }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    /// `s` as a JSON string, appended to `out`.
    static func quote(_ s: String, into out: inout String) {
        // Nothing to escape (nearly always): no quote, backslash, control, DEL, C1 (C2 80…9F)
        // or U+2028/2029 (E2 80 A8/A9) among the bytes.
        var plain = true
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in s.utf8 {
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || (previous == 0xC2 && b <= 0x9F)
                || (beforePrevious == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9)) {
                plain = false
                break
            }
            beforePrevious = previous
            previous = b
        }
        out += "\""
        if plain {
            out += s
            out += "\""
            return
        }
        // Escaped on the bytes, not scalar by scalar (an export's notes hold line
        // feeds: so escaped, they were a tenth of `export --format json`). Controls are
        // escaped, C1 and DEL too (U+009B is a one-character CSI to some terminals), so JSON
        // printed to a terminal is as harmless as text.
        var text = s
        let escaped: [UInt8] = text.withUTF8 { b in
            var o: [UInt8] = []
            o.reserveCapacity(b.count + b.count / 8 + 8)
            func hex(_ value: UInt32) {
                let digits = Array("0123456789ABCDEF".utf8)
                o += [0x5C, 0x75] + [12, 8, 4, 0].map { digits[Int((value >> UInt32($0)) & 0xF)] }
            }
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x22: o += [0x5C, 0x22]
                case 0x5C: o += [0x5C, 0x5C]
                case 0x0A: o += [0x5C, 0x6E]
                case 0x0D: o += [0x5C, 0x72]
                case 0x09: o += [0x5C, 0x74]
                case 0x00..<0x20, 0x7F: hex(UInt32(c))
                case 0xC2 where i + 1 < b.count && b[i + 1] <= 0x9F:
                    // U+0080…U+009F.
                    hex(UInt32(b[i + 1]))
                    i += 2
                    continue
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    hex(0x2000 + UInt32(b[i + 2]) - 0x80)
                    i += 3
                    continue
                default: o.append(c)
                }
                i += 1
            }
            return o
        }
        out += String(decoding: escaped, as: UTF8.self)
        out += "\""
    }
}

extension JSONValue {
    /// An optional string as a string or null.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
