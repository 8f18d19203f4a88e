import Foundation
import Testing
@testable import DebriefCore

/// The journal folder: atomic writes, no overwrites, refusal of files changed on disk, trash,
/// private permissions whatever the umask, slugs.
@Suite struct StoreTests {
    static let now = Fixtures.ts("2026-11-24T21:05:12+01:00")
    static let event = Fixtures.ts("2026-11-24T18:30:00+01:00")

    static func entry(_ title: String, _ extra: [String: Answer] = [:]) -> Entry {
        Entry(id: "", created: now, updated: now,
              answers: ["title": .text(title), "date": .timestamp(event)].merging(extra) { $1 })
    }

    /// Every file and folder under `root`, hidden ones included, relative to it.
    static func tree(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func createWritesTheLayoutAndLeavesNoTemporaryFiles() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let created = try store.create(Self.entry("Swift meetup Berlin", ["tags": .tags(["swift"])]))
        #expect(created.id == "2026-11-24-1830-swift-meetup-berlin")
        #expect(created.source?.path == root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md")
        var edited = created
        edited["purpose"] = .text("Meet people")
        _ = try store.save(edited, now: Fixtures.ts("2026-11-25T08:00:00+01:00"))
        try store.writeDraft("new", text: "draft one")
        try store.writeDraft("new", text: "draft two")
        #expect(Self.tree(root) == [".lock", "drafts", "drafts/new.md", "entries", "entries/2026", "entries/2026/11",
                                    "entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"])
        #expect(try store.readDraft("new") == Array("draft two".utf8))
        #expect(store.draftNames() == ["new"])
        store.removeDraft("new")
        #expect(store.draftNames().isEmpty)
    }

    @Test func atomicWriteWithoutReplaceNeverOverwrites() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let path = root + "/a/b/file.md"
        try AtomicFile.write(Array("first".utf8), to: path, replace: false)
        #expect(throws: StoreError.exists(path)) { try AtomicFile.write(Array("second".utf8), to: path, replace: false) }
        #expect(Fixtures.bytes(path) == Array("first".utf8))
        try AtomicFile.write(Array("third".utf8), to: path, replace: true)
        #expect(Fixtures.bytes(path) == Array("third".utf8))
        #expect(Self.tree(root) == ["a", "a/b", "a/b/file.md"])
    }

    @Test func moveNeverOverwritesAndLeavesOneName() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        try AtomicFile.write(Array("entry".utf8), to: root + "/entries/e.md", replace: false)
        try AtomicFile.write(Array("other".utf8), to: root + "/trash/e.md", replace: false)
        #expect(throws: StoreError.exists(root + "/trash/e.md")) { try AtomicFile.move(root + "/entries/e.md", to: root + "/trash/e.md") }
        #expect(Fixtures.bytes(root + "/trash/e.md") == Array("other".utf8))
        try AtomicFile.move(root + "/entries/e.md", to: root + "/trash/e~2.md")
        var info = stat()
        #expect(lstat(root + "/trash/e~2.md", &info) == 0 && info.st_nlink == 1)
        #expect(Fixtures.bytes(root + "/trash/e~2.md") == Array("entry".utf8))
        #expect(Self.tree(root) == ["entries", "trash", "trash/e.md", "trash/e~2.md"])
    }

    @Test func createNeverOverwritesAndNumbersCollisions() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let ids = try (1...4).map { n in try store.create(Self.entry("Coffee with Ana", ["purpose": .text("#\(n)")])).id }
        #expect(ids == ["2026-11-24-1830-coffee-with-ana", "2026-11-24-1830-coffee-with-ana-2",
                        "2026-11-24-1830-coffee-with-ana-3", "2026-11-24-1830-coffee-with-ana-4"])
        // Each file kept its own content.
        let all = store.loadAll()
        #expect(all.problems.isEmpty)
        #expect(Set(all.entries.compactMap { $0["purpose"]?.text }) == ["#1", "#2", "#3", "#4"])
        // A file put there by hand is not overwritten either.
        let squatter = root + "/entries/2026/11/2026-11-24-1830-lunch.md"
        Fixtures.write("not an entry", to: squatter)
        #expect(try store.create(Self.entry("Lunch")).id == "2026-11-24-1830-lunch-2")
        #expect(Fixtures.bytes(squatter) == Array("not an entry".utf8))
    }

    @Test func saveRefusesAFileChangedOnDisk() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        var entry = try store.create(Self.entry("Meetup"))
        let path = try #require(entry.source?.path)
        // Someone edits the file in their editor meanwhile.
        let edited = String(decoding: try #require(Fixtures.bytes(path)), as: UTF8.self) + "Edited by hand.\n"
        Fixtures.write(edited, to: path)
        entry["purpose"] = .text("mine")
        #expect(throws: StoreError.changedOnDisk(path)) { try store.save(entry, now: Self.now) }
        #expect(Fixtures.bytes(path) == Array(edited.utf8))
        // Trash refuses too.
        #expect(throws: StoreError.changedOnDisk(path)) { try store.trash(entry) }
        #expect(Fixtures.bytes(path) == Array(edited.utf8))
        // A deleted file is refused as well, and not recreated.
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: StoreError.changedOnDisk(path)) { try store.save(entry, now: Self.now) }
        #expect(!FileManager.default.fileExists(atPath: path))
        // Re-reading gives a version that saves.
        Fixtures.write(edited, to: path)
        var fresh = try store.read(try store.find(entry.id))
        fresh["purpose"] = .text("mine")
        let saved = try store.save(fresh, now: Fixtures.ts("2026-11-25T08:00:00+01:00"))
        #expect(saved["purpose"] == .text("mine"))
        #expect(saved.notes == "Edited by hand.")
        #expect(saved.updated == Fixtures.ts("2026-11-25T08:00:00+01:00"))
    }

    @Test func trashAndRestore() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let entry = try store.create(Self.entry("Meetup"))
        let path = try #require(entry.source?.path)
        let bytes = Fixtures.bytes(path)
        let trashed = try store.trash(entry)
        #expect(trashed == root + "/trash/\(entry.id).md")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(Fixtures.bytes(trashed) == bytes)
        #expect(store.loadAll().entries.isEmpty)
        #expect(throws: StoreError.notFound(entry.id)) { try store.find(entry.id) }
        try store.restore(trashPath: trashed, to: path)
        #expect(Fixtures.bytes(path) == bytes)
        #expect(!FileManager.default.fileExists(atPath: trashed))
        #expect(try store.find(entry.id).path == path)
        // A second trash of the same id does not replace the first.
        let again = try store.read(try store.find(entry.id))
        let first = try store.trash(again)
        let other = try store.create(Self.entry("Meetup"))
        #expect(other.id == entry.id)
        let second = try store.trash(other)
        #expect(first != second)
        #expect(second == root + "/trash/\(entry.id)~2.md")
        // Restore never replaces a file that is there.
        let blocker = try store.create(Self.entry("Meetup"))
        #expect(throws: StoreError.exists(path)) { try store.restore(trashPath: first, to: path) }
        #expect(Fixtures.bytes(path) == Fixtures.bytes(blocker.source!.path))
        #expect(FileManager.default.fileExists(atPath: first))
    }

    @Test func findByIdPrefixAndAmbiguity() throws {
        let root = Fixtures.tempDirectory("store")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let a = try store.create(Self.entry("Alpha"))
        let b = try store.create(Self.entry("Beta"))
        #expect(try store.find(a.id).id == a.id)
        #expect(try store.find(a.id + ".md").id == a.id)
        #expect(try store.find("2026-11-24-1830-a").id == a.id)
        #expect(throws: StoreError.ambiguous("2026-11-24", [b.id, a.id])) { try store.find("2026-11-24") }
        #expect(throws: StoreError.notFound("2027")) { try store.find("2027") }
        #expect(throws: StoreError.notFound("")) { try store.find("") }
        #expect(store.refs().map(\.id) == [b.id, a.id])
    }

    /// Directories 0700 and files 0600 with umask 000. The umask is process-wide, so it is set
    /// only around the writes and restored at once; every mode is checked afterwards.
    @Test func permissionsArePrivateWhateverTheUmask() throws {
        let root = Fixtures.tempDirectory("perm") + "/journal"
        defer { Fixtures.removeTemp((root as NSString).deletingLastPathComponent) }
        let store = Fixtures.store(root)
        let old = umask(0)
        let result = Result { () throws -> (Entry, String) in
            let entry = try store.create(Self.entry("Private"))
            var edited = entry
            edited["purpose"] = .text("x")
            let saved = try store.save(edited, now: Self.now)
            try store.writeDraft("d", text: "draft")
            let other = try store.create(Self.entry("Other"))
            return (saved, try store.trash(other))
        }
        umask(old)
        let (saved, trashed) = try result.get()
        func mode(_ path: String) -> mode_t {
            var st = stat()
            #expect(stat(path, &st) == 0, "\(path) missing")
            return st.st_mode & 0o777
        }
        for dir in [root, root + "/entries", root + "/entries/2026", root + "/entries/2026/11", root + "/drafts", root + "/trash"] {
            #expect(mode(dir) == 0o700, "\(dir)")
        }
        for file in [saved.source!.path, root + "/.lock", store.draftPath("d"), trashed] {
            #expect(mode(file) == 0o600, "\(file)")
        }
    }

    @Test(arguments: [
        ("Swift meetup Berlin", "swift-meetup-berlin"),
        ("Zoë's Swift meetup — Berlin!", "zoes-swift-meetup-berlin"),
        ("Café Crème: naïve façade", "cafe-creme-naive-facade"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("ÅNGSTRÖM Ærø Straße Łódź", "angstrom-aero-strasse-lodz"),
        ("日本語", "reflection"),
        ("😀🎉", "reflection"),
        ("", "reflection"),
        ("A very long title that goes on and on well past forty characters", "a-very-long-title-that-goes-on-and-on-we"),
        ("Forty chars exactly and then a break ab cd", "forty-chars-exactly-and-then-a-break-ab"),
        ("C++ & Swift / Rust", "c-swift-rust"),
        ("2026 Q4 review", "2026-q4-review"),
    ])
    func slugs(_ title: String, _ slug: String) {
        let made = Slug.make(title)
        #expect(made == slug)
        #expect(made.count <= Slug.maxLength)
        #expect(made.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 })
        #expect(!made.hasPrefix("-") && !made.hasSuffix("-"))
    }
}

/// `debrief edit` that changes the date or the title moves the file to the new id.
@Suite struct StoreMoveTests {
    static let now = Fixtures.ts("2026-11-26T21:00:00+01:00")

    static func entry(_ title: String, _ date: String, _ extra: [String: Answer] = [:]) -> Entry {
        Entry(id: "", created: now, updated: now, answers: ["title": .text(title), "date": .timestamp(Fixtures.ts(date))].merging(extra) { $1 })
    }

    @Test func aNewDateOrTitleMovesTheFileKeepingWhatMustSurvive() throws {
        let root = Fixtures.tempDirectory("move")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let saved = try store.create(Self.entry("Coffee", "2026-11-24T15:00:00+01:00", [
            "follow-ups": .followUps([FollowUp(who: "Ana", action: "Call")]),
        ]))
        let followUpID = try #require(saved.followUps.first?.id)
        var edited = saved
        edited["date"] = .timestamp(Fixtures.ts("2026-12-02T09:30:00+01:00"))
        let moved = try store.saveMoving(edited, now: Self.now)
        #expect(moved.id == "2026-12-02-0930-coffee")
        #expect(moved.source?.path == root + "/entries/2026/12/2026-12-02-0930-coffee.md")
        #expect(store.refs().map(\.id) == ["2026-12-02-0930-coffee"])
        #expect(moved.followUps.first?.id == followUpID)
        let text = try #require(Fixtures.bytes(root + "/entries/2026/12/2026-12-02-0930-coffee.md")).map { Character(UnicodeScalar($0)) }
        #expect(String(text).contains("id: 2026-12-02-0930-coffee\n"))
        // The same rule as `add`: a taken name gets -2; an unchanged stem does not move.
        _ = try store.create(Self.entry("Tea", "2026-12-02T09:30:00+01:00"))
        var retitled = try store.read(try store.find("2026-12-02-0930-coffee"))
        retitled["title"] = .text("Tea")
        let second = try store.saveMoving(retitled, now: Self.now)
        #expect(second.id == "2026-12-02-0930-tea-2")
        var same = second
        same["kind"] = .choice("social")
        #expect(try store.saveMoving(same, now: Self.now).id == "2026-12-02-0930-tea-2")
        #expect(Set(store.refs().map(\.id)) == ["2026-12-02-0930-tea", "2026-12-02-0930-tea-2"])
    }

    /// A moved entry keeps its old ids (`former-ids`), so `locate` still finds it by any of them,
    /// saying which it had; a current id or prefix wins over an old one. Failed before: the old
    /// id was "not found" once the file had moved.
    @Test func aMovedEntryIsFoundByItsOldIds() throws {
        let root = Fixtures.tempDirectory("move")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let saved = try store.create(Self.entry("Coffee", "2026-11-24T15:00:00+01:00"))
        var edited = saved
        edited["date"] = .timestamp(Fixtures.ts("2026-12-02T09:30:00+01:00"))
        let moved = try store.saveMoving(edited, now: Self.now)
        #expect(moved.formerIDs == ["2026-11-24-1500-coffee"])
        var again = moved
        again["title"] = .text("Coffee with Ana")
        let twice = try store.saveMoving(again, now: Self.now)
        #expect(twice.formerIDs == ["2026-11-24-1500-coffee", "2026-12-02-0930-coffee"])
        let path = try #require(twice.source?.path)
        let text = String(decoding: try #require(Fixtures.bytes(path)), as: UTF8.self)
        #expect(text.contains("id: 2026-12-02-0930-coffee-with-ana\nformer-ids: [2026-11-24-1500-coffee, 2026-12-02-0930-coffee]\n"), "\(text)")
        #expect(try store.locate("2026-11-24-1500-coffee").ref.id == "2026-12-02-0930-coffee-with-ana")
        #expect(try store.locate("2026-11-24-1500-coffee").formerID == "2026-11-24-1500-coffee")
        #expect(try store.locate("2026-11-24-15").formerID == "2026-11-24-1500-coffee", "a prefix of an old id")
        #expect(try store.locate("2026-12-02-0930-coffee-with").formerID == nil, "the current id first")
        #expect(throws: StoreError.notFound("2026-11-25")) { try store.locate("2026-11-25") }
    }

    @Test func aFileChangedMeanwhileOrNamedByHandIsNotMoved() throws {
        let root = Fixtures.tempDirectory("move")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let saved = try store.create(Self.entry("Coffee", "2026-11-24T15:00:00+01:00"))
        let path = try #require(saved.source?.path)
        Fixtures.write(String(decoding: try #require(Fixtures.bytes(path)), as: UTF8.self) + "Added by hand.\n", to: path)
        var edited = saved
        edited["title"] = .text("Lunch")
        #expect(throws: StoreError.changedOnDisk(path)) { try store.saveMoving(edited, now: Self.now) }
        #expect(store.refs().map(\.id) == ["2026-11-24-1500-coffee"])
        // A file named by hand keeps its name.
        let mine = root + "/entries/my-notes.md"
        Fixtures.write("---\ntitle: Mine\ndate: 2026-11-20T10:00:00+01:00\n---\n", to: mine)
        var hand = try store.read(EntryRef(id: "my-notes", path: mine))
        hand["title"] = .text("Still mine")
        #expect(try store.saveMoving(hand, now: Self.now).source?.path == mine)
    }

    /// Only a change of date or title moves a file. One in debrief's place whose name differs
    /// from what its date and title give (shortened by hand, or named by an older rule) keeps
    /// its name through an edit that changes neither; a new title moves it.
    @Test func anEditThatKeepsDateAndTitleKeepsTheName() throws {
        let root = Fixtures.tempDirectory("move")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let path = root + "/entries/2026/11/2026-11-20-1800-hand.md"
        Fixtures.write("---\ntitle: Hand written\ndate: 2026-11-20T18:00:00+01:00\n---\nMy own notes.\n", to: path)
        var kind = try store.read(try store.find("2026-11-20-1800-hand"))
        kind["kind"] = .choice("meetup")
        let kept = try store.saveMoving(kind, now: Self.now)
        #expect(kept.id == "2026-11-20-1800-hand")
        #expect(kept.source?.path == path)
        #expect(store.refs().map(\.id) == ["2026-11-20-1800-hand"])
        var retitled = try store.read(try store.find("2026-11-20-1800-hand"))
        retitled["title"] = .text("Board dinner")
        #expect(try store.saveMoving(retitled, now: Self.now).id == "2026-11-20-1800-board-dinner")
        #expect(store.refs().map(\.id) == ["2026-11-20-1800-board-dinner"])
    }
}
