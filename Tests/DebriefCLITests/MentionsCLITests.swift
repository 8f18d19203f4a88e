import Foundation
import Testing

/// People your imported history already names: mentions on the people page, in `people`, the cold
/// list and `people show --format json`, the same with the index on and off.
@Suite struct MentionsCLITests {
    static let jrnl = """
    [2025-03-04 11:30] Call with Dr. Henrike Vogel about #hiring at @nordwind.
    She wants two backend people by March.

    [2025-06-10 12:00] Lunch with the Nordwind team
    @henrike_vogel brought Omar. Banana bread for dessert.

    [2026-09-20 09:00] Coffee with Omar Haddad
    He moved to Lisbon.

    """

    static func setUp() throws -> BinaryRunner {
        let debrief = try BinaryRunner()
        _ = try debrief.run(["import", "jrnl", try debrief.write(jrnl, to: "journal.txt")])
        // The week's reflections confirm who these people are.
        try debrief.add("title: Founders mixer\ndate: 2026-11-20 19:00\npeople:\n  - name: Henrike Vogel\n    level: executive\n    relation: existing\n  - name: Ana\n    relation: new\n")
        try debrief.add("title: Old colleague\ndate: 2026-01-15 19:00\npeople:\n  - name: Omar Haddad\n    relation: existing\n")
        return debrief
    }

    /// Failed before: nobody from the imported notes was counted (no `mentioned`, no
    /// `mentions`), Omar was cold (last reflection in January) though a note of September names him.
    @Test func importedNotesMentionKnownPeople() throws {
        let debrief = try Self.setUp()
        let show = try debrief.run(["people", "show", "henrike", "--format", "json"])
        #expect(show.status == 0, "\(show.stderr)")
        let person = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(person["entries"] as? [String] == ["2026-11-20-1900-founders-mixer"], "met")
        #expect(person["mentioned"] as? Int == 2)
        let mentions = try #require(person["mentions"] as? [[String: Any]])
        #expect(mentions.map { $0["entry"] as? String } == ["2025-06-10-1200-lunch-with-the-nordwind-team", "2025-03-04-1130-call-with-dr-henrike-vogel-about-hiring"])
        #expect(mentions.map { $0["line"] as? String } == ["@henrike_vogel brought Omar. Banana bread for dessert.",
                                                          "Call with Dr. Henrike Vogel about #hiring at @nordwind."])
        #expect(mentions.allSatisfy { $0["imported"] as? Bool == true })

        let text = try debrief.run(["people", "show", "Henrike Vogel"])
        #expect(text.stdout.contains("""
        Mentioned in (2), newest first
          2025-06-10  Lunch with the Nordwind team (imported) · 2025-06-10-1200-lunch-with-the-nordwind-team
            @henrike_vogel brought Omar. Banana bread for dessert.
        """), "\(text.stdout)")
        let list = try debrief.run(["people"])
        #expect(list.stdout.contains("Henrike Vogel · met once, 2026-11-20, mentioned in 2 entries · executive, existing"), "\(list.stdout)")
        #expect(list.stdout.contains("Ana · met once, 2026-11-20 · new"), "Ana is never found inside Banana:\n\(list.stdout)")

        // Omar: reflection in January, a note in September; cold from 90 days is measured from the note.
        let cold = try debrief.run(["people", "--cold", "60", "--format", "json"])
        let coldNames = try BinaryRunner.objects(cold.stdout).map { $0["name"] as? String }
        #expect(coldNames == ["Omar Haddad"], "September 20 is 67 days before November 26")
        let colder = try BinaryRunner.objects(try debrief.run(["people", "--cold", "90", "--format", "json"]).stdout)
        #expect(colder.isEmpty, "an imported note naming him is contact")
    }

    /// Index on and off say the same about mentions.
    @Test func mentionsAreTheSameWithAndWithoutTheIndex() throws {
        let debrief = try Self.setUp()
        try IndexHonestyCLITests.compare(debrief, "mentions", [
            ["people"], ["people", "--format", "json"], ["people", "--cold", "30"], ["people", "show", "henrike"],
            ["people", "show", "omar", "--format", "json"], ["review", "--format", "json"],
        ])
    }
}
