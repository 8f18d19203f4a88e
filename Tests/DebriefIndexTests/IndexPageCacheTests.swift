@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The index's connection caches ``IndexSchema/cachePages`` pages, whether it makes the database
/// or opens one already made: SQLite's default, 2,000 KB turned into pages before the page size
/// is known, kept 483 pages of 16 KB (7.7 MB), the largest part of a cold build's page cache
/// (issue 23: its peak memory at 10,000 entries).
@Suite struct IndexPageCacheTests {
    static func cacheSize(_ f: IndexFixture) throws -> Int? {
        let queue = try #require(f.index.database(for: f.indexed))
        return try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
    }

    @Test func aNewIndexCachesItsPagesByCount() throws {
        let f = IndexFixture("cache-new", racyMargin: 0)
        JournalIndexTests.seed(f, count: 5)
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
        #expect(try Self.cacheSize(f) == IndexSchema.cachePages)
        #expect(IndexSchema.cachePages * IndexSchema.pageSize == 2 << 20)
    }

    @Test func anIndexOpenedAgainCachesItsPagesByCount() throws {
        let f = IndexFixture("cache-again", racyMargin: 0)
        JournalIndexTests.seed(f, count: 5)
        _ = f.indexed.loadAll()
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.loadAll()) == IndexFixture.describe(f.plain.loadAll()))
        #expect(f.index.lastRefresh.rebuilt == 5, "the index was kept")
        #expect(try Self.cacheSize(f) == IndexSchema.cachePages)
    }
}
