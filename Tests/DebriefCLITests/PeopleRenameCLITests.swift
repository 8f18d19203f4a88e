import Foundation
import Testing

/// `debrief people rename`, `merge` and `show`, run as the built binary.
@Suite("people rename, merge and show CLI")
struct PeopleRenameCLITests {
    typealias H = BinaryRunner

    @Test("rename --dry-run lists each file and line and writes nothing; rename writes only those lines and updated")
    func rename() throws {
        let h = try H()
        defer { h.cleanUp() }
        try PeopleCLITests.addZoeTrilogy(h)
        let files = h.entryFiles()
        let before = try files.map { try H.bytes($0) }
        let spring = try #require(files.first { $0.contains("spring") })
        let summer = try #require(files.first { $0.contains("summer") })
        let coffee = try #require(files.first { $0.contains("coffee") })

        let later = ["DEBRIEF_NOW": "2026-11-27T09:00:00+01:00"]
        let dry = try h.run(["people", "rename", "zoe brandt", "Zoë Brandt", "--dry-run"], env: later)
        #expect(dry.status == 0)
        // Newest first. The spring entry already writes Zoë Brandt in NFC; the summer one writes
        // it in NFD and is rewritten.
        #expect(dry.stdout == """
        \(coffee)
          9: - name: zoe  brandt → - name: Zoë Brandt
          11: - who: ZOË BRANDT → - who: Zoë Brandt
        \(summer)
          9: - name: Zoë Brandt → - name: Zoë Brandt  (the same letters, written in NFC)

        """)
        #expect(dry.stderr == "Would rename “zoe brandt” to “Zoë Brandt” in 2 files (2 people rows, 1 follow-up); nothing written (--dry-run).\n")
        #expect(try files.map { try H.bytes($0) } == before)

        let run = try h.run(["people", "rename", "zoe brandt", "Zoë Brandt"], env: later)
        #expect(run.status == 0)
        #expect(run.stdout == dry.stdout)
        #expect(run.stderr == "Renamed “zoe brandt” to “Zoë Brandt” in 2 files (2 people rows, 1 follow-up).\n")
        #expect(try H.bytes(spring) == before[files.firstIndex(of: spring) ?? 0])
        let old = String(decoding: before[files.firstIndex(of: coffee) ?? 0], as: UTF8.self)
        let new = String(decoding: try H.bytes(coffee), as: UTF8.self)
        let changed = zip(old.components(separatedBy: "\n"), new.components(separatedBy: "\n")).filter { $0 != $1 }
        #expect(changed.map(\.1) == ["updated: 2026-11-27T09:00:00+01:00", "  - name: Zoë Brandt", "  - who: Zoë Brandt"])
        // NFC on disk now, wherever it was NFD.
        #expect(!String(decoding: try H.bytes(summer), as: UTF8.self).unicodeScalars.contains("\u{0308}"))
        let again = try h.run(["people", "rename", "zoe brandt", "Zoë Brandt"])
        #expect(again.status == 0 && again.stdout.isEmpty)
        #expect(again.stderr.hasPrefix("Nothing to change"))
    }

    @Test("merge several names --into one; unknown names and bad new names are refused")
    func merge() throws {
        let h = try H()
        defer { h.cleanUp() }
        let a = try h.add("title: A\ndate: 2026-11-20T18:00:00+01:00\npeople:\n  - name: Zoe\n  - name: Kai\n")
        let b = try h.add("title: B\ndate: 2026-11-21T18:00:00+01:00\npeople:\n  - name: Z. Brandt\nfollow-ups:\n  - who: zoe\n    action: Call\n")
        let r = try h.run(["people", "merge", "Zoe", "Z. Brandt", "--into", "Zoë Brandt"])
        #expect(r.status == 0)
        #expect(r.stderr == "Merged “Zoe”, “Z. Brandt” to “Zoë Brandt” in 2 files (2 people rows, 1 follow-up).\n")
        #expect(String(decoding: try H.bytes(a.path), as: UTF8.self).contains("  - name: Zoë Brandt\n  - name: Kai\n"))
        #expect(String(decoding: try H.bytes(b.path), as: UTF8.self).contains("  - name: Zoë Brandt\nfollow-ups:\n  - who: Zoë Brandt\n"))
        let people = try H.objects(try h.run(["people", "--format", "json"]).stdout)
        #expect(people.compactMap { $0["name"] as? String }.sorted() == ["Kai", "Zoë Brandt"])

        let unknown = try h.run(["people", "merge", "Nobody", "--into", "Kai"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("nobody is named 'Nobody'"))
        #expect(try h.run(["people", "merge", "--into", "Kai"]).status == 64)
        #expect(try h.run(["people", "rename", "Kai", "  "]).status == 64)
        #expect(try h.run(["people", "rename", "Nobody", "Kai"]).status == 66)
    }

    @Test("show: every note newest first with its event, the entries and open follow-ups; a part of a name will do")
    func show() throws {
        let h = try H()
        defer { h.cleanUp() }
        try PeopleCLITests.addZoeTrilogy(h)
        let r = try h.run(["people", "show", "zoë"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        Zoë Brandt · met 3 times, 2026-03-10 to 2026-08-20 · senior, existing

        Notes (2), newest first
          2026-06-15  Summer meetup: Promoted in May
          2026-03-10  Spring conference: Leads the platform team

        Entries (3)
          2026-08-20  Coffee with Zoë · 2026-08-20-1500-coffee-with-zoe
          2026-06-15  Summer meetup · 2026-06-15-1830-summer-meetup
          2026-03-10  Spring conference · 2026-03-10-0900-spring-conference

        Open follow-ups (1)
          Send the hiring notes, 93 days overdue (2026-08-25) · done: debrief done 2026-08-20-1500-coffee-with-zoe 1

        """)
        let json = try JSONSerialization.jsonObject(with: Data(try h.run(["people", "show", "ZOE BRANDT", "--format", "json"]).stdout.utf8))
        #expect((json as? [String: Any])?["met"] as? Int == 3)
        let none = try h.run(["people", "show", "nobody"])
        #expect(none.status == 66)
        try h.add("title: C\ndate: 2026-11-21T18:00:00+01:00\npeople:\n  - name: Zoran\n")
        let several = try h.run(["people", "show", "zo"])
        #expect(several.status == 64)
        #expect(several.stderr.contains("'zo' matches 2 people"))
        // A follow-up pushed back says so wherever it is listed. The entries were written today
        // (the runner's clock), so the moves are made a day later: within a day of writing a
        // follow-up, a new date is a correction, not a postponement.
        let dayLater = ["DEBRIEF_NOW": "2026-11-27T11:00:00+01:00"]
        #expect(try h.run(["reschedule", "2026-08-20-1500-coffee-with-zoe", "1", "2026-11-27"], env: dayLater).status == 0)
        #expect(try h.run(["reschedule", "2026-08-20-1500-coffee-with-zoe", "1", "2026-12-04"], env: dayLater).status == 0)
        #expect(try h.run(["people"], env: dayLater).stdout.contains("  to do: Send the hiring notes, in 7 days (2026-12-04), postponed twice, 101 days past its first date"))
        #expect(try h.run(["people", "show", "zoë"], env: dayLater).stdout.contains("  Send the hiring notes, in 7 days (2026-12-04), postponed twice, 101 days past its first date"))
        // `debrief people` alone still lists everyone, with its options.
        #expect(try h.run(["people", "--cold", "30"]).status == 0)
        #expect(try h.run(["people"]).stdout.contains("Zoran"))
    }
}
