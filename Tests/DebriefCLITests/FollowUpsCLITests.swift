import Foundation
import Testing

/// `debrief followups`, `debrief done` and `debrief undone`, run as the built binary.
@Suite("followups, done and undone CLI")
struct FollowUpsCLITests {
    typealias H = BinaryRunner

    static let meetup = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    people:
      - name: Ana Li
        relation: new
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
      - who: Zoë Brandt
        action: Introduce her to Sam
        due: 2026-11-23
      - action: Write up the notes

    """

    static let conference = """
    title: Server-side Swift conference
    date: 2026-10-01T09:00:00+02:00
    follow-ups:
      - who: zoe  brandt
        action: Send the slides
        due: 2026-11-26
      - who: Ben
        action: Thank him
        due: 2026-10-02
        done: 2026-10-02

    """

    @Test("Text lists open actions soonest due first with relative due, entry, and the command that marks each done")
    func textList() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let r = try h.run(["followups"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Zoë Brandt: Introduce her to Sam",
            "  3 days overdue (2026-11-23) · from Swift meetup Berlin · done: debrief done \(meetup.id) 2",
            "zoe  brandt: Send the slides",
            "  due today (2026-11-26) · from Server-side Swift conference · done: debrief done 2026-10-01-0900-server-side-swift-conference 1",
            "Ana Li: Send the benchmark repository link",
            "  due tomorrow (2026-11-27) · from Swift meetup Berlin · done: debrief done \(meetup.id) 1",
            "Write up the notes",
            "  no due date · from Swift meetup Berlin · done: debrief done \(meetup.id) 3",
        ])
        let later = try h.run(["followups", "--overdue"], env: ["DEBRIEF_NOW": "2026-11-29T10:00:00+01:00"])
        #expect(later.stdout.contains("6 days overdue (2026-11-23)"))
        #expect(later.stdout.contains("3 days overdue (2026-11-26)"))
        #expect(later.stdout.contains("2 days overdue (2026-11-27)"))
        #expect(!later.stdout.contains("Write up the notes"))
    }

    @Test("Filters: --done, --all, --person; an empty list says so on stderr")
    func filters() throws {
        let h = try H()
        defer { h.cleanUp() }
        try h.add(Self.meetup)
        try h.add(Self.conference)
        let done = try h.run(["followups", "--done"])
        #expect(done.stdout.contains("Ben: Thank him\n  done 2026-10-02 (was due 2026-10-02) · from Server-side Swift conference · reopen: debrief undone 2026-10-01-0900-server-side-swift-conference 2\n"))
        #expect(!done.stdout.contains("Ana Li"))
        let all = try h.run(["followups", "--all"])
        #expect(all.stdout.split(separator: "\n").count == 10)
        let zoe = try h.run(["followups", "--person", "ZOE BRANDT"])
        #expect(zoe.stdout.contains("Introduce her to Sam") && zoe.stdout.contains("Send the slides"))
        #expect(!zoe.stdout.contains("Ana Li"))
        let nobody = try h.run(["followups", "--person", "Nobody"])
        #expect(nobody.status == 0)
        #expect(nobody.stdout.isEmpty)
        #expect(nobody.stderr == "No open follow-ups with Nobody.\n")
    }

    @Test("JSON is an array of entry, n, who, action, due, done (null while open), first_due and postponed")
    func json() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let r = try h.run(["followups", "--all", "--format", "json"])
        #expect(r.status == 0)
        let items = try H.objects(r.stdout)
        #expect(items.count == 5)
        for item in items {
            #expect(Set(item.keys) == ["entry", "title", "n", "who", "action", "due", "done", "first_due", "postponed"])
        }
        let first = try #require(items.first)
        #expect(first["entry"] as? String == "2026-10-01-0900-server-side-swift-conference")
        #expect(first["n"] as? Int == 2)
        #expect(first["done"] as? String == "2026-10-02")
        let notes = try #require(items.last)
        #expect(notes["entry"] as? String == meetup.id)
        #expect(notes["n"] as? Int == 3)
        #expect(notes["who"] as? String == "")
        #expect(notes["due"] is NSNull)
        #expect(notes["done"] is NSNull)
        let empty = try h.run(["followups", "--overdue", "--format", "json", "--person", "nobody"])
        #expect(empty.stdout == "[]\n")
    }

    @Test("--quiet prints nothing and exits 1 when something matches, 0 when nothing does")
    func quietExitCodes() throws {
        let h = try H()
        defer { h.cleanUp() }
        let emptyJournal = try h.run(["followups", "--overdue", "--quiet"])
        #expect(emptyJournal.status == 0)
        let meetup = try h.add(Self.meetup)

        let overdue = try h.run(["followups", "--overdue", "--quiet"])
        #expect(overdue.status == 1)
        #expect(overdue.stdout.isEmpty && overdue.stderr.isEmpty)
        // Two days earlier nothing is overdue yet; due today is not overdue.
        let before = try h.run(["followups", "--overdue", "-q"], env: ["DEBRIEF_NOW": "2026-11-23T10:00:00+01:00"])
        #expect(before.status == 0)
        #expect(before.stdout.isEmpty && before.stderr.isEmpty)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--format", "json"]).stdout.isEmpty)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--person", "ana"]).status == 0)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--person", "zoë"]).status == 1)

        #expect(try h.run(["done", meetup.id, "2"]).status == 0)
        let cleared = try h.run(["followups", "--overdue", "--quiet"])
        #expect(cleared.status == 0)
        #expect(cleared.stdout.isEmpty && cleared.stderr.isEmpty)
        #expect(try h.run(["followups", "--open", "--quiet"]).status == 1)
        #expect(try h.run(["followups", "--done", "--quiet"]).status == 1)
        #expect(try h.run(["followups", "--quiet", "--person", "nobody"]).status == 0)
    }

    @Test("done and undone rewrite only the action's done line and updated, and say when nothing changes")
    func doneAndUndoneOnTheFile() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        let original = try H.bytes(meetup.path)
        let before = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")

        let done = try h.run(["done", meetup.id, "2", "--on", "yesterday"], env: ["DEBRIEF_NOW": "2026-11-27T08:30:00+01:00"])
        #expect(done.status == 0)
        #expect(done.stderr == "Done on 2026-11-26: Zoë Brandt: Introduce her to Sam (\(meetup.id) 2).\n")
        var after = String(decoding: try H.bytes(meetup.path), as: UTF8.self).components(separatedBy: "\n")
        let doneLine = try #require(after.firstIndex(of: "    done: 2026-11-26"))
        #expect(after[doneLine - 1] == "    due: 2026-11-23")
        after.remove(at: doneLine)
        #expect(after.count == before.count)
        let changed = zip(before, after).filter { $0.0 != $0.1 }
        #expect(changed.map(\.1) == ["updated: 2026-11-27T08:30:00+01:00"])

        let marked = try H.bytes(meetup.path)
        let again = try h.run(["done", meetup.id, "2"], env: ["DEBRIEF_NOW": "2026-11-28T08:30:00+01:00"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("Already done on 2026-11-26"))
        #expect(try H.bytes(meetup.path) == marked)

        let show = try h.run(["followups", "--done", "--format", "json"])
        #expect(try H.objects(show.stdout).first?["done"] as? String == "2026-11-26")

        let undone = try h.run(["undone", String(meetup.id.prefix(15)), "2"], env: ["DEBRIEF_NOW": "2026-11-29T08:30:00+01:00"])
        #expect(undone.status == 0)
        #expect(undone.stderr.hasPrefix("Open again: Zoë Brandt: Introduce her to Sam"))
        let reopened = String(decoding: try H.bytes(meetup.path), as: UTF8.self).components(separatedBy: "\n")
        #expect(zip(before, reopened).filter { $0.0 != $0.1 }.map(\.1) == ["updated: 2026-11-29T08:30:00+01:00"])
        #expect(reopened.count == before.count)

        let reopenedBytes = try H.bytes(meetup.path)
        let stillOpen = try h.run(["undone", meetup.id, "2"])
        #expect(stillOpen.status == 0)
        #expect(stillOpen.stderr.contains("Already open"))
        #expect(try H.bytes(meetup.path) == reopenedBytes)
    }

    @Test("Rejected inputs exit with their sysexits code and write nothing")
    func rejectedInputs() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let original = try H.bytes(meetup.path)

        let cases: [([String], Int32, String)] = [
            (["done", "2030-01-01-0000-nothing", "1"], 66, "no entry matches '2030-01-01-0000-nothing'"),
            (["undone", "nope", "1"], 66, "no entry matches 'nope'"),
            (["done", "2026", "1"], 64, "matches 2 entries"),
            (["done", meetup.id, "4"], 64, "has 3 follow-up actions, so N must be from 1 to 3, not 4"),
            (["done", meetup.id, "0"], 64, "from 1 to 3, not 0"),
            (["undone", meetup.id, "9"], 64, "from 1 to 3, not 9"),
            (["done", meetup.id, "two"], 64, "'two' is invalid"),
            (["done", meetup.id], 64, "Missing expected argument"),
            (["done", meetup.id, "1", "--on", "someday"], 64, "--on: 'someday' is not a date"),
            (["done", meetup.id, "1", "--on", "2026-02-30"], 64, "--on: '2026-02-30' is not a date"),
            (["done", meetup.id, "1", "--on", "tomorrow"], 64, "2026-11-27 is in the future"),
            (["followups", "--open", "--done"], 64, "had already been set"),
            (["followups", "--format", "yaml"], 64, "yaml"),
        ]
        for (arguments, code, message) in cases {
            let r = try h.run(arguments)
            #expect(r.status == code, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments)")
        }
        #expect(try H.bytes(meetup.path) == original)

        let noActions = try h.add("title: Quiet dinner\ndate: 2026-11-20T19:00:00+01:00\n")
        let none = try h.run(["done", noActions.id, "1"])
        #expect(none.status == 64)
        #expect(none.stderr == "debrief: \(noActions.id) has no follow-up actions\n")

        // A file that does not parse is reported (65), never rewritten.
        let broken = h.journal + "/entries/2026/11/2026-11-25-1200-broken.md"
        let brokenText = Data("---\ntitle: [unclosed\n---\n".utf8)
        try brokenText.write(to: URL(fileURLWithPath: broken))
        let bad = try h.run(["done", "2026-11-25-1200-broken", "1"])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("2026-11-25-1200-broken.md"))
        #expect(try H.bytes(broken) == brokenText)
        // The rest of the journal keeps working, with a warning about the broken file.
        let list = try h.run(["followups"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Send the benchmark repository link"))
        #expect(list.stderr.contains("1 file could not be read"))
    }
}
