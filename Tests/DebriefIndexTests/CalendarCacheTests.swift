#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// The calendars' events cached in the index (issue 20): what the cache answers for a window is
/// what reading the files gives, after changes, and when a stored row is damaged (the index's row
/// rule: a wrong `lo`/`hi` could otherwise hide an event from the window's query).
@Suite struct CalendarCacheTests {
    static func event(_ uid: String, _ summary: String, start: String, minutes: Int = 60, _ extra: [String] = []) -> String {
        (["BEGIN:VEVENT", "UID:\(uid)", "SUMMARY:\(summary)", "DTSTART;TZID=Europe/Berlin:\(start)", "DURATION:PT\(minutes)M"]
            + extra + ["END:VEVENT"]).map { $0 + "\r\n" }.joined()
    }

    static func calendar(_ events: [String]) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + events.joined() + "END:VCALENDAR\r\n"
    }

    /// A vdir of `count` single events over 2026, a weekly series with a moved and a cancelled
    /// instance, and an export holding many events, one of them also in the vdir.
    static func seed(_ f: IndexFixture, count: Int = 60) -> [String] {
        let vdir = f.base + "/calendars/vdir"
        try? FileManager.default.createDirectory(atPath: vdir, withIntermediateDirectories: true)
        for i in 0..<count {
            let day = Day(iso: "2026-01-01")!.adding(days: i * 6)
            let start = day.iso.replacingOccurrences(of: "-", with: "") + String(format: "T%02d0000", 8 + i % 10)
            write(calendar([event("single-\(i)", "Coffee \(i)", start: start, ["ATTENDEE:mailto:p\(i)@example.com"])]),
                  to: vdir + "/single-\(i).ics")
        }
        write(calendar([
            event("weekly", "Weekly sync", start: "20260105T100000", ["RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z"]),
            event("weekly", "Weekly sync (moved)", start: "20261125T150000", ["RECURRENCE-ID;TZID=Europe/Berlin:20261123T100000"]),
            event("weekly", "Weekly sync", start: "20261130T100000", ["RECURRENCE-ID;TZID=Europe/Berlin:20261130T100000", "STATUS:CANCELLED"]),
            event("open", "Open-ended", start: "20260101T070000", ["RRULE:FREQ=MONTHLY;BYMONTHDAY=-1"]),
        ]), to: vdir + "/series.ics")
        let export = f.base + "/calendars/export.ics"
        write(calendar((0..<40).map { i in
            event("export-\(i)", "Dinner \(i)", start: "2026" + String(format: "%02d%02d", 1 + i % 12, 1 + i % 28) + "T190000")
        } + [event("single-3", "Coffee 3", start: "20260119T110000")]), to: export)
        return [vdir, export]
    }

    static func write(_ text: String, to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static let windows: [(String, String)] = [
        ("2026-11-01", "2026-12-01"), ("2026-01-01", "2026-02-01"), ("2026-06-10", "2026-06-11"), ("2025-01-01", "2027-06-01"),
    ]

    static func instant(_ iso: String) -> Int {
        // Midnight in Berlin (UTC+1 in winter, +2 in summer; a margin of an hour is fine here).
        Day(iso: iso)!.ordinal * 86_400 - 3600
    }

    /// "key start end summary status calendar" per instance, and the problems.
    static func describe(_ s: CalendarSnapshot) -> [String] {
        s.instances.map { "\($0.key) \($0.start) \($0.end) \($0.event.summary) \($0.event.status) \($0.calendar)" }
            + s.problems.map(\.description)
    }

    static func same(_ f: IndexFixture, _ calendars: [String], _ label: String) {
        for (from, to) in windows {
            let plain = CalendarSet(calendars: calendars, store: f.plain)
                .instances(from: instant(from), to: instant(to), local: IndexFixture.berlin)
            let indexed = CalendarSet(calendars: calendars, store: f.indexed)
                .instances(from: instant(from), to: instant(to), local: IndexFixture.berlin)
            #expect(describe(indexed) == describe(plain), "\(label): \(from)…\(to)")
            #expect(!plain.instances.isEmpty || from == "2026-06-10", "\(label): the window must hold something")
        }
    }

    @Test func theCacheAnswersAsTheFiles() throws {
        let f = IndexFixture("calendar", racyMargin: 0)
        let calendars = Self.seed(f)
        Self.same(f, calendars, "cold")
        f.reopen()
        Self.same(f, calendars, "warm")
        // A change, a removal, a new file: seen on the next read.
        Self.write(Self.calendar([Self.event("single-10", "Lunch moved", start: "20261124T120000")]), to: calendars[0] + "/single-10.ics")
        try FileManager.default.removeItem(atPath: calendars[0] + "/single-11.ics")
        Self.write(Self.calendar([Self.event("new", "New one", start: "20261120T090000")]), to: calendars[0] + "/new.ics")
        f.reopen()
        Self.same(f, calendars, "after changes")
        let nov = CalendarSet(calendars: calendars, store: f.indexed)
            .instances(from: Self.instant("2026-11-01"), to: Self.instant("2026-12-01"), local: IndexFixture.berlin)
        #expect(nov.instances.map(\.event.summary).contains("Lunch moved"))
        #expect(nov.instances.map(\.event.summary).contains("Weekly sync (moved)"))
        // single-3 is in both calendars: once.
        let jan = CalendarSet(calendars: calendars, store: f.indexed)
            .instances(from: Self.instant("2026-01-01"), to: Self.instant("2026-02-01"), local: IndexFixture.berlin)
        #expect(jan.instances.filter { $0.key == "single-3" }.count == 1)
    }

    @Test(arguments: [
        ("lo", "UPDATE calendar_events SET lo = lo + 400000000 WHERE rowid = (SELECT min(rowid) FROM calendar_events)"),
        ("hi", "UPDATE calendar_events SET hi = 0 WHERE rowid = (SELECT max(rowid) FROM calendar_events WHERE hi > 1790000000)"),
        ("file", "UPDATE calendar_events SET file = file + 1 WHERE rowid = (SELECT min(rowid) FROM calendar_events)"),
        ("event", "UPDATE calendar_events SET event = replace(event, 'Weekly sync', 'Weekly sunc') WHERE rowid = (SELECT min(rowid) FROM calendar_events WHERE instr(event, 'Weekly sync'))"),
        ("lost row", "DELETE FROM calendar_events WHERE rowid = (SELECT min(rowid) FROM calendar_events)"),
        ("zones", "UPDATE calendar_files SET zones = X'7B7D20' WHERE id = (SELECT max(id) FROM calendar_files)"),
        ("kind", "UPDATE calendar_files SET kind = 1 WHERE id = (SELECT max(id) FROM calendar_files)"),
        ("size", "UPDATE calendar_files SET mtime = mtime + 1 WHERE id = (SELECT min(id) FROM calendar_files)"),
        // A file's span: a wrong one would keep the window's query from its events.
        ("file hi", "UPDATE calendar_files SET hi = 0 WHERE path LIKE '%/series.ics'"),
        ("file lo", "UPDATE calendar_files SET lo = lo + 400000000 WHERE path LIKE '%/series.ics'"),
        ("a moved row", "UPDATE calendar_events SET file = (SELECT id FROM calendar_files WHERE path LIKE '%/single-58.ics') WHERE rowid = (SELECT max(rowid) FROM calendar_events WHERE instr(event, 'Weekly sync (moved)'))"),
    ])
    func aDamagedRowNeverChangesAnAnswer(_ label: String, _ damage: String) throws {
        let f = IndexFixture("calendar-damage", racyMargin: 0)
        let calendars = Self.seed(f)
        Self.same(f, calendars, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        Self.same(f, calendars, "\(label): after the damage")
        f.reopen()
        Self.same(f, calendars, "\(label): and again")
    }

    /// A calendar link to the index's own database (or a calendar path naming it) is reported and
    /// never opened: opening and closing a file SQLite has open in the same process drops its
    /// locks, and a second debrief would then think it was alone with the database.
    @Test func theIndexDatabaseIsNeverReadAsACalendar() throws {
        let f = IndexFixture("calendar-self", racyMargin: 0)
        let calendars = Self.seed(f, count: 3)
        Self.same(f, calendars, "before")
        for (i, file) in f.index.location.files.enumerated() where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.createSymbolicLink(atPath: calendars[0] + "/index-\(i).ics", withDestinationPath: file)
        }
        let snapshot = CalendarSet(calendars: calendars + [f.index.location.database], store: f.indexed)
            .instances(from: Self.instant("2026-01-01"), to: Self.instant("2026-02-01"), local: IndexFixture.berlin)
        let refused = snapshot.problems.filter { $0.reason.contains("debrief's own index database") }
        #expect(refused.count >= 2, "\(snapshot.problems)")
        #expect(refused.contains { $0.path == f.index.location.database })
        #expect(!snapshot.instances.isEmpty)
    }
}
