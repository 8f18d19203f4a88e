import Foundation
import Testing
@testable import DebriefCore

/// Files that would hang, exhaust memory, or be silently counted twice: read only regular files
/// up to 8 MB, bound YAML aliases, and find every entry once (see ``JournalScan``).
@Suite struct HostileFileTests {
    static let entry = "---\nschema: 1\ncreated: 2026-11-24T21:05:12+01:00\ntitle: Meetup\n---\n"

    /// A journal with one good entry; returns the store, the entries folder and the good entry's path.
    static func journal(_ label: String) throws -> (JournalStore, String, String) {
        let root = Fixtures.tempDirectory(label)
        let store = Fixtures.store(root)
        let dir = store.entriesDirectory + "/2026/11"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let good = dir + "/2026-11-24-2105-meetup.md"
        Fixtures.write(entry, to: good)
        return (store, dir, good)
    }

    // MARK: - Reading limits

    @Test func aFIFOIsReportedWithoutWaitingForAWriter() throws {
        let (store, dir, _) = try Self.journal("fifo")
        defer { Fixtures.removeTemp(store.root) }
        try #require(mkfifo(dir + "/2026-11-25-1000-pipe.md", 0o600) == 0)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.map(\.id) == ["2026-11-24-2105-meetup"])
        #expect(snapshot.problems.map(\.reason) == ["not a regular file (a FIFO); debrief reads only regular files"])
    }

    @Test func aLinkToADeviceIsNotRead() throws {
        let (store, dir, _) = try Self.journal("zero")
        defer { Fixtures.removeTemp(store.root) }
        try #require(symlink("/dev/zero", dir + "/2026-11-25-1000-zero.md") == 0)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.count == 1)
        #expect(snapshot.problems.map(\.reason) == ["not a regular file (a character device); debrief reads only regular files"])
    }

    @Test func aFileOverTheLimitIsReportedNotRead() throws {
        let (store, dir, _) = try Self.journal("large")
        defer { Fixtures.removeTemp(store.root) }
        let path = dir + "/2026-11-25-1000-large.md"
        Fixtures.write(Self.entry + String(repeating: "x", count: AtomicFile.readLimit), to: path)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.count == 1)
        #expect(snapshot.problems.map(\.reason) == ["larger than 8 MB; debrief does not read files that large"])
        // Just under the limit still reads.
        Fixtures.write(Self.entry + String(repeating: "x", count: AtomicFile.readLimit - Self.entry.utf8.count - 1), to: path)
        #expect(store.loadAll().entries.count == 2)
    }

    // MARK: - YAML aliases

    /// Nine levels of nine aliases: 387 million nodes once expanded from 373 bytes of text.
    static let aliasBomb = """
    ---
    created: 2026-11-24T21:05:12+01:00
    title: Bomb
    tags: [&a lol, &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], &g [*f,*f,*f,*f,*f,*f,*f,*f,*f], &h [*g,*g,*g,*g,*g,*g,*g,*g,*g], &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]]
    ---

    """

    @Test func anAliasBombIsRefusedBeforeItIsExpanded() throws {
        let (store, dir, _) = try Self.journal("bomb")
        defer { Fixtures.removeTemp(store.root) }
        Fixtures.write(Self.aliasBomb, to: dir + "/2026-11-25-1000-bomb.md")
        let snapshot = store.loadAll()
        #expect(snapshot.entries.count == 1)
        let problem = try #require(snapshot.problems.first)
        #expect(problem.line == 4)
        #expect(problem.reason.contains("YAML aliases here expand to more than 1000 values"), "\(problem.reason)")
    }

    @Test func theBudgetCountsExpandedNodes() throws {
        let count = try #require(YAMLAliasBudget.expansion("a: &x [1, 2, 3]\nb: [*x, *x]\n"))
        // Written: map, a, list, 1, 2, 3, b, list, alias, alias = 10; expanded: the two aliases
        // stand for the four-node list each.
        #expect(count.written == 10)
        #expect(count.expanded == 16)
        #expect(count.firstAliasLine == 2)
    }

    /// What PyYAML's `safe_dump` writes for one list used twice, within a field and across fields.
    @Test func plainAliasesAsPyYAMLWritesThemAreRead() throws {
        let codec = Fixtures.codec
        let within = """
        ---
        created: 2026-11-24T21:05:12+01:00
        title: Aliases
        follow-ups:
        - &id001
          who: Ana
          action: Send the deck
          due: 2026-11-27
        - *id001
        ---

        """
        let a = try codec.decode(Array(within.utf8), id: "x", path: "x.md")
        #expect(a.followUps.map(\.action) == ["Send the deck", "Send the deck"])
        let across = """
        ---
        created: 2026-11-24T21:05:12+01:00
        title: Aliases
        tags: &id001
        - swift
        - server
        people:
        - name: Ana
        topics: *id001
        ---

        """
        // `topics` is not a prompt: read (so the alias resolves) and kept, not an answer.
        let b = try codec.decode(Array(across.utf8), id: "x", path: "x.md")
        #expect(b.tags == ["swift", "server"])
    }

    // MARK: - Byte-order mark and remarks

    @Test func aByteOrderMarkIsReadPastAndKept() throws {
        let (store, dir, _) = try Self.journal("bom")
        defer { Fixtures.removeTemp(store.root) }
        let path = dir + "/2026-11-25-1000-bom.md"
        Fixtures.write("\u{FEFF}" + Self.entry, to: path)
        let entry = try store.read(EntryRef(id: "2026-11-25-1000-bom", path: path))
        #expect(entry.title == "Meetup")
        #expect(JournalDoctor.remarks(entry).map(\.reason) == ["starts with a UTF-8 byte-order mark; read past it, and kept when debrief saves"])
        var changed = entry
        changed["purpose"] = .text("Meet people")
        _ = try store.save(changed, now: Fixtures.ts("2026-11-26T10:00:00+01:00"))
        let bytes = try #require(Fixtures.bytes(path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func doctorRemarksOnAnIdThatIsNotTheFileNameAndOnNoTitle() throws {
        let (store, dir, _) = try Self.journal("remarks")
        defer { Fixtures.removeTemp(store.root) }
        Fixtures.write("---\nschema: 1\nid: something-else\ncreated: 2026-11-24T21:05:12+01:00\ntitle: ~\n---\n",
                       to: dir + "/2026-11-25-1000-odd.md")
        let findings = JournalDoctor.examine(store)
        #expect(findings.entries == 2)
        #expect(findings.problems.map(\.description) == [
            dir + "/2026-11-25-1000-odd.md:3: the front matter says `id: something-else` but the file is named 2026-11-25-1000-odd.md; debrief goes by the file name",
            dir + "/2026-11-25-1000-odd.md:5: no title (the `title` key is missing or empty); shown by its id",
        ])
    }

    // MARK: - Which files are entries

    @Test func entriesAtAnyDepthAreRead() throws {
        let (store, _, _) = try Self.journal("depth")
        defer { Fixtures.removeTemp(store.root) }
        let deep = store.entriesDirectory + "/a/b/c/d/e/f/g"
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        Fixtures.write(Self.entry, to: deep + "/2026-11-23-0900-deep.md")
        #expect(store.refs().map(\.id) == ["2026-11-24-2105-meetup", "2026-11-23-0900-deep"])
    }

    @Test func hiddenFilesAreIgnoredAndUpperCaseExtensionsReported() throws {
        let (store, dir, _) = try Self.journal("names")
        defer { Fixtures.removeTemp(store.root) }
        Fixtures.write(Self.entry, to: dir + "/.2026-11-25-1000-hidden.md")
        Fixtures.write(Self.entry, to: dir + "/2026-11-25-1000-shout.MD")
        let scan = store.scan()
        #expect(scan.refs.map(\.id) == ["2026-11-24-2105-meetup"])
        #expect(scan.problems.map(\.description) == [dir + "/2026-11-25-1000-shout.MD:1: not read: entry files end in `.md`, in lower case"])
    }

    @Test func aDanglingLinkAndALoopAreReported() throws {
        let (store, dir, _) = try Self.journal("links")
        defer { Fixtures.removeTemp(store.root) }
        try #require(symlink("/nowhere/gone.md", dir + "/2026-11-25-1000-gone.md") == 0)
        try #require(symlink(dir + "/2026-11-25-1100-loop.md", dir + "/2026-11-25-1100-loop.md") == 0)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.count == 1)
        #expect(snapshot.problems.map(\.reason) == [
            "a symbolic link to /nowhere/gone.md, which does not exist",
            "a symbolic link that loops",
        ])
    }

    @Test(arguments: ["2026-11-24-2105-meetup.sync-conflict-20261125-101500-ABCDEFG.md",
                      "2026-11-24-2105-meetup (conflicted copy).md",
                      "2026-11-24-2105-meetup (Ana's conflicted copy 2026-11-25).md"])
    func aConflictCopyIsCountedOnceAndNamed(_ name: String) throws {
        let (store, dir, good) = try Self.journal("conflict")
        defer { Fixtures.removeTemp(store.root) }
        Fixtures.write(Self.entry.replacingOccurrences(of: "Meetup", with: "Meetup, edited elsewhere"), to: dir + "/" + name)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.map(\.title) == ["Meetup"])
        #expect(snapshot.problems.map(\.description) == [
            "\(dir)/\(name):1: a sync-conflict copy of \(good); counted once, as the original (`debrief doctor --merge` merges it into the original)",
        ])
    }

    @Test func aConflictCopyWithoutItsOriginalIsTheEntry() throws {
        let (store, dir, good) = try Self.journal("lone-conflict")
        defer { Fixtures.removeTemp(store.root) }
        try FileManager.default.moveItem(atPath: good, toPath: dir + "/2026-11-24-2105-meetup (conflicted copy).md")
        let snapshot = store.loadAll()
        #expect(snapshot.entries.map(\.title) == ["Meetup"])
        #expect(snapshot.problems.isEmpty)
    }

    @Test func aSecondPathToOneFileIsCountedOnce() throws {
        let (store, dir, good) = try Self.journal("hardlink")
        defer { Fixtures.removeTemp(store.root) }
        let other = dir + "/2026-11-24-2105-a-meetup.md"
        try #require(link(good, other) == 0)
        let linked = dir + "/2026-11-24-2105-meetup-link.md"
        try #require(symlink(good, linked) == 0)
        let snapshot = store.loadAll()
        #expect(snapshot.entries.count == 1)
        #expect(snapshot.entries.first?.source?.path == other, "the path that sorts first is read")
        #expect(snapshot.problems.map(\.description) == [
            "\(linked):1: the same file as \(other) (a hard link or a link to it); counted once, as \(other)",
            "\(good):1: the same file as \(other) (a hard link or a link to it); counted once, as \(other)",
        ])
    }

    @Test func theCacheCountsTheSameWayAsTheStore() throws {
        let (store, dir, good) = try Self.journal("cache")
        defer { Fixtures.removeTemp(store.root) }
        try #require(link(good, dir + "/2026-11-24-2105-meetup (conflicted copy).md") == 0)
        try #require(symlink("/nowhere", dir + "/2026-11-25-1000-gone.md") == 0)
        let snapshot = JournalCache(store: store).snapshot()
        #expect(snapshot.entries.count == 1)
        #expect(snapshot.problems.count == 2)
    }
}

/// Writes: name choice without a write per tried name, stale temporary files, checked replaces.
@Suite struct WriteSafetyStoreTests {
    static func entry(_ title: String) -> Entry {
        let now = Fixtures.ts("2026-11-24T18:30:00+01:00")
        return Entry(id: "", created: now, updated: now, answers: ["title": .text(title), "date": .timestamp(now)])
    }

    /// The 1001st entry with one title in one minute gets a name, as the 2nd did.
    @Test func thereIsNoLimitOnEntriesPerMinuteAndTitle() throws {
        let root = Fixtures.tempDirectory("names")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let dir = store.entriesDirectory + "/2026/11"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // 1000 names taken (empty files made directly: the test is about the next one).
        for n in 1...1000 {
            let fd = open(dir + "/2026-11-24-1830-coffee" + (n == 1 ? "" : "-\(n)") + ".md", O_WRONLY | O_CREAT, 0o600)
            try #require(fd >= 0)
            close(fd)
        }
        let created = try store.create(Self.entry("Coffee"))
        #expect(created.id == "2026-11-24-1830-coffee-1001")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    @Test func staleTemporaryFilesAreRemovedByTheNextWriteAndListedByDoctor() throws {
        let root = Fixtures.tempDirectory("temps")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        _ = try store.create(Self.entry("First"))
        let dir = store.entriesDirectory + "/2026/11"
        // A pid that is not running: past the kernel's pid_max.
        let gone = dir + "/.2026-11-24-1830-lost.md.tmp-99999999-12345"
        let young = dir + "/.2026-11-24-1830-young.md.tmp-99999998-6789"
        let running = dir + "/.2026-11-24-1830-busy.md.tmp-\(getpid())-1"
        for path in [gone, young, running] { Fixtures.write("---\ntitle: half an entry", to: path) }
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        for path in [gone, running] {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: path)
        }
        // An editor folder of a killed TUI, in drafts/.
        let editor = store.draftsDirectory + "/.editor-99999997-AbC123"
        try FileManager.default.createDirectory(atPath: editor, withIntermediateDirectories: true)
        Fixtures.write("an answer", to: editor + "/answer.md")
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: editor)
        let findings = JournalDoctor.examine(store)
        #expect(findings.problems.map(\.path) == [editor, gone, young], "\(findings.problems)")
        #expect(findings.problems.first?.reason.contains("a folder of an answer opened in the editor") == true)
        #expect(findings.problems[1].reason.contains("process 99999999, gone; 2 h old); the next write into this folder removes it"))
        _ = try store.create(Self.entry("Second"))
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: young), "younger than an hour: kept")
        #expect(FileManager.default.fileExists(atPath: running), "its process runs: kept")
        try store.writeDraft("a-draft", text: "draft")
        #expect(!FileManager.default.fileExists(atPath: editor), "the next draft write removes the stale editor folder")
    }

    @Test func replaceRefusesAFileThatChangedSinceItWasRead() throws {
        let root = Fixtures.tempDirectory("replace")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let entry = try store.create(Self.entry("First"))
        let path = try #require(entry.source?.path)
        Fixtures.write("changed by someone else", to: path)
        #expect(throws: StoreError.changedOnDisk(path)) {
            try store.replace(path, with: Array("mine".utf8), expecting: try #require(entry.source?.fingerprint))
        }
        #expect(Fixtures.bytes(path) == Array("changed by someone else".utf8))
    }

    /// Every store write that replaces, moves or trashes an entry refuses a hard-linked one and a
    /// symbolic link (issue 19): save, a save that moves it (new title), trash, a follow-up edit.
    @Test func everyWriteRefusesALinkedEntry() throws {
        let root = Fixtures.tempDirectory("linked")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        var created = Self.entry("First")
        created["follow-ups"] = .followUps([FollowUp(who: "Ana", action: "Call", due: Fixtures.day("2026-11-30"))])
        let written = try store.create(created)
        let path = try #require(written.source?.path)
        let outside = root + "/outside.md"
        for linking in ["hard", "symbolic"] {
            if linking == "hard" {
                try #require(link(path, root + "/second-name.md") == 0)
            } else {
                try #require(unlink(root + "/second-name.md") == 0)
                try FileManager.default.moveItem(atPath: path, toPath: outside)
                try #require(symlink(outside, path) == 0)
            }
            let entry = try store.read(try store.find(written.id))
            let before = Fixtures.bytes(path)
            var renamed = entry
            renamed["title"] = .text("Renamed")
            let now = Fixtures.ts("2026-11-26T10:00:00+01:00")
            let attempts: [(String, () throws(StoreError) -> Void)] = [
                ("save", { () throws(StoreError) in _ = try store.save(entry, now: now) }),
                ("move", { () throws(StoreError) in _ = try store.saveMoving(renamed, now: now) }),
                ("trash", { () throws(StoreError) in _ = try store.trash(entry) }),
                ("done", { () throws(StoreError) in _ = try store.editFollowUp(1, of: entry, .done(Fixtures.day("2026-11-26")), now: now) }),
            ]
            for (name, attempt) in attempts {
                do throws(StoreError) {
                    try attempt()
                    Issue.record("\(linking) link, \(name): written")
                } catch {
                    guard case .refused(let refused, _) = error else {
                        Issue.record("\(linking) link, \(name): \(error)")
                        continue
                    }
                    #expect(refused == path)
                }
                #expect(Fixtures.bytes(path) == before, "\(linking) link, \(name)")
            }
            #expect(store.refs().count == 1)
        }
        var st = stat()
        #expect(lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK, "the link is still a link")
    }

    /// Every store write checks the file against the reader's limit before writing (issue 19): a
    /// new entry, an edit (here one that moves it; a plain save goes through the same check) and
    /// a follow-up edit that would take an entry of just under 8 MB over it are refused
    /// (StoreError.refused, exit 65), the file as it was.
    @Test func noWriteLeavesAFileTheReaderWouldRefuse() throws {
        let root = Fixtures.tempDirectory("limit")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        var huge = Self.entry("Huge")
        huge["learned"] = .text(String(repeating: "a", count: 9 << 20))
        #expect(throws: StoreError.self) { try store.create(huge) }
        #expect(store.refs().isEmpty)

        // Just under the limit, with a follow-up: one line more is over it.
        var near = Self.entry("Near")
        near["follow-ups"] = .followUps([FollowUp(who: "Ana", action: "Call", due: Fixtures.day("2026-11-30"))])
        near["learned"] = .text("a")
        near.id = JournalStore.idStem(for: near)
        let base = Array(Fixtures.codec.encode(near.assigningFollowUpIDs()).utf8).count - 1
        near["learned"] = .text(String(repeating: "a", count: AtomicFile.readLimit - base - 5))
        let written = try store.create(near)
        let path = try #require(written.source?.path)
        let before = Fixtures.bytes(path)
        let now = Fixtures.ts("2026-11-26T10:00:00+01:00")
        var moved = written
        moved["learned"] = .text(String(repeating: "a", count: AtomicFile.readLimit))
        moved["title"] = .text("Moved")
        let attempts: [(String, () throws(StoreError) -> Void)] = [
            ("move", { () throws(StoreError) in _ = try store.saveMoving(moved, now: now) }),
            ("done", { () throws(StoreError) in _ = try store.editFollowUp(1, of: written, .done(Fixtures.day("2026-11-26")), now: now) }),
        ]
        for (name, attempt) in attempts {
            do throws(StoreError) {
                try attempt()
                Issue.record("\(name): written")
            } catch {
                guard case .refused(let refused, let reason) = error else {
                    Issue.record("\(name): \(error)")
                    continue
                }
                #expect(refused.hasSuffix(".md") && reason.contains("debrief reads no file over 8 MB"), "\(name): \(reason)")
            }
            #expect(Fixtures.bytes(path) == before, "\(name)")
        }
        #expect(store.refs().count == 1)
    }
}
