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
        // The forms the README lists, looking back (event dates, --since, done).
        ("last fri", "2026-11-20"), ("last thu", "2026-11-19"), ("next fri", "2026-11-27"), ("next thu", "2026-12-03"),
        ("in 2 weeks", "2026-12-10"), ("in a week", "2026-12-03"), ("in 1 day", "2026-11-27"), ("+2w", "2026-12-10"),
        ("3 days ago", "2026-11-23"), ("2 weeks ago", "2026-11-12"), ("-3d", "2026-11-23"),
        ("nov 6", "2026-11-06"), ("6 nov", "2026-11-06"), ("November 6", "2026-11-06"), ("6 November 2025", "2025-11-06"),
        ("nov 26", "2026-11-26"), ("dec 24", "2025-12-24"), ("Dec 24, 2026", "2026-12-24"), ("nov 1", "2026-11-01"),
    ])
    func days(_ text: String, _ expected: String) {
        #expect(DateInput.parse(text, clock: Self.clock, direction: .past) == .day(Self.day(expected)))
        #expect(DateInput.day(text, clock: Self.clock, direction: .past) == Self.day(expected))
        // A bare day as a date-time is 00:00 local time.
        #expect(DateInput.timestamp(text, clock: Self.clock, direction: .past)?.iso == expected + "T00:00:00+01:00")
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
        let ts = DateInput.timestamp(text, clock: Self.clock, direction: .past)
        #expect(ts?.iso == expected)
        #expect(ts == Timestamp(iso: expected))
    }

    @Test(arguments: [
        "", "   ", "someday", "mo", "m", "thurs day", "2026-13-01", "2026-02-30", "2025-02-29", "2026-11-24 25:00",
        "2026-11-24 18:60", "today 18", "today 18:3", "today 1830", "today at 18:30", "yesterday 18:30 extra",
        "2026-11-24T18:30:00+25:00", "2026-11-24T18:30:15", "2026-11-24T", "2026-11-24T25:00", "24.11.2026", "11/24/2026", "in three days", "+d", "tomorrowish",
        // All-numeric day/month forms are never unambiguous; nonsense days and units are refused.
        "6/11", "11/6", "6.11", "nov 31", "feb 30 2026", "31 nov", "next", "next month", "in 3 months", "3 days", "ago",
        "next nov", "+3x", "13pm", "0am", "today 24:00", "nov", "6 nov 26",
    ])
    func badInputsGiveNil(_ text: String) {
        #expect(DateInput.parse(text, clock: Self.clock, direction: .past) == nil)
        #expect(DateInput.timestamp(text, clock: Self.clock, direction: .past) == nil)
    }

    @Test func daylightSavingGapAndOverlap() {
        let berlin = Fixtures.berlin
        // 2026-03-29 02:30 does not exist in Berlin: the clocks jump from 02:00 to 03:00.
        #expect(Timestamp(day: Self.day("2026-03-29"), hour: 2, minute: 30, in: berlin) == nil)
        #expect(DateInput.timestamp("2026-03-29 02:30", clock: Self.clock, direction: .past) == nil)
        #expect(DateInput.timestamp("2026-03-29 01:59", clock: Self.clock, direction: .past)?.iso == "2026-03-29T01:59:00+01:00")
        #expect(DateInput.timestamp("2026-03-29 03:00", clock: Self.clock, direction: .past)?.iso == "2026-03-29T03:00:00+02:00")
        // 2026-10-25 02:30 happens twice; either reading is a real instant at 02:30 on the wall clock.
        let twice = DateInput.timestamp("2026-10-25 02:30", clock: Self.clock, direction: .past)
        #expect(twice?.hour == 2 && twice?.minute == 30)
        #expect(["2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"].contains(twice?.iso ?? ""))
        // A date with an explicit offset is taken as written, even in the gap.
        #expect(DateInput.timestamp("2026-03-29T02:30:00+01:00", clock: Self.clock, direction: .past)?.iso == "2026-03-29T02:30:00+01:00")
    }

    @Test func weekdaysFromASundayAndAcrossTheYearEnd() {
        let sunday = Clock.fixed(Fixtures.ts("2027-01-03T23:30:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("sun", clock: sunday, direction: .past) == Self.day("2027-01-03"))
        #expect(DateInput.day("mon", clock: sunday, direction: .past) == Self.day("2026-12-28"))
        #expect(DateInput.day("sat", clock: sunday, direction: .past) == Self.day("2027-01-02"))
        // The day follows the clock's zone: 23:30 in Berlin is already Monday in Tokyo.
        let tokyo = Clock.fixed(Fixtures.ts("2027-01-03T23:30:00+01:00").date, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(DateInput.day("today", clock: tokyo, direction: .past) == Self.day("2027-01-04"))
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

    // MARK: - Direction

    /// Every weekday typed on each day of one week, both ways: looking back it is the most recent
    /// one (today included), looking forward the next one (never today).
    @Test func weekdaysByDirection() {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        for offset in 0..<7 {
            let today = Self.day("2026-11-23").adding(days: offset) // Monday 23 … Sunday 29
            let clock = Clock.fixed(Timestamp(day: today, hour: 12, minute: 0, in: Fixtures.berlin)!.date, timeZone: Fixtures.berlin)
            for (i, name) in names.enumerated() {
                let back = DateInput.day(name, clock: clock, direction: .past)!
                let ahead = DateInput.day(name, clock: clock, direction: .future)!
                #expect(back.isoWeekday == i + 1 && ahead.isoWeekday == i + 1)
                #expect((0...6).contains(back.days(until: today)), "\(name) back from \(today)")
                #expect((1...7).contains(today.days(until: ahead)), "\(name) ahead from \(today)")
                // `next` and `last` ignore the direction.
                #expect(DateInput.day("next " + name, clock: clock, direction: .past) == DateInput.day("next " + name, clock: clock, direction: .future))
                #expect((1...7).contains(today.days(until: DateInput.day("next " + name, clock: clock, direction: .past)!)))
                #expect((1...7).contains(DateInput.day("last " + name, clock: clock, direction: .future)!.days(until: today)))
            }
        }
    }

    /// The examples: on a Tuesday `fri` is last Friday looking back and this coming Friday
    /// looking forward; on a Friday it is today looking back and next week's looking forward.
    @Test func fridayOnATuesdayAndOnAFriday() {
        let tuesday = Clock.fixed(Fixtures.ts("2026-11-24T09:00:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("fri", clock: tuesday, direction: .past) == Self.day("2026-11-20"))
        #expect(DateInput.day("fri", clock: tuesday, direction: .future) == Self.day("2026-11-27"))
        let friday = Clock.fixed(Fixtures.ts("2026-11-27T09:00:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("fri", clock: friday, direction: .past) == Self.day("2026-11-27"))
        #expect(DateInput.day("fri", clock: friday, direction: .future) == Self.day("2026-12-04"))
        #expect(DateInput.day("next fri", clock: friday, direction: .past) == Self.day("2026-12-04"))
    }

    /// A day of the year without a year: the most recent one looking back, the next one looking
    /// forward, today counting both ways; across the year end in both directions.
    @Test func dayOfYearByDirectionAcrossTheYearEnd() {
        let newYearsEve = Clock.fixed(Fixtures.ts("2026-12-31T22:00:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("jan 2", clock: newYearsEve, direction: .future) == Self.day("2027-01-02"))
        #expect(DateInput.day("jan 2", clock: newYearsEve, direction: .past) == Self.day("2026-01-02"))
        #expect(DateInput.day("dec 31", clock: newYearsEve, direction: .future) == Self.day("2026-12-31"))
        #expect(DateInput.day("dec 31", clock: newYearsEve, direction: .past) == Self.day("2026-12-31"))
        #expect(DateInput.day("in 2 days", clock: newYearsEve, direction: .future) == Self.day("2027-01-02"))
        #expect(DateInput.day("next fri", clock: newYearsEve, direction: .future) == Self.day("2027-01-01"))
        #expect(DateInput.day("tomorrow", clock: newYearsEve, direction: .past) == Self.day("2027-01-01"))
        let newYear = Clock.fixed(Fixtures.ts("2027-01-01T08:00:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("dec 30", clock: newYear, direction: .past) == Self.day("2026-12-30"))
        #expect(DateInput.day("dec 30", clock: newYear, direction: .future) == Self.day("2027-12-30"))
        #expect(DateInput.day("thu", clock: newYear, direction: .past) == Self.day("2026-12-31"))
        #expect(DateInput.day("3 days ago", clock: newYear, direction: .future) == Self.day("2026-12-29"))
        // Feb 29 looks for the nearest leap year.
        #expect(DateInput.day("feb 29", clock: newYear, direction: .future) == Self.day("2028-02-29"))
        #expect(DateInput.day("feb 29", clock: newYear, direction: .past) == Self.day("2024-02-29"))
        #expect(DateInput.day("sept 30", clock: newYear, direction: .past) == Self.day("2026-09-30"))
    }

    /// Times after any day form, and a time alone meaning today, in both directions.
    @Test(arguments: [
        ("18:30", DateDirection.past, "2026-11-26T18:30:00+01:00"),
        ("6pm", .past, "2026-11-26T18:00:00+01:00"),
        ("6:30pm", .future, "2026-11-26T18:30:00+01:00"),
        ("12am", .past, "2026-11-26T00:00:00+01:00"),
        ("12pm", .past, "2026-11-26T12:00:00+01:00"),
        ("fri 19:00", .past, "2026-11-20T19:00:00+01:00"),
        ("fri 19:00", .future, "2026-11-27T19:00:00+01:00"),
        ("nov 6 18:30", .past, "2026-11-06T18:30:00+01:00"),
        ("6 nov 2025 9am", .past, "2025-11-06T09:00:00+01:00"),
        ("next mon 8:15", .past, "2026-11-30T08:15:00+01:00"),
        ("in 3 days 10:00", .future, "2026-11-29T10:00:00+01:00"),
    ])
    func timesAfterDays(_ text: String, _ direction: DateDirection, _ expected: String) {
        #expect(DateInput.timestamp(text, clock: Self.clock, direction: direction)?.iso == expected)
    }

    /// Relative forms count from the clock, across the spring daylight-saving change: a day later
    /// is the next calendar day at the same wall-clock time, whatever the offset.
    @Test func relativeFormsAcrossDaylightSaving() {
        let beforeSpring = Clock.fixed(Fixtures.ts("2026-03-28T20:00:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("in 1 day", clock: beforeSpring, direction: .future) == Self.day("2026-03-29"))
        #expect(DateInput.timestamp("tomorrow 20:00", clock: beforeSpring, direction: .future)?.iso == "2026-03-29T20:00:00+02:00")
        #expect(DateInput.timestamp("sun 02:30", clock: beforeSpring, direction: .future) == nil) // in the gap
        let afterAutumn = Clock.fixed(Fixtures.ts("2026-10-26T00:30:00+01:00").date, timeZone: Fixtures.berlin)
        #expect(DateInput.day("yesterday", clock: afterAutumn, direction: .past) == Self.day("2026-10-25"))
        #expect(DateInput.timestamp("yesterday 18:00", clock: afterAutumn, direction: .past)?.iso == "2026-10-25T18:00:00+01:00")
        #expect(DateInput.timestamp("sat 18:00", clock: afterAutumn, direction: .past)?.iso == "2026-10-24T18:00:00+02:00")
    }
}
