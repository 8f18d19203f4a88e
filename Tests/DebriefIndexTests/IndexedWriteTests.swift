import DebriefCore
import DebriefIndex
import Foundation
import Testing

/// Writes of entries rebuilt from the index, which hold answers but not the file's layout: each
/// must keep the file's own lines as a write of the entry read from the file does.
@Suite struct IndexedWriteTests {
    @Test func aRenameOfAnEntryRebuiltFromTheIndexPatchesOnlyItsLines() throws {
        let f = IndexFixture("rename", racyMargin: 0)
        let text = IndexFixture.text(title: "Meetup", date: "2029-03-04T18:30:00+01:00", people: ["Zoe", "Kai"])
            .replacingOccurrences(of: "people:\n", with: "# met at the door\npeople:\n")
        let path = f.write("2029-03-04-1830-meetup", text)
        _ = f.indexed.loadAll()
        let entries = f.indexed.loadAll().entries
        #expect(f.index.lastRefresh.rebuilt == 1, "the second read rebuilds the entry from the index")

        let now = try #require(Timestamp(iso: "2029-03-05T09:00:00+01:00"))
        let change = NameChange(from: ["Zoe"], to: "Zoë Brandt")
        let indexed = f.indexed.plan(change, entries: entries, now: now)
        let plain = f.plain.plan(change, entries: f.plain.loadAll().entries, now: now)
        #expect(indexed.map(\.text) == plain.map(\.text))
        #expect(indexed.map(\.lines) == plain.map(\.lines))
        #expect(indexed.first?.lines == [NameLineChange(line: 10, before: "  - name: Zoe", after: "  - name: Zoë Brandt")])

        let outcome = try f.indexed.write(indexed)
        #expect(outcome.written.count == 1 && outcome.skipped.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("# met at the door\npeople:\n  - name: Zoë Brandt\n"))
    }
}
