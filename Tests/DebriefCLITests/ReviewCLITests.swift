import Foundation
import Testing

/// `debrief review` run as the built binary, in a throwaway home with a fixed clock and zone.
@Suite struct ReviewCLITests {
    /// The binary in a throwaway home; the review tests' clock is Monday 2026-11-30, 09:00 Berlin.
    static func runner() throws -> BinaryRunner {
        try BinaryRunner(now: "2026-11-30T09:00:00+01:00")
    }

    static let meetup = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    kind: meetup
    purpose: Meet people who run Swift on the server
    professional-topics: yes
    horizon: long-term
    people:
      - name: Ana Li
        level: peer
        relation: new
    asked-about-them: yes
    talk-share: 65
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
    reconnected: yes
    """

    static let pitch = """
    title: Pitch night
    date: 2026-11-26T19:00:00+01:00
    purpose: Find investors
    professional-topics: yes
    talk-share: 85
    horizon: immediate
    """

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func pitfall(_ object: [String: Any], _ id: String) -> [String: Any]? {
        (object["pitfalls"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test func jsonShape() throws {
        let box = try Self.runner()
        try box.add(Self.meetup)
        try box.add(Self.pitch)
        let result = try box.run(["review", "--week", "2026-W48", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try json(result.stdout)
        #expect(object["week"] as? String == "2026-W48")
        #expect(object["start"] as? String == "2026-11-23" && object["end"] as? String == "2026-11-29")
        #expect(object["entries"] as? Int == 2)
        let pitfalls = try #require(object["pitfalls"] as? [[String: Any]])
        #expect(pitfalls.count == 7)
        for p in pitfalls { #expect(Set(p.keys) == ["id", "title", "scope", "count", "recurring", "streak", "trend", "reasons"]) }
        #expect(pitfall(object, "self-promotion")?["count"] as? Int == 1)
        #expect(pitfall(object, "only-high-profile")?["scope"] as? String == "week")
        #expect(object["focus"] as? String == "self-promotion")
        let overdue = try #require((object["follow_ups"] as? [String: Any])?["overdue"] as? [[String: Any]])
        #expect(overdue.first?["who"] as? String == "Ana Li")
        #expect(overdue.first?["due"] as? String == "2026-11-27")
        #expect((overdue.first?["entry"] as? String)?.hasPrefix("2026-11-24-1830-") == true)
        let people = try #require(object["people"] as? [String: Any])
        #expect(people["met"] as? Int == 1 && people["new"] as? Int == 1)
    }

    @Test func weekFormsAgree() throws {
        let box = try Self.runner()
        try box.add(Self.meetup)
        var weeks: [String] = []
        for form in ["last", "2026-W48", "2026-11-25", "2026-w48"] {
            let result = try box.run(["review", "--week", form, "--format", "json"])
            #expect(result.status == 0, "\(form): \(result.stderr)")
            weeks.append(try json(result.stdout)["week"] as? String ?? "")
        }
        #expect(weeks == ["2026-W48", "2026-W48", "2026-W48", "2026-W48"])
        let this = try box.run(["review", "--format", "json"])
        #expect(try json(this.stdout)["week"] as? String == "2026-W49")
    }

    @Test(arguments: [
        ["review", "--week", "someday"], ["review", "--week", "2027-W53"], ["review", "--week", "2026-W50"],
        ["review", "--weeks", "0"], ["review", "--weeks", "105"], ["review", "--weeks", "many"],
        ["review", "--format", "pdf"], ["review", "--color", "sometimes"],
    ])
    func badOptionsAreUsageErrors(_ arguments: [String]) throws {
        let result = try Self.runner().run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func aBadWeekSaysWhatWouldWork() throws {
        let result = try Self.runner().run(["review", "--week", "someday"])
        #expect(result.stderr.contains("'someday' is not a week; try this, last, 2026-W48"))
    }

    @Test func aUserCatalogChangesTheVerdictWithoutRebuilding() throws {
        let box = try Self.runner()
        try box.add(Self.meetup)
        let before = try json(try box.run(["review", "--week", "2026-W48", "--format", "json"]).stdout)
        #expect(pitfall(before, "self-promotion")?["count"] as? Int == 0)
        try box.write("""
        pitfalls:
          - id: self-promotion
            signals:
              - when: { answer: talk-share, at-least: 60 }
                reason: "talk-share {value}% ≥ {threshold}%"
        """, to: "config/debrief/prompts/x.yaml")
        let after = try json(try box.run(["review", "--week", "2026-W48", "--format", "json"]).stdout)
        let flagged = try #require(pitfall(after, "self-promotion"))
        #expect(flagged["count"] as? Int == 1)
        let reasons = try #require(flagged["reasons"] as? [[String: Any]])
        #expect(reasons.first?["reason"] as? String == "talk-share 65% ≥ 60%")
    }

    @Test func colourFollowsTheFlagAndNeverLeaksIntoPipes() throws {
        let box = try Self.runner()
        try box.add(Self.pitch)
        let args = ["review", "--week", "2026-W48"]
        #expect(!(try box.run(args).stdout.contains("\u{1B}[")))
        #expect(try box.run(args + ["--color", "always"]).stdout.contains("\u{1B}["))
        #expect(!(try box.run(args + ["--color", "never"]).stdout.contains("\u{1B}[")))
    }

    @Test func asciiSparklinesOutsideUTF8() throws {
        let box = try Self.runner()
        try box.add(Self.pitch)
        let utf8 = try box.run(["review", "--week", "2026-W48"])
        #expect(utf8.stdout.contains("▁"))
        let ascii = try box.run(["review", "--week", "2026-W48"], env: ["LANG": "C", "LC_ALL": "POSIX"])
        #expect(ascii.status == 0)
        #expect(!ascii.stdout.contains("▁") && ascii.stdout.contains("trend        #"))
    }

    @Test func textAndMarkdownReadAsAReview() throws {
        let box = try Self.runner()
        try box.add(Self.meetup)
        let text = try box.run(["review", "--week", "2026-W48"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Week 2026-W48: Monday 23 to Sunday 29 November 2026\n1 reflection"))
        #expect(text.stdout.contains("Overdue (1)\n    - Ana Li: Send the benchmark repository link"))
        let markdown = try box.run(["review", "--week", "2026-W48", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Weekly review 2026-W48\n"))
        #expect(markdown.stdout.contains("| Pitfall | This week | Recurring | Streak | Trend |"))
    }

    /// Two evenings with executives only, one of them a quick reflection, and a note imported
    /// from another tool, written as files the way those flows write them.
    static let seniorOnly = """
    title: CTO dinner
    date: 2026-11-24T19:00:00+01:00
    kind: social
    purpose: Meet CTOs
    professional-topics: yes
    horizon: long-term
    people:
      - name: Ada Stone
        level: executive
        relation: new
    asked-about-them: yes
    talk-share: 40
    asked-favor: no
    follow-ups:
      - who: Ada Stone
        action: Send the article
        due: 2026-12-04
    reconnected: no
    """

    static func file(_ id: String, _ front: String) -> String {
        "---\nschema: 1\nid: \(id)\ncreated: 2026-11-25T08:00:00+01:00\nupdated: 2026-11-25T08:00:00+01:00\n\(front)\n---\n"
    }

    @Test func habitsAreJudgedForTheWeekAndNeverMarkedOnAnEntry() throws {
        let box = try Self.runner()
        let dinner = try box.add(Self.seniorOnly)
        _ = try box.write(Self.file("2026-11-25-0730-investor-call", """
        flow: quick
        title: Investor call
        date: 2026-11-25T07:30:00+01:00
        kind: online
        people:
          - name: Ben Ode
            level: senior
            relation: new
        talk-share: 50
        follow-ups:
          - who: Ben Ode
            action: Share the deck
            due: 2026-12-02
        """), to: "journal/entries/2026/11/2026-11-25-0730-investor-call.md")
        _ = try box.write(Self.file("2026-11-26-0900-jrnl-note", """
        flow: imported
        source: jrnl:abc123
        title: jrnl note
        date: 2026-11-26T09:00:00+01:00
        people:
          - name: Gus Old
            level: peer
            relation: existing
        """), to: "journal/entries/2026/11/2026-11-26-0900-jrnl-note.md")

        let review = try box.run(["review", "--week", "2026-W48", "--format", "json"])
        #expect(review.status == 0, "\(review.stderr)")
        let object = try json(review.stdout)
        #expect(object["entries"] as? Int == 2 && object["imported"] as? Int == 1)
        let habit = try #require(pitfall(object, "only-high-profile"))
        #expect(habit["count"] as? Int == 1)
        let reasons = try #require(habit["reasons"] as? [[String: Any]])
        #expect(reasons.count == 1 && reasons.first?["entry"] is NSNull)
        #expect(reasons.first?["reason"] as? String == "both people you met this week were senior or executive")
        // The imported note's old friend is not evidence; the quick call did not ask about
        // catching up, so the week cannot be judged for it.
        #expect(pitfall(object, "ignoring-existing-network")?["count"] as? Int == 0)
        #expect((object["not_judged"] as? [String: Any])?["week"] as? [String] == ["ignoring-existing-network"])

        // Neither list nor show marks a habit on one entry.
        let list = try BinaryRunner.objects(try box.run(["list", "--format", "json"]).stdout)
        #expect(list.count == 3)
        for item in list { #expect((item["pitfalls"] as? [String])?.contains("only-high-profile") == false) }
        let show = try json(try box.run(["show", dinner.id, "--format", "json"]).stdout)
        #expect(show["pitfalls"] as? [String] == [])

        let text = try box.run(["review", "--week", "2026-W48"])
        #expect(text.stdout.contains("2 reflections, 1 written within 24 hours of the event, and 1 imported note."))
        // The sentence wraps at 80 columns.
        #expect(text.stdout.replacingOccurrences(of: "\n", with: " ").contains(
            "Neglecting the people you already know could not be judged for the week as a whole."))
    }

    @Test func anEmptyJournalStillReviews() throws {
        let result = try Self.runner().run(["review"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No reflections this week."))
    }
}
