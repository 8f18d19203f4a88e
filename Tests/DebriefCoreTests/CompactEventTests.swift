import Foundation
import Testing
@testable import DebriefCore

/// The index caches calendar events as ``CalendarEvent/compact`` bytes: every event must come back
/// equal, and bytes that are not an event must be refused (the cache then reads the file again).
@Suite struct CompactEventTests {
    /// Every stored property of the coded types, in order. A new property fails here: write and
    /// read it in CalendarEvent+Compact.swift, then add it to this list and to `everything`.
    @Test func everyStoredPropertyIsCoded() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let e = Self.everything
        #expect(labels(e) == ["uid", "line", "summary", "location", "description", "categories", "status", "isTransparent",
                              "busyStatus", "classification", "start", "end", "duration", "rules", "exceptionDates", "extraDates",
                              "recurrenceID", "sequence", "attendees", "organizer", "links"])
        #expect(labels(e.attendees[0]) == ["name", "email", "status", "kind", "role"])
        #expect(labels(e.extraDates[0]) == ["start", "end", "duration"])
        #expect(labels(e.rules[0]) == ["frequency", "interval", "count", "until", "byDay", "byMonthDay", "byMonth", "bySetPos",
                                       "byHour", "byMinute", "bySecond", "weekStart"])
        #expect(labels(e.rules[0].byDay[0]) == ["weekday", "ordinal"])
        // `everything` sets every property away from its default, so a property the coding drops
        // shows as a difference below.
        var plain = CalendarEvent(uid: e.uid, line: e.line, start: e.start)
        for (a, b) in zip(Mirror(reflecting: e).children, Mirror(reflecting: plain).children) where a.label != "uid" && a.label != "line" && a.label != "start" {
            #expect("\(a.value)" != "\(b.value)", "\(a.label ?? "?") is left at its default in `everything`")
        }
        plain.summary = "x"
        #expect(Self.roundTrip(plain) == plain)
    }

    static var everything: CalendarEvent {
        var e = CalendarEvent(uid: "uid-ü\u{0}-1@example.org", line: 4_711, start: .zoned(1_795_000_000, "vtimezone:W. Europe Standard Time"))
        e.summary = "Lunch with Zoë 東京 👋🏽"
        e.location = "Café, Room 4\n2nd floor"
        e.description = String(repeating: "long text ", count: 40)
        e.categories = ["Meetup", "", "Ärger"]
        e.status = "TENTATIVE"
        e.isTransparent = true
        e.busyStatus = "FREE"
        e.classification = "PRIVATE"
        e.end = .utc(-62_135_596_800)
        e.duration = Int.max
        var rule = RecurrenceRule(frequency: .monthly)
        rule.interval = 3
        rule.count = 0
        rule.until = .date(Day(ordinal: 20_000))
        rule.byDay = [RecurrenceRule.WeekdayNumber(weekday: 0, ordinal: 1), RecurrenceRule.WeekdayNumber(weekday: 4, ordinal: -1)]
        rule.byMonthDay = [1, -1, 31]
        rule.byMonth = [2, 12]
        rule.bySetPos = [-1]
        rule.byHour = [0, 23]
        rule.byMinute = [59]
        rule.bySecond = [60]
        rule.weekStart = 6
        var yearly = RecurrenceRule(frequency: .yearly)
        yearly.until = .floating(Int.min)
        e.rules = [rule, yearly]
        e.exceptionDates = [.floating(0), .date(Day(ordinal: -1)), .zoned(-1, "Europe/Berlin"), .utc(Int.min)]
        e.extraDates = [CalendarEvent.ExtraDate(start: .utc(1), end: .utc(2), duration: nil),
                        CalendarEvent.ExtraDate(start: .date(Day(ordinal: 3)), end: nil, duration: -5)]
        e.recurrenceID = .zoned(1_795_000_000, "")
        e.sequence = -2
        e.attendees = [CalendarEvent.Participant(name: "Marc \"Weber\"", email: "marc@example.org", status: "DECLINED", kind: "ROOM", role: "CHAIR"),
                       CalendarEvent.Participant()]
        e.organizer = CalendarEvent.Participant(name: nil, email: "ana@example.org")
        e.links = ["https://meet.example/x?y=1", ""]
        return e
    }

    static func roundTrip(_ e: CalendarEvent) -> CalendarEvent? {
        e.compact.withUnsafeBytes { try? CalendarEvent(compact: $0) }
    }

    @Test func everythingComesBackEqual() {
        #expect(Self.roundTrip(Self.everything) == Self.everything)
    }

    /// Every event of the oracle's corpus (exports of Google, Outlook, iCloud, Nextcloud, khal).
    @Test func corpusEventsComeBackEqual() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../DebriefCLITests/CalendarOracle/corpus").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ics") }
        #expect(names.count >= 8)
        var events = 0
        for name in names {
            let file = CalendarFile.parse(Array(try Data(contentsOf: folder.appendingPathComponent(name))))
            for event in file.events {
                #expect(Self.roundTrip(event) == event, "\(name): \(event.uid)")
                events += 1
            }
        }
        #expect(events >= 20)
    }

    /// Cut short anywhere, a byte too many, another version, text that is not UTF-8, a bad tag:
    /// refused, never a wrong event.
    @Test func bytesThatAreNotAnEventAreRefused() {
        let bytes = Self.everything.compact
        func read(_ b: [UInt8]) -> CalendarEvent? { b.withUnsafeBytes { try? CalendarEvent(compact: $0) } }
        for n in 0..<bytes.count {
            #expect(read(Array(bytes.prefix(n))) == nil, "cut at \(n)")
        }
        #expect(read(bytes + [0]) == nil)
        #expect(read([CalendarEvent.compactVersion &+ 1] + bytes.dropFirst()) == nil)
        var plain = CalendarEvent(uid: "ab", line: 1, start: .utc(0)).compact
        #expect(read(plain) != nil)
        plain[2] = 0xFF  // the uid's first byte ([version, length 2 as zig-zag 4, "a", "b", …])
        #expect(read(plain) == nil)
        var tag = CalendarEvent(uid: "", line: 1, start: .utc(0)).compact
        // [version, uid length, line, summary, location, description, categories, status tag …]
        tag[7] = 2
        #expect(read(tag) == nil)
        // A length past the end.
        #expect(read([CalendarEvent.compactVersion, 0x7E]) == nil)
        // An integer longer than 64 bits.
        #expect(read([CalendarEvent.compactVersion, 0] + Array(repeating: 0xFF, count: 10) + [0x01]) == nil)
    }
}
