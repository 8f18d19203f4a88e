/// The byte form of ``CatalogLoader/Compact``, written and read field by field by hand: every
/// run restores the built-in catalog from it, and decoding the same state from JSON through
/// `Codable` was 15.5 M instructions, a twentieth of `debrief followups` at 10,000 entries.
///
/// Integers are LEB128 varints (zig-zag for signed), strings their UTF-8 length then bytes,
/// arrays their count then items, optionals a 0/1 byte then the value, an enum a tag byte. It
/// starts with ``magic`` and ``version``: a form of another version, cut short or with bytes left
/// over reads as nil, and the loader parses the YAML instead (never a wrong catalog). Every type
/// it holds is read and written here in the order of its fields; a field added to one of them and
/// not here fails ``CompactCatalogTests`` (the restored state is compared with the parsed one).
enum CompactCatalogBytes {
    static let magic = Array("debrief-catalog".utf8)
    /// Bumped whenever the layout below changes.
    static let version = 1

    static func write(_ state: CatalogLoader.Compact) -> [UInt8] {
        var w = Writer()
        w.bytes = magic
        w.int(version)
        w.string(state.hash)
        w.int(state.files)
        w.catalog(state.catalog)
        for lines in [state.promptLines, state.pitfallLines, state.promptConditionLines, state.flowLines] {
            // Sorted by key: the same state gives the same bytes.
            w.array(lines.sorted { $0.key < $1.key }) { w, item in
                w.string(item.key)
                w.string(item.value.file)
                w.int(item.value.line)
            }
        }
        w.array(state.kindLines) { w, k in
            w.string(k.kind)
            w.string(k.file)
            w.int(k.line)
        }
        w.array(state.conditionLines) { w, c in
            w.condition(c.condition)
            w.string(c.file)
            w.int(c.line)
        }
        w.string(state.file)
        return w.bytes
    }

    /// Every field of `catalog` in this form's layout, without the header: how the week tallies'
    /// memo keys the catalog (``WeekTally/catalogKey(_:)``), since every field is written here
    /// (``CompactCatalogTests``) and writing them by hand costs a fraction of encoding the
    /// catalog as JSON through `Codable` (45 M instructions in a process that has not decoded one).
    static func bytes(of catalog: Catalog) -> [UInt8] {
        var w = Writer()
        w.catalog(catalog)
        return w.bytes
    }

    /// The state in `bytes`, or nil when they are not this version's form, whole.
    static func read(_ bytes: [UInt8]) -> CatalogLoader.Compact? {
        bytes.withUnsafeBufferPointer { buffer in
            var r = Reader(bytes: buffer)
            guard buffer.starts(with: magic) else { return nil }
            r.at = magic.count
            guard let state = try? r.compact(), r.at == buffer.count else { return nil }
            return state
        }
    }

    struct Unreadable: Error {}

    struct Writer {
        var bytes: [UInt8] = []

        mutating func uint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func int(_ value: Int) {
            let v = Int64(value)
            uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
        }

        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func string(_ value: String) {
            uint(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        mutating func array<T>(_ items: [T], _ item: (inout Writer, T) -> Void) {
            uint(UInt64(items.count))
            for x in items { item(&self, x) }
        }

        mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

        mutating func optional<T>(_ value: T?, _ item: (inout Writer, T) -> Void) {
            bool(value != nil)
            if let value { item(&self, value) }
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func byte() throws(Unreadable) -> UInt8 {
            guard at < bytes.count else { throw Unreadable() }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func uint() throws(Unreadable) -> UInt64 {
            var value: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Unreadable() }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
        }

        mutating func int() throws(Unreadable) -> Int {
            let u = try uint()
            return Int(truncatingIfNeeded: Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
        }

        mutating func count() throws(Unreadable) -> Int {
            let n = try uint()
            // Each item takes at least a byte: a count past the end is not this form.
            guard n <= UInt64(bytes.count - at) else { throw Unreadable() }
            return Int(n)
        }

        mutating func bool() throws(Unreadable) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw Unreadable()
            }
        }

        mutating func string() throws(Unreadable) -> String {
            let n = try count()
            defer { at += n }
            guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self) else { throw Unreadable() }
            return text
        }

        mutating func array<T>(_ item: (inout Reader) throws(Unreadable) -> T) throws(Unreadable) -> [T] {
            let n = try count()
            var items: [T] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try item(&self)) }
            return items
        }

        mutating func strings() throws(Unreadable) -> [String] { try array { r throws(Unreadable) in try r.string() } }

        mutating func optional<T>(_ item: (inout Reader) throws(Unreadable) -> T) throws(Unreadable) -> T? {
            try bool() ? try item(&self) : nil
        }

        mutating func compact() throws(Unreadable) -> CatalogLoader.Compact {
            guard try int() == version else { throw Unreadable() }
            let hash = try string(), files = try int()
            let catalog = try self.catalog()
            var places: [[String: CatalogLoader.Compact.Place]] = []
            for _ in 0..<4 {
                let items = try array { r throws(Unreadable) in
                    (try r.string(), CatalogLoader.Compact.Place(file: try r.string(), line: try r.int()))
                }
                var lines: [String: CatalogLoader.Compact.Place] = [:]
                for (key, place) in items { lines[key] = place }
                places.append(lines)
            }
            let kindLines = try array { r throws(Unreadable) in
                CatalogLoader.Compact.KindPlace(kind: try r.string(), file: try r.string(), line: try r.int())
            }
            let conditionLines = try array { r throws(Unreadable) in
                CatalogLoader.Compact.ConditionPlace(condition: try r.condition(), file: try r.string(), line: try r.int())
            }
            return CatalogLoader.Compact(hash: hash, files: files, catalog: catalog, promptLines: places[0], pitfallLines: places[1],
                                         promptConditionLines: places[2], flowLines: places[3], kindLines: kindLines,
                                         conditionLines: conditionLines, file: try string())
        }
    }
}

// MARK: - The catalog's types, field by field

extension CompactCatalogBytes.Writer {
    mutating func catalog(_ c: Catalog) {
        array(c.sections) { w, s in
            w.string(s.id)
            w.string(s.title)
            w.array(s.prompts) { $0.prompt($1) }
        }
        array(c.pitfalls) { $0.pitfall($1) }
        array(c.flows) { w, f in
            w.string(f.id)
            w.string(f.title)
            w.strings(f.promptIDs)
        }
        let e = c.events
        int(e.withOthers)
        strings(e.networkingWords)
        strings(e.recurringWords)
        bool(e.skipFreeTime)
        strings(e.busyWords)
        array(e.kinds) { w, k in
            w.string(k.kind)
            w.strings(k.words)
            w.strings(k.links)
            w.optional(k.others) { $0.int($1) }
        }
        strings(e.notSignificant)
    }

    mutating func prompt(_ p: Prompt) {
        string(p.id)
        string(p.type.rawValue)
        string(p.question)
        string(p.hint)
        strings(p.options)
        strings(p.levels)
        strings(p.relations)
        optional(p.defaultValue) { $0.string($1) }
        bool(p.required)
        bool(p.isBody)
        optional(p.condition) { $0.condition($1) }
        optional(p.label) { $0.string($1) }
    }

    mutating func pitfall(_ p: Pitfall) {
        string(p.id)
        string(p.title)
        string(p.name)
        string(p.looksLike)
        string(p.whyItHurts)
        string(p.instead)
        string(p.scope.rawValue)
        array(p.signals) { w, s in
            w.condition(s.condition)
            w.string(s.reason)
            w.optional(s.title) { $0.string($1) }
            w.optional(s.instead) { $0.string($1) }
        }
    }

    mutating func filter(_ f: RowFilter?) {
        optional(f) { w, f in
            w.string(f.field)
            w.strings(f.values)
        }
    }

    mutating func condition(_ c: Condition) {
        switch c {
        case .missing(let p):
            bytes.append(0); string(p)
        case .equals(let p, let v):
            bytes.append(1); string(p); string(v)
        case .oneOf(let p, let vs):
            bytes.append(2); string(p); strings(vs)
        case .atLeast(let p, let n):
            bytes.append(3); string(p); int(n)
        case .atMost(let p, let n):
            bytes.append(4); string(p); int(n)
        case .count(let p, let f, let least, let most):
            bytes.append(5); string(p); filter(f); optional(least) { $0.int($1) }; optional(most) { $0.int($1) }
        case .every(let p, let field, let vs):
            bytes.append(6); string(p); string(field); strings(vs)
        case .share(let part, let whole, let least):
            bytes.append(7); string(part); string(whole); int(least)
        case .overdue(let p):
            bytes.append(8); string(p)
        case .unfollowed(let people, let by, let f):
            bytes.append(9); string(people); string(by); filter(f)
        case .all(let cs):
            bytes.append(10); array(cs) { $0.condition($1) }
        case .any(let cs):
            bytes.append(11); array(cs) { $0.condition($1) }
        case .not(let inner):
            bytes.append(12); condition(inner)
        }
    }
}

extension CompactCatalogBytes.Reader {
    typealias Unreadable = CompactCatalogBytes.Unreadable

    mutating func catalog() throws(Unreadable) -> Catalog {
        let sections = try array { r throws(Unreadable) in
            Section(id: try r.string(), title: try r.string(), prompts: try r.array { r throws(Unreadable) in try r.prompt() })
        }
        let pitfalls = try array { r throws(Unreadable) in try r.pitfall() }
        let flows = try array { r throws(Unreadable) in Flow(id: try r.string(), title: try r.string(), promptIDs: try r.strings()) }
        var e = EventRules()
        e.withOthers = try int()
        e.networkingWords = try strings()
        e.recurringWords = try strings()
        e.skipFreeTime = try bool()
        e.busyWords = try strings()
        e.kinds = try array { r throws(Unreadable) in
            EventRules.KindGuess(kind: try r.string(), words: try r.strings(), links: try r.strings(),
                                 others: try r.optional { r throws(Unreadable) in try r.int() })
        }
        e.notSignificant = try strings()
        return Catalog(sections: sections, pitfalls: pitfalls, flows: flows, events: e)
    }

    mutating func prompt() throws(Unreadable) -> Prompt {
        let id = try string()
        guard let type = PromptType(rawValue: try string()) else { throw Unreadable() }
        return Prompt(id: id, type: type, question: try string(), hint: try string(), options: try strings(), levels: try strings(),
                      relations: try strings(), defaultValue: try optional { r throws(Unreadable) in try r.string() },
                      required: try bool(), isBody: try bool(), condition: try optional { r throws(Unreadable) in try r.condition() },
                      label: try optional { r throws(Unreadable) in try r.string() })
    }

    mutating func pitfall() throws(Unreadable) -> Pitfall {
        let id = try string(), title = try string(), name = try string()
        let looksLike = try string(), whyItHurts = try string(), instead = try string()
        guard let scope = PitfallScope(rawValue: try string()) else { throw Unreadable() }
        let signals = try array { r throws(Unreadable) in
            Signal(condition: try r.condition(), reason: try r.string(), title: try r.optional { r throws(Unreadable) in try r.string() },
                   instead: try r.optional { r throws(Unreadable) in try r.string() })
        }
        return Pitfall(id: id, title: title, name: name, looksLike: looksLike, whyItHurts: whyItHurts, instead: instead,
                       scope: scope, signals: signals)
    }

    mutating func filter() throws(Unreadable) -> RowFilter? {
        try optional { r throws(Unreadable) in RowFilter(field: try r.string(), values: try r.strings()) }
    }

    mutating func condition() throws(Unreadable) -> Condition {
        switch try byte() {
        case 0: return .missing(try string())
        case 1: return .equals(try string(), try string())
        case 2: return .oneOf(try string(), try strings())
        case 3: return .atLeast(try string(), try int())
        case 4: return .atMost(try string(), try int())
        case 5:
            return .count(try string(), where: try filter(), atLeast: try optional { r throws(Unreadable) in try r.int() },
                          atMost: try optional { r throws(Unreadable) in try r.int() })
        case 6: return .every(try string(), field: try string(), oneOf: try strings())
        case 7: return .share(try string(), of: try string(), atLeast: try int())
        case 8: return .overdue(try string())
        case 9: return .unfollowed(try string(), by: try string(), where: try filter())
        case 10: return .all(try array { r throws(Unreadable) in try r.condition() })
        case 11: return .any(try array { r throws(Unreadable) in try r.condition() })
        case 12: return .not(try condition())
        default: throw Unreadable()
        }
    }
}

extension CatalogLoader.Compact {
    /// The state as ``CompactCatalogBytes`` reads it back.
    init(hash: String, files: Int, catalog: Catalog, promptLines: [String: Place], pitfallLines: [String: Place],
         promptConditionLines: [String: Place], flowLines: [String: Place], kindLines: [KindPlace],
         conditionLines: [ConditionPlace], file: String) {
        self.hash = hash
        self.files = files
        self.catalog = catalog
        self.promptLines = promptLines
        self.pitfallLines = pitfallLines
        self.promptConditionLines = promptConditionLines
        self.flowLines = flowLines
        self.kindLines = kindLines
        self.conditionLines = conditionLines
        self.file = file
    }
}
