#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The safety suite for forgetting someone (issue 19): `debrief people forget NAME` removes their
/// people rows (with their notes) and follow-ups from every entry and from `trash/`, in minimal
/// diffs, leaves no removed text in the index's files, names every line of prose that still names
/// them, and `doctor --forgotten NAME` confirms the name appears nowhere debrief keeps data.
@Suite struct ForgetSafetyTests {
    typealias H = BinaryRunner

    static let coffee = """
    title: Coffee with Ana
    date: 2026-11-13 09:00
    people:
      - name: Ana Li
        level: peer
        note: Moving to Lisbon in March
      - name: Kai Berg
    follow-ups:
      - who: ana  li
        action: Send the deck
        due: 2026-11-20
      - who: Kai Berg
        action: Intro to Sam
        due: 2026-11-21
    """

    /// Every file of the index (database, -wal, -shm) joined, to search for text byte by byte.
    static func indexBytes(_ h: H) -> Data {
        let folder = h.home + "/.cache/debrief"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().reduce(into: Data()) { all, name in
            all += FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
        }
    }

    static func holds(_ data: Data, _ text: String) -> Bool { data.range(of: Data(text.utf8)) != nil }

    @Test func forgettingSomeoneLeavesTheirNameNowhere() throws {
        let h = try H()
        defer { h.cleanUp() }
        let coffee = try h.add(Self.coffee)
        // Only Ana, spelled in capitals and NFD: the whole `people:` key goes.
        let alone = try h.add("title: Walk\ndate: 2026-11-14 09:00\npeople:\n  - name: A\u{301}NA LI\n    note: Knows Lisbon\n")
        // Someone else with a longer name, and Ana named in prose: neither is removed.
        let lunch = try h.add("title: Lunch\ndate: 2026-11-15 12:00\npeople:\n  - name: Ana Lima\nnotes: Met Ana Li's team there.\n")
        let trashed = try h.add("title: Old call\ndate: 2026-11-01 09:00\npeople:\n  - name: Ana Li\n    note: Prefers calls at eight\n")
        try FileManager.default.createDirectory(atPath: h.journal + "/trash", withIntermediateDirectories: true)
        let inTrash = h.journal + "/trash/\(trashed.id).md"
        try FileManager.default.moveItem(atPath: trashed.path, toPath: inTrash)
        #expect(try h.run(["list"]).status == 0)
        #expect(Self.holds(Self.indexBytes(h), "Moving to Lisbon"), "the index held the note before")

        let paths = [coffee.path, alone.path, lunch.path, inTrash]
        let before = try paths.map { try H.bytes($0) }
        let later = ["DEBRIEF_NOW": "2026-11-27T09:00:00+01:00"]
        let dry = try h.run(["people", "forget", "Ana Li", "--dry-run"], env: later)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stderr == "Would remove “Ana Li” from 3 files (3 people rows, 1 follow-up); nothing written (--dry-run).\n")
        for path in [coffee.path, alone.path, inTrash] { #expect(dry.stdout.contains(path + "\n"), "\(dry.stdout)") }
        #expect(try paths.map { try H.bytes($0) } == before, "--dry-run wrote")

        let run = try h.run(["people", "forget", "Ana Li"], env: later)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == dry.stdout)
        #expect(run.stderr.hasPrefix("Removed “Ana Li” from 3 files (3 people rows, 1 follow-up).\n"), "\(run.stderr)")
        // Minimal diffs: the coffee entry loses exactly Ana's row and follow-up, and `updated:` changes.
        let old = String(decoding: before[0], as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: try H.bytes(coffee.path), as: UTF8.self).components(separatedBy: "\n")
        let gone = ["  - name: Ana Li", "    level: peer", "    note: Moving to Lisbon in March",
                    "  - who: ana  li", "    action: Send the deck", "    due: 2026-11-20"]
        // The follow-up's id, given when it was added, goes with its row.
        let idLine = try #require(old.firstIndex(of: "    due: 2026-11-20").map { old[$0 + 1] })
        #expect(idLine.hasPrefix("    id: "))
        #expect(new.filter { !$0.hasPrefix("updated:") } == old.filter { !gone.contains($0) && $0 != idLine && !$0.hasPrefix("updated:") })
        #expect(new.contains("updated: 2026-11-27T09:00:00+01:00"))
        let walk = String(decoding: try H.bytes(alone.path), as: UTF8.self)
        #expect(!walk.contains("people:") && !walk.contains("Lisbon") && walk.contains("title: Walk"), "\(walk)")
        let trash = String(decoding: try H.bytes(inTrash), as: UTF8.self)
        #expect(!trash.contains("Ana Li") && !trash.contains("eight") && trash.contains("title: Old call"), "\(trash)")
        #expect(try H.bytes(lunch.path) == before[2], "Ana Lima's entry changed")
        // What is left is named: the prose line, and the index that still indexes it.
        #expect(run.stderr.contains("“Ana Li” still appears in 2 places debrief does not rewrite"), "\(run.stderr)")
        #expect(run.stderr.contains("\(lunch.path):"), "\(run.stderr)")
        #expect(run.stderr.contains("Met Ana Li's team there."))
        // The removed rows left no text in the index's files.
        let index = Self.indexBytes(h)
        for text in ["Moving to Lisbon", "Knows Lisbon", "Prefers calls at eight", "Send the deck", "ana  li"] {
            #expect(!Self.holds(index, text), "the index still holds \(text)")
        }
        for env in [[:], ["DEBRIEF_INDEX": "off"]] {
            let people = try H.objects(try h.run(["people", "--format", "json"], env: env).stdout)
            #expect(people.compactMap { $0["name"] as? String }.sorted() == ["Ana Lima", "Kai Berg"], "\(env): \(people)")
            let due = try h.run(["followups", "--all"], env: env)
            #expect(!due.stdout.contains("Send the deck") && due.stdout.contains("Intro to Sam"), "\(env): \(due.stdout)")
        }

        let check = try h.run(["doctor", "--forgotten", "ana li"])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("\(lunch.path):"), "\(check.stderr)")
        // The user edits the line; then the name is nowhere, the index included.
        try Data(String(decoding: before[2], as: UTF8.self).replacingOccurrences(of: "Met Ana Li's team there.", with: "Met the team.").utf8)
            .write(to: URL(fileURLWithPath: lunch.path))
        let clean = try h.run(["doctor", "--forgotten", "Ana Li"])
        #expect(clean.status == 0, "\(clean.stdout) \(clean.stderr)")
        #expect(clean.stderr.contains("“Ana Li” appears nowhere debrief keeps data (entries, trash/, drafts/, the index)."), "\(clean.stderr)")
        #expect(!Self.holds(Self.indexBytes(h), "Ana Li's"))
        // Forgetting again finds nothing to do and says so.
        let again = try h.run(["people", "forget", "Ana Li"])
        #expect(again.status == 66, "\(again.stderr)")
    }

    /// A hard-linked entry is named and left whole, like every write of a linked entry; the other
    /// files are still cleaned.
    @Test func aLinkedEntryIsNamedAndLeft() throws {
        let h = try H()
        defer { h.cleanUp() }
        let linked = try h.add(Self.coffee)
        let plain = try h.add("title: Walk\ndate: 2026-11-14 09:00\npeople:\n  - name: Ana Li\n")
        let copy = h.root + "/outside.md"
        try #require(link(linked.path, copy) == 0)
        let before = try H.bytes(linked.path)
        let r = try h.run(["people", "forget", "Ana Li"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("skipped \(linked.path): the same file under 2 names (hard links)"), "\(r.stderr)")
        #expect(try H.bytes(linked.path) == before)
        #expect(!String(decoding: try H.bytes(plain.path), as: UTF8.self).contains("Ana Li"))
    }

    static let badNames: [([String], Int32)] = [
        (["people", "forget", ""], 64), (["people", "forget", "a\nb"], 64), (["people", "forget", "Nobody"], 66),
        (["doctor", "--forgotten", " "], 64),
    ]

    @Test(arguments: badNames)
    func badNamesAreRefused(_ args: [String], _ status: Int32) throws {
        let h = try H()
        defer { h.cleanUp() }
        try h.add(Self.coffee)
        let before = h.entryFiles().map { try? H.bytes($0) }
        let r = try h.run(args)
        #expect(r.status == status, "\(args): \(r.status) \(r.stderr)")
        #expect(h.entryFiles().map { try? H.bytes($0) } == before)
    }
}
