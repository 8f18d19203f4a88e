import Foundation
import Testing

/// `calendars:` in config.yaml as the built binary reads it: `doctor` names every calendar file
/// it cannot read and every line it skipped, with file and line; debrief's own follow-up files
/// (`followups --format ics --vdir` into the same folder) are recognised and never read as events.
@Suite struct CalendarDoctorCLITests {
    static let khal = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//PIMUTILS.ORG//NONSGML khal / icalendar //EN\r
    BEGIN:VEVENT\r
    SUMMARY:Coffee with Jonas\r
    DTSTART;TZID=Europe/Berlin:20261120T153000\r
    DTEND;TZID=Europe/Berlin:20261120T161500\r
    UID:coffee-jonas\r
    ATTENDEE;CN=Jonas Becker:mailto:jonas@example.com\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

    static let broken = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Example//EN\r
    BEGIN:VEVENT\r
    UID:every-zero-days\r
    DTSTART:20261101T090000Z\r
    RRULE:FREQ=DAILY;INTERVAL=0\r
    SUMMARY:Broken series\r
    END:VEVENT\r
    BEGIN:VEVENT\r
    UID:fine\r
    DTSTART:20261102T090000Z\r
    SUMMARY:Fine\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

    /// Writes config.yaml with `calendars` and `me`.
    static func configure(_ debrief: BinaryRunner, calendars: [String], me: [String] = ["ana@example.org"]) throws {
        try debrief.write("calendars:\n" + calendars.map { "  - \($0)\n" }.joined() + "me: [\(me.joined(separator: ", "))]\n",
                          to: debrief.config + "/debrief/config.yaml")
    }

    @Test func doctorNamesCalendarProblemsWithFileAndLine() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Coffee\ndate: 2026-11-20 15:30\nfollow-ups:\n  - who: Jonas\n    action: Send the link\n    due: 2026-11-27\n")
        let vdir = debrief.root + "/calendars/personal"
        try debrief.write(Self.khal, to: vdir + "/coffee-jonas.ics")
        try debrief.write(Self.broken, to: vdir + "/broken.ics")
        try debrief.write("not a calendar at all\n", to: vdir + "/notes.txt")
        try debrief.write(Self.broken, to: vdir + "/.hidden.ics")
        // debrief's own follow-ups, synced into the same folder.
        let synced = try debrief.run(["followups", "--format", "ics", "--output", vdir, "--vdir"])
        #expect(synced.status == 0, "\(synced.stderr)")
        let before = try FileManager.default.contentsOfDirectory(atPath: vdir).sorted()
        #expect(before.count == 5, "\(before)")
        try Self.configure(debrief, calendars: [vdir, debrief.root + "/missing.ics"])

        let r = try debrief.run(["doctor"])
        #expect(r.status == 1)
        #expect(r.stdout == """
        \(vdir)/broken.ics:7: event 'every-zero-days': RRULE INTERVAL=0 must be a whole number of 1 or more; the series is skipped
        \(debrief.root)/missing.ics:1: does not exist (a path of `calendars:` in config.yaml)

        """)
        #expect(r.stderr.contains("calendars: 2 files read, 2 events (1 file of debrief's own follow-ups left out), 2 problems"), "\(r.stderr)")
        // Read, never written.
        #expect(try FileManager.default.contentsOfDirectory(atPath: vdir).sorted() == before)
        #expect(try String(contentsOfFile: vdir + "/broken.ics", encoding: .utf8) == Self.broken)

        // Without calendars, doctor says nothing about them.
        try debrief.write("me: [ana@example.org]\n", to: debrief.config + "/debrief/config.yaml")
        let plain = try debrief.run(["doctor"])
        #expect(plain.status == 0, "\(plain.stdout)")
        #expect(!plain.stderr.contains("calendars:"))
    }

    /// Config problems in the calendar keys are reported with file and line, and the command runs.
    @Test func badCalendarSettingsAreReportedAndTheRestWorks() throws {
        let debrief = try BinaryRunner()
        try debrief.write("calendars:\n  - [a, b]\nme: [not an address]\npending-days: 1000\n", to: debrief.config + "/debrief/config.yaml")
        let r = try debrief.run(["doctor"])
        #expect(r.status == 0)
        let file = debrief.config + "/debrief/config.yaml"
        #expect(r.stderr.contains("debrief: \(file):2: `calendars` lists one path per item, not a list or map; that item is ignored"), "\(r.stderr)")
        #expect(r.stderr.contains("debrief: \(file):3: `me`: 'not an address' is not an e-mail address (name@domain); ignored"))
        #expect(r.stderr.contains("debrief: \(file):4: `pending-days` must be a whole number of days from 1 to 365, not '1000'; using 14"))
    }
}
