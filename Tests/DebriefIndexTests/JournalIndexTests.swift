#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The index answers exactly what reading the files answers, stays right through outside changes,
/// and survives being deleted, damaged or made read-only.
@Suite struct JournalIndexTests {
    static func seed(_ f: IndexFixture, count: Int = 30) {
        let names = ["Zoë Brandt", "Henrike Müller", "Ana Li", "Omar Haddad", "李雷"]
        for i in 0..<count {
            let day = String(format: "2029-%02d-%02d", 1 + i % 12, 1 + i % 27)
            let id = "\(day)-1830-event-\(i)"
            f.write(id, IndexFixture.text(title: "Event \(i)", date: "\(day)T18:30:00+01:00",
                                          people: [names[i % names.count], names[(i + 2) % names.count]],
                                          tags: i % 3 == 0 ? ["swift", "server"] : ["rust"], kind: i % 2 == 0 ? "meetup" : "one-on-one",
                                          talk: 10 + i * 3 % 90, notes: "Notes about café \(i) and Zürich.",
                                          followUp: i % 4 == 0 ? names[(i + 1) % names.count] : nil))
        }
    }

    static func same(_ f: IndexFixture, _ query: EntryQuery = .all, _ comment: Comment? = nil) {
        let matcher = EntryMatcher(query, catalog: IndexFixture.catalog, today: IndexFixture.today)
        let files = IndexFixture.describe(f.plain.entries(matching: matcher))
        let indexed = IndexFixture.describe(f.indexed.entries(matching: matcher))
        #expect(indexed == files, comment)
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()), comment)
    }

    @Test func answersAsTheFilesDoColdAndWarm() throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f)
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
        Self.same(f, .all, "cold")
        #expect(FileManager.default.fileExists(atPath: f.index.location.database))
        f.reopen()
        Self.same(f, .all, "warm")
        #expect(f.index.lastRefresh == JournalIndex.RefreshCounts(checked: 31, read: 0, rebuilt: 30), "warm reads come from the index")
        let broken = f.indexed.loadAll().problems
        #expect(broken.count == 1 && broken[0].path.hasSuffix("2029-05-05-1200-broken.md"))
    }

    @Test(arguments: [
        EntryQuery(person: "rike"), EntryQuery(person: "zoe brandt"), EntryQuery(person: "ZOË"), EntryQuery(tag: "Swift"),
        EntryQuery(kind: "meet"), EntryQuery(kind: "one"), EntryQuery(text: "cafe"), EntryQuery(text: "zu"),
        EntryQuery(text: "ZÜRICH 1"), EntryQuery(text: "event 2"), EntryQuery(text: "\"x"), EntryQuery(pitfall: "self"),
        EntryQuery(since: Day(iso: "2029-06-01"), until: Day(iso: "2029-09-30")), EntryQuery(limit: 3),
        EntryQuery(person: "ana", tag: "rust", limit: 2), EntryQuery(person: "lei"), EntryQuery(person: "李"),
    ])
    func everyQueryAnswersAsTheFilesDo(_ query: EntryQuery) throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f)
        Self.same(f, query, "cold \(query)")
        Self.same(f, query, "warm \(query)")
    }

    /// Ruling entries out by their facts checks every row of the tables the query reads: a read
    /// of a few entries among many (home's last two weeks, `pending`'s window) rebuilds and tests
    /// those few instead; a read of much of the journal still narrows. The same answer either way.
    @Test func onlyAReadOfManyEntriesIsNarrowedByTheFacts() throws {
        let f = IndexFixture("narrowing", racyMargin: 0)
        Self.seed(f, count: 300)
        _ = f.indexed.loadAll()
        func read(_ query: EntryQuery) -> JournalIndex.RefreshCounts {
            let matcher = EntryMatcher(query, catalog: IndexFixture.catalog, today: IndexFixture.today)
            #expect(IndexFixture.describe(f.indexed.entries(matching: matcher)) == IndexFixture.describe(f.plain.entries(matching: matcher)),
                    "\(query)")
            return f.index.lastRefresh
        }
        // 2029-03-03 holds events 2, 110 and 218; Zoë was at the last two.
        let day = Day(iso: "2029-03-03")
        let few = read(EntryQuery(since: day, until: day, person: "zoe"))
        #expect(few.checked * IndexQuery.rowsPerRebuild < 300, "a few entries: \(few.checked)")
        #expect(few.rebuilt == few.checked, "none ruled out: every entry the window holds is rebuilt and tested")
        let many = read(EntryQuery(person: "zoe"))
        #expect(many.checked == 300 && many.rebuilt < many.checked, "ruled out by the facts")
    }

    /// "rike" finds "Henrike", "cafe" finds "café": a substring of folded text, through the
    /// trigram index and through the short-query scan alike.
    @Test func searchFindsPartsOfWordsIgnoringAccents() throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f)
        _ = f.indexed.loadAll()
        func ids(_ q: EntryQuery) -> Set<String> {
            Set(f.indexed.entries(matching: EntryMatcher(q, catalog: IndexFixture.catalog, today: IndexFixture.today)).entries.map(\.id))
        }
        let henrike = f.plain.loadAll().entries.filter { e in
            e.people.contains { $0.name == "Henrike Müller" } || e.followUps.contains { $0.who == "Henrike Müller" }
        }
        #expect(ids(EntryQuery(text: "rike")) == Set(henrike.map(\.id)))
        #expect(henrike.count == 14)
        #expect(ids(EntryQuery(text: "cafe 7")) == ["2029-08-08-1830-event-7"])
        #expect(ids(EntryQuery(text: "ri")) == ids(EntryQuery(text: "rike")).union(ids(EntryQuery(text: "rust"))).union(ids(EntryQuery(text: "zürich"))))
    }

    /// Outside changes of every kind, in random order, each followed by a comparison of both
    /// answers: edits, same-size edits within the same second, deletions, renames, new files,
    /// `touch`, a file made unreadable and readable again.
    @Test func randomOutsideChangesNeverLeaveTheIndexBehind() throws {
        let f = IndexFixture()
        Self.seed(f, count: 12)
        var rng = SplitMix(seed: 13)
        var ids = f.plain.refs().map(\.id)
        Self.same(f)
        for step in 0..<60 {
            guard !ids.isEmpty else { break }
            let id = ids[Int(rng.next() % UInt64(ids.count))]
            let path = f.path(id)
            let kind = rng.next() % 8
            switch kind {
            case 0: // edit
                f.write(id, IndexFixture.text(title: "Edited \(step)", date: "2029-03-03T10:00:00+01:00", people: ["Ana Li"]))
            case 1: // same size, same second: only the bytes differ
                var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                var st = stat()
                stat(path, &st)
                if let i = bytes.firstIndex(of: UInt8(ascii: "E")) ?? bytes.firstIndex(of: UInt8(ascii: "0")) {
                    bytes[i] = bytes[i] == UInt8(ascii: "E") ? UInt8(ascii: "F") : UInt8(ascii: "1")
                }
                FileManager.default.createFile(atPath: path, contents: Data(bytes))
                var times = [st.st_atim, st.st_mtim]
                utimensat(AT_FDCWD, path, &times, 0)
            case 2: // delete
                unlink(path)
                ids.removeAll { $0 == id }
            case 3: // rename
                let newID = id + "-moved"
                rename(path, f.path(newID))
                ids.removeAll { $0 == id }
                ids.append(newID)
            case 4: // add
                let newID = "2029-11-\(String(format: "%02d", 1 + step % 28))-0900-new-\(step)"
                f.write(newID, IndexFixture.text(title: "New \(step)", date: "2029-11-\(String(format: "%02d", 1 + step % 28))T09:00:00+01:00",
                                                 people: ["Henrike Müller"], tags: ["new"]))
                ids.append(newID)
            case 5: // touch
                utimensat(AT_FDCWD, path, nil, 0)
            case 6: // unreadable, then readable again
                chmod(path, 0o000)
                if getuid() != 0 { Self.same(f, .all, "step \(step): \(id) unreadable") }
                chmod(path, 0o600)
            default: // broken YAML
                f.write(id, "---\ntitle: [\n---\n")
            }
            if step % 3 == 0 { f.reopen() }
            Self.same(f, .all, "step \(step): change \(kind) to \(id)")
            Self.same(f, EntryQuery(person: "ana"), "step \(step): person")
            Self.same(f, EntryQuery(text: "edited"), "step \(step): text")
        }
    }

    /// A same-size edit within the file system's timestamp tick keeps size and modification time;
    /// the racy rule still reads it again.
    @Test func aSameSizeEditInTheSameTickIsSeen() throws {
        let f = IndexFixture()
        let path = f.write("2029-01-01-1000-racy", IndexFixture.text(title: "AAAA", date: "2029-01-01T10:00:00+01:00"))
        var st = stat()
        stat(path, &st)
        #expect(f.indexed.loadAll().entries.first?.title == "AAAA")
        FileManager.default.createFile(atPath: path, contents: Data(IndexFixture.text(title: "BBBB", date: "2029-01-01T10:00:00+01:00").utf8))
        var times = [st.st_atim, st.st_mtim]
        utimensat(AT_FDCWD, path, &times, 0)
        f.reopen()
        #expect(f.indexed.loadAll().entries.first?.title == "BBBB")
    }

    @Test func survivesDeletionCorruptionAndReadOnly() throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f)
        Self.same(f)
        // Deleted.
        try FileManager.default.removeItem(atPath: f.cache)
        f.reopen()
        Self.same(f, .all, "after deleting the cache folder")
        #expect(FileManager.default.fileExists(atPath: f.index.location.database))
        // Random bytes written into it.
        var rng = SplitMix(seed: 7)
        let fd = open(f.index.location.database, O_WRONLY)
        var size = stat()
        fstat(fd, &size)
        for _ in 0..<64 {
            var junk = (0..<512).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            pwrite(fd, &junk, junk.count, off_t(rng.next() % UInt64(max(1, size.st_size))))
        }
        close(fd)
        f.reopen()
        Self.same(f, .all, "after writing random bytes into the database")
        f.reopen()
        Self.same(f, .all, "once rebuilt")
        // Garbage in place of the database.
        FileManager.default.createFile(atPath: f.index.location.database, contents: Data("not a database".utf8))
        f.reopen()
        Self.same(f, .all, "over a file that is no database")
        // Read-only database, then a read-only folder (root ignores modes, so only when not root).
        f.write("2029-12-30-1000-late", IndexFixture.text(title: "Late", date: "2029-12-30T10:00:00+01:00"))
        for file in f.index.location.files { chmod(file, 0o400) }
        f.reopen()
        Self.same(f, .all, "with a read-only database")
        chmod(f.cache, 0o500)
        f.write("2029-12-31-1000-later", IndexFixture.text(title: "Later", date: "2029-12-31T10:00:00+01:00"))
        f.reopen()
        Self.same(f, .all, "with a read-only cache folder")
        chmod(f.cache, 0o700)
    }

    /// An index built from other tables (an older debrief, or a newer one that added tables) is
    /// recognised by the fingerprint of its schema and rebuilt from the files, even when its
    /// version number matches.
    @Test func anIndexOfAnotherSchemaIsRebuilt() throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f, count: 12)
        Self.same(f)
        let queue = try DatabaseQueue(path: f.index.location.database)
        try queue.write { db in
            try db.execute(sql: "UPDATE meta SET value = 'an older schema' WHERE key = 'schema'")
            try db.execute(sql: "UPDATE entries SET title = 'Stale'")
        }
        try queue.close()
        f.reopen()
        _ = f.indexed.loadAll()
        #expect(f.index.lastRefresh.read == 12, "every file is read again: \(f.index.lastRefresh)")
        Self.same(f, .all, "after the schema's fingerprint changed")
        let stored = try DatabaseQueue(path: f.index.location.database).read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
        }
        #expect(stored != nil && stored != "an older schema")
    }

    /// A deleted entry leaves none of its text in the database files.
    @Test func aDeletedEntryLeavesNoTextBehind() throws {
        let f = IndexFixture(racyMargin: 0)
        Self.seed(f, count: 5)
        let secret = "Confidential-\(UUID().uuidString)"
        let path = f.write("2029-02-02-1000-secret", IndexFixture.text(title: "Secret", date: "2029-02-02T10:00:00+01:00", notes: secret))
        _ = f.indexed.loadAll()
        func leaks() -> Bool {
            f.index.location.files.contains { file in
                guard let data = FileManager.default.contents(atPath: file) else { return false }
                return data.range(of: Data(secret.utf8)) != nil
            }
        }
        #expect(leaks(), "the test needs the text to be indexed first")
        unlink(path)
        _ = f.indexed.loadAll()
        f.reopen()
        _ = f.indexed.loadAll()
        #expect(!leaks())
    }

    /// The folder 0700 and the database files 0600 under umask 000.
    @Test func privateWhateverTheUmask() throws {
        let f = IndexFixture()
        Self.seed(f, count: 3)
        let old = umask(0)
        _ = f.indexed.loadAll()
        umask(old)
        func mode(_ path: String) -> mode_t {
            var st = stat()
            stat(path, &st)
            return st.st_mode & 0o777
        }
        #expect(mode(f.cache) == 0o700)
        for file in f.index.location.files where FileManager.default.fileExists(atPath: file) {
            #expect(mode(file) == 0o600, "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: f.index.location.database + "-wal"))
    }

    /// One journal in two folders (synced by git, each with its own index) answers the same in both.
    @Test func aJournalSyncedBetweenTwoFoldersAnswersTheSame() throws {
        let a = IndexFixture("sync-a", racyMargin: 0)
        Self.seed(a)
        let b = IndexFixture("sync-b", racyMargin: 0)
        let git = { (dir: String, args: [String]) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = ["-C", dir] + args
            p.environment = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                             "GIT_COMMITTER_EMAIL": "t@t", "HOME": a.base, "PATH": "/usr/bin:/bin"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git(a.root, ["init", "-q"])
        try git(a.root, ["add", "-A"])
        try git(a.root, ["commit", "-qm", "journal"])
        try FileManager.default.removeItem(atPath: b.root)
        try git(b.base, ["clone", "-q", a.root, b.root])
        #expect(a.index.location.database != b.index.location.database)
        for query in [EntryQuery.all, EntryQuery(person: "rike"), EntryQuery(text: "cafe 1")] {
            let m = EntryMatcher(query, catalog: IndexFixture.catalog, today: IndexFixture.today)
            func strip(_ lines: [String], _ root: String) -> [String] { lines.map { $0.replacingOccurrences(of: root, with: "<root>") } }
            #expect(strip(IndexFixture.describe(a.indexed.entries(matching: m)), a.root)
                    == strip(IndexFixture.describe(b.indexed.entries(matching: m)), b.root))
        }
        // An edit pulled into the second folder is seen there.
        a.write("2029-03-03-1830-event-2", IndexFixture.text(title: "Pulled", date: "2029-03-03T18:30:00+01:00"))
        try git(a.root, ["commit", "-qam", "edit"])
        try git(b.root, ["pull", "-q"])
        let titles = b.indexed.loadAll().entries.map(\.title)
        #expect(titles.contains("Pulled"))
        Self.same(b)
    }

    /// A cold build holds two batches of parsed files at once (one recorded, the next read
    /// ahead): at most 128 files each (a cold build at 10,000 entries peaked at 103 MB with
    /// batches of 1,024, 78 MB with 512, under 64 MB with 128), and at least 64, below which a
    /// batch is read on one core; an eighth of the changes in between, so a small build still
    /// reads ahead.
    @Test func aColdBuildRecordsAtMost128FilesABatch() {
        #expect(JournalIndex.recordBatch(10) == 64)
        #expect(JournalIndex.recordBatch(800) == 100)
        #expect(JournalIndex.recordBatch(1_000) == 125)
        #expect(JournalIndex.recordBatch(4_096) == 128)
        #expect(JournalIndex.recordBatch(10_000) == 128)
        #expect(JournalIndex.recordBatch(100_000) == 128)
    }
}

/// A small seeded generator for the random changes.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `debrief doctor`'s check: an index that holds something else for a file than the file says
/// (here: another entry's blob, with a valid checksum) is caught, named, and indexed again.
@Suite struct IndexVerifyTests {
    /// Makes every row of `table` match its checksum again, as a tampering that knows the rule would.
    static func resum(_ db: Database, _ table: IndexRow.Table) throws {
        let key = "rowid"
        for row in try Row.fetchAll(db, sql: "SELECT \(key), \(table.columns.joined(separator: ", ")) FROM \(table.name)") {
            let values = (1...table.columns.count).map { row[$0] as DatabaseValue }
            try db.execute(sql: "UPDATE \(table.name) SET sum = ? WHERE \(key) = ?", arguments: [IndexRow.sum(values), row[0] as Int64])
        }
    }

    @Test func aWrongRowIsNamedAndIndexedAgain() throws {
        // No racy margin: the files were just written, and the test must not wait two seconds.
        let f = IndexFixture("verify", racyMargin: 0)
        JournalIndexTests.seed(f, count: 6)
        _ = f.indexed.loadAll()
        let queue = try GRDB.DatabaseQueue(path: f.index.location.database)
        let victim = try queue.write { db -> String in
            let rows = try Row.fetchAll(db, sql: "SELECT e.file, b.blob, e.blob_sum, f.path FROM entries e JOIN files f ON f.id = e.file JOIN blobs b ON b.file = e.file ORDER BY e.file LIMIT 2")
            try db.execute(sql: "UPDATE blobs SET blob = ? WHERE file = ?", arguments: [rows[1]["blob"] as Data, rows[0]["file"] as Int64])
            try db.execute(sql: "UPDATE entries SET blob_sum = ? WHERE file = ?", arguments: [rows[1]["blob_sum"] as Int64, rows[0]["file"] as Int64])
            try Self.resum(db, IndexRow.entries)
            return rows[0]["path"]
        }
        try queue.close()
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) != IndexFixture.describe(f.plain.loadAll()), "the tampering shows")
        let findings = JournalDoctor.examine(f.indexed)
        #expect(findings.indexDisagreements == [f.root + "/" + victim])
        #expect(findings.entries == 6)
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [])
    }

    /// doctor compares an entry rebuilt from its blob with its file's by the blob's own bytes
    /// (``JournalIndex/same(_:_:blob:stored:)``): bytes other than the ones the file's entry
    /// encodes to differ even where the entries are equal, so the file is indexed again; the
    /// same bytes agree; without stored bytes, both entries are encoded.
    @Test func doctorComparesAStoredBlobByItsBytes() throws {
        let f = IndexFixture("verify-same", racyMargin: 0)
        JournalIndexTests.seed(f, count: 1)
        let ref = try #require(f.plain.refs().first)
        let read = try #require(f.plain.tolerantRead(ref))
        guard case .success(let entry) = read else {
            Issue.record("the seeded entry reads")
            return
        }
        let blob = EntryBlob.encode(entry)
        #expect(JournalIndex.same(read, read, blob: blob, stored: Data(blob)))
        #expect(JournalIndex.same(read, read, blob: blob, stored: nil))
        #expect(JournalIndex.same(read, read, blob: nil, stored: nil))
        #expect(!JournalIndex.same(read, read, blob: blob, stored: Data(blob + [0])), "other bytes, an equal entry")
        #expect(!JournalIndex.same(read, read, blob: blob, stored: Data(blob.dropLast())))
        var changed = blob
        changed[changed.count / 2] ^= 0x01
        #expect(!JournalIndex.same(read, read, blob: blob, stored: Data(changed)))
        #expect(!JournalIndex.same(nil, read, blob: blob, stored: nil), "an entry the index does not give")
        #expect(JournalIndex.same(nil, nil, blob: nil, stored: nil))
    }

    /// doctor rebuilds a stored entry only when its blob is not the file's blob byte for byte
    /// (``JournalIndex/verdict(_:ref:read:blob:store:)``): the same bytes, known from the same
    /// file bytes, agree without a rebuild; other bytes are rebuilt and compared as before; a blob
    /// that fails its checksum or does not decode is lost (the file answers, and is compared).
    @Test func doctorRebuildsOnlyABlobThatDiffers() throws {
        let f = IndexFixture("verify-verdict", racyMargin: 0)
        JournalIndexTests.seed(f, count: 1)
        let ref = try #require(f.plain.refs().first)
        let read = try #require(f.plain.tolerantRead(ref))
        guard case .success(let entry) = read, let source = entry.source else {
            Issue.record("the seeded entry reads")
            return
        }
        let blob = EntryBlob.encode(entry)
        func stored(_ bytes: [UInt8], sum: Int64? = nil, fingerprint: Fingerprint? = nil) -> JournalIndex.Stored {
            JournalIndex.Stored(id: 7, index: 0, blob: Data(bytes), sum: sum ?? IndexSchema.checksum(bytes),
                                fingerprint: fingerprint ?? source.fingerprint)
        }
        func verdict(_ item: JournalIndex.Stored) -> JournalIndex.StoredVerdict {
            JournalIndex.verdict(item, ref: ref, read: read, blob: blob, store: f.plain)
        }
        #expect(verdict(stored(blob)) == .same)
        #expect(verdict(stored(blob + [0])) == .lost(file: 7, same: true), "a byte past the end: does not decode")
        var other = entry
        other["title"] = .text("Another title")
        #expect(verdict(stored(EntryBlob.encode(other))) == .differs, "another entry")
        let elsewhere = Fingerprint(hash: source.fingerprint.hash ^ 1, length: source.fingerprint.length)
        #expect(verdict(stored(blob, fingerprint: elsewhere)) == .differs, "the same bytes, from other file bytes")
        #expect(verdict(stored(blob, sum: IndexSchema.checksum(blob) ^ 1)) == .lost(file: 7, same: true), "a damaged blob")
        #expect(verdict(stored([0xFF, 0x00, 0x13])) == .lost(file: 7, same: true), "bytes that do not decode")
        #expect(JournalIndex.verdict(stored(blob), ref: ref, read: nil, blob: nil, store: f.plain) == .differs, "a file gone")
    }

    /// Two files whose names are the same text in two spellings (é composed, and e with a combining
    /// accent), as a journal synced from a Mac can hold: different bytes, so different files to
    /// the file system and to the index. doctor's path lookup keyed them as Strings, which are
    /// equal for the two, so one file was looked up as the other and named as disagreeing (and
    /// indexed again) on every run.
    @Test func twoSpellingsOfOneNameAreTwoFilesToDoctor() throws {
        let f = IndexFixture("verify-spellings", racyMargin: 0)
        JournalIndexTests.seed(f, count: 3)
        let composed = "2029-05-05-1200-caf\u{E9}", decomposed = "2029-05-05-1200-cafe\u{301}"
        f.write(composed, IndexFixture.text(title: "Composed", date: "2029-05-05T12:00:00+01:00", people: ["Ana Li"], tags: [],
                                            kind: "meetup", talk: 40, notes: "One.", followUp: nil))
        f.write(decomposed, IndexFixture.text(title: "Decomposed", date: "2029-05-05T12:00:00+01:00", people: ["Omar Haddad"], tags: [],
                                              kind: "meetup", talk: 60, notes: "Two.", followUp: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: f.root + "/entries/2029/05")
        #expect(names.filter { $0.hasPrefix("2029-05-05-1200-caf") }.map { Array($0.utf8) }.count == 2, "two files on disk")
        _ = f.indexed.loadAll()
        f.reopen()
        let first = JournalDoctor.examine(f.indexed)
        #expect(first.entries == 5)
        #expect(first.indexDisagreements == [], "first run")
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "second run")
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
    }

    /// A stored column changed and its row's sum made to match again (a tampering that knows the
    /// rule), in each table doctor compares: only the comparison of what is stored with what the
    /// file gives sees it (the entries rebuilt from blobs are untouched, every sum matches), so
    /// doctor must name exactly that file, and index it again. The stored facts are read a table
    /// at a time (``EntryFacts/differing(_:from:)``); a table left out or misread fails here.
    @Test(arguments: [
        ("entries", "UPDATE entries SET title = title || 'x' WHERE file = ?"),
        ("people", "UPDATE people SET folded = folded || 'x' WHERE rowid = (SELECT max(rowid) FROM people WHERE file = ?)"),
        ("follow_ups", "UPDATE follow_ups SET action = action || 'x' WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE file = ?)"),
        ("tags", "UPDATE tags SET folded = folded || 'x' WHERE rowid = (SELECT max(rowid) FROM tags WHERE file = ?)"),
        ("search", "UPDATE search SET text = text || 'x' WHERE rowid = ?"),
        ("mention_words", "UPDATE mention_words SET words = words || ' x' WHERE rowid = ?"),
        ("review_facts", "UPDATE review_facts SET facts = (SELECT facts FROM review_facts WHERE file <> ? ORDER BY file LIMIT 1) WHERE file = ?"),
    ])
    func aChangedColumnWhoseSumWasRemadeIsNamed(_ table: String, _ damage: String) throws {
        let f = IndexFixture("verify-\(table)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "\(table): nothing before")
        f.reopen()
        let rowTable = try #require(IndexRow.all.first { $0.name == table })
        let queue = try GRDB.DatabaseQueue(path: f.index.location.database)
        let victim = try queue.write { db -> String in
            // A file with rows in every table (two people, two tags, a follow-up).
            let file = try #require(try Int64.fetchOne(db, sql: "SELECT min(file) FROM people WHERE file IN (SELECT file FROM follow_ups) AND file IN (SELECT file FROM tags)"))
            try db.execute(sql: damage, arguments: StatementArguments(Array(repeating: file, count: damage.filter { $0 == "?" }.count)))
            #expect(db.changesCount == 1, "\(table): one row changed")
            try Self.resum(db, rowTable)
            return try #require(try String.fetchOne(db, sql: "SELECT path FROM files WHERE id = ?", arguments: [file]))
        }
        try queue.close()
        f.reopen()
        let findings = JournalDoctor.examine(f.indexed)
        #expect(findings.indexDisagreements == [f.root + "/" + victim], "\(table)")
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "\(table): indexed again")
    }

    /// Every row of one file gone from a table its entry has rows in (no sum is wrong: the rows
    /// are simply not there): doctor compares a table as it reads it, so a file the table never
    /// mentions must still be named, not skipped for lack of rows to compare.
    @Test(arguments: [
        ("people", "DELETE FROM people WHERE file = ?"),
        ("follow_ups", "DELETE FROM follow_ups WHERE file = ?"),
        ("tags", "DELETE FROM tags WHERE file = ?"),
        ("search", "DELETE FROM search WHERE rowid = ?"),
        ("mention_words", "DELETE FROM mention_words WHERE rowid = ?"),
        ("review_facts", "DELETE FROM review_facts WHERE file = ?"),
    ])
    func aFileWhoseRowsAreGoneFromATableIsNamed(_ table: String, _ damage: String) throws {
        let f = IndexFixture("verify-gone-\(table)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        f.reopen()
        let queue = try GRDB.DatabaseQueue(path: f.index.location.database)
        let victim = try queue.write { db -> String in
            let file = try #require(try Int64.fetchOne(db, sql: "SELECT min(file) FROM people WHERE file IN (SELECT file FROM follow_ups) AND file IN (SELECT file FROM tags)"))
            try db.execute(sql: damage, arguments: [file])
            #expect(db.changesCount >= 1, "\(table): rows deleted")
            return try #require(try String.fetchOne(db, sql: "SELECT path FROM files WHERE id = ?", arguments: [file]))
        }
        try queue.close()
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [f.root + "/" + victim], "\(table)")
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "\(table): indexed again")
    }

    /// FTS5's own inverted index damaged (its leaves gone) while every row and its sum stay
    /// right: only FTS5's `integrity-check` sees it, which `doctor` runs on a connection of its
    /// own while it compares the files (``SideConnection``). doctor must name the search index,
    /// and only it, and rebuild it, so the next run finds nothing; the same with a stored column
    /// wrong too, found a part behind on the other side connection, in the same run.
    @Test(arguments: [false, true])
    func aDamagedSearchIndexIsNamedAndRebuilt(_ columnToo: Bool) throws {
        let f = IndexFixture("verify-fts-\(columnToo)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "nothing before")
        f.reopen()
        let queue = try GRDB.DatabaseQueue(path: f.index.location.database)
        let victim = try queue.write { db -> String? in
            try db.execute(sql: "DELETE FROM mention_words_data WHERE id > 10")
            #expect(db.changesCount >= 1, "leaves deleted")
            guard columnToo else { return nil }
            let file = try #require(try Int64.fetchOne(db, sql: "SELECT min(file) FROM entries"))
            try db.execute(sql: "UPDATE entries SET title = title || 'x' WHERE file = ?", arguments: [file])
            try Self.resum(db, IndexRow.entries)
            return try #require(try String.fetchOne(db, sql: "SELECT path FROM files WHERE id = ?", arguments: [file]))
        }
        try queue.close()
        f.reopen()
        let named = (victim.map { [f.root + "/" + $0] } ?? []) + [f.index.location.database + " (its full-text search index)"]
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == named)
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "rebuilt")
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
    }

    /// `count` seeded entries, indexed, and the index's database opened beside it.
    static func indexed(_ label: String, count: Int) throws -> (IndexFixture, GRDB.DatabaseQueue) {
        let f = IndexFixture(label, racyMargin: 0)
        JournalIndexTests.seed(f, count: count)
        _ = f.indexed.loadAll()
        f.reopen()
        return (f, try GRDB.DatabaseQueue(path: f.index.location.database))
    }

    /// What each file's entry gives now (``EntryFacts``), by the id of its `files` row.
    static func computed(_ f: IndexFixture, _ db: Database) throws -> [Int64: EntryFacts] {
        let keeping = ReviewFacts.promptIDs(IndexFixture.catalog)
        var ids: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT path, id FROM files") { ids[row[0]] = row[1] }
        var computed: [Int64: EntryFacts] = [:]
        for entry in f.plain.loadAll().entries {
            let path = try #require(entry.source?.path)
            let id = try #require(ids[JournalIndex.relative(path, prefix: f.root + "/")])
            computed[id] = EntryFacts(entry, catalog: IndexFixture.catalog, reviewKeeping: keeping)
        }
        return computed
    }

    /// ``EntryFacts/differing(_:from:)`` on its own: a file with no `entries` row, a file missing
    /// from a table it should have rows in, rows a file should not have, and rows of files it was
    /// not asked about (left out of `computed`, or in no `files` row at all) which must name
    /// nobody. Only the damaged files come back.
    @Test func differingNamesExactlyTheFilesWhoseStoredFactsDiffer() throws {
        let (f, queue) = try Self.indexed("verify-differing", count: 12)
        try queue.write { db in
            let computed = try Self.computed(f, db)
            #expect(computed.count == 12)
            #expect(try EntryFacts.differing(db, from: computed) == [], "nothing before")
            // Files by what their entries have: with people, follow-ups and tags; without follow-ups.
            let full = try Int64.fetchAll(db, sql: "SELECT DISTINCT file FROM follow_ups ORDER BY file")
            let noFollowUps = try #require(computed.keys.sorted().first { computed[$0]?.followUps.isEmpty == true })
            #expect(full.count >= 3)
            let (noEntry, noPeople, noSearch) = (full[0], full[1], full[2])
            try db.execute(sql: "DELETE FROM entries WHERE file = ?", arguments: [noEntry])
            try db.execute(sql: "DELETE FROM people WHERE file = ?", arguments: [noPeople])
            try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [noSearch])
            // A follow-up where the entry has none.
            try db.execute(sql: "INSERT INTO follow_ups(file, n, who, who_folded, action, postponed, sum) SELECT ?, 1, who, who_folded, action, 0, 0 FROM follow_ups LIMIT 1",
                           arguments: [noFollowUps])
            // Rows of a file nobody asked about, before and after every real file id.
            for orphan in [Int64(0), 1_000_000] {
                try db.execute(sql: "INSERT INTO people(file, name, folded, sum) VALUES (?, 'Nobody', 'nobody', 0)", arguments: [orphan])
                try db.execute(sql: "INSERT INTO tags(file, tag, folded, words, sum) VALUES (?, 'x', 'x', 'x', 0)", arguments: [orphan])
                try db.execute(sql: "INSERT INTO search(rowid, text, sum) VALUES (?, 'x', 0)", arguments: [orphan])
                try db.execute(sql: "INSERT INTO review_facts(file, facts, sum) VALUES (?, x'00', 0)", arguments: [orphan])
            }
            #expect(try EntryFacts.differing(db, from: computed) == [noEntry, noPeople, noSearch, noFollowUps])
            // A damaged file left out of what is asked about is not named.
            var asked = computed
            asked[noPeople] = nil
            #expect(try EntryFacts.differing(db, from: asked) == [noEntry, noSearch, noFollowUps])
        }
        try queue.close()
    }

    /// What the index stores must be the bytes the entry gives (its queries match bytes, and
    /// ``EntryFacts/differing(_:from:)`` compares bytes in place): a text that is the same text
    /// to `String` but spelt with other scalars (names decomposed, "ë" as "e" and a combining mark),
    /// and a blob stored as text of the same bytes, differ. Compared as `String`s and decoded as
    /// `Data`, all three passed as equal.
    @Test func differingComparesTheStoredBytesAndTypes() throws {
        let (f, queue) = try Self.indexed("verify-bytes", count: 6)
        try queue.write { db in
            var computed = try Self.computed(f, db)
            #expect(try EntryFacts.differing(db, from: computed) == [], "nothing before")
            let files = computed.keys.sorted()
            // A person's name and a follow-up's who decomposed: equal as `String`s, not as bytes.
            func decomposes(_ text: String) -> Bool { !text.utf8.elementsEqual(text.decomposedStringWithCanonicalMapping.utf8) }
            let decomposed = try #require(files.first { computed[$0]?.people.contains { decomposes($0.name) } == true })
            let person = try #require(computed[decomposed]?.people.firstIndex { decomposes($0.name) })
            let name = try #require(computed[decomposed]?.people[person].name)
            computed[decomposed]?.people[person].name = name.decomposedStringWithCanonicalMapping
            #expect(computed[decomposed]?.people[person].name == name, "the same text to String")
            let followUp = try #require(files.first { $0 != decomposed && computed[$0]?.followUps.first.map { decomposes($0.who) } == true })
            let who = try #require(computed[followUp]?.followUps[0].who)
            computed[followUp]?.followUps[0].who = who.decomposedStringWithCanonicalMapping
            // Review facts stored as text (its sum made to match: only the comparison can see it).
            let asText = try #require(files.first { $0 != decomposed && $0 != followUp })
            try db.execute(sql: "UPDATE review_facts SET facts = CAST(facts AS TEXT) WHERE file = ?", arguments: [asText])
            #expect(try String.fetchOne(db, sql: "SELECT typeof(facts) FROM review_facts WHERE file = ?", arguments: [asText]) == "text")
            try IndexVerifyTests.resum(db, IndexRow.reviewFacts)
            #expect(try EntryFacts.differing(db, from: computed) == [decomposed, followUp, asText])
        }
        try queue.close()
    }
}
