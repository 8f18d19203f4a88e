import DebriefCore
import Foundation
import Testing

/// Renaming and merging people across the journal: which lines change, byte for byte, and a
/// file changed meanwhile left alone.
@Suite("Rename and merge people")
struct NameChangeTests {
    typealias F = PeopleFixtures

    static let now = F.time("2026-11-26T10:00:00+01:00")

    static func place(_ text: String, id: String, in store: JournalStore) throws -> String {
        let ref = try #require(store.canonicalRef(for: id))
        Fixtures.write(text, to: ref.path)
        return ref.path
    }

    static func text(_ path: String) -> String { String(decoding: Fixtures.bytes(path) ?? [], as: UTF8.self) }

    static let nfc = "Zo\u{00EB} Brandt"
    static let nfd = "Zoe\u{0308} Brandt"

    @Test("Every spelling (NFC, NFD, case, spacing) is renamed in people rows and follow-up owners; only those lines and updated change")
    func renameVariants() throws {
        let store = Fixtures.store(Fixtures.tempDirectory("rename"))
        defer { Fixtures.removeTemp(store.root) }
        let first = """
        ---
        schema: 1
        id: 2026-11-20-1800-meetup
        created: 2026-11-20T21:00:00+01:00
        updated: 2026-11-20T21:00:00+01:00
        title: Meetup
        people:
          - name: \(Self.nfd)
            note: Zoe Brant runs the platform team
          - name: Ana Li
        follow-ups:
          - who: ZOE BRANDT   # typed in a hurry
            action: Send the slides
          - who: Ana Li
            action: Intro to Marc
        ---
        Zoe Brant said hi.

        """
        let second = """
        ---
        schema: 1
        id: 2026-11-22-1800-coffee
        created: 2026-11-22T21:00:00+01:00
        updated: 2026-11-22T21:00:00+01:00
        title: Coffee
        people:
        - name: "zoe  brandt"
          level: peer
        ---

        """
        let already = """
        ---
        schema: 1
        id: 2026-11-23-1800-lunch
        created: 2026-11-23T21:00:00+01:00
        updated: 2026-11-23T21:00:00+01:00
        title: Lunch
        people:
          - name: \(Self.nfc)
        ---

        """
        let p1 = try Self.place(first, id: "2026-11-20-1800-meetup", in: store)
        let p2 = try Self.place(second, id: "2026-11-22-1800-coffee", in: store)
        let p3 = try Self.place(already, id: "2026-11-23-1800-lunch", in: store)
        let change = NameChange(from: ["zoe brandt"], to: Self.nfd)   // typed on a Mac: written NFC
        #expect(Array(change.to.unicodeScalars) == Array(Self.nfc.unicodeScalars))
        let plan = store.plan(change, entries: store.loadAll().entries, now: Self.now)
        // The lunch already says Zoë Brandt in NFC: nothing to do there.
        #expect(plan.map(\.path).sorted() == [p1, p2])
        let meetup = try #require(plan.first { $0.path == p1 })
        #expect(meetup.people == 1 && meetup.followUps == 1)
        #expect(meetup.lines == [
            NameLineChange(line: 8, before: "  - name: \(Self.nfd)", after: "  - name: \(Self.nfc)"),
            NameLineChange(line: 12, before: "  - who: ZOE BRANDT   # typed in a hurry", after: "  - who: \(Self.nfc)   # typed in a hurry"),
        ])
        // Nothing is written by planning.
        #expect(Self.text(p1) == first)
        for file in plan { try store.write(file) }
        let after1 = Self.text(p1)
        #expect(Array(after1.unicodeScalars) == Array(first
            .replacingOccurrences(of: "updated: 2026-11-20T21:00:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "  - name: \(Self.nfd)\n", with: "  - name: \(Self.nfc)\n")
            .replacingOccurrences(of: "  - who: ZOE BRANDT   #", with: "  - who: \(Self.nfc)   #").unicodeScalars))
        // Notes and the body are not names: they keep "Zoe Brant".
        #expect(after1.contains("note: Zoe Brant runs the platform team") && after1.contains("Zoe Brant said hi."))
        #expect(Self.text(p2) == second
            .replacingOccurrences(of: "updated: 2026-11-22T21:00:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "- name: \"zoe  brandt\"", with: "- name: \(Self.nfc)"))
        #expect(Self.text(p3) == already)
        // Afterwards the person is written one way.
        let index = PeopleIndex(entries: store.loadAll().entries)
        #expect(index.people.filter { $0.key == "zoe brandt" }.count == 1)
        #expect(store.plan(change, entries: store.loadAll().entries, now: Self.now).isEmpty)
    }

    @Test("Merge: several people become one; CRLF stays CRLF")
    func mergeKeepsCRLF() throws {
        let store = Fixtures.store(Fixtures.tempDirectory("merge"))
        defer { Fixtures.removeTemp(store.root) }
        let lines = ["---", "schema: 1", "id: 2026-11-20-1800-meetup", "created: 2026-11-20T21:00:00+01:00",
                     "updated: 2026-11-20T21:00:00+01:00", "title: Meetup", "people:", "  - name: Zoe", "  - name: Z. Brandt",
                     "  - name: Kai", "---", ""]
        let path = try Self.place(lines.joined(separator: "\r\n"), id: "2026-11-20-1800-meetup", in: store)
        let plan = store.plan(NameChange(from: ["zoe", "z. brandt"], to: "Zoë Brandt"), entries: store.loadAll().entries, now: Self.now)
        #expect(plan.count == 1 && plan.first?.people == 2)
        for file in plan { try store.write(file) }
        var expected = lines
        expected[4] = "updated: 2026-11-26T10:00:00+01:00"
        expected[7] = "  - name: Zoë Brandt"
        expected[8] = "  - name: Zoë Brandt"
        #expect(Self.text(path) == expected.joined(separator: "\r\n"))
    }

    @Test("A file changed after the plan is not written; the others are")
    func changedFileIsSkipped() throws {
        let store = Fixtures.store(Fixtures.tempDirectory("rename-skip"))
        defer { Fixtures.removeTemp(store.root) }
        let a = try store.create(F.entry("a", title: "A", date: "2026-11-20", people: [Person(name: "Zoe Brant")]))
        let b = try store.create(F.entry("b", title: "B", date: "2026-11-21", people: [Person(name: "Zoe Brant")]))
        let plan = store.plan(NameChange(from: ["Zoe Brant"], to: "Zoë Brandt"), entries: store.loadAll().entries, now: Self.now)
        #expect(plan.count == 2)
        let pathA = try #require(a.source?.path), pathB = try #require(b.source?.path)
        let edited = Self.text(pathA) + "Edited meanwhile.\n"
        Fixtures.write(edited, to: pathA)
        // Writing the plan: the changed file is skipped and named, the other written.
        let outcome = try store.write(plan)
        #expect(outcome.skipped.map(\.path) == [pathA])
        #expect(outcome.written.map(\.path) == [pathB])
        #expect(NameChange.extent(outcome.written) == "in 1 file (1 people row, 0 follow-ups)")
        let fileA = try #require(plan.first { $0.path == pathA })
        #expect(throws: StoreError.changedOnDisk(pathA)) { try store.write(fileA) }
        #expect(Self.text(pathA) == edited)
        #expect(Self.text(pathB).contains("  - name: Zoë Brandt\n"))
    }

    @Test("A person written as a bare name cannot be patched line by line: the people field is rewritten, nothing else")
    func bareNameFallsBack() throws {
        let store = Fixtures.store(Fixtures.tempDirectory("rename-bare"))
        defer { Fixtures.removeTemp(store.root) }
        let text = "---\nschema: 1\nid: 2026-11-20-1800-x\ncreated: 2026-11-20T21:00:00+01:00\nupdated: 2026-11-20T21:00:00+01:00\n"
            + "title: X\npeople:\n  - Zoe Brant\n  - Ana Li\ntags: [a]\n---\n"
        let path = try Self.place(text, id: "2026-11-20-1800-x", in: store)
        let plan = store.plan(NameChange(from: ["Zoe Brant"], to: "Zoë Brandt"), entries: store.loadAll().entries, now: Self.now)
        for file in plan { try store.write(file) }
        #expect(Self.text(path) == text
            .replacingOccurrences(of: "updated: 2026-11-20T21:00:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "  - Zoe Brant\n  - Ana Li\n", with: "  - name: Zoë Brandt\n  - name: Ana Li\n"))
    }
}
