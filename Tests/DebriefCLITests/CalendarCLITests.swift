import Foundation
import Testing

/// `followups --format ics` and `export --format ics` as the built binary, read back by Python's
/// `icalendar` package; vdir folders kept in step.
@Suite struct CalendarCLITests {
    static let action = "Send the slides, the benchmark link; then call back \\ and write the long summary of why tail latency matters 👋"

    /// One entry with an open follow-up holding a comma, a semicolon, a backslash and a long
    /// Unicode text, a done one, and one without a due date.
    static func seed(_ debrief: BinaryRunner) throws -> String {
        try debrief.add("""
        title: "Swift meetup, Berlin; 2026"
        date: 2026-11-24 18:30
        follow-ups:
          - who: Zoë Brandt
            action: "\(action.replacingOccurrences(of: "\\", with: "\\\\"))"
            due: 2026-11-27
          - who: Ana Li
            action: Intro to Bo
            due: 2026-11-25
            done: 2026-11-25
          - who: Kai
            action: Someday
        """).id
    }

    static func uids(_ ics: String) -> [String] {
        ics.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
    }

    /// The calendar's physical lines: every one ends with CRLF and is at most 75 octets.
    static func expectWellFormed(_ ics: String) {
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") }, "a line break other than CRLF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "a line longer than 75 octets")
    }

    // MARK: - With a real parser

    /// Reads a calendar with `icalendar` and prints one JSON object per item.
    static let parser = """
    import json, sys, icalendar
    cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
    out = []
    for c in cal.walk():
        if c.name not in ('VEVENT', 'VTODO'):
            continue
        item = {'type': c.name}
        for key in ('UID', 'SUMMARY', 'DESCRIPTION', 'STATUS'):
            if key in c:
                item[key] = str(c[key])
        for key in ('DTSTART', 'DTEND', 'DUE', 'DTSTAMP', 'COMPLETED'):
            if key in c:
                item[key] = c[key].dt.isoformat()
        out.append(item)
    print(json.dumps({'prodid': str(cal['PRODID']), 'version': str(cal['VERSION']), 'items': out}))
    """

    func parse(_ ics: String, _ debrief: BinaryRunner, bin: String) throws -> (root: [String: Any], items: [[String: String]]) {
        let file = try debrief.write(ics, to: "calendar-\(UUID().uuidString).ics")
        let script = try debrief.write(Self.parser, to: "parse.py")
        let r = try Subprocess.run(bin + "/python", [script, file])
        try #require(r.status == 0, "icalendar could not read it: \(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let items = try #require(root["items"] as? [[String: String]])
        return (root, items)
    }

    @Test(.enabled(if: PythonVenv.icalendar != nil, "icalendar cannot be installed with pip here (no PyPI?); skipped"))
    func eventsLoadInARealCalendarParser() throws {
        let bin = try #require(PythonVenv.icalendar)
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        let r = try debrief.run(["followups", "--format", "ics", "--all"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "1 follow-up has no due date and is not in the calendar; --ics-kind todo includes it\n")
        Self.expectWellFormed(r.stdout)
        #expect(r.stdout.contains("\r\n "), "the long summary is folded")
        let (root, items) = try parse(r.stdout, debrief, bin: bin)
        #expect(root["version"] as? String == "2.0")
        #expect(items.map { $0["type"] } == ["VEVENT", "VEVENT"])
        // Soonest due first: the done intro (due 11-25), then the slides (11-27).
        #expect(items.map { $0["SUMMARY"] } == ["Ana Li: Intro to Bo", "Zoë Brandt: " + Self.action])
        #expect(items.map { $0["DTSTART"] } == ["2026-11-25", "2026-11-27"])
        #expect(items.map { $0["DTEND"] } == ["2026-11-26", "2026-11-28"])
        #expect(items.allSatisfy { $0["DTSTAMP"] == "2026-11-26T09:00:00+00:00" })
        #expect(items[1]["DESCRIPTION"] == "Follow-up from Swift meetup, Berlin; 2026 (2026-11-24 18:30).\nMark it done with: debrief done \(id) 1")
        #expect(items[0]["DESCRIPTION"]?.contains("Done 2026-11-25.") == true)
        #expect(Set(items.compactMap { $0["UID"] }).count == 2)
        // Without --all, the done one is left out.
        let open = try parse(try debrief.run(["followups", "--format", "ics"]).stdout, debrief, bin: bin).items
        #expect(open.map { $0["SUMMARY"] } == ["Zoë Brandt: " + Self.action])
    }

    @Test(.enabled(if: PythonVenv.icalendar != nil, "icalendar cannot be installed with pip here (no PyPI?); skipped"))
    func todosLoadInARealCalendarParser() throws {
        let bin = try #require(PythonVenv.icalendar)
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        let r = try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        Self.expectWellFormed(r.stdout)
        let items = try parse(r.stdout, debrief, bin: bin).items
        #expect(items.map { $0["type"] } == ["VTODO", "VTODO", "VTODO"])
        #expect(items.map { $0["SUMMARY"] } == ["Ana Li: Intro to Bo", "Zoë Brandt: " + Self.action, "Kai: Someday"])
        #expect(items.map { $0["STATUS"] } == ["COMPLETED", "NEEDS-ACTION", "NEEDS-ACTION"])
        #expect(items.map { $0["DUE"] } == ["2026-11-25", "2026-11-27", nil])
        #expect(items[0]["COMPLETED"] == "2026-11-24T23:00:00+00:00")
        // export --format ics writes the same calendar for the same entries.
        let export = try debrief.run(["export", "--format", "ics", "--ics-kind", "todo", "--all"])
        #expect(export.stdout == r.stdout)
    }

    // MARK: - UIDs

    /// A follow-up keeps its UID when its entry is renamed and its list reordered.
    @Test func uidsSurviveARenameAndAReorder() throws {
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        let before = Self.uids(try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all"]).stdout)
        #expect(before.count == 3)
        let path = try #require(debrief.entryFiles().first)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // The rows as written, each from its `  - who:` line; the last (Kai) moves first, and the
        // entry gets a new name and title.
        let head = try #require(text.components(separatedBy: "follow-ups:\n").first)
        let rows = try #require(text.components(separatedBy: "follow-ups:\n").last).replacingOccurrences(of: "---\n", with: "")
            .components(separatedBy: "  - ").dropFirst().map { "  - " + $0 }
        #expect(rows.count == 3)
        let renamedID = "2026-11-24-1830-renamed"
        let rewritten = head.replacingOccurrences(of: "id: \(id)", with: "id: \(renamedID)")
            .replacingOccurrences(of: "title: Swift meetup, Berlin; 2026\n", with: "title: Renamed\n")
            + "follow-ups:\n" + rows[2] + rows[0] + rows[1] + "---\n"
        try FileManager.default.removeItem(atPath: path)
        try debrief.write(rewritten, to: path.replacingOccurrences(of: id, with: renamedID))
        let moved = try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.replacingOccurrences(of: "\r\n ", with: "").contains("SUMMARY:Kai: Someday\r\nDESCRIPTION:Follow-up from Renamed (2026-11-24 18:30).\\nMark it done with: debrief done 2026-11-24-1830-renamed 1\r\n"),
                "Kai is first in the renamed entry now:\n\(moved.stdout)")
        #expect(Set(Self.uids(moved.stdout)) == Set(before))
    }

    // MARK: - vdir

    @Test func vdirIsKeptInStep() throws {
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        let folder = debrief.root + "/calendars/debrief"
        try debrief.write("BEGIN:VCALENDAR\r\nPRODID:-//Phone//EN\r\nEND:VCALENDAR\r\n", to: folder + "/phone-event@debrief.ics")
        try debrief.write("not a calendar", to: folder + "/notes.txt")
        let args = ["followups", "--format", "ics", "--ics-kind", "todo", "--output", folder, "--vdir"]
        let first = try debrief.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "\(folder): 2 written, 0 removed, 0 unchanged\n")
        let ours = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "phone-event@debrief.ics" && $0 != "notes.txt" }.sorted()
        #expect(ours.count == 2)
        for name in ours {
            let ics = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            Self.expectWellFormed(ics)
            #expect(Self.uids(ics) == [String(name.dropLast(4))], "a vdir file is named after its UID")
        }
        let stamp = try FileManager.default.attributesOfItem(atPath: folder + "/" + ours[0])[.modificationDate] as? Date
        let again = try debrief.run(args)
        #expect(again.stderr == "\(folder): 0 written, 0 removed, 2 unchanged\n")
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/" + ours[0])[.modificationDate] as? Date == stamp)

        // Done: its file goes; the others and the phone's files stay.
        #expect(try debrief.run(["done", id, "1"]).status == 0)
        let afterDone = try debrief.run(args)
        #expect(afterDone.stderr == "\(folder): 0 written, 1 removed, 1 unchanged\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left.count == 3)
        #expect(left.contains("phone-event@debrief.ics") && left.contains("notes.txt"))
        // Reopened with a new due date: written again, with the same name.
        #expect(try debrief.run(["undone", id, "1"]).status == 0)
        let back = try debrief.run(args)
        #expect(back.stderr == "\(folder): 1 written, 0 removed, 1 unchanged\n")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)).isSuperset(of: ours))
        // Deleting the entry removes every one of its files.
        try FileManager.default.removeItem(atPath: try #require(debrief.entryFiles().first))
        let gone = try debrief.run(args)
        #expect(gone.stderr == "\(folder): 0 written, 2 removed, 0 unchanged\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["notes.txt", "phone-event@debrief.ics"])
    }

    /// An entry file copied as a template keeps the original's follow-up ids: the calendar still
    /// holds one item per follow-up with distinct UIDs, and the vdir one file each (it kept two of
    /// four, saying "2 written").
    @Test func aCopiedEntryKeepsEveryFollowUpInTheCalendar() throws {
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        let path = try #require(debrief.entryFiles().first)
        let copyID = "2026-11-25-1830-copy"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try debrief.write(text.replacingOccurrences(of: "id: \(id)", with: "id: \(copyID)")
            .replacingOccurrences(of: "date: 2026-11-24T18:30", with: "date: 2026-11-25T18:30"),
                          to: path.replacingOccurrences(of: id, with: copyID))
        let todos = try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all"])
        #expect(todos.status == 0, "\(todos.stderr)")
        let uids = Self.uids(todos.stdout)
        #expect(uids.count == 6)
        #expect(Set(uids).count == 6, "\(uids)")
        let folder = debrief.root + "/calendars/debrief"
        let synced = try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all", "--output", folder, "--vdir"])
        #expect(synced.stderr == "\(folder): 6 written, 0 removed, 0 unchanged\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 6)
        // `export --since` leaves the original out of the calendar, not out of the UIDs' making.
        let copyOnly = Self.uids(try debrief.run(["export", "--format", "ics", "--ics-kind", "todo", "--all", "--since", "2026-11-25"]).stdout)
        let originalOnly = Self.uids(try debrief.run(["export", "--format", "ics", "--ics-kind", "todo", "--all", "--until", "2026-11-24"]).stdout)
        #expect(copyOnly.count == 3 && originalOnly.count == 3)
        #expect(Set(copyOnly).union(originalOnly) == Set(uids), "\(copyOnly) \(originalOnly) \(uids)")
        // The original's rows keep the UIDs they had before the copy existed.
        try FileManager.default.removeItem(atPath: path.replacingOccurrences(of: id, with: copyID))
        let alone = Self.uids(try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo", "--all"]).stdout)
        #expect(Set(alone).isSubset(of: Set(uids)))
    }

    @Test func calendarOptionsGoTogether() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        for args in [["followups", "--vdir", "--format", "ics"], ["followups", "--ics-kind", "todo"], ["followups", "--output", "x.ics"],
                     ["followups", "--format", "ics", "--ics-kind", "meeting"], ["export", "--all"], ["export", "--format", "ics", "--vdir"],
                     ["followups", "--format", "ics", "--output", "d", "--vdir", "--force"]] {
            let r = try debrief.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
        }
        let file = debrief.root + "/cal.ics"
        #expect(try debrief.run(["followups", "--format", "ics", "--output", file]).stderr.hasSuffix("Wrote 1 follow-up to \(file)\n"))
        #expect(try debrief.run(["followups", "--format", "ics", "--output", file]).status == 73)
        #expect(try debrief.run(["followups", "--format", "ics", "--output", file, "--force"]).status == 0)
        let notAFolder = try debrief.run(["followups", "--format", "ics", "--output", file, "--vdir"])
        #expect(notAFolder.status == 74)
        #expect(notAFolder.stderr.contains("not a folder"))
    }
}
