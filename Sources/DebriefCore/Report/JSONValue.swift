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

    private func write(into out: inout String, indent: Int, pretty: Bool) {
        let nl = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let end = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += String(n)
        case .string(let s): out += Self.quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1, pretty: pretty)
                out += (i < items.count - 1 ? "," : "") + nl
            }
            out += end + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, (key, value)) in pairs.enumerated() {
                out += pad + Self.quote(key) + (pretty ? ": " : ":")
                value.write(into: &out, indent: indent + 1, pretty: pretty)
                out += (i < pairs.count - 1 ? "," : "") + nl
            }
            out += end + "}"
        }
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
        if plain { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls are escaped, C1 and DEL too (U+009B is a one-character CSI to some
                // terminals), so JSON printed to a terminal is as harmless as text.
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue {
    /// An optional string as a string or null.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
