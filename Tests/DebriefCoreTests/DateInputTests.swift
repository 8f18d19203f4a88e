import Foundation
import Testing
@testable import DebriefCore

/// The dates people type, resolved against a fixed clock in Europe/Berlin.
@Suite struct DateInputTests {
    /// Thursday 2026-11-26, 10:00 in Berlin (UTC+1).
    static let clock = Clock.fixed(Fixtures.ts("2026-11-26T10:00:00+01:00").date, timeZone: Fixtures.berlin)

    static func day(_ s: String) -> Day { Day(iso: s)! }

    @Test(arguments: [
        ("today", "2026-11-26"), ("yesterday", "2026-11-25"), ("tomorrow", "2026-11-27"), ("TODAY", "2026-11-26"),
        ("  today ", "2026-11-26"),
        // Weekdays: the most recent one, today included.
        ("thu", "2026-11-26"), ("thursday", "2026-11-26"), ("wed", "2026-11-25"), ("tue", "2026-11-24"),
        ("mon", "2026-11-23"), ("sun", "2026-11-22"), ("sat", "2026-11-21"), ("fri", "2026-11-20"), ("Friday", "2026-11-20"),
        ("2026-11-24", "2026-11-24"), ("2024-02-29", "2024-02-29"),
        ("+3d", "2026-11-29"), ("in 3 days", "2026-11-29"),
    ])
    func days(_ text: String, _ expected: String) {
        #expect(DateInput.parse(text, clock: Self.clock) == .day(Self.day(expected)))
        #expect(DateInput.day(text, clock: Self.clock) == Self.day(expected))
        // A bare day as a date-time is 00:00 local time.
        #expect(DateInput.timestamp(text, clock: Self.clock)?.iso == expected + "T00:00:00+01:00")
    }

    @Test(arguments: [
        ("today 18:30", "2026-11-26T18:30:00+01:00"),
        ("yesterday 9:05", "2026-11-25T09:05:00+01:00"),
        ("mon 07:00", "2026-11-23T07:00:00+01:00"),
        ("2026-11-24 19:00", "2026-11-24T19:00:00+01:00"),
        ("2026-07-01 19:00", "2026-07-01T19:00:00+02:00"),
        ("2026-11-24T18:30:00+01:00", "2026-11-24T18:30:00+01:00"),
        ("2026-11-24T18:30:00-05:00", "2026-11-24T18:30:00-05:00"),
        ("2026-11-24T18:30+0530", "2026-11-24T18:30:00+05:30"),
        ("2026-11-24T17:30:00Z", "2026-11-24T17:30:00+00:00"),
        ("2026-11-24T17:30:00.250Z", "2026-11-24T17:30:00+00:00"),
        ("now", "2026-11-26T10:00:00+01:00"),
        // ISO without an offset is local time, as a calendar export writes it.
        ("2026-11-24T18:30", "2026-11-24T18:30:00+01:00"),
        ("2026-07-01T18:30:00", "2026-07-01T18:30:00+02:00"),
    ])
    func dateTimes(_ text: String, _ expected: String) {
        let ts = DateInput.timestamp(text, clock: Self.clock)
        #expect(ts?.iso == expected)
        #expect(ts == Timestamp(iso: expected))
    }

    @Test(arguments: [
        "", "   ", "someday", "mo", "m", "thurs day", "2026-13-01", "2026-02-30", "2025-02-29", "2026-11-24 25:00",
        "2026-11-24 18:60", "today 18", "today 18:3", "today 1830", "today at 18:30", "yesterday 18:30 extra",
        "2026-11-24T18:30:00+25:00", "2026-11-24T18:30:15", "2026-11-24T", "2026-11-24T25:00", "24.11.2026", "11/24/2026", "in three days", "+d", "tomorrowish",
    ])
    func badInputsGiveNil(_ text: String) {
        #expect(DateInput.parse(text, clock: Self.clock) == nil)
        #expect(DateInput.timestamp(text, clock: Self.clock) == nil)
    }

    @Test func daylightSavingGapAndOverlap() {
        let berlin = Fixtures.berlin
        // 2026-03-29 02:30 does not exist in Berlin: the clocks jump from 02:00 to 03:00.
        #expect(Timestamp(day: Self.day("2026-03-29"), hour: 2, minute: 30, in: berlin) == nil)
        #expect(DateInput.timestamp("2026-03-29 02:30", clock: Self.clock) == nil)
        #expect(DateInput.timestamp("2026-03-29 01:59", clock: Self.clock)?.iso == "2026-03-29T01:59:00+01:00")
        #expect(DateInput.timestamp("2026-03-29 03:00", clock: Self.clock)?.iso == "2026-03-29T03:00:00+02:00")
        // 2026-10-25 02:30 happens twice; either reading is a real instant at 02:30 on the wall clock.
        let twice = DateInput.timestamp("2026-10-25 02:30", clock: Self.clock)
        #expect(twice?.hour == 2 && twice?.minute == 30)
        #expect(["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"].contains(twice?.iso ?? ""))
        // A date with an explicit offset is taken as written, even in the gap.
        #expect(DateInput.timestamp("2026-03-29T02:30:00+01:00", clock: Self.clock)?.iso == "2026-03-29T02:30:00+01:00")
    }

    @Test func weekdaysFromASundayAndAcrossTheYearEnd() {
        let sunday = Clock.fixed(Fixtures.ts("2027-01-03T23:30:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("sun", clock: sunday) == Self.day("2027-01-03"))
        #expect(DateInput.day("mon", clock: sunday) == Self.day("2026-12-28"))
        #expect(DateInput.day("sat", clock: sunday) == Self.day("2027-01-02"))
        // The day follows the clock's zone: 23:30 in Berlin is already Monday in Tokyo.
        let tokyo = Clock.fixed(Fixtures.ts("2027-01-03T23:30:00+01:00").date, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(DateInput.day("today", clock: tokyo) == Self.day("2027-01-04"))
    }

    @Test func dayAndTimestampBasics() {
        #expect(Self.day("2026-11-26").isoWeekday == 4)
        #expect(Self.day("2026-12-31").adding(days: 1) == Self.day("2027-01-01"))
        #expect(Self.day("2024-02-28").adding(days: 1) == Self.day("2024-02-29"))
        #expect(Self.day("2026-11-20").days(until: Self.day("2026-11-27")) == 7)
        let ts = Fixtures.ts("2026-11-24T18:30:05-03:30")
        #expect(ts.iso == "2026-11-24T18:30:05-03:30")
        #expect(ts.day == Self.day("2026-11-24") && ts.hour == 18 && ts.minute == 30 && ts.second == 5)
        #expect(ts.display == "2026-11-24 18:30")
        #expect(Timestamp(iso: "2026-11-24T18:30:00") == nil)
        #expect(Timestamp(iso: "2026-11-24") == nil)
    }
}
