import Foundation
import Testing
@testable import DebriefCore

/// The RFC 5545 reader, one construct at a time: content lines, values, zones, and the events of
/// a file. Recurrence has its own suite (``RecurrenceTests``); the whole against Python's
/// `icalendar` + `recurring_ical_events` is `CalendarOracleTests` (CLI target, needs the venv).
@Suite struct CalendarReaderTests {
    static let berlin = Fixtures.berlin

    /// A calendar around `body` (CRLF line ends unless `lf`).
    static func file(_ body: String, header: String = "", lf: Bool = false) -> CalendarFile {
        var text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + header + body + "\nEND:VCALENDAR\n"
        if !lf { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        return CalendarFile.parse(Array(text.utf8))
    }

    /// Instances between two Berlin days, as "YYYY-MM-DD HH:MM–HH:MM summary" (days alone for
    /// all-day ones), in Berlin time.
    static func instances(_ file: CalendarFile, _ from: String = "2026-01-01", _ to: String = "2027-01-01",
                          zone: TimeZone = berlin) -> [String] {
        let rules = ZoneRules.system(zone)
        let low = rules.utc(fromWall: Day(iso: from)!.ordinal * 86_400), high = rules.utc(fromWall: Day(iso: to)!.ordinal * 86_400)
        return EventExpansion.instances(of: file, from: low, to: high, local: zone, calendar: "test").instances.map { i in
            if i.isAllDay {
                let s = Timestamp(seconds: i.start, utcOffset: zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(i.start))))
                let e = Timestamp(seconds: i.end, utcOffset: zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(i.end))))
                return "\(s.day.iso)–\(e.day.iso) \(i.event.summary)"
            }
            let s = Timestamp(Date(timeIntervalSince1970: TimeInterval(i.start)), in: zone)
            let e = Timestamp(Date(timeIntervalSince1970: TimeInterval(i.end)), in: zone)
            return "\(s.display)–\(String(e.display.suffix(5))) \(i.event.summary)"
        }
    }

    // MARK: - Content lines

    @Test func foldedLinesAreJoinedWithCRLFOrLF() throws {
        for lf in [false, true] {
            let f = Self.file("BEGIN:VEVENT\nUID:a\nDTSTART:20261124T173000Z\nSUMMARY:Swift meetup\n  Berlin\n\tand friends\nEND:VEVENT", lf: lf)
            #expect(f.events.map(\.summary) == ["Swift meetup Berlinand friends"], "lf: \(lf)")
            #expect(f.problems.isEmpty)
        }
    }

    @Test func aDeepFoldingIsReadInLinearTime() {
        // A property folded over 200,000 physical lines (2 MB): joined once, not re-copied per line.
        var text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:deep\r\nDTSTART:20261124T173000Z\r\nDESCRIPTION:x"
        text += String(repeating: "\r\n y", count: 200_000)
        text += "\r\nSUMMARY:Still read\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let f = CalendarFile.parse(Array(text.utf8))
        #expect(f.events.first?.summary == "Still read")
        #expect(f.events.first?.description.utf8.count == 200_001)
    }

    @Test func textEscapesAreRead() {
        let f = Self.file(#"""
        BEGIN:VEVENT
        UID:e
        DTSTART:20261124T173000Z
        SUMMARY:Lunch\, then drinks\; Marc \\ Zoë\nsecond line\Nthird\:x \q
        LOCATION:Café Einstein\, Unter den Linden 42
        CATEGORIES:Meetup,Swift\, Server,Berlin
        CATEGORIES:Second
        END:VEVENT
        """#)
        let e = f.events.first
        #expect(e?.summary == "Lunch, then drinks; Marc \\ Zoë\nsecond line\nthird:x \\q")
        #expect(e?.location == "Café Einstein, Unter den Linden 42")
        #expect(e?.categories == ["Meetup", "Swift, Server", "Berlin", "Second"])
    }

    @Test func quotedParametersMayHoldColonsSemicolonsAndCommas() throws {
        let f = Self.file(#"""
        BEGIN:VEVENT
        UID:q
        DTSTART:20261124T173000Z
        ATTENDEE;CN="Doe, Jane; CTO: Platform";PARTSTAT=DECLINED;CUTYPE=individual:MAILTO:Jane.Doe@Example.COM
        ATTENDEE;CN="Room ^'Blue^' 4.12";CUTYPE=ROOM:mailto:blue@example.com
        ATTENDEE;EMAIL="kai@example.de";CN=Kai:urn:uuid:1234
        ORGANIZER;CN=Ana Li:mailto:ana@example.org
        END:VEVENT
        """#)
        let e = try #require(f.events.first)
        #expect(e.attendees.map(\.name) == ["Doe, Jane; CTO: Platform", "Room \"Blue\" 4.12", "Kai"])
        #expect(e.attendees.map(\.email) == ["jane.doe@example.com", "blue@example.com", "kai@example.de"])
        #expect(e.attendees.map(\.status) == ["DECLINED", nil, nil])
        #expect(e.attendees.map(\.isIndividual) == [true, false, true])
        #expect(e.organizer?.email == "ana@example.org")
    }

    @Test func aLineWithoutAColonIsSkippedAndNamed() {
        let f = Self.file("BEGIN:VEVENT\nUID:x\nDTSTART:20261124T173000Z\nTHIS IS NOT A PROPERTY\nSUMMARY:Kept\nEND:VEVENT")
        #expect(f.events.map(\.summary) == ["Kept"])
        #expect(f.problems == [CalendarProblem(line: 7, reason: "not a calendar property (no `:`); skipped")])
    }

    @Test func severalEventsInOneFile() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:1
        DTSTART:20261124T173000Z
        SUMMARY:One
        END:VEVENT
        BEGIN:VEVENT
        UID:2
        DTSTART:20261125T173000Z
        SUMMARY:Two
        END:VEVENT
        BEGIN:VTODO
        UID:3
        SUMMARY:A to-do is not an event
        END:VTODO
        """)
        #expect(f.events.map(\.summary) == ["One", "Two"])
        #expect(f.hasToDos)
        #expect(Self.instances(f) == ["2026-11-24 18:30–18:30 One", "2026-11-25 18:30–18:30 Two"])
    }

    @Test func anUnclosedComponentIsReadToTheEndAndNamed() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u\r\nDTSTART:20261124T173000Z\r\nSUMMARY:Cut off"
        let f = CalendarFile.parse(Array(text.utf8))
        #expect(f.events.map(\.summary) == ["Cut off"])
        #expect(f.problems.map(\.reason).contains("BEGIN:VEVENT is never closed; read to the end of the file"))
    }

    // MARK: - Times

    @Test func allDayUTCAndFloatingTimes() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:day
        DTSTART;VALUE=DATE:20261116
        DTEND;VALUE=DATE:20261118
        SUMMARY:Conference
        END:VEVENT
        BEGIN:VEVENT
        UID:oneday
        DTSTART;VALUE=DATE:20261120
        SUMMARY:No end: one day
        END:VEVENT
        BEGIN:VEVENT
        UID:utc
        DTSTART:20261119T110000Z
        DTEND:20261119T123000Z
        SUMMARY:Lunch (UTC)
        END:VEVENT
        BEGIN:VEVENT
        UID:floating
        DTSTART:20261119T153000
        DTEND:20261119T161500
        SUMMARY:Coffee (floating)
        END:VEVENT
        """)
        #expect(Self.instances(f) == [
            "2026-11-16–2026-11-18 Conference",
            "2026-11-19 12:00–13:30 Lunch (UTC)",
            "2026-11-19 15:30–16:15 Coffee (floating)",
            "2026-11-20–2026-11-21 No end: one day",
        ])
        // Floating times follow the reader's zone; the others do not move.
        let ny = TimeZone(identifier: "America/New_York")!
        #expect(Self.instances(f, zone: ny).contains("2026-11-19 15:30–16:15 Coffee (floating)"))
        #expect(Self.instances(f, zone: ny).contains("2026-11-19 06:00–07:30 Lunch (UTC)"))
    }

    @Test func durationWithoutDTEnd() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:d1
        DTSTART;TZID=Europe/Berlin:20261124T180000
        DURATION:PT1H30M
        SUMMARY:Talk
        END:VEVENT
        BEGIN:VEVENT
        UID:d2
        DTSTART;VALUE=DATE:20261127
        DURATION:P3D
        SUMMARY:Hackathon
        END:VEVENT
        BEGIN:VEVENT
        UID:d3
        DTSTART:20261128T090000Z
        DURATION:P1W
        SUMMARY:Sprint
        END:VEVENT
        """)
        #expect(Self.instances(f) == ["2026-11-24 18:00–19:30 Talk", "2026-11-27–2026-11-30 Hackathon", "2026-11-28 10:00–10:00 Sprint"])
        #expect(ICalValue.duration("P1W2DT3H4M5S") == 9 * 86_400 + 3 * 3600 + 4 * 60 + 5)
        #expect(ICalValue.duration("-PT15M") == -900)
        #expect(ICalValue.duration("P") == nil)
        #expect(ICalValue.duration("PT1H2D") == nil)
    }

    @Test func ianaZones() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:ny
        DTSTART;TZID=America/New_York:20261103T163000
        DTEND;TZID=America/New_York:20261103T183000
        SUMMARY:Dinner in New York
        END:VEVENT
        BEGIN:VEVENT
        UID:slashes
        DTSTART;TZID=/Europe/London/:20261103T090000
        SUMMARY:London
        END:VEVENT
        BEGIN:VEVENT
        UID:mozilla
        DTSTART;TZID=/mozilla.org/20050126_1/Asia/Tokyo:20261104T090000
        SUMMARY:Tokyo
        END:VEVENT
        """)
        #expect(Self.instances(f) == ["2026-11-03 10:00–10:00 London", "2026-11-03 22:30–00:30 Dinner in New York", "2026-11-04 01:00–01:00 Tokyo"])
        #expect(f.problems.isEmpty)
    }

    @Test func windowsZoneNamesWithoutAVTimezoneUseCLDR() {
        #expect(WindowsZones.table.count == 139)
        #expect(WindowsZones.iana("W. Europe Standard Time") == "Europe/Berlin")
        #expect(WindowsZones.iana("Pacific Standard Time") == "America/Los_Angeles")
        // Every IANA name of the table is one the system knows.
        #expect(WindowsZones.table.values.filter { ZoneRules.iana($0) == nil }.isEmpty)
        let f = Self.file("""
        BEGIN:VEVENT
        UID:pst
        DTSTART;TZID=Pacific Standard Time:20261104T090000
        DTEND;TZID=Pacific Standard Time:20261104T100000
        SUMMARY:Seattle call
        END:VEVENT
        """)
        #expect(Self.instances(f) == ["2026-11-04 18:00–19:00 Seattle call"])
    }

    /// A VTIMEZONE with its own name: its STANDARD/DAYLIGHT rules decide, as dateutil reads them
    /// (wall-clock onsets; before the first onset, the STANDARD offset).
    @Test func customVTimezoneRules() {
        let zone = """
        BEGIN:VTIMEZONE
        TZID:Office
        BEGIN:STANDARD
        DTSTART:16010101T030000
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010101T020000
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
        END:DAYLIGHT
        END:VTIMEZONE

        """
        let f = Self.file("""
        BEGIN:VEVENT
        UID:summer
        DTSTART;TZID=Office:20260715T120000
        SUMMARY:Summer
        END:VEVENT
        BEGIN:VEVENT
        UID:winter
        DTSTART;TZID=Office:20261115T120000
        SUMMARY:Winter
        END:VEVENT
        BEGIN:VEVENT
        UID:fold
        DTSTART;TZID=Office:20261025T023000
        SUMMARY:In the repeated hour
        END:VEVENT
        """, header: zone)
        #expect(f.zones.custom.keys.sorted() == ["vtimezone:Office"])
        let utc = TimeZone(identifier: "UTC")!
        #expect(Self.instances(f, zone: utc) == ["2026-07-15 10:00–10:00 Summer", "2026-10-25 00:30–00:30 In the repeated hour", "2026-11-15 11:00–11:00 Winter"])
    }

    /// A VTIMEZONE named like an IANA zone is read from the tz database; one named like a Windows
    /// zone is read from its own rules (as Python's `icalendar` does), here a fixed +05:00.
    @Test func aVTimezoneForAKnownNameDefersOrDecidesAsICalendarDoes() {
        let zone = """
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        BEGIN:STANDARD
        DTSTART:19700101T000000
        TZOFFSETFROM:+0900
        TZOFFSETTO:+0900
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VTIMEZONE
        TZID:W. Europe Standard Time
        BEGIN:STANDARD
        DTSTART:19700101T000000
        TZOFFSETFROM:+0500
        TZOFFSETTO:+0500
        END:STANDARD
        END:VTIMEZONE

        """
        let f = Self.file("""
        BEGIN:VEVENT
        UID:a
        DTSTART;TZID=Europe/Berlin:20261115T120000
        SUMMARY:Berlin from the tz database
        END:VEVENT
        BEGIN:VEVENT
        UID:b
        DTSTART;TZID=W. Europe Standard Time:20261115T120000
        SUMMARY:Windows name with its own rules
        END:VEVENT
        """, header: zone)
        #expect(Self.instances(f, zone: TimeZone(identifier: "UTC")!) == ["2026-11-15 07:00–07:00 Windows name with its own rules", "2026-11-15 11:00–11:00 Berlin from the tz database"])
    }

    @Test func anUnknownZoneIsReadAsLocalTimeAndNamed() {
        let f = Self.file("BEGIN:VEVENT\nUID:x\nDTSTART;TZID=Mars/Olympus:20261124T180000\nSUMMARY:Where?\nEND:VEVENT")
        #expect(Self.instances(f) == ["2026-11-24 18:00–18:00 Where?"])
        #expect(f.problems.map(\.reason) == ["time zone 'Mars/Olympus' is not known (not an IANA or Windows name, no VTIMEZONE in the file); its times are read as local time"])
        #expect(f.problems.map(\.line) == [6])
    }

    /// Spring forward: 02:30 does not exist and is read with the offset from before (03:30);
    /// fall back: 02:30 happens twice and is the first.
    @Test func timesInAClockChangeAreReadAsZoneinfoReadsThem() {
        let rules = ZoneRules.system(Self.berlin)
        let gap = Day(iso: "2026-03-29")!.ordinal * 86_400 + 2 * 3600 + 1800
        #expect(rules.utc(fromWall: gap) == gap - 3600)
        let fold = Day(iso: "2026-10-25")!.ordinal * 86_400 + 2 * 3600 + 1800
        #expect(rules.utc(fromWall: fold) == fold - 7200)
        #expect(rules.utc(fromWall: fold + 1800) == fold + 1800 - 3600)
    }

    /// Google's exports: with X-WR-TIMEZONE, UTC times are read in that zone, so a weekly meeting
    /// written in UTC keeps its local hour after the change to winter time.
    @Test func xWRTimezoneKeepsAUTCSeriesOnItsLocalHour() {
        let f = Self.file("BEGIN:VEVENT\nUID:w\nDTSTART:20261015T080000Z\nRRULE:FREQ=WEEKLY;COUNT=3\nSUMMARY:Weekly\nEND:VEVENT",
                          header: "X-WR-TIMEZONE:Europe/Berlin\n")
        #expect(Self.instances(f) == ["2026-10-15 10:00–10:00 Weekly", "2026-10-22 10:00–10:00 Weekly", "2026-10-29 10:00–10:00 Weekly"])
        let plain = Self.file("BEGIN:VEVENT\nUID:w\nDTSTART:20261015T080000Z\nRRULE:FREQ=WEEKLY;COUNT=3\nSUMMARY:Weekly\nEND:VEVENT")
        #expect(Self.instances(plain).last == "2026-10-29 09:00–09:00 Weekly")
    }

    // MARK: - What is skipped

    @Test func eventsThatCannotBeReadAreSkippedAndNamed() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:nostart
        SUMMARY:No start
        END:VEVENT
        BEGIN:VEVENT
        UID:badstart
        DTSTART:2026-11-24
        END:VEVENT
        BEGIN:VEVENT
        UID:backwards
        DTSTART:20261124T180000Z
        DTEND:20261124T170000Z
        END:VEVENT
        BEGIN:VEVENT
        UID:ok
        DTSTART:20261124T180000Z
        SUMMARY:Fine
        END:VEVENT
        """)
        #expect(f.events.map(\.uid) == ["ok"])
        #expect(f.problems.map(\.reason) == [
            "event 'nostart' has no DTSTART; skipped",
            "event 'badstart': DTSTART '2026-11-24' is not a date or date-time; skipped",
            "event 'backwards' ends before it starts; skipped",
        ])
    }

    /// Two events with one UID: the higher SEQUENCE is the event (an update sent twice).
    @Test func theHigherSequenceWins() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:same
        SEQUENCE:2
        DTSTART:20261124T180000Z
        SUMMARY:Updated
        END:VEVENT
        BEGIN:VEVENT
        UID:same
        SEQUENCE:1
        DTSTART:20261124T170000Z
        SUMMARY:Old
        END:VEVENT
        """)
        #expect(Self.instances(f) == ["2026-11-24 19:00–19:00 Updated"])
    }

    @Test func linksAndConferenceProperties() {
        let f = Self.file("""
        BEGIN:VEVENT
        UID:l
        DTSTART:20261124T180000Z
        X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij
        DESCRIPTION:Join: https://zoom.us/j/123456789?pwd=x (or call)
        LOCATION:Room 1
        END:VEVENT
        """)
        #expect(f.events.first?.links == ["https://meet.google.com/abc-defg-hij", "https://zoom.us/j/123456789?pwd=x"])
    }
}
