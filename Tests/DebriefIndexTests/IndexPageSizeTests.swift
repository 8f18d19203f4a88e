@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// A new index is made with 16 KB pages (issue 23: a sixth of the page writes and reads of a cold
/// build); an index made with SQLite's 4 KB pages, as every index before, is used as it is.
@Suite struct IndexPageSizeTests {
    static func pageSize(_ f: IndexFixture) throws -> Int {
        let queue = try DatabaseQueue(path: f.index.location.database)
        defer { try? queue.close() }
        return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
    }

    @Test func aNewIndexHasPagesOf16KB() throws {
        let f = IndexFixture("pages-new", racyMargin: 0)
        JournalIndexTests.seed(f, count: 5)
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
        #expect(try Self.pageSize(f) == 16_384)
    }

    @Test func anIndexWithPagesOf4KBIsUsedAsItIs() throws {
        let f = IndexFixture("pages-old", racyMargin: 0)
        JournalIndexTests.seed(f, count: 5)
        _ = f.indexed.loadAll()
        f.reopen()
        // The same index rewritten with 4 KB pages, as debrief made it before.
        let queue = try DatabaseQueue(path: f.index.location.database)
        try queue.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "VACUUM")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try queue.close()
        #expect(try Self.pageSize(f) == 4_096)
        f.reopen()
        f.write("2029-01-01-1830-event-0", IndexFixture.text(title: "Edited", date: "2029-01-01T18:30:00+01:00"))
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
        #expect(f.index.lastRefresh.read == 1, "only the edited file is read: the index was kept")
        #expect(f.index.lastRefresh.rebuilt == 4)
        #expect(try Self.pageSize(f) == 4_096)
    }
}
