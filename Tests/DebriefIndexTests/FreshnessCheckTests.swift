#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The freshness check every read starts with (issue 23: one pass over the `files` rows against
/// the walk's stats, each row's checksum read in place): a damaged `files` row never hides an
/// edit or changes what is said of an unreadable file, for a read of the whole journal and for a
/// read of a few files looked up by path; the walk's stat is the one the check compares.
@Suite struct FreshnessCheckTests {
    /// The edited file's stat written into its row, as a damaged disk or another program might
    /// leave it: without the row's checksum the index would take the file as unchanged and
    /// answer its old content.
    static func hideEdit(_ f: IndexFixture, id: String) throws -> Int {
        let path = f.write(id, IndexFixture.text(title: "Edited elsewhere", date: "2029-01-01T18:30:00+01:00", notes: "New notes."))
        var st = stat()
        #expect(stat(path, &st) == 0)
        let s = FileStat(st)
        return try f.damage("UPDATE files SET size = ?, mtime = ?, ctime = ?, inode = ?, checked = ? WHERE path LIKE ?",
                            arguments: [s.size, s.mtime, s.ctime, s.inode, max(s.mtime, s.ctime) + 1_000_000_000, "%/\(id).md"])
    }

    @Test(arguments: ["whole journal", "a few files by path"])
    func aDamagedFilesRowNeverHidesAnEdit(_ read: String) throws {
        let f = IndexFixture("fresh-\(read.count)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        let id = "2029-01-01-1830-event-0"
        _ = f.indexed.loadAll()
        #expect(try Self.hideEdit(f, id: id) == 1, "the damage touched one row")
        f.reopen()
        if read == "whole journal" {
            #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
            #expect(f.indexed.loadAll().entries.contains { $0.title == "Edited elsewhere" })
        } else {
            // A ref made by hand carries no stat: the check stats it by its path.
            let refs = [EntryRef(id: id, path: f.path(id)), EntryRef(id: "2029-02-02-1830-event-1", path: f.path("2029-02-02-1830-event-1"))]
            #expect(IndexFixture.describe(f.indexed.load(refs)) == IndexFixture.describe(f.plain.load(refs)))
            #expect(f.indexed.load(refs).entries.first?.title == "Edited elsewhere")
        }
        // The facts answers go through the same check.
        f.reopen()
        func items(_ store: JournalStore) -> [String] { store.followUpIndex().followUps.items.map { "\($0.entryID) \($0.entryTitle) \($0.action)" } }
        #expect(items(f.indexed) == items(f.plain))
    }

    /// What the index stored about a file it could not read, changed: the file is read again.
    @Test(arguments: [
        ("problem", "UPDATE files SET problem = 'it was fine' WHERE problem IS NOT NULL"),
        ("problem line", "UPDATE files SET problem_line = problem_line + 7 WHERE problem IS NOT NULL"),
    ])
    func aDamagedProblemIsNotRepeated(_ label: String, _ damage: String) throws {
        let f = IndexFixture("fresh-problem-\(label.count)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 4)
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
        let expected = IndexFixture.describe(f.plain.loadAll())
        #expect(IndexFixture.describe(f.indexed.loadAll()) == expected, "cold")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) == expected, "\(label): answered as the files say")
    }

    /// With an index attached the walk stats every file as it lists it (through the folder's
    /// descriptor), and that stat is what `stat` says of the file; without one it stats nothing.
    @Test func theWalkCarriesEachFilesStat() throws {
        let f = IndexFixture("fresh-walk")
        JournalIndexTests.seed(f, count: 5)
        let linked = f.path("2029-06-06-1830-link")
        try FileManager.default.createDirectory(atPath: (linked as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        symlink(f.path("2029-01-01-1830-event-0"), linked)
        let refs = f.indexed.scan().refs
        #expect(refs.count == 5, "the link is the same file as its target: counted once")
        for ref in refs {
            #expect(ref.stat != nil && ref.stat == FileStat(path: ref.path), "\(ref.path)")
        }
        #expect(f.plain.scan().refs.allSatisfy { $0.stat == nil })
    }
}

/// A read of the whole journal takes the `files` rows, and a search its stored search texts,
/// while the walk runs (issue 23: ``FullReadPrefetch``); what was read before the database
/// changed is never what the read uses.
@Suite struct PrefetchedRowsTests {
    /// Another process records an edit between the rows read early and the read that wants them:
    /// the read takes the rows again, so the edit it just saw recorded is not read once more.
    @Test func rowsReadBeforeAnotherProcessWroteAreReadAgain() throws {
        let f = IndexFixture("prefetch-other", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        f.write("2029-01-01-1830-event-0", IndexFixture.text(title: "Edited elsewhere", date: "2029-01-01T18:30:00+01:00", notes: "New."))
        f.index.prepareFullRead(store: f.indexed)
        let early = try #require(f.index.pendingPrefetch)
        #expect(early.wait() != nil)
        // Another process (another connection to the same database) reads and records the edit.
        var other = f.plain
        let second = JournalIndex(location: f.index.location, racyMargin: 0)
        other.index = second
        _ = other.loadAll()
        #expect(second.lastRefresh.read == 1)
        // The early rows still hold the old signature; the read compares the database's rows.
        let snapshot = f.indexed.loadAll()
        #expect(f.index.lastRefresh.read == 0)
        #expect(snapshot.entries.contains { $0.title == "Edited elsewhere" })
        #expect(IndexFixture.describe(snapshot) == IndexFixture.describe(f.plain.loadAll()))
        #expect(f.index.pendingPrefetch == nil, "taken by the read")
    }

    /// A read looking for a text searches the stored search texts while the walk runs, and uses
    /// that search when nothing changed the database since.
    @Test func aSearchMadeWhileTheWalkRanIsUsedWhenNothingChanged() throws {
        let f = IndexFixture("search-ahead", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        let matcher = Self.matcher("zurich")
        #expect(IndexFixture.describe(f.indexed.entries(matching: matcher)) == IndexFixture.describe(f.plain.entries(matching: matcher)))
        #expect(f.index.lastRefresh.searchedAhead, "\(f.index.lastRefresh)")
        #expect(f.index.lastRefresh.textFound == 8)
    }

    /// A file edited before the read: the search made while the walk ran did not see its new
    /// text, and the read records the file before it narrows, so the search is made again.
    @Test func aSearchMadeBeforeAFileWasRecordedIsMadeAgain() throws {
        let f = IndexFixture("search-ahead-edit", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        f.write("2029-01-01-1830-event-0", IndexFixture.text(title: "Edited", date: "2029-01-01T18:30:00+01:00", notes: "A quokka."))
        let matcher = Self.matcher("quokka")
        let found = f.indexed.entries(matching: matcher)
        #expect(f.index.lastRefresh.read == 1)
        #expect(found.entries.map(\.title) == ["Edited"])
        #expect(IndexFixture.describe(found) == IndexFixture.describe(f.plain.entries(matching: matcher)))
        #expect(!f.index.lastRefresh.searchedAhead)
    }

    /// Another process records an edit between the search made while the walk ran and the read
    /// that narrows: this read records nothing, but the database changed, so it searches again.
    @Test func aSearchMadeBeforeAnotherProcessWroteIsMadeAgain() throws {
        let f = IndexFixture("search-ahead-other", racyMargin: 0)
        JournalIndexTests.seed(f, count: 8)
        _ = f.indexed.loadAll()
        f.write("2029-01-01-1830-event-0", IndexFixture.text(title: "Edited elsewhere", date: "2029-01-01T18:30:00+01:00", notes: "A quokka."))
        f.index.prepareFullRead(store: f.indexed, searching: "quokka")
        let early = try #require(f.index.pendingPrefetch?.wait()?.search?.found)
        #expect(early.holding.isEmpty, "searched before the edit was recorded")
        var other = f.plain
        let second = JournalIndex(location: f.index.location, racyMargin: 0)
        other.index = second
        _ = other.loadAll()
        #expect(second.lastRefresh.read == 1)
        let matcher = Self.matcher("quokka")
        let found = f.indexed.entries(matching: matcher)
        #expect(f.index.lastRefresh.read == 0)
        #expect(found.entries.map(\.title) == ["Edited elsewhere"])
        #expect(!f.index.lastRefresh.searchedAhead)
    }

    static func matcher(_ text: String) -> EntryMatcher {
        EntryMatcher(EntryQuery(text: text), catalog: IndexFixture.catalog, today: IndexFixture.today)
    }

    /// The rows know whether the database changed since they were read: another connection's
    /// commit, and a change made through their own connection.
    @Test func rowsKnowWhenTheDatabaseChanged() throws {
        let f = IndexFixture("prefetch-current", racyMargin: 0)
        JournalIndexTests.seed(f, count: 3)
        _ = f.indexed.loadAll()
        let queue = try #require(f.index.database(for: f.indexed))
        let rows = try queue.read { db in try StoredFiles(db, keys: nil) }
        #expect(rows.rows.count == 3)
        #expect(try queue.read { db in try rows.isCurrent(db) })
        try f.damage("UPDATE files SET checked = checked + 1 WHERE id = (SELECT min(id) FROM files)")
        #expect(try !queue.read { db in try rows.isCurrent(db) }, "another connection committed")
        let again = try queue.read { db in try StoredFiles(db, keys: nil) }
        #expect(try queue.read { db in try again.isCurrent(db) })
        try queue.write { db in try db.execute(sql: "UPDATE files SET checked = checked + 1 WHERE id = (SELECT min(id) FROM files)") }
        #expect(try !queue.read { db in try again.isCurrent(db) }, "this connection changed a row")
    }
    /// The check looks each ref's row up first after the row of the ref before (the order a
    /// warm index meets them in): refs in any other order, or with files missing, find the same
    /// rows by their paths' hash.
    @Test func refsInAnyOrderFindTheirOwnRows() throws {
        let f = IndexFixture("fresh-order", racyMargin: 0)
        JournalIndexTests.seed(f, count: 6)
        _ = f.indexed.loadAll()
        let queue = try #require(f.index.database(for: f.indexed))
        let stored = try queue.read { db in try StoredFiles(db, keys: nil) }
        let refs = f.indexed.refs()
        #expect(refs.count == 6)
        func check(_ refs: [EntryRef]) -> (fresh: [String: Int64], changes: Int, gone: [Int64]) {
            let check = FreshnessCheck(stored, refs: refs, complete: true, root: f.root, racyMargin: 0)
            var fresh: [String: Int64] = [:]
            for (file, index) in check.unchanged { fresh[refs[index].path] = file }
            return (fresh, check.changes.count, check.gone)
        }
        let inOrder = check(refs)
        #expect(inOrder.fresh.count == 6 && inOrder.changes == 0 && inOrder.gone.isEmpty)
        let rotated = Array(refs[3...] + refs[..<3])
        for order in [Array(refs.reversed()), rotated, [refs[1], refs[0], refs[3], refs[2], refs[5], refs[4]]] {
            let other = check(order)
            #expect(other.fresh == inOrder.fresh, "each file its own row")
            #expect(other.changes == 0 && other.gone.isEmpty)
        }
        // A file no longer listed: its row is gone, the next file still finds its own.
        var missing = refs
        let removed = missing.remove(at: 2)
        let fewer = check(missing)
        #expect(fewer.fresh.count == 5 && fewer.changes == 0)
        #expect(fewer.gone == [try #require(inOrder.fresh[removed.path])])
        #expect(fewer.fresh == inOrder.fresh.filter { $0.key != removed.path })
    }
}

/// The rows by their paths' hash (``RowsByPath``): every row whose hash matches is offered, in
/// any number, so paths that share a hash are still told apart by their bytes.
@Suite struct RowsByPathTests {
    @Test func rowsSharingAHashAreEachFound() {
        let hashes: [UInt64] = [5, 5, 7, 5, 0, .max]
        let table = RowsByPath(hashes)
        for r in hashes.indices {
            #expect(table.row(hash: hashes[r]) { $0 == r } == r, "row \(r)")
        }
        #expect(table.row(hash: 5) { _ in false } == nil)
        #expect(table.row(hash: 9) { _ in true } == nil)
        var offered: [Int] = []
        _ = table.row(hash: 5) { offered.append($0); return false }
        #expect(offered.sorted() == [0, 1, 3], "only the rows with that hash")
    }

    /// Many rows, a tenth of them on one hash: the table wraps around its end and still ends.
    @Test func manyRowsAndNone() {
        let hashes = (0..<5_000).map { UInt64($0 % 10 == 0 ? 42 : $0) &* 0x9E37_79B9 }
        let table = RowsByPath(hashes)
        for r in hashes.indices where r % 7 == 0 {
            #expect(table.row(hash: hashes[r]) { $0 == r } == r)
        }
        #expect(RowsByPath([]).row(hash: 1) { _ in true } == nil)
    }
}
