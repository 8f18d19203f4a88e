import Foundation
import Testing
@testable import DebriefCore

/// Keys, comments and layout debrief does not know survive a rewrite; changing one answer
/// changes only that answer's lines.
@Suite struct UnknownKeysTests {
    /// A file as a person might leave it after editing by hand.
    static let handEdited = """
    ---
    # my own comment before the keys
    schema: 1
    id: 2026-11-24-1830-swift-meetup-berlin
    created: 2026-11-24T21:05:12+01:00
    updated: 2026-11-24T21:05:12+01:00
    title: 'Swift meetup Berlin'   # single-quoted by hand
    source-app: obsidian
    date: 2026-11-24T18:30:00+01:00
    kind: meetup

    # a comment between fields
    purpose: Meet two people who run Swift on the server
    people:
      - name: Ana Li
        level: peer
        relation: new
        linkedin: https://example.com/in/ana
        languages: [de, en]
      - name: Bo
        pronouns: they/them
    talk-share: 40
    x-rating: {stars: 4, by: me}
    follow-ups:
      - who: Ana Li
        action: Send the benchmark link
        due: 2026-11-27
        channel: email
    tags: [swift, server]
    custom-list:
      - one
      - two
    ---
    Free notes, any Markdown.

    """

    static let path = "/j/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"

    func decode(_ text: String) throws -> Entry {
        try Fixtures.codec.decode(Array(text.utf8), id: "2026-11-24-1830-swift-meetup-berlin", path: Self.path)
    }

    @Test func unchangedEntryIsRewrittenByteForByte() throws {
        let entry = try decode(Self.handEdited)
        #expect(Fixtures.codec.encode(entry) == Self.handEdited)
        #expect(entry.title == "Swift meetup Berlin")
        #expect(entry.people.map(\.name) == ["Ana Li", "Bo"])
    }

    @Test func changingOneAnswerChangesOnlyItsLine() throws {
        var entry = try decode(Self.handEdited)
        entry["talk-share"] = .number(55)
        let out = Fixtures.codec.encode(entry)
        #expect(out == Self.handEdited.replacingOccurrences(of: "talk-share: 40\n", with: "talk-share: 55\n"))
        #expect(out != Self.handEdited)
    }

    @Test func changingTheNotesKeepsTheFrontMatter() throws {
        var entry = try decode(Self.handEdited)
        entry["notes"] = .text("New notes.")
        let out = Fixtures.codec.encode(entry)
        let frontMatter = Self.handEdited.components(separatedBy: "---\nFree notes")[0]
        #expect(out == frontMatter + "---\nNew notes.\n")
    }

    @Test func addingAnAnswerInsertsOneFieldAndKeepsTheRest() throws {
        var entry = try decode(Self.handEdited)
        entry["learned"] = .text("Tail latency first")
        let out = Fixtures.codec.encode(entry)
        var lines = Self.handEdited.components(separatedBy: "\n")
        // `learned` goes after the last known key that precedes it in the flow (`follow-ups`' successor `tags`).
        let tagsIndex = try #require(lines.firstIndex(of: "tags: [swift, server]"))
        lines.insert("learned: Tail latency first", at: tagsIndex)
        #expect(out == lines.joined(separator: "\n"))
    }

    @Test func removingAnAnswerDropsOnlyItsLines() throws {
        var entry = try decode(Self.handEdited)
        entry["purpose"] = nil
        let out = Fixtures.codec.encode(entry)
        #expect(out == Self.handEdited.replacingOccurrences(of: "purpose: Meet two people who run Swift on the server\n", with: ""))
    }

    @Test func unknownKeysInsidePeopleRowsSurviveAChangeToThatAnswer() throws {
        var entry = try decode(Self.handEdited)
        var people = entry.people
        #expect(people[0].extras.map(\.key) == ["linkedin", "languages"])
        people[1].level = "senior"
        people.append(Person(name: "Chen Wei", relation: "existing"))
        entry["people"] = .people(people)
        var actions = entry.followUps
        actions[0].done = Day(iso: "2026-11-26")
        entry["follow-ups"] = .followUps(actions)
        let out = Fixtures.codec.encode(entry)
        // Only the people and follow-ups fields changed.
        let outsideLists = { (text: String) in
            text.components(separatedBy: "\n").filter { !$0.hasPrefix("  ") && !$0.hasPrefix("people:") && !$0.hasPrefix("follow-ups:") }
        }
        #expect(outsideLists(out) == outsideLists(Self.handEdited))
        #expect(out.contains("    linkedin: https://example.com/in/ana\n"))
        #expect(out.contains("    pronouns: they/them\n"))
        #expect(out.contains("    channel: email\n"))
        // Read back: the extras carry the same values.
        let again = try decode(out)
        #expect(again.people.count == 3)
        #expect(again.people[0].extras == people[0].extras)
        #expect(again.people[1].extras == people[1].extras)
        #expect(again.people[1].level == "senior")
        #expect(again.followUps[0].extras.map(\.key) == ["channel"])
        #expect(again.followUps[0].done == Day(iso: "2026-11-26"))
        // The nested list inside a person is still a list of the same values.
        let languages = try #require(again.people[0].extras.first { $0.key == "languages" })
        #expect(languages.yaml.contains("de") && languages.yaml.contains("en"))
        // And rewriting the rewritten file is stable.
        #expect(Fixtures.codec.encode(again) == out)
    }

    @Test func saveThroughTheStoreChangesOnlyTheAnswerAndUpdated() throws {
        let root = Fixtures.tempDirectory("unknown")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let path = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        Fixtures.write(Self.handEdited, to: path)
        var entry = try store.read(store.find("2026-11-24-1830-swift"))
        entry["reconnected"] = .bool(true)
        _ = try store.save(entry, now: Fixtures.ts("2026-11-26T09:00:00+01:00"))
        let written = String(decoding: try #require(Fixtures.bytes(path)), as: UTF8.self)
        let expected = Self.handEdited
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-26T09:00:00+01:00")
            .replacingOccurrences(of: "tags: [swift, server]\n", with: "reconnected: yes\ntags: [swift, server]\n")
        #expect(written == expected)
    }
}
