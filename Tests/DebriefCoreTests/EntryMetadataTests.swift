import Foundation
import Testing
@testable import DebriefCore

/// The keys that say how an entry and its follow-ups came to be: `flow` and `source` on the entry,
/// `id`, `first-due` and `postponed` on a follow-up row.
@Suite struct EntryMetadataTests {
    static let now = Fixtures.ts("2026-11-24T21:05:12+01:00")

    static let file = """
    ---
    schema: 1
    id: 2026-11-24-1830-coffee
    created: 2026-11-24T21:05:12+01:00
    updated: 2026-11-24T21:05:12+01:00
    flow: quick
    source: "jrnl:3f2a9c"
    title: Coffee
    date: 2026-11-24T18:30:00+01:00
    follow-ups:
      - who: Ana Li
        action: Send the link
        due: 2026-12-04
        first-due: 2026-11-27
        postponed: 2
        id: k7m2q9xa
      - action: Book a room
    ---

    """

    @Test func flowSourceAndFollowUpHistoryAreReadAndWrittenBackByteForByte() throws {
        let entry = try Fixtures.codec.decode(Array(Self.file.utf8), id: "2026-11-24-1830-coffee", path: "/j/x.md")
        #expect(entry.flow == "quick")
        #expect(entry.origin == "jrnl:3f2a9c")
        #expect(!entry.isImported)
        #expect(entry.followUps == [
            FollowUp(who: "Ana Li", action: "Send the link", due: Day(iso: "2026-12-04"), id: "k7m2q9xa",
                     firstDue: Day(iso: "2026-11-27"), postponed: 2),
            FollowUp(who: "", action: "Book a room"),
        ])
        #expect(Fixtures.codec.encode(entry) == Self.file)
    }

    @Test func aNewEntryWritesItsFlowAfterTheMetadataAndHistoryInTheRow() {
        var entry = Entry(id: "2026-11-24-1830-coffee", created: Self.now, updated: Self.now,
                          answers: ["title": .text("Coffee"),
                                    "follow-ups": .followUps([FollowUp(who: "Ana", action: "Call", due: Day(iso: "2026-12-04"),
                                                                       id: "abcd2345", firstDue: Day(iso: "2026-12-01"), postponed: 1)])],
                          flow: Entry.importedFlow, origin: "json:1")
        #expect(entry.isImported)
        let text = Fixtures.codec.encode(entry)
        #expect(text == """
        ---
        schema: 1
        id: 2026-11-24-1830-coffee
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        flow: imported
        source: json:1
        title: Coffee
        follow-ups:
          - who: Ana
            action: Call
            due: 2026-12-04
            first-due: 2026-12-01
            postponed: 1
            id: abcd2345
        ---

        """)
        // Clearing the flow (a quick entry completed by an edit) removes the key.
        entry.flow = nil
        entry.origin = nil
        #expect(!Fixtures.codec.encode(entry).contains("flow:"))
        #expect(!Fixtures.codec.encode(entry).contains("source:"))
    }

    @Test(arguments: [
        ("flow: [a, b]", "`flow` must be text"),
        ("    postponed: -1", "`postponed` must be a whole number"),
        ("    postponed: often", "`postponed` must be a whole number"),
        ("    first-due: soon", "`first-due` must be a date"),
    ])
    func badValuesAreReportedWithTheirLine(_ line: String, _ reason: String) {
        var lines = Self.file.components(separatedBy: "\n")
        if line.hasPrefix("flow") {
            lines[5] = line
        } else {
            let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":")[0]
            let i = lines.firstIndex { $0.hasPrefix("    \(key):") }!
            lines[i] = line
        }
        do {
            _ = try Fixtures.codec.decode(Array(lines.joined(separator: "\n").utf8), id: "x", path: "/j/x.md")
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test func idsAreAssignedOnceUniqueAndKept() {
        let rows = [FollowUp(who: "Ana", action: "Call"), FollowUp(who: "Ana", action: "Call"),
                    FollowUp(who: "Bo", action: "Mail", id: "keepthis")]
        let entry = Entry(id: "2026-11-24-1830-coffee", created: Self.now, updated: Self.now,
                          answers: ["follow-ups": .followUps(rows)])
        let assigned = entry.assigningFollowUpIDs()
        let ids = assigned.followUps.compactMap(\.id)
        #expect(ids.count == 3 && Set(ids).count == 3)
        #expect(ids[2] == "keepthis")
        #expect(ids.allSatisfy { $0.count >= 8 && $0.allSatisfy { "abcdefghijkmnpqrstuvwxyz23456789".contains($0) || $0 == "k" } })
        // Deterministic for the same input, and stable once written: assigning again changes nothing.
        #expect(entry.assigningFollowUpIDs() == assigned)
        #expect(assigned.assigningFollowUpIDs() == assigned)
        // Another entry with the same rows gets other ids.
        var other = entry
        other.id = "2026-11-24-1830-coffee-2"
        #expect(other.assigningFollowUpIDs().followUps[0].id != ids[0])
    }

    @Test func createGivesEveryFollowUpAnIdAndASaveKeepsIt() throws {
        let root = Fixtures.tempDirectory("metadata")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let entry = Entry(id: "", created: Self.now, updated: Self.now,
                          answers: ["title": .text("Coffee"), "date": .timestamp(Self.now),
                                    "follow-ups": .followUps([FollowUp(who: "Ana", action: "Call")])])
        let created = try store.create(entry)
        let id = try #require(created.followUps.first?.id)
        var edited = created
        edited["purpose"] = .text("Catch up")
        let saved = try store.save(edited, now: Fixtures.ts("2026-11-25T08:00:00+01:00"))
        #expect(saved.followUps.first?.id == id)
        // The second entry of the same name gets its own ids.
        let second = try store.create(entry)
        #expect(second.id.hasSuffix("-2"))
        #expect(second.followUps.first?.id != id)
    }
}
