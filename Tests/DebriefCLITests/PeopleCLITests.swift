import Foundation
import Testing

/// `debrief people`, run as the built binary.
@Suite("people CLI")
struct PeopleCLITests {
    typealias H = BinaryRunner

    /// Three spellings of one person (NFC, NFD, lower case with two spaces) and one other person.
    static func addZoeTrilogy(_ h: H) throws {
        try h.add("""
        title: Spring conference
        date: 2026-03-10T09:00:00+01:00
        people:
          - name: Zo\u{00EB} Brandt
            level: peer
            relation: existing
            note: Leads the platform team

        """)
        try h.add("""
        title: Summer meetup
        date: 2026-06-15T18:30:00+02:00
        people:
          - name: Zoe\u{0308} Brandt
            level: senior
            note: Promoted in May
          - name: Ana Li
            relation: new

        """)
        try h.add("""
        title: Coffee with Zoë
        date: 2026-08-20T15:00:00+02:00
        people:
          - name: zoe  brandt
        follow-ups:
          - who: ZOË BRANDT
            action: Send the hiring notes
            due: 2026-08-25

        """)
    }

    @Test("NFC, NFD, case and spacing merge into one person, shown in the most frequent spelling (NFC and NFD count as one), with the latest details")
    func mergedJSON() throws {
        let h = try H()
        defer { h.cleanUp() }
        try Self.addZoeTrilogy(h)
        let r = try h.run(["people", "--format", "json"])
        #expect(r.status == 0)
        let people = try H.objects(r.stdout)
        #expect(people.count == 2)
        let zoe = try #require(people.first)
        for key in ["name", "met", "first_met", "last_met", "last_mentioned", "level", "relation", "open_follow_ups", "notes", "entries"] {
            #expect(zoe[key] != nil, "missing \(key)")
        }
        // Two entries write Zoë Brandt (once NFC, once NFD), one writes "zoe  brandt": the typo
        // in the latest entry does not rename her everywhere.
        #expect((zoe["name"] as? String).map { Array($0.unicodeScalars) } == Array("Zo\u{00EB} Brandt".unicodeScalars))
        #expect(zoe["met"] as? Int == 3)
        #expect(zoe["first_met"] as? String == "2026-03-10")
        #expect(zoe["last_met"] as? String == "2026-08-20")
        #expect(zoe["level"] as? String == "senior")
        #expect(zoe["relation"] as? String == "existing")
        let open = try #require(zoe["open_follow_ups"] as? [[String: Any]])
        #expect(open.count == 1)
        #expect(open.first?["action"] as? String == "Send the hiring notes")
        #expect(open.first?["n"] as? Int == 1)
        let notes = try #require(zoe["notes"] as? [[String: Any]])
        #expect(notes.map { $0["note"] as? String } == ["Promoted in May", "Leads the platform team"])
        #expect(notes.first?["date"] as? String == "2026-06-15")
        #expect(notes.first?["entry"] as? String == "2026-06-15-1830-summer-meetup")
        let ana = try #require(people.last)
        #expect(ana["name"] as? String == "Ana Li")
        #expect(ana["met"] as? Int == 1)
        #expect(ana["level"] is NSNull)
        #expect(ana["relation"] as? String == "new")
        #expect((ana["open_follow_ups"] as? [Any])?.isEmpty == true)
    }

    @Test("Text shows each person once, most recently met first, with follow-ups and notes")
    func text() throws {
        let h = try H()
        defer { h.cleanUp() }
        try Self.addZoeTrilogy(h)
        let r = try h.run(["people"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Zoë Brandt · met 3 times, 2026-03-10 to 2026-08-20 · senior, existing")
        #expect(lines.contains("  to do: Send the hiring notes, 93 days overdue (2026-08-25) · done: debrief done 2026-08-20-1500-coffee-with-zoe 1"))
        #expect(lines.contains("  2026-06-15 Summer meetup: Promoted in May"))
        #expect(lines.contains("Ana Li · met once, 2026-06-15 · new"))
        #expect(lines.filter { !$0.hasPrefix(" ") }.count == 2)
    }

    @Test("--cold lists known people silent for DAYS days (default 90), oldest first")
    func cold() throws {
        let h = try H()
        defer { h.cleanUp() }
        try Self.addZoeTrilogy(h)
        try h.add("""
        title: Old colleagues lunch
        date: 2026-01-05T12:00:00+01:00
        people:
          - name: Kai Berg
            relation: existing

        """)
        // Today is 2026-11-26: Kai 325 days, Zoë 98 days, Ana met once as new (never cold).
        let r = try h.run(["people", "--cold"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").map(String.init) == [
            "Kai Berg · last mentioned 2026-01-05, 325 days ago · met once, 2026-01-05 · existing",
            "Zoë Brandt · last mentioned 2026-08-20, 98 days ago · met 3 times, 2026-03-10 to 2026-08-20 · senior, existing",
        ])
        let json = try H.objects(try h.run(["people", "--cold", "100", "--format", "json"]).stdout)
        #expect(json.map { $0["name"] as? String } == ["Kai Berg"])
        #expect(try H.objects(try h.run(["people", "--format", "json", "--cold", "98"]).stdout).count == 2)
        let none = try h.run(["people", "--cold", "400"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr == "Nobody you know has gone unmentioned for 400 days or more.\n")
    }

    @Test("Rejected inputs exit 64; an empty journal is not an error")
    func rejectedAndEmpty() throws {
        let h = try H()
        defer { h.cleanUp() }
        let empty = try h.run(["people"])
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
        #expect(empty.stderr.contains("No people in the journal yet"))
        #expect(try h.run(["people", "--format", "json"]).stdout == "[]\n")

        let cases: [([String], String)] = [
            (["people", "30"], "DAYS goes with --cold"),
            (["people", "--cold", "ninety"], "'ninety' is invalid"),
            (["people", "--cold", "-5"], "Unknown option '-5'"),
            (["people", "--format", "csv"], "csv"),
            (["people", "--cold", "30", "40"], "Unexpected argument '40'"),
        ]
        for (arguments, message) in cases {
            let r = try h.run(arguments)
            #expect(r.status == 64, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments)")
        }
    }
}
