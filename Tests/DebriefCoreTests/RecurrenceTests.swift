import Foundation
import Testing
@testable import DebriefCore

/// Recurring events: each RRULE part, EXDATE, RDATE and RECURRENCE-ID overrides, expanded as
/// python-dateutil and `recurring_ical_events` expand them (expected values taken from them), and
/// rules that must never hang or be guessed at.
@Suite struct RecurrenceTests {
    func instances(_ body: String, _ from: String = "2026-01-01", _ to: String = "2027-01-01", header: String = "") -> [String] {
        CalendarReaderTests.instances(CalendarReaderTests.file(body, header: header), from, to).map { line in
            // "2026-11-24 10:00–10:00 Title" → "2026-11-24 10:00 Title": the end only when it differs.
            guard let dash = line.firstIndex(of: "–"), line.distance(from: line.startIndex, to: dash) == 16 else { return line }
            let startTime = line[line.index(dash, offsetBy: -5)..<dash]
            let endTime = line[line.index(after: dash)...].prefix(5)
            return startTime == endTime ? String(line[..<dash]) + String(line[line.index(after: dash)...].dropFirst(5)) : line
        }
    }

    func event(_ rule: String, start: String = "DTSTART;TZID=Europe/Berlin:20260105T100000", summary: String = "S", extra: String = "") -> String {
        "BEGIN:VEVENT\nUID:r\n\(start)\nRRULE:\(rule)\nSUMMARY:\(summary)\n\(extra)END:VEVENT"
    }

    @Test func dailyWithCountAndInterval() {
        #expect(instances(event("FREQ=DAILY;COUNT=3")) == ["2026-01-05 10:00 S", "2026-01-06 10:00 S", "2026-01-07 10:00 S"])
        #expect(instances(event("FREQ=DAILY;INTERVAL=3;COUNT=3")) == ["2026-01-05 10:00 S", "2026-01-08 10:00 S", "2026-01-11 10:00 S"])
    }

    @Test func weeklyByDayUntil() {
        #expect(instances(event("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260109T090000Z")) == ["2026-01-05 10:00 S", "2026-01-07 10:00 S", "2026-01-09 10:00 S"])
        // UNTIL is inclusive, and compared as an instant.
        #expect(instances(event("FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20260109T085959Z")).count == 2)
    }

    /// RFC 5545's own WKST example: the week start decides which Sunday pairs with which Tuesday.
    @Test func weekStartChangesABiweeklyRule() {
        let start = "DTSTART;TZID=America/New_York:19970805T090000"
        #expect(instances(event("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", start: start), "1997-01-01", "1998-01-01")
                == ["1997-08-05 15:00 S", "1997-08-10 15:00 S", "1997-08-19 15:00 S", "1997-08-24 15:00 S"])
        #expect(instances(event("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", start: start), "1997-01-01", "1998-01-01")
                == ["1997-08-05 15:00 S", "1997-08-17 15:00 S", "1997-08-19 15:00 S", "1997-08-31 15:00 S"])
    }

    @Test func monthlyOrdinalWeekdays() {
        #expect(instances(event("FREQ=MONTHLY;BYDAY=1MO,-1FR;COUNT=6")) == [
            "2026-01-05 10:00 S", "2026-01-30 10:00 S", "2026-02-02 10:00 S", "2026-02-27 10:00 S", "2026-03-02 10:00 S", "2026-03-27 10:00 S",
        ])
    }

    /// The 31st skips months without one (never the 30th instead); -1 is the last day.
    @Test func monthDays() {
        #expect(instances(event("FREQ=MONTHLY;COUNT=5", start: "DTSTART;TZID=Europe/Berlin:20260131T100000")) == [
            "2026-01-31 10:00 S", "2026-03-31 10:00 S", "2026-05-31 10:00 S", "2026-07-31 10:00 S", "2026-08-31 10:00 S",
        ])
        // DTSTART is an instance even when the rule does not pick it; COUNT counts the rule's own.
        #expect(instances(event("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", start: "DTSTART;TZID=Europe/Berlin:20260130T080000")) == [
            "2026-01-30 08:00 S", "2026-01-31 08:00 S", "2026-02-28 08:00 S", "2026-03-31 08:00 S",
        ])
    }

    @Test func yearlyByMonthAndSetPosition() {
        #expect(instances(event("FREQ=YEARLY;BYMONTH=1;BYDAY=2MO;COUNT=3", start: "DTSTART;TZID=Europe/Berlin:20260112T090000"), "2026-01-01", "2029-01-01")
                == ["2026-01-12 09:00 S", "2027-01-11 09:00 S", "2028-01-10 09:00 S"])
        #expect(instances(event("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=4", start: "DTSTART;TZID=Europe/Berlin:20260130T160000"))
                == ["2026-01-30 16:00 S", "2026-02-27 16:00 S", "2026-03-31 16:00 S", "2026-04-30 16:00 S"])
        #expect(instances(event("FREQ=YEARLY", start: "DTSTART;VALUE=DATE:19900915"), "2026-01-01", "2027-01-01") == ["2026-09-15–2026-09-16 S"])
    }

    @Test func aStartOffTheRuleIsAnExtraInstance() {
        #expect(instances(event("FREQ=WEEKLY;BYDAY=MO;COUNT=2", start: "DTSTART;TZID=Europe/Berlin:20261124T100000"))
                == ["2026-11-24 10:00 S", "2026-11-30 10:00 S", "2026-12-07 10:00 S"])
    }

    /// UNTIL as a day for a series in a zone ends at that day's midnight UTC (what dateutil is
    /// made to read): in Sydney the morning of the 3rd is still in.
    @Test func untilADayForAZonedSeries() {
        #expect(instances(event("FREQ=DAILY;UNTIL=20261203", start: "DTSTART;TZID=Australia/Sydney:20261130T083000"), "2026-11-01", "2027-01-01")
                == ["2026-11-29 22:30 S", "2026-11-30 22:30 S", "2026-12-01 22:30 S", "2026-12-02 22:30 S"])
    }

    @Test func exceptionAndExtraDates() {
        let body = event("FREQ=WEEKLY;BYDAY=TH;COUNT=4", start: "DTSTART;TZID=Europe/Berlin:20261105T070000",
                         extra: "EXDATE;TZID=Europe/Berlin:20261112T070000\nEXDATE:20261119T060000Z\nRDATE;TZID=Europe/Berlin:20261107T090000\nRDATE;VALUE=PERIOD:20261108T080000Z/PT2H\n")
        #expect(instances(body) == ["2026-11-05 07:00 S", "2026-11-07 09:00 S", "2026-11-08 09:00–11:00 S", "2026-11-26 07:00 S"])
        // An EXDATE given as a day removes that day's instance.
        let byDay = event("FREQ=DAILY;COUNT=3", start: "DTSTART;TZID=Europe/Berlin:20261105T070000", extra: "EXDATE;VALUE=DATE:20261106\n")
        #expect(instances(byDay) == ["2026-11-05 07:00 S", "2026-11-07 07:00 S"])
    }

    /// A RECURRENCE-ID override replaces its instance where it moved it; a cancelled one stays an
    /// instance with its status (`recurring_ical_events` returns it so), which the pending list
    /// leaves out. Keys name the original start, so a moved instance keeps its key.
    @Test func overridesMoveAndCancelInstances() throws {
        let body = """
        \(event("FREQ=DAILY;COUNT=4", start: "DTSTART;TZID=Europe/Berlin:20261110T093000", summary: "Stand-up"))
        BEGIN:VEVENT
        UID:r
        RECURRENCE-ID;TZID=Europe/Berlin:20261111T093000
        DTSTART;TZID=Europe/Berlin:20261111T110000
        DTEND;TZID=Europe/Berlin:20261111T111500
        SUMMARY:Stand-up (moved)
        END:VEVENT
        BEGIN:VEVENT
        UID:r
        RECURRENCE-ID:20261112T083000Z
        DTSTART;TZID=Europe/Berlin:20261112T093000
        STATUS:CANCELLED
        SUMMARY:Stand-up
        END:VEVENT
        BEGIN:VEVENT
        UID:r
        RECURRENCE-ID;TZID=Europe/Berlin:20261113T093000
        DTSTART;TZID=Europe/Berlin:20261201T093000
        SUMMARY:Stand-up (moved to December)
        END:VEVENT
        """
        #expect(instances(body, "2026-11-01", "2026-11-30") == ["2026-11-10 09:30 Stand-up", "2026-11-11 11:00–11:15 Stand-up (moved)", "2026-11-12 09:30 Stand-up"])
        #expect(instances(body, "2026-12-01", "2026-12-02") == ["2026-12-01 09:30 Stand-up (moved to December)"])
        let file = CalendarReaderTests.file(body)
        let all = EventExpansion.instances(of: file, from: 1_790_000_000, to: 1_800_000_000, local: CalendarReaderTests.berlin, calendar: "c").instances
        #expect(all.map(\.key) == ["r/20261110T083000Z", "r/20261111T083000Z", "r/20261112T083000Z", "r/20261113T083000Z"])
        #expect(all.map(\.isCancelled) == [false, false, true, false])
        #expect(EventKey.split("r/20261110T083000Z") == ("r", "20261110T083000Z"))
        #expect(EventKey.split("abc@google.com") == ("abc@google.com", nil))
        #expect(EventKey.split("a/b") == ("a/b", nil))
    }

    // MARK: - Rules that must not be guessed at or hang

    @Test func rulesThatCannotBeUsedNameTheSeries() {
        for (rule, reason) in [
            ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0 must be a whole number of 1 or more"),
            ("FREQ=HOURLY;COUNT=3", "FREQ=HOURLY is not supported (debrief reads daily, weekly, monthly and yearly series)"),
            ("FREQ=FORTNIGHTLY", "FREQ=FORTNIGHTLY is not a frequency"),
            ("INTERVAL=2", "no FREQ"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32 must list days from 1 to 31 or -1 to -31"),
            ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO is not supported"),
            ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX: `XX` is not a weekday such as MO, 1MO or -1FR"),
            ("FREQ=WEEKLY;UNTIL=soon", "UNTIL=SOON is not a date or date-time"),
        ] {
            let file = CalendarReaderTests.file(event(rule))
            #expect(file.events.isEmpty, "\(rule)")
            #expect(file.problems.map(\.reason) == ["event 'r': RRULE \(reason); the series is skipped"], "\(rule)")
            #expect(file.problems.map(\.line) == [7])
        }
    }

    /// A COUNT near Int's limit, a rule that never matches, a daily series from the year 1: each
    /// is answered without walking its whole history (the walk starts near the window, or stops at
    /// its budget and the series is named).
    @Test func hostileRulesAnswerAtOnce() {
        #expect(instances(event("FREQ=DAILY;COUNT=9223372036854775807", start: "DTSTART;TZID=Europe/Berlin:16010101T100000"), "2026-11-01", "2026-11-04").count == 3)
        #expect(instances(event("FREQ=DAILY;COUNT=99999999999999999999999", start: "DTSTART;TZID=Europe/Berlin:16010101T100000"), "2026-11-01", "2026-11-04").count == 3)
        #expect(instances(event("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"), "2026-01-05", "2026-01-06") == ["2026-01-05 10:00 S"])
        #expect(instances(event("FREQ=DAILY;INTERVAL=1000000", start: "DTSTART;TZID=Europe/Berlin:00010101T100000")).isEmpty)
        // A COUNT the walk must count from the year 1: reported past the budget, never a hang.
        let counted = CalendarReaderTests.file(event("FREQ=DAILY;COUNT=700000", start: "DTSTART;TZID=Europe/Berlin:00010101T100000"))
        let result = EventExpansion.instances(of: counted, from: 1_790_000_000, to: 1_800_000_000, local: CalendarReaderTests.berlin, calendar: "c")
        #expect(result.instances.isEmpty)
        #expect(result.problems.map(\.reason) == ["the series 'r' needs too many steps to expand (a rule that repeats rarely or never); skipped"])
    }
}
