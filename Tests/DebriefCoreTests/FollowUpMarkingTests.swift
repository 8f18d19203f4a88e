import DebriefCore
import DebriefPrompts
import Foundation
import Testing

@Suite("Marking follow-ups done and open")
struct FollowUpMarkingTests {
    typealias F = PeopleFixtures

    /// A store in a fresh temporary folder with the default catalog.
    static func makeStore() throws -> JournalStore {
        let catalog = try CatalogLoader.load([
            CatalogFile(name: "reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
            CatalogFile(name: "pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
        ])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-followups-\(UUID().uuidString)").path
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        return JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: zone))
    }

    static func lines(_ path: String) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
    }

    static let sample = F.entry("x", title: "Swift meetup Berlin", date: "2026-11-24", people: [
        Person(name: "Ana Li", level: "peer", relation: "new", note: "Migrating: \"quotes\" # and a hash"),
    ], followUps: [
        FollowUp(who: "Ana Li", action: "Send the benchmark repository link", due: F.day("2026-11-27")),
        FollowUp(who: "Zoë Brandt", action: "Intro to Sam — über-helpful", due: F.day("2026-12-31")),
        FollowUp(who: "", action: "Write up the notes"),
    ])

    @Test("done changes only that action's done line and `updated`; undone restores the rest byte for byte")
    func doneAndUndoneKeepTheFile() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let created = try store.create(Self.sample)
        let path = try #require(created.source?.path)
        let before = try Self.lines(path)

        guard case .updated(let marked) = try created.markingFollowUp(2, done: F.day("2026-11-26")) else {
            Issue.record("expected a change")
            return
        }
        let saved = try store.save(marked, now: F.time("2026-11-26T09:15:00+01:00"))
        let after = try Self.lines(path)
        #expect(after.count == before.count + 1)
        let inserted = try #require(after.firstIndex(of: "    done: 2026-11-26"))
        // The new line sits right after the second action's due line.
        #expect(after[inserted - 1] == "    due: 2026-12-31")
        var withoutDone = after
        withoutDone.remove(at: inserted)
        let differing = zip(before, withoutDone).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differing.count == 1)
        #expect(differing.first?.element.1 == "updated: 2026-11-26T09:15:00+01:00")
        #expect(saved.followUps[1].done == F.day("2026-11-26"))
        #expect(saved.followUps[0].done == nil && saved.followUps[2].done == nil)

        guard case .updated(let reopened) = try saved.markingFollowUp(2, done: nil) else {
            Issue.record("expected a change")
            return
        }
        _ = try store.save(reopened, now: F.time("2026-11-27T08:00:00+01:00"))
        let restored = try Self.lines(path)
        let changed = zip(before, restored).filter { $0.0 != $0.1 }
        #expect(restored.count == before.count)
        #expect(changed.count == 1)
        #expect(changed.first?.1 == "updated: 2026-11-27T08:00:00+01:00")
    }

    @Test("A hand-written file keeps its comments and unknown keys when an action is marked done")
    func handWrittenFile() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let text = """
        ---
        # written by hand
        schema: 1
        id: 2026-11-24-1830-meetup
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Meetup
        date: 2026-11-24T18:30:00+01:00
        mood: great

        follow-ups:
          - who: Ana Li
            action: Send the link
            due: 2026-11-27
        tags: [swift]
        ---
        Notes stay.

        """
        let ref = try #require(store.canonicalRef(for: "2026-11-24-1830-meetup"))
        try FileManager.default.createDirectory(atPath: (ref.path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: ref.path))
        let entry = try store.read(ref)
        guard case .updated(let marked) = try entry.markingFollowUp(1, done: F.day("2026-11-28")) else {
            Issue.record("expected a change")
            return
        }
        _ = try store.save(marked, now: F.time("2026-11-28T12:00:00+01:00"))
        let expected = text
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-28T12:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n", with: "    due: 2026-11-27\n    done: 2026-11-28\n")
        #expect(try Self.lines(ref.path) == expected.components(separatedBy: "\n"))
    }

    @Test("Already done or already open is reported, not changed")
    func alreadyInThatState() throws {
        let entry = F.entry("e", date: "2026-11-24", followUps: [
            FollowUp(who: "A", action: "Done one", done: F.day("2026-11-25")),
            FollowUp(who: "B", action: "Open one"),
        ])
        #expect(try entry.markingFollowUp(1, done: F.day("2026-11-26")) == .alreadyDone(F.day("2026-11-25")))
        #expect(try entry.markingFollowUp(2, done: nil) == .alreadyOpen)
        guard case .updated(let e) = try entry.markingFollowUp(1, done: nil) else {
            Issue.record("expected a change")
            return
        }
        #expect(e.followUps[0].done == nil)
        #expect(e.followUps[1] == entry.followUps[1])
    }

    @Test("N out of range says how many actions there are", arguments: [0, 3, -1])
    func outOfRange(n: Int) {
        let entry = F.entry("e", date: "2026-11-24", followUps: [FollowUp(who: "A", action: "a"), FollowUp(who: "B", action: "b")])
        #expect(throws: FollowUpOutOfRange(entryID: "e", n: n, count: 2)) { try entry.markingFollowUp(n, done: nil) }
        #expect(FollowUpOutOfRange(entryID: "e", n: n, count: 2).description.contains("from 1 to 2"))
        #expect(FollowUpOutOfRange(entryID: "e", n: 1, count: 0).description == "e has no follow-up actions")
    }

    @Test("A file changed on disk after reading is not overwritten")
    func changedOnDisk() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(atPath: store.root) }
        let created = try store.create(Self.sample)
        let path = try #require(created.source?.path)
        let edited = try #require(FileManager.default.contents(atPath: path)) + Data("More notes.\n".utf8)
        try edited.write(to: URL(fileURLWithPath: path))
        guard case .updated(let marked) = try created.markingFollowUp(1, done: F.day("2026-11-26")) else {
            Issue.record("expected a change")
            return
        }
        #expect(throws: StoreError.changedOnDisk(path)) { try store.save(marked, now: F.time("2026-11-26T10:00:00+01:00")) }
        #expect(FileManager.default.contents(atPath: path) == edited)
    }
}
