/// A calendar event in the index's cache as compact bytes (issue 20): every field in declaration
/// order, integers as zig-zag LEB128, text as its length and UTF-8, optionals and cases as one tag
/// byte, lists as their count. A warm `pending` over 5,000 calendar files decodes the ~500 events
/// near its window; through `JSONDecoder` that was a sixth of the run.
///
/// The bytes are under their row's checksum (`event_sum`) like any stored column, so damage is
/// found before they are read; reading them is still strict (a bad tag, a count past the end,
/// text that is not UTF-8, a byte left over, another ``version``: ``CompactEventError``), and the
/// cache then reads the file again. `CompactEventTests` checks that every stored property of
/// each type is written (a new field must be added here, or it fails).
extension CalendarEvent {
    /// The first byte of an encoded event; another value is not read.
    public static let compactVersion: UInt8 = 1

    /// The event as compact bytes.
    public var compact: [UInt8] {
        var w = CompactWriter()
        w.byte(Self.compactVersion)
        w.event(self)
        return w.bytes
    }

    /// The event `compact` wrote.
    public init(compact bytes: UnsafeRawBufferPointer) throws {
        var r = CompactReader(bytes: bytes)
        guard try r.byte() == Self.compactVersion else { throw CompactEventError() }
        self = try r.event()
        guard r.isAtEnd else { throw CompactEventError() }
    }
}

/// Bytes that are not an event ``CalendarEvent/compact`` wrote.
public struct CompactEventError: Error, Sendable {}

private struct CompactWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func int(_ n: Int) {
        var v = UInt64(bitPattern: Int64((n << 1) ^ (n >> (Int.bitWidth - 1))))
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ b: Bool) { byte(b ? 1 : 0) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CompactWriter, T) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func list<T>(_ values: [T], _ write: (inout CompactWriter, T) -> Void) {
        int(values.count)
        for v in values { write(&self, v) }
    }

    mutating func time(_ t: CalendarTime) {
        switch t {
        case .date(let day): byte(0); int(day.ordinal)
        case .floating(let wall): byte(1); int(wall)
        case .utc(let seconds): byte(2); int(seconds)
        case .zoned(let wall, let zone): byte(3); int(wall); string(zone)
        }
    }

    mutating func participant(_ p: CalendarEvent.Participant) {
        optional(p.name) { $0.string($1) }
        optional(p.email) { $0.string($1) }
        optional(p.status) { $0.string($1) }
        optional(p.kind) { $0.string($1) }
        optional(p.role) { $0.string($1) }
    }

    mutating func rule(_ r: RecurrenceRule) {
        string(r.frequency.rawValue)
        int(r.interval)
        optional(r.count) { $0.int($1) }
        optional(r.until) { $0.time($1) }
        list(r.byDay) { $0.int($1.weekday); $0.int($1.ordinal) }
        for numbers in [r.byMonthDay, r.byMonth, r.bySetPos, r.byHour, r.byMinute, r.bySecond] {
            list(numbers) { $0.int($1) }
        }
        int(r.weekStart)
    }

    mutating func event(_ e: CalendarEvent) {
        string(e.uid)
        int(e.line)
        string(e.summary)
        string(e.location)
        string(e.description)
        list(e.categories) { $0.string($1) }
        optional(e.status) { $0.string($1) }
        bool(e.isTransparent)
        optional(e.busyStatus) { $0.string($1) }
        optional(e.classification) { $0.string($1) }
        time(e.start)
        optional(e.end) { $0.time($1) }
        optional(e.duration) { $0.int($1) }
        list(e.rules) { $0.rule($1) }
        list(e.exceptionDates) { $0.time($1) }
        list(e.extraDates) { w, d in
            w.time(d.start)
            w.optional(d.end) { $0.time($1) }
            w.optional(d.duration) { $0.int($1) }
        }
        optional(e.recurrenceID) { $0.time($1) }
        int(e.sequence)
        list(e.attendees) { $0.participant($1) }
        optional(e.organizer) { $0.participant($1) }
        list(e.links) { $0.string($1) }
    }
}

private struct CompactReader {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    var isAtEnd: Bool { at == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard at < bytes.count else { throw CompactEventError() }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64, shift < 63 || b <= 1 else { throw CompactEventError() }
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        let n = Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
        return Int(n)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CompactEventError()
        }
    }

    mutating func count() throws -> Int {
        let n = try int()
        // Every element takes at least one byte.
        guard n >= 0, n <= bytes.count - at else { throw CompactEventError() }
        return n
    }

    mutating func string() throws -> String {
        let n = try count()
        let piece = UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
        at += n
        guard let s = String(validating: piece, as: UTF8.self) else { throw CompactEventError() }
        return s
    }

    mutating func optional<T>(_ read: (inout CompactReader) throws -> T) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        default: throw CompactEventError()
        }
    }

    mutating func list<T>(_ read: (inout CompactReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }

    mutating func time() throws -> CalendarTime {
        switch try byte() {
        case 0: return .date(Day(ordinal: try int()))
        case 1: return .floating(try int())
        case 2: return .utc(try int())
        case 3:
            let wall = try int()
            return .zoned(wall, try string())
        default: throw CompactEventError()
        }
    }

    mutating func participant() throws -> CalendarEvent.Participant {
        CalendarEvent.Participant(name: try optional { try $0.string() },
                                  email: try optional { try $0.string() },
                                  status: try optional { try $0.string() },
                                  kind: try optional { try $0.string() },
                                  role: try optional { try $0.string() })
    }

    mutating func rule() throws -> RecurrenceRule {
        guard let frequency = RecurrenceRule.Frequency(rawValue: try string()) else { throw CompactEventError() }
        var r = RecurrenceRule(frequency: frequency)
        r.interval = try int()
        r.count = try optional { try $0.int() }
        r.until = try optional { try $0.time() }
        r.byDay = try list { r in
            let weekday = try r.int()
            return RecurrenceRule.WeekdayNumber(weekday: weekday, ordinal: try r.int())
        }
        r.byMonthDay = try list { try $0.int() }
        r.byMonth = try list { try $0.int() }
        r.bySetPos = try list { try $0.int() }
        r.byHour = try list { try $0.int() }
        r.byMinute = try list { try $0.int() }
        r.bySecond = try list { try $0.int() }
        r.weekStart = try int()
        return r
    }

    mutating func event() throws -> CalendarEvent {
        let uid = try string()
        let line = try int()
        let summary = try string(), location = try string(), description = try string()
        let categories = try list { try $0.string() }
        let status = try optional { try $0.string() }
        let isTransparent = try bool()
        let busyStatus = try optional { try $0.string() }
        let classification = try optional { try $0.string() }
        var e = CalendarEvent(uid: uid, line: line, start: try time())
        e.summary = summary
        e.location = location
        e.description = description
        e.categories = categories
        e.status = status
        e.isTransparent = isTransparent
        e.busyStatus = busyStatus
        e.classification = classification
        e.end = try optional { try $0.time() }
        e.duration = try optional { try $0.int() }
        e.rules = try list { try $0.rule() }
        e.exceptionDates = try list { try $0.time() }
        e.extraDates = try list { r in
            let start = try r.time()
            let end = try r.optional { try $0.time() }
            return CalendarEvent.ExtraDate(start: start, end: end, duration: try r.optional { try $0.int() })
        }
        e.recurrenceID = try optional { try $0.time() }
        e.sequence = try int()
        e.attendees = try list { try $0.participant() }
        e.organizer = try optional { try $0.participant() }
        e.links = try list { try $0.string() }
        return e
    }
}
