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
///
/// Every piece is written through one pointer into room made for it first (``write(room:_:)``),
/// not appended to an array byte by byte: each `Array.append` checks the array's uniqueness and
/// capacity, and `followups --all --format json` at 10,000 entries made about 28 of them an
/// action (a key 434 instructions, a day 613; the writer 118 M of the 361 M instructions of the
/// main thread).
public struct JSONWriter {
    /// The text so far, then room for more: its first ``count`` bytes are the text, the rest is
    /// zeros that writes overwrite (grown by doubling, so making room is rare).
    private var storage: [UInt8] = []
    /// How many bytes of ``storage`` are text.
    private var count = 0

    /// The text so far.
    public var bytes: [UInt8] { count == storage.count ? storage : Array(storage[..<count]) }

    /// The text so far as a `String`.
    public var text: String { storage.withUnsafeBufferPointer { String(decoding: $0[..<count], as: UTF8.self) } }
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

    public mutating func null() { item(); literal("null") }

    public mutating func bool(_ b: Bool) { item(); literal(b ? "true" : "false") }

    /// A number, in decimal (the same digits as `String(n)`), written without a `String` between.
    public mutating func number(_ n: Int) {
        item()
        write(room: 20) { p in
            // The digits from the last, then moved to the front.
            var magnitude = n.magnitude
            var at = 20
            repeat {
                at -= 1
                p[at] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if n < 0 {
                at -= 1
                p[at] = UInt8(ascii: "-")
            }
            let length = 20 - at
            if at > 0 { p.update(from: p + at, count: length) }
            return length
        }
    }

    public mutating func string(_ s: String) { item(); quote(s) }

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
    /// copied between its quotes as it is, which is what ``quote(_:)`` writes of it, without that
    /// function's general path.
    public mutating func key(_ key: String) {
        item()
        let pretty = self.pretty
        let plain = key.utf8.withContiguousStorageIfAvailable { name -> Bool in
            guard name.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            write(room: name.count + 4) { p in
                p[0] = UInt8(ascii: "\"")
                if let from = name.baseAddress { (p + 1).update(from: from, count: name.count) }
                p[name.count + 1] = UInt8(ascii: "\"")
                p[name.count + 2] = UInt8(ascii: ":")
                guard pretty else { return name.count + 3 }
                p[name.count + 3] = 0x20
                return name.count + 4
            }
            return true
        }
        guard plain != true else { return placed = true }
        quote(key)
        write(room: 2) { p in
            p[0] = UInt8(ascii: ":")
            guard pretty else { return 1 }
            p[1] = 0x20
            return 2
        }
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
        let written = write(room: 12) { p in
            p[0] = UInt8(ascii: "\"")
            guard day.iso(at: p + 1) else { return 0 }
            p[11] = UInt8(ascii: "\"")
            return 12
        }
        // A year of other than four digits, which ``Day/iso(into:)`` writes.
        if written == 0 {
            var text: [UInt8] = []
            day.iso(into: &text)
            quoted(plain: text)
        }
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
        let written = write(room: 30) { p in
            p[0] = UInt8(ascii: "\"")
            guard let n = timestamp.iso(at: p + 1) else { return 0 }
            p[n + 1] = UInt8(ascii: "\"")
            return n + 2
        }
        // A year of other than four digits or an offset of 100 hours, which ``Timestamp/iso(into:)`` writes.
        if written == 0 {
            var text: [UInt8] = []
            timestamp.iso(into: &text)
            quoted(plain: text)
        }
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
        write(room: 1) { p in
            p[0] = open
            return 1
        }
        depth += 1
        first = true
        body(&self)
        depth -= 1
        if !first { newLine(comma: false) }
        // The container is an item of its parent, so the parent has one.
        first = false
        write(room: 1) { p in
            p[0] = close
            return 1
        }
    }

    /// Before a value or a key: nothing when it is placed, else a comma after an earlier item
    /// and, when pretty, its line.
    private mutating func item() {
        if placed {
            placed = false
            return
        }
        let comma = !first
        first = false
        newLine(comma: comma)
    }

    /// A comma when `comma`, then, when pretty, a line feed and two spaces per level.
    private mutating func newLine(comma: Bool) {
        let indent = pretty ? 2 * depth : -1
        guard comma || indent >= 0 else { return }
        write(room: 2 + max(indent, 0)) { p in
            var n = 0
            if comma {
                p[0] = UInt8(ascii: ",")
                n = 1
            }
            guard indent >= 0 else { return n }
            p[n] = 0x0A
            (p + n + 1).update(repeating: 0x20, count: indent)
            return n + 1 + indent
        }
    }

    /// A literal's bytes (`null`, `true`, `false`).
    private mutating func literal(_ text: StaticString) {
        write(room: text.utf8CodeUnitCount) { p in
            p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            return text.utf8CodeUnitCount
        }
    }

    /// `text` between quotes, as it is: text that needs no escaping (ISO dates and times).
    private mutating func quoted(plain text: [UInt8]) {
        write(room: text.count + 2) { p in
            p[0] = UInt8(ascii: "\"")
            text.withUnsafeBufferPointer { b in
                if let from = b.baseAddress { (p + 1).update(from: from, count: b.count) }
            }
            p[text.count + 1] = UInt8(ascii: "\"")
            return text.count + 2
        }
    }

    /// `s` as a JSON string. Controls are escaped, C1 and DEL too (U+009B is a one-character CSI
    /// to some terminals), so JSON printed to a terminal is as harmless as text; and U+2028/2029,
    /// which JavaScript reads as line ends.
    ///
    /// Escaped on the bytes (an export's notes hold line feeds: scalar by scalar, they were a
    /// tenth of `export --format json`); a run of bytes with nothing to escape (nearly every
    /// text is one) is copied whole. Room for the longest it can become is made first: no byte
    /// becomes more than six (`\u0001`).
    private mutating func quote(_ s: String) {
        var text = s
        _ = text.withUTF8 { b in
            write(room: 6 * b.count + 2) { p in
                var n = 0
                func put(_ c: UInt8) {
                    p[n] = c
                    n += 1
                }
                func hex(_ value: UInt32) {
                    put(0x5C)
                    put(0x75)
                    for shift in [12, 8, 4, 0] {
                        let digit = UInt8((value >> UInt32(shift)) & 0xF)
                        put(digit < 10 ? 0x30 + digit : 0x41 + digit - 10)
                    }
                }
                put(UInt8(ascii: "\""))
                guard let base = b.baseAddress else {
                    put(UInt8(ascii: "\""))
                    return n
                }
                var i = 0, copied = 0
                func flush() {
                    guard copied < i else { return }
                    (p + n).update(from: base + copied, count: i - copied)
                    n += i - copied
                }
                while i < b.count {
                    // Eight bytes at a time while none of them can need escaping (`export --format
                    // json` at 10,000 entries quotes 750,000 texts of 22 MB: a byte at a time through
                    // the switch below was 566 M instructions, 209 M so). The word's first byte that
                    // might is then judged alone.
                    if i + 8 <= b.count {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                        let mask = JSONValue.mayNeedEscape(word)
                        if mask == 0 { i += 8; continue }
                        i += mask.trailingZeroBitCount / 8
                    }
                    let c = b[i]
                    var width = 1
                    switch c {
                    case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x00..<0x20, 0x7F:
                        flush()
                        switch c {
                        case 0x22: put(0x5C); put(0x22)
                        case 0x5C: put(0x5C); put(0x5C)
                        case 0x0A: put(0x5C); put(0x6E)
                        case 0x0D: put(0x5C); put(0x72)
                        case 0x09: put(0x5C); put(0x74)
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
                put(UInt8(ascii: "\""))
                return n
            }
        }
    }

    /// Up to `room` bytes written by `body` at the end of the text, through one pointer: `body`
    /// returns how many it wrote, and so does this.
    @inline(__always) @discardableResult
    private mutating func write(room: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) -> Int {
        if storage.count - count < room { grow(room) }
        let start = count
        count = storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return start }
            return start + body(base + start)
        }
        return count - start
    }

    /// Room for at least `room` more bytes, the storage at least doubled.
    private mutating func grow(_ room: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(room, storage.count, 256)))
    }
}
