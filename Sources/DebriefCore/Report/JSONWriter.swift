/// JSON written as it is produced, straight into UTF-8 bytes: the one place JSON text is made
/// (``JSONValue/rendered(pretty:)`` writes through it too), so a writer and a value tree always
/// give the same text. Bytes, not a `String`: each append to a `String` goes through its
/// storage's checks (`_StringGuts.append`), and rendering through strings was a quarter of `list
/// --format json` on 10,000 entries (728 M of 2,877 M instructions; 190 M on bytes).
///
/// Entries are written through it without a ``JSONValue`` tree between: building each entry's
/// tree (every piece a boxed enum case, every object an array of pairs) and releasing it was
/// 430 M of the 2,343 M instructions of `export --format json` at 10,000 entries, besides the
/// text itself.
///
/// Pretty output puts each item of an array or object on its own line, indented two spaces a
/// level, with a space after each key's colon; empty containers are `[]` and `{}`.
public struct JSONWriter {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []

    /// The text so far as a `String`.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    private let pretty: Bool
    /// The level of the items of the container being written.
    private var depth: Int
    /// No item written yet in the container being written.
    private var first = true
    /// The next value goes where it is, with no separator: the top-level value, or one after its key.
    private var placed = true

    /// A writer whose top-level value sits at `depth` (an array's item, for ``JSONValue/ArrayWriter``).
    public init(pretty: Bool = true, depth: Int = 0) {
        self.pretty = pretty
        self.depth = depth
    }

    /// A writer of items of a pretty array at the top level, its brackets left to the caller
    /// (``JSONValue/ArrayWriter``): each item on its own line after a comma, and after one too
    /// before the first when `continuing` items written elsewhere.
    init(itemsOfAnArray continuing: Bool) {
        self.pretty = true
        self.depth = 1
        first = !continuing
        placed = false
    }

    public mutating func null() { item(); bytes += "null".utf8 }

    public mutating func bool(_ b: Bool) { item(); bytes += (b ? "true" : "false").utf8 }

    /// A number, in decimal (the same digits as `String(n)`), written without a `String` between.
    public mutating func number(_ n: Int) {
        item()
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes += UnsafeRawBufferPointer(rebasing: d[(20 - count)...])
        }
    }

    public mutating func string(_ s: String) { item(); JSONValue.quote(s, into: &bytes) }

    /// A string, or null when there is none.
    public mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    /// An array whose items `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// An object whose keys and values `body` writes (``key(_:)``, then the value).
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// The key of an object's next value.
    ///
    /// Keys are short names written over and over (126,549 in `followups --all --format json` at
    /// 10,000 entries): one of printable ASCII with no `"` or `\` needs no escaping, so it is
    /// copied between its quotes as it is, which is what ``JSONValue/quote(_:into:)`` writes of
    /// it, without that function's general path (434 instructions a key instead of 519).
    public mutating func key(_ key: String) {
        item()
        let plain = key.utf8.withContiguousStorageIfAvailable { name -> Bool in
            guard name.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if plain != true { JSONValue.quote(key, into: &bytes) }
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        placed = true
    }

    /// A key and its string, or null when there is none.
    public mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        string(value)
    }

    /// A key and a day as its ISO text (``Day/iso``), or null when there is none: written into the
    /// bytes without a `String` per day (45,000 of them in `followups --all --format json` at
    /// 10,000 entries). Its digits and dashes need no escaping.
    public mutating func field(_ key: String, day: Day?) {
        self.key(key)
        guard let day else { return null() }
        item()
        bytes.append(UInt8(ascii: "\""))
        day.iso(into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A key and a time as its ISO text (``Timestamp/iso``), written into the bytes without a
    /// `String` between; its digits, dashes, colons, `T` and sign need no escaping.
    public mutating func field(_ key: String, timestamp: Timestamp?) {
        self.key(key)
        guard let timestamp else { return null() }
        self.timestamp(timestamp)
    }

    /// A time as its ISO text (see ``field(_:timestamp:)``).
    public mutating func timestamp(_ timestamp: Timestamp) {
        item()
        bytes.append(UInt8(ascii: "\""))
        timestamp.iso(into: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A key and its number.
    public mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        number(value)
    }

    /// A key and its array of strings.
    public mutating func field(_ key: String, strings: some Sequence<String>) {
        self.key(key)
        self.strings(strings)
    }

    /// An array of strings.
    public mutating func strings(_ items: some Sequence<String>) {
        array { w in for s in items { w.string(s) } }
    }

    /// A value tree.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let items): array { w in for item in items { w.value(item) } }
        case .object(let pairs):
            object { w in
                for (k, v) in pairs {
                    w.key(k)
                    w.value(v)
                }
            }
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        item()
        bytes.append(open)
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if !first { newLine() }
        // The container is an item of its parent, so the parent has one.
        first = false
        bytes.append(close)
    }

    /// Before a value or a key: nothing when it is placed, else a comma after an earlier item
    /// and, when pretty, its line.
    private mutating func item() {
        if placed {
            placed = false
            return
        }
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        newLine()
    }

    /// When pretty, a line feed and two spaces per level.
    private mutating func newLine() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<(2 * depth) { bytes.append(0x20) }
    }
}
