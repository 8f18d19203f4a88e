import Foundation
import Testing
@testable import DebriefCore

/// A file that does not parse is reported with its path, line and reason, is never touched,
/// and the rest of the journal keeps working.
@Suite struct TolerantReadingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int
        /// Words the reason must contain.
        var reason: [String]
        var testDescription: String { name }

        init(_ name: String, _ text: String, line: Int, reason: [String]) {
            self.init(name, Array(text.utf8), line: line, reason: reason)
        }

        init(_ name: String, _ bytes: [UInt8], line: Int, reason: [String]) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.reason = reason
        }
    }

    static let head = "---\nschema: 1\nid: x\ncreated: 2026-11-24T21:05:12+01:00\nupdated: 2026-11-24T21:05:12+01:00\n"

    static let cases: [Case] = [
        Case("bad YAML", head + "title: Meetup\npurpose: [unclosed\n---\n", line: 7, reason: ["invalid YAML"]),
        Case("bad YAML in a block", head + "title: Meetup\npeople:\n  - name: Ana\n   level: peer\n---\n", line: 9, reason: ["invalid YAML"]),
        Case("wrong type: percent", head + "title: Meetup\ntalk-share: lots\n---\n", line: 7, reason: ["talk-share", "whole number"]),
        Case("wrong type: percent out of range", head + "title: Meetup\ntalk-share: 140\n---\n", line: 7, reason: ["talk-share", "0", "100"]),
        Case("wrong type: people level", head + "title: Meetup\npeople:\n  - name: Ana\n    level: boss\n---\n",
             line: 7, reason: ["people", "level", "junior, peer, senior, executive"]),
        Case("wrong type: yes/no", head + "title: Meetup\nasked-favor: maybe\n---\n", line: 7, reason: ["asked-favor", "yes or no"]),
        Case("wrong type: choice", head + "title: Meetup\nkind: party\n---\n", line: 7, reason: ["kind", "conference"]),
        Case("wrong type: date", head + "title: Meetup\ndate: soon\n---\n", line: 7, reason: ["date", "date and time"]),
        Case("wrong type: text is a list", head + "title: [a, b]\n---\n", line: 6, reason: ["title", "text"]),
        Case("bad created", "---\nschema: 1\ncreated: yesterday-ish\n---\n", line: 3, reason: ["created"]),
        Case("newer schema", "---\nschema: 9\ncreated: 2026-11-24T21:05:12+01:00\n---\n", line: 2, reason: ["newer", "schema 9"]),
        Case("invalid UTF-8", Array((head + "title: Meetup\n").utf8) + [0x6F, 0x66, 0x66, 0x65, 0x72, 0x65, 0x64, 0x3A, 0x20, 0xC3, 0x28, 0x0A]
             + Array("---\n".utf8), line: 7, reason: ["UTF-8"]),
        Case("no front matter", "# Just Markdown\n\ntitle: Meetup\n", line: 1, reason: ["no front matter"]),
        Case("empty file", "", line: 1, reason: ["no front matter"]),
        Case("unclosed front matter", head + "title: Meetup\n\nNotes without a closing line\n", line: 1, reason: ["not closed"]),
        Case("duplicate keys", head + "title: Meetup\nkind: meetup\ntitle: Again\n---\n", line: 8, reason: ["duplicate", "title"]),
        Case("indented line before any key", "---\n  title: Meetup\n---\n", line: 2, reason: ["key: value"]),
        Case("missing created", "---\nschema: 1\ntitle: Meetup\n---\n", line: 1, reason: ["created"]),
    ]

    @Test(arguments: cases)
    func brokenFileIsReportedNotTouched(_ c: Case) throws {
        let root = Fixtures.tempDirectory("tolerant")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        // One good entry beside the broken one.
        let now = Fixtures.ts("2026-11-20T19:00:00+01:00")
        let good = try store.create(Entry(id: "", created: now, updated: now,
                                          answers: ["title": .text("Good one"), "date": .timestamp(now)]))
        let path = root + "/entries/2026/11/2026-11-24-1830-broken.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))

        let snapshot = store.loadAll()
        #expect(snapshot.entries.map(\.id) == [good.id])
        #expect(snapshot.problems.count == 1)
        let problem = try #require(snapshot.problems.first)
        #expect(problem.path == path)
        #expect(problem.line == c.line, "\(problem)")
        for word in c.reason {
            #expect(problem.reason.contains(word), "reason '\(problem.reason)' lacks '\(word)'")
        }
        #expect(problem.description.hasPrefix("\(path):\(c.line): "))

        // Reading it alone fails the same way; saving or trashing nothing touches it.
        #expect(throws: StoreError.invalid(problem)) { try store.read(EntryRef(id: "2026-11-24-1830-broken", path: path)) }
        #expect(Fixtures.bytes(path) == c.bytes)
        // Writing another entry does not touch it either.
        var other = try store.read(try store.find(good.id))
        other["purpose"] = .text("still works")
        _ = try store.save(other, now: now)
        #expect(Fixtures.bytes(path) == c.bytes)
        #expect(store.loadAll().entries.first?.answers["purpose"] == .text("still works"))
    }

    /// A hand-written file in forms the fast reader leaves to Yams still reads.
    @Test func handWrittenYAMLReadsThroughTheFallback() throws {
        let text = """
        ---
        schema: 1
        created: 2026-11-24T21:05:12+01:00
        title: >
          Folded
          title
        kind: 'meetup'
        tags:
          - swift
          - "server side"
        talk-share: "40%"
        asked-favor: No
        date: 2026-11-24 18:30
        people: [{name: Ana, level: Peer}, Bo]
        ---
        """
        let entry = try Fixtures.codec.decode(Array(text.utf8), id: "x", path: "/x.md")
        #expect(entry.title == "Folded title\n")
        #expect(entry.kind == "meetup")
        #expect(entry.tags == ["swift", "server side"])
        #expect(entry["talk-share"] == .number(40))
        #expect(entry["asked-favor"] == .bool(false))
        #expect(entry.date == Fixtures.ts("2026-11-24T18:30:00+01:00"))
        #expect(entry.people == [Person(name: "Ana", level: "peer"), Person(name: "Bo")])
    }
}
