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
        for p in pitfalls { #expect(Set(p.keys) == ["id", "title", "count", "recurring", "streak", "trend", "reasons"]) }
        #expect(pitfall(object, "self-promotion")?["count"] as? Int == 1)
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
        #expect(!ascii.stdout.contains("▁") && ascii.stdout.contains("trend _______#"))
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

    @Test func anEmptyJournalStillReviews() throws {
        let result = try Self.runner().run(["review"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No reflections this week."))
    }
}
