/// An entry's content (id, dates, flow, origin, event, location and every answer) as compact bytes, for the derived
/// index: rebuilding an entry from them takes a few microseconds, against tens for parsing its
/// YAML, and no file has to be opened.
///
/// Every answer type is written generically, so a new prompt in the catalog needs nothing here; a
/// new stored property of `Entry`, `Person` or `FollowUp` must be added to both functions below (a
/// test compares every stored property after a round trip, so a forgotten one fails it). The
/// `version` byte changes with the layout, and the index rebuilds itself when it does.
public enum EntryBlob {
    public static let version: UInt8 = 3

    // MARK: - Writing

    public static func encode(_ entry: Entry) -> [UInt8] {
        encode(entry, sortedAnswers: sortedAnswers(of: entry))
    }

    /// `entry`'s answers in the order its blob holds them: by prompt id.
    public static func sortedAnswers(of entry: Entry) -> [(key: String, value: Answer)] {
        entry.answers.sorted { $0.key < $1.key }
    }

    /// The blob of `entry` holding `answers` (``sortedAnswers(of:)`` of it, or those of an entry it
    /// was reduced from, in their order) in place of its own: an entry and its reduced form are
    /// encoded with their answers sorted once (``ReviewFacts/blobs(of:keeping:)``).
    public static func encode(_ entry: Entry, sortedAnswers answers: [(key: String, value: Answer)]) -> [UInt8] {
        var w = Writer()
        w.bytes.reserveCapacity(512 + (entry.answers["notes"]?.text?.utf8.count ?? 0))
        w.byte(version)
        w.string(entry.id)
        w.timestamp(entry.created)
        w.timestamp(entry.updated)
        w.optional(entry.flow)
        w.optional(entry.origin)
        w.optional(entry.event)
        w.optional(entry.location)
        w.int(entry.formerIDs.count)
        for id in entry.formerIDs { w.string(id) }
        w.int(answers.count)
        // The answers sorted with their keys, not the keys then each answer looked up by its
        // key again (hashing every key a second time, for every entry recorded or checked).
        for (key, answer) in answers {
            w.string(key)
            switch answer {
            case .text(let s):
                w.byte(0)
                w.string(s)
            case .bool(let b):
                w.byte(1)
                w.byte(b ? 1 : 0)
            case .number(let n):
                w.byte(2)
                w.int(n)
            case .choice(let s):
                w.byte(3)
                w.string(s)
            case .timestamp(let ts):
                w.byte(4)
                w.timestamp(ts)
            case .people(let people):
                w.byte(5)
                w.int(people.count)
                for p in people {
                    w.string(p.name)
                    w.optional(p.level)
                    w.optional(p.relation)
                    w.optional(p.note)
                    w.optional(p.email)
                    w.extras(p.extras)
                }
            case .followUps(let actions):
                w.byte(6)
                w.int(actions.count)
                for a in actions {
                    w.string(a.who)
                    w.string(a.action)
                    w.day(a.due)
                    w.day(a.done)
                    w.optional(a.id)
                    w.day(a.firstDue)
                    w.int(a.postponed)
                    w.byte(a.added == nil ? 0 : 1)
                    if let added = a.added { w.timestamp(added) }
                    w.extras(a.extras)
                }
            case .tags(let tags):
                w.byte(7)
                w.int(tags.count)
                for t in tags { w.string(t) }
            }
        }
        return w.bytes
    }

    // MARK: - Reading

    /// The entry the bytes hold, with `source` as given; nil when they are not a blob of this
    /// version (the index then reads the file).
    ///
    /// `keeping`: only the answers of these prompts; the others are stepped over without a
    /// string made of them (a list of 10,000 entries prints a line of each, not their notes).
    /// Such an entry is for reading what was kept, never for saving: answers are missing.
    public static func decode(_ bytes: UnsafeRawBufferPointer, source: EntrySource?, keeping: Set<String>? = nil) -> Entry? {
        var names = Names(remembering: 0)
        return decode(bytes, source: source, keeping: keeping, names: &names)
    }

    /// ``decode(_:source:keeping:)`` of one blob of many decoded in a row, with the prompt ids
    /// met in those before (``Names``), always used with the same `keeping` set or none.
    public static func decode(_ bytes: UnsafeRawBufferPointer, source: EntrySource?, keeping: Set<String>?,
                              names: inout Names) -> Entry? {
        var r = Reader(b: bytes)
        guard r.byte() == version, let id = r.string(), let created = r.timestamp(), let updated = r.timestamp(),
              let flow = r.optional(), let origin = r.optional(), let event = r.optional(), let location = r.optional(), let formerCount = r.int(),
              formerCount >= 0, formerCount <= bytes.count else { return nil }
        var formerIDs: [String] = []
        for _ in 0..<formerCount {
            guard let id = r.string() else { return nil }
            formerIDs.append(id)
        }
        guard let count = r.int() else { return nil }
        var answers: [String: Answer] = [:]
        answers.reserveCapacity(count)
        for _ in 0..<count {
            guard let raw = r.stringBytes(), let tag = r.byte() else { return nil }
            let (key, place) = names.name(raw)
            if let keeping, !names.kept(key, at: place, by: keeping) {
                guard r.skipAnswer(tag) else { return nil }
                continue
            }
            let answer: Answer
            switch tag {
            case 0:
                guard let s = r.string() else { return nil }
                answer = .text(s)
            case 1:
                guard let b = r.byte() else { return nil }
                answer = .bool(b != 0)
            case 2:
                guard let n = r.int() else { return nil }
                answer = .number(n)
            case 3:
                guard let s = r.string() else { return nil }
                answer = .choice(s)
            case 4:
                guard let ts = r.timestamp() else { return nil }
                answer = .timestamp(ts)
            case 5:
                guard let n = r.int() else { return nil }
                var people: [Person] = []
                people.reserveCapacity(n)
                for _ in 0..<n {
                    guard let name = r.string(), let level = r.optional(), let relation = r.optional(),
                          let note = r.optional(), let email = r.optional(), let extras = r.extras() else { return nil }
                    people.append(Person(name: name, level: level, relation: relation, note: note, email: email, extras: extras))
                }
                answer = .people(people)
            case 6:
                guard let n = r.int() else { return nil }
                var actions: [FollowUp] = []
                actions.reserveCapacity(n)
                for _ in 0..<n {
                    guard let who = r.string(), let action = r.string(), let due = r.day(), let done = r.day(),
                          let fid = r.optional(), let firstDue = r.day(), let postponed = r.int(),
                          let hasAdded = r.byte() else { return nil }
                    var added: Timestamp?
                    if hasAdded == 1 {
                        guard let ts = r.timestamp() else { return nil }
                        added = ts
                    }
                    guard let extras = r.extras() else { return nil }
                    actions.append(FollowUp(who: who, action: action, due: due, done: done, id: fid, firstDue: firstDue,
                                            postponed: postponed, added: added, extras: extras))
                }
                answer = .followUps(actions)
            case 7:
                guard let n = r.int() else { return nil }
                var tags: [String] = []
                tags.reserveCapacity(n)
                for _ in 0..<n {
                    guard let t = r.string() else { return nil }
                    tags.append(t)
                }
                answer = .tags(tags)
            default:
                return nil
            }
            answers[key] = answer
        }
        guard r.atEnd else { return nil }
        return Entry(id: id, created: created, updated: updated, answers: answers, flow: flow, origin: origin, event: event,
                     location: location, formerIDs: formerIDs, source: source)
    }

    // MARK: - Bytes

    /// Integers as zig-zag LEB128; strings as a length and UTF-8; optionals behind a 0/1 byte;
    /// days as their ordinal behind one.
    private struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func int(_ n: Int) {
            var v = UInt64(bitPattern: Int64((n << 1) ^ (n >> 63)))
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func string(_ s: String) {
            int(s.utf8.count)
            bytes.append(contentsOf: s.utf8)
        }

        mutating func optional(_ s: String?) {
            guard let s else { return byte(0) }
            byte(1)
            string(s)
        }

        mutating func timestamp(_ ts: Timestamp) {
            int(ts.seconds)
            int(ts.utcOffset)
        }

        mutating func day(_ d: Day?) {
            guard let d else { return byte(0) }
            byte(1)
            int(d.ordinal)
        }

        mutating func extras(_ extras: [ExtraField]) {
            int(extras.count)
            for e in extras {
                string(e.key)
                string(e.yaml)
            }
        }
    }

    /// Reads what ``Writer`` wrote; every read is nil past the end or on a malformed value. A nested
    /// optional is `.some(nil)` for an absent value and nil for a broken one.
    private struct Reader {
        let b: UnsafeRawBufferPointer
        var i = 0

        var atEnd: Bool { i == b.count }

        mutating func byte() -> UInt8? {
            guard i < b.count else { return nil }
            defer { i += 1 }
            return b[i]
        }

        mutating func int() -> Int? {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < b.count, shift < 64 else { return nil }
                let c = b[i]
                i += 1
                v |= UInt64(c & 0x7F) << shift
                if c < 0x80 { break }
                shift += 7
            }
            let n = Int64(bitPattern: v)
            return Int((n >> 1) ^ -(n & 1))
        }

        mutating func string() -> String? {
            stringBytes().map { String(decoding: $0, as: UTF8.self) }
        }

        /// A string's UTF-8 bytes, where they are in the blob.
        mutating func stringBytes() -> UnsafeRawBufferPointer? {
            guard let n = int(), n >= 0, i + n <= b.count else { return nil }
            defer { i += n }
            return UnsafeRawBufferPointer(rebasing: b[i..<(i + n)])
        }

        mutating func optional() -> String?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return string().map { .some($0) }
            default: return nil
            }
        }

        mutating func timestamp() -> Timestamp? {
            guard let s = int(), let o = int() else { return nil }
            return Timestamp(seconds: s, utcOffset: o)
        }

        mutating func day() -> Day?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return int().map { .some(Day(ordinal: $0)) }
            default: return nil
            }
        }

        /// Steps over an answer of type `tag` as the reads above would read it; false where
        /// they would give nil.
        mutating func skipAnswer(_ tag: UInt8) -> Bool {
            switch tag {
            case 0, 3: return skipString()
            case 1: return byte() != nil
            case 2: return int() != nil
            case 4: return timestamp() != nil
            case 5:
                guard let n = int() else { return false }
                for _ in 0..<max(n, 0) {
                    guard skipString(), skipOptional(), skipOptional(), skipOptional(), skipOptional(), skipExtras() else { return false }
                }
                return true
            case 6:
                guard let n = int() else { return false }
                for _ in 0..<max(n, 0) {
                    guard skipString(), skipString(), day() != nil, day() != nil, skipOptional(), day() != nil, int() != nil,
                          let hasAdded = byte() else { return false }
                    if hasAdded == 1, timestamp() == nil { return false }
                    guard skipExtras() else { return false }
                }
                return true
            case 7:
                guard let n = int() else { return false }
                for _ in 0..<max(n, 0) where !skipString() { return false }
                return true
            default:
                return false
            }
        }

        mutating func skipString() -> Bool {
            guard let n = int(), n >= 0, i + n <= b.count else { return false }
            i += n
            return true
        }

        mutating func skipOptional() -> Bool {
            switch byte() {
            case 0: return true
            case 1: return skipString()
            default: return false
            }
        }

        mutating func skipExtras() -> Bool {
            guard let n = int(), n >= 0 else { return false }
            for _ in 0..<n where !(skipString() && skipString()) { return false }
            return true
        }

        mutating func extras() -> [ExtraField]? {
            guard let n = int(), n >= 0 else { return nil }
            var out: [ExtraField] = []
            for _ in 0..<n {
                guard let k = string(), let y = string() else { return nil }
                out.append(ExtraField(key: k, yaml: y))
            }
            return out
        }
    }
}
