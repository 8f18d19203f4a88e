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
        var writer = JSONWriter(pretty: false)
        writer.string(s)
        return writer.text
    }

    /// `s` as a JSON string (``JSONWriter/string(_:)``, which escapes it), appended to `out`.
    static func quote(_ s: String, into out: inout [UInt8]) {
        var writer = JSONWriter(pretty: false)
        writer.string(s)
        out += writer.bytes
    }

    /// The high bit set in each byte of `word` (little-endian: its first byte lowest) that is
    /// `"`, `\`, a control below 0x20, DEL or anything past ASCII, the only bytes ``JSONWriter``'s quoting
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
