import Foundation
import Testing

/// `debrief pending` as the built binary: each rule that includes or excludes an event, matching a
/// reflection by key and by the two fallbacks, skip/unskip in the journal, the JSON items and the
/// exit codes. The clock is Thursday 2026-11-26 10:00 in Berlin.
@Suite struct PendingCLITests {
    /// One VEVENT; `extra` holds any further content lines (CRLF added).
    static func event(_ uid: String, _ summary: String, start: String, end: String, _ extra: [String] = []) -> String {
        (["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20261101T000000Z", "SUMMARY:\(summary)",
          "DTSTART;TZID=Europe/Berlin:\(start)", "DTEND;TZID=Europe/Berlin:\(end)"] + extra + ["END:VEVENT"])
            .map { $0 + "\r\n" }.joined()
    }

    static func calendar(_ events: String...) -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + events.joined() + "END:VCALENDAR\r\n"
    }

    static let me = "ATTENDEE;CN=Ana Li;PARTSTAT=ACCEPTED:mailto:ana@example.org"

    /// config.yaml with `calendars` and `me: [ana@example.org]`.
    static func configureDefault(_ debrief: BinaryRunner, calendars: [String]) throws {
        try debrief.write("calendars:\n" + calendars.map { "  - \($0)\n" }.joined() + "me: [ana@example.org]\n",
                          to: debrief.config + "/debrief/config.yaml")
    }

    /// A vdir of events, each exercising one rule, and an Outlook-like export holding one of them again.
    static func seed(_ debrief: BinaryRunner) throws -> (vdir: String, export: String) {
        let vdir = debrief.root + "/calendars/work"
        let files: [(String, String)] = [
            // Waits: another person.
            ("lunch", event("lunch-marc", "Lunch with Marc Weber", start: "20261124T120000", end: "20261124T130000",
                            [me, "ATTENDEE;CN=Marc Weber;PARTSTAT=ACCEPTED:mailto:marc.weber@example.com", "LOCATION:Café Eins"])),
            // Waits: a networking word, nobody else.
            ("meetup", event("swift-meetup", "Swift Meetup Berlin", start: "20261120T183000", end: "20261120T210000",
                             ["LOCATION:Factory Görlitzer Park"])),
            // Not worth a reflection: alone, no networking word.
            ("dentist", event("dentist", "Dentist", start: "20261123T090000", end: "20261123T100000")),
            // A busy block with someone on it.
            ("focus", event("focus", "Focus time", start: "20261123T140000", end: "20261123T160000",
                            [me, "ATTENDEE:mailto:bo@example.com"])),
            // Free time, with someone.
            ("free", event("free", "Hold for Bo", start: "20261123T170000", end: "20261123T173000",
                           ["TRANSP:TRANSPARENT", "ATTENDEE:mailto:bo@example.com"])),
            // A recurring stand-up with others.
            ("standup", event("standup", "Team stand-up", start: "20261116T093000", end: "20261116T094500",
                              ["RRULE:FREQ=DAILY;COUNT=20", me, "ATTENDEE;CN=Kai Berg:mailto:kai@example.com"])),
            // Declined by me.
            ("declined", event("declined", "Dinner with Bo", start: "20261122T190000", end: "20261122T220000",
                               ["ATTENDEE;CN=Ana Li;PARTSTAT=DECLINED:mailto:ana@example.org", "ATTENDEE:mailto:bo@example.com"])),
            // Cancelled.
            ("cancelled", event("cancelled", "Coffee with Kai", start: "20261125T150000", end: "20261125T153000",
                                ["STATUS:CANCELLED", "ATTENDEE:mailto:kai@example.com"])),
            // Not over yet (today, later).
            ("later", event("later", "Lunch with Lena", start: "20261126T120000", end: "20261126T130000",
                            ["ATTENDEE;CN=Lena Koch:mailto:lena@example.com"])),
            // Too old for 14 days, in for 30.
            ("old", event("old", "Coffee with Tom", start: "20261101T100000", end: "20261101T110000",
                          ["ATTENDEE;CN=Tom Berg:mailto:tom@example.com"])),
            // Reflected, by key.
            ("jonas", event("coffee-jonas", "Coffee with Jonas", start: "20261123T153000", end: "20261123T161500",
                            ["ATTENDEE;CN=Jonas Becker:mailto:jonas@example.com"])),
            // Reflected, by title (2 of the 3 significant words: workshop, kubernetes, basics).
            ("workshop", event("workshop", "Workshop: Kubernetes basics", start: "20261125T100000", end: "20261125T120000")),
            // Reflected, by a person within two hours of the start (the title says nothing).
            ("breakfast", event("breakfast", "Breakfast", start: "20261119T080000", end: "20261119T090000",
                                ["ATTENDEE;CN=Tom Berg:mailto:tom@example.com"])),
        ]
        for (name, text) in files { try debrief.write(calendar(text), to: vdir + "/\(name).ics") }
        // The lunch again, through a second calendar (the same UID counts once).
        let export = try debrief.write(calendar(files[0].1, event("conf", "Berlin Tech Summit", start: "20261118T090000",
                                                                  end: "20261118T180000")),
                                       to: debrief.root + "/calendars/export.ics")
        try configureDefault(debrief, calendars: [vdir, export])

        // The reflections.
        let jonas = try debrief.add("title: Coffee\ndate: 2026-11-23 15:30\n")
        var text = try String(contentsOfFile: jonas.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nid: ", with: "\nevent: coffee-jonas\nid: ")
        try debrief.write(text, to: jonas.path)
        try debrief.add("title: Kubernetes workshop, lots learnt\ndate: 2026-11-25 11:00\n")
        try debrief.add("title: Morning\ndate: 2026-11-19 09:30\npeople:\n  - name: tom berg\n")
        return (vdir, export)
    }

    static func keys(_ r: BinaryRunner.Result) throws -> [String] {
        try BinaryRunner.objects(r.stdout).map { try #require($0["key"] as? String) }
    }

    @Test func eachRuleIncludesOrExcludes() throws {
        let debrief = try BinaryRunner()
        let (vdir, export) = try Self.seed(debrief)
        let r = try debrief.run(["pending", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.keys(r) == ["lunch-marc", "swift-meetup", "conf"], "\(r.stdout)")
        let items = try BinaryRunner.objects(r.stdout)
        try #require(items.count == 3)
        let lunch = try #require(items.first)
        #expect(lunch["title"] as? String == "Lunch with Marc Weber")
        #expect(lunch["start"] as? String == "2026-11-24T12:00:00+01:00")
        #expect(lunch["end"] as? String == "2026-11-24T13:00:00+01:00")
        #expect(lunch["location"] as? String == "Café Eins")
        #expect(lunch["people"] as? [String] == ["Marc Weber"])
        #expect(lunch["kind"] as? String == "one-on-one")
        #expect(lunch["calendar"] as? String == vdir)
        #expect(items[1]["kind"] as? String == "meetup")
        #expect(items[2]["kind"] as? String == "conference")
        #expect(items[2]["calendar"] as? String == export)

        // Thirty days reach the old coffee.
        let month = try debrief.run(["pending", "--days", "30", "--format", "json"])
        #expect(try Self.keys(month) == ["lunch-marc", "swift-meetup", "conf", "old"])

        // Text: newest first, with people, place, kind and key.
        let text = try debrief.run(["pending"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("""
        Tue 2026-11-24 12:00–13:00  Lunch with Marc Weber
          with Marc Weber · at Café Eins · one-on-one
          key: lunch-marc
        Fri 2026-11-20 18:30–21:00  Swift Meetup Berlin
        """), "\(text.stdout)")
        #expect(text.stderr.contains("3 events await a reflection"), "\(text.stderr)")
        #expect(text.stdout.contains("Wed 2026-11-18 09:00–18:00  Berlin Tech Summit"), "\(text.stdout)")
    }

    @Test func skipAndUnskipAreKeptInTheJournal() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        let skip = try debrief.run(["pending", "skip", "swift-meetup"])
        #expect(skip.status == 0, "\(skip.stderr)")
        let file = debrief.journal + "/skipped-events.txt"
        let skipped = try String(contentsOfFile: file, encoding: .utf8)
        #expect(skipped.hasSuffix("\nswift-meetup\n"))
        #expect(try Self.keys(try debrief.run(["pending", "--format", "json"])) == ["lunch-marc", "conf"])
        // Twice is once.
        #expect(try debrief.run(["pending", "skip", "swift-meetup"]).stderr.contains("already skipped"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == skipped)

        // A line the user wrote stays byte for byte; unskip removes only the key's line.
        try debrief.write(skipped + "# my note\r\nconf\n", to: file)
        let both = try debrief.run(["pending", "--format", "json"])
        #expect(try Self.keys(both) == ["lunch-marc"], "\(both.stdout)\(both.stderr)")
        let unskip = try debrief.run(["pending", "unskip", "swift-meetup"])
        #expect(unskip.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == skipped.replacingOccurrences(of: "swift-meetup\n", with: "") + "# my note\r\nconf\n")
        #expect(try Self.keys(try debrief.run(["pending", "--format", "json"])) == ["lunch-marc", "swift-meetup"])
        #expect(try debrief.run(["pending", "unskip", "swift-meetup"]).stderr.contains("was not skipped"))

        // A key that cannot be a line is refused.
        let bad = try debrief.run(["pending", "skip", "a\nb"])
        #expect(bad.status == 64, "\(bad.stderr)")
    }

    /// A key that no event of the calendars has (a typo, a key from another machine's calendars)
    /// is refused, naming it, and the skip list is left as it was: before, any key was added to it
    /// silently, exit 0. An event as old as `--days` reaches can be skipped; `unskip` takes any key
    /// (an event can leave the calendars after its skip); without calendars there is nothing to skip.
    @Test func skippingAKeyNoEventHasFails() throws {
        let debrief = try BinaryRunner()
        let (vdir, _) = try Self.seed(debrief)
        let file = debrief.journal + "/skipped-events.txt"
        let typo = try debrief.run(["pending", "skip", "lunch-mark"])
        #expect(typo.status == 66, "\(typo.stderr)")
        #expect(typo.stderr == "debrief: no event has the key 'lunch-mark' in the calendars within the last 3660 days or the next 400; "
                + "`debrief pending` lists the keys\n", "\(typo.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))

        // Two years old: listed with --days 1000, so it can be skipped.
        try debrief.write(Self.calendar(Self.event("ancient", "Coffee with Bo", start: "20241120T100000", end: "20241120T110000",
                                                   ["ATTENDEE;CN=Bo Lind:mailto:bo@example.com"])), to: vdir + "/ancient.ics")
        #expect(try Self.keys(try debrief.run(["pending", "--days", "1000", "--format", "json"])).contains("ancient"))
        let old = try debrief.run(["pending", "skip", "ancient"])
        #expect(old.status == 0, "\(old.stderr)")
        #expect(!(try Self.keys(try debrief.run(["pending", "--days", "1000", "--format", "json"]))).contains("ancient"))

        // Gone from the calendars after its skip: unskip still works.
        try FileManager.default.removeItem(atPath: vdir + "/ancient.ics")
        let unskip = try debrief.run(["pending", "unskip", "ancient"])
        #expect(unskip.status == 0 && unskip.stderr.contains("No longer skipped: ancient."), "\(unskip.stderr)")

        // No calendars: a usage error, and nothing written.
        let list = try String(contentsOfFile: file, encoding: .utf8)
        try debrief.write("me: [ana@example.org]\n", to: debrief.config + "/debrief/config.yaml")
        let none = try debrief.run(["pending", "skip", "lunch-marc"])
        #expect(none.status == 64, "\(none.stderr)")
        #expect(none.stderr.hasPrefix("debrief: no calendars to read, so no event to skip; list them under `calendars:` in "), "\(none.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == list)
    }

    /// `pending` walks only the month folders of its window (entries of older months cannot reflect
    /// its events), with the same answers as a walk of everything: a reflection filed in the window's
    /// month is found, old months are not listed, and a file outside the `YYYY/MM` folders (which
    /// could be a reflection) makes it walk everything, with the index and without.
    @Test func onlyTheWindowsMonthFoldersAreWalked() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        // Older months, one of them with an entry that would reflect the lunch by key if its day counted.
        for month in 1...9 {
            try debrief.write("---\nschema: 1\nid: 2026-0\(month)-24-1200-old\ncreated: 2026-0\(month)-24T13:00:00+01:00\n"
                              + "updated: 2026-0\(month)-24T13:00:00+01:00\ntitle: Old \(month)\ndate: 2026-0\(month)-24T12:00:00+01:00\n"
                              + (month == 9 ? "event: lunch-marc\n" : "") + "---\n",
                              to: debrief.journal + "/entries/2026/0\(month)/2026-0\(month)-24-1200-old.md")
        }
        let trace = debrief.root + "/trace"
        // A run with DEBRIEF_TRACE (which appends) to a fresh file: its result and its trace.
        func traced(_ args: [String]) throws -> (BinaryRunner.Result, String) {
            try? FileManager.default.removeItem(atPath: trace)
            let r = try debrief.run(args, env: ["DEBRIEF_TRACE": trace])
            return (r, try String(contentsOfFile: trace, encoding: .utf8))
        }
        let (r, listed) = try traced(["pending", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.keys(r) == ["lunch-marc", "swift-meetup", "conf"], "\(r.stdout)")
        // 14 days back from 2026-11-26: November only (entries/, 2026, 2026/11).
        #expect(listed.contains("store: 3 files listed in the window's 3 folders\n"), "\(listed)")
        let off = try debrief.run(["pending", "--format", "json"], env: ["DEBRIEF_INDEX": "off"])
        #expect(off.stdout == r.stdout && off.stderr == r.stderr)
        // 60 days: September (no October folder) and November, where the old September entry does
        // not reflect the lunch (its day is out of reach).
        let (wide, wideListed) = try traced(["pending", "--days", "60", "--format", "json"])
        #expect(try Self.keys(wide) == ["lunch-marc", "swift-meetup", "conf", "old"], "\(wide.stdout)")
        #expect(wideListed.contains("store: 4 files listed in the window's 4 folders\n"), "\(wideListed)")

        // A reflection of the lunch filed elsewhere: everything is walked, and it counts.
        try debrief.write("---\nschema: 1\nid: 2026-11-24-1300-lunch\ncreated: 2026-11-24T14:00:00+01:00\n"
                          + "updated: 2026-11-24T14:00:00+01:00\ntitle: Lunch\ndate: 2026-11-24T13:00:00+01:00\nevent: lunch-marc\n---\n",
                          to: debrief.journal + "/entries/imported/2026-11-24-1300-lunch.md")
        let (elsewhere, all) = try traced(["pending", "--format", "json"])
        #expect(try Self.keys(elsewhere) == ["swift-meetup", "conf"], "\(elsewhere.stdout)")
        #expect(all.contains("store: 13 files listed\n"), "\(all)")
        let elsewhereOff = try debrief.run(["pending", "--format", "json"], env: ["DEBRIEF_INDEX": "off"])
        #expect(elsewhereOff.stdout == elsewhere.stdout && elsewhereOff.stderr == elsewhere.stderr)
    }

    @Test func quietExitsOneWhenSomethingWaits() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        let waiting = try debrief.run(["pending", "--quiet"])
        #expect(waiting.status == 1)
        #expect(waiting.stdout.isEmpty && waiting.stderr.isEmpty)
        // Nothing ended within the last day.
        let none = try debrief.run(["pending", "--quiet", "--days", "1"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty && none.stderr.isEmpty)
        #expect(try debrief.run(["pending", "--days", "0"]).status == 64)
    }

    /// A calendar user's first command may be `pending` or `brief`, before any entry: a journal
    /// folder that does not exist yet is a journal with nothing reflected (every qualifying event
    /// waits; nobody is known), never an error, and a read does not create it.
    @Test func noJournalYetMeansNothingReflected() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        try FileManager.default.removeItem(atPath: debrief.journal)
        let r = try debrief.run(["pending", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        // The three reflected in the seeded journal wait too.
        #expect(try Self.keys(r) == ["workshop", "lunch-marc", "coffee-jonas", "swift-meetup", "breakfast", "conf"], "\(r.stdout)")
        let text = try debrief.run(["pending"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Lunch with Marc Weber"), "\(text.stdout)")
        #expect(try debrief.run(["pending", "--quiet"]).status == 1)
        let off = try debrief.run(["pending", "--format", "json"], env: ["DEBRIEF_INDEX": "off"])
        #expect(off.status == 0 && off.stdout == r.stdout, "\(off.stderr)")
        // brief: by key, everyone is new; without an argument, nobody known is coming.
        let brief = try debrief.run(["brief", "lunch-marc"])
        #expect(brief.status == 0, "\(brief.stderr)")
        #expect(brief.stdout.contains("Marc Weber · new: not in your journal yet"), "\(brief.stdout)")
        let next = try debrief.run(["brief", "--format", "json"])
        #expect(next.status == 0 && next.stdout == "null\n", "\(next.stdout) \(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: debrief.journal), "a read created the journal folder")
        // A path that is not a folder is still an error.
        try debrief.write("not a journal", to: debrief.journal)
        #expect(try debrief.run(["pending"]).status == 66)
    }

    /// Skipping is a write: before the journal folder exists, `pending skip` creates it (as `add`
    /// does, and says so) and remembers the skip; `unskip` works there too.
    @Test func skipBeforeTheJournalExistsCreatesIt() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        try FileManager.default.removeItem(atPath: debrief.journal)
        let skip = try debrief.run(["pending", "skip", "lunch-marc"])
        #expect(skip.status == 0, "\(skip.stderr)")
        #expect(skip.stderr.contains("Created the journal folder \(debrief.journal)"), "\(skip.stderr)")
        let file = debrief.journal + "/skipped-events.txt"
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasSuffix("\nlunch-marc\n"))
        #expect(!(try Self.keys(try debrief.run(["pending", "--format", "json"]))).contains("lunch-marc"))
        let unskip = try debrief.run(["pending", "unskip", "lunch-marc"])
        #expect(unskip.status == 0, "\(unskip.stderr)")
        #expect(try Self.keys(try debrief.run(["pending", "--format", "json"])).contains("lunch-marc"))
        // unskip before the folder exists: nothing was skipped, and the answer says so.
        try FileManager.default.removeItem(atPath: debrief.journal)
        let again = try debrief.run(["pending", "unskip", "lunch-marc"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("lunch-marc was not skipped; nothing changed."), "\(again.stderr)")
    }

    /// The skip list is written by replacing it, so a skip list that is a symbolic link (or one
    /// name of a hard-linked file) is refused, naming the list, never the entry the shared advice
    /// named before ("to edit the entry with debrief"), and the linked file is left as it was.
    @Test func aLinkedSkipListIsRefusedAndNamedAsTheList() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        let file = debrief.journal + "/skipped-events.txt", outside = try debrief.write("# mine\n", to: "outside.txt")
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: outside)
        let viaLink = try debrief.run(["pending", "skip", "lunch-marc"])
        #expect(viaLink.status == 65, "\(viaLink.stderr)")
        #expect(viaLink.stderr.contains("to edit the list of skipped events with debrief, replace the link with the file itself"),
                "\(viaLink.stderr)")
        #expect(!viaLink.stderr.contains("the entry"), "\(viaLink.stderr)")
        try FileManager.default.removeItem(atPath: file)
        try FileManager.default.linkItem(atPath: outside, toPath: file)
        let viaHardLink = try debrief.run(["pending", "skip", "lunch-marc"])
        #expect(viaHardLink.status == 65, "\(viaHardLink.stderr)")
        #expect(viaHardLink.stderr.contains("split it into two files, the other names keeping the old text): keep one name to edit it with debrief\n"),
                "\(viaHardLink.stderr)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "# mine\n")
    }

    @Test func withoutCalendarsItSaysWhere() throws {
        let debrief = try BinaryRunner()
        let r = try debrief.run(["pending"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("No calendars to read"), "\(r.stderr)")
        #expect(try debrief.run(["pending", "--quiet"]).status == 0)
        #expect(try debrief.run(["pending", "--format", "json"]).stdout == "[]\n")
    }

    /// The catalog's `events:` rules are data: an override asks about a recurring stand-up, and a
    /// kind guess that is not an option of the kind prompt is refused with its file and line.
    @Test func theRulesAreTheCatalogs() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        try debrief.write("schema: 1\nevents:\n  recurring-words: [stand-up]\n", to: debrief.promptsDirectory + "/events.yaml")
        let keys = try Self.keys(try debrief.run(["pending", "--format", "json"]))
        // 09:30 in Berlin is 08:30 UTC: the instance's original start.
        #expect(keys.contains("standup/20261126T083000Z") && keys.contains("standup/20261116T083000Z"), "\(keys)")
        #expect(!keys.contains("standup/20261127T083000Z"), "not over yet")
        try debrief.write("schema: 1\nevents:\n  kinds:\n    - kind: picnic\n      words: [park]\n", to: debrief.promptsDirectory + "/events.yaml")
        let check = try debrief.run(["prompts", "check"])
        #expect(check.status != 0)
        #expect(check.status == 65)
        #expect(check.stdout.contains("events.yaml:4: kind guess `picnic` is not an option of the `kind` prompt"), "\(check.stdout)")
    }

    /// The index caches events; what it answers is what the files say, after a change, a removal,
    /// and with the index turned off.
    @Test func theCacheFollowsTheFiles() throws {
        let debrief = try BinaryRunner()
        let (vdir, _) = try Self.seed(debrief)
        #expect(try Self.keys(try debrief.run(["pending", "--format", "json"])) == ["lunch-marc", "swift-meetup", "conf"])
        // The dentist gets a companion; the meetup goes away.
        try debrief.write(Self.calendar(Self.event("dentist", "Dentist", start: "20261123T090000", end: "20261123T100000",
                                                   ["ATTENDEE;CN=Dr Who:mailto:who@example.com"])), to: vdir + "/dentist.ics")
        try FileManager.default.removeItem(atPath: vdir + "/meetup.ics")
        let after = try debrief.run(["pending", "--format", "json"])
        #expect(try Self.keys(after) == ["lunch-marc", "dentist", "conf"])
        let plain = try debrief.run(["pending", "--format", "json"], env: ["DEBRIEF_INDEX": "off"])
        #expect(plain.stdout == after.stdout)
    }
}
