import Foundation
import Testing
@testable import DebriefCore

/// The in-memory journal cache: a second snapshot re-reads only files that changed, and sees
/// files added, changed or removed by anyone.
@Suite struct JournalCacheTests {
    static func modificationTime(_ path: String) -> timespec {
        var st = stat()
        stat(path, &st)
        return st.st_mtim
    }

    static func setModificationTime(_ path: String, _ time: timespec) {
        var times = [time, time]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    @Test func unchangedFilesAreNotReadAgainAndChangedOnesAre() throws {
        let root = Fixtures.tempDirectory("cache")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let first = try store.create(StoreTests.entry("Swift meetup"))
        _ = try store.create(StoreTests.entry("Coffee with Zoë"))
        let cache = JournalCache(store: store)
        #expect(cache.snapshot().entries.map(\.title).sorted() == ["Coffee with Zoë", "Swift meetup"])

        // Same size, same time, different bytes: the cache trusts its stamp and keeps the entry…
        let path = try #require(first.source?.path)
        let original = try #require(Fixtures.bytes(path))
        let stamp = Self.modificationTime(path)
        let garbage = String(repeating: "x", count: original.count)
        Fixtures.write(garbage, to: path)
        Self.setModificationTime(path, stamp)
        let cached = cache.snapshot()
        #expect(cached.entries.count == 2)
        #expect(cached.problems.isEmpty)

        // …and a new modification time makes it read the file again, which now fails to parse.
        Self.setModificationTime(path, timespec(tv_sec: stamp.tv_sec + 5, tv_nsec: 0))
        let reread = cache.snapshot()
        #expect(reread.entries.map(\.title) == ["Coffee with Zoë"])
        #expect(reread.problems.map(\.path) == [path])
    }

    @Test func addedAndRemovedFilesShowUp() throws {
        let root = Fixtures.tempDirectory("cache")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let cache = JournalCache(store: store)
        #expect(cache.snapshot().entries.isEmpty)
        let created = try store.create(StoreTests.entry("Conference"))
        #expect(cache.snapshot().entries.map(\.id) == [created.id])
        _ = try store.trash(created)
        #expect(cache.snapshot().entries.isEmpty)
    }

    @Test func snapshotMatchesAFullLoad() throws {
        let root = Fixtures.tempDirectory("cache")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        for title in ["A", "B", "C"] { _ = try store.create(StoreTests.entry(title)) }
        Fixtures.write("---\ntitle: [unclosed\n---\n", to: root + "/entries/2026/11/2026-11-20-broken.md")
        let cache = JournalCache(store: store)
        let full = store.loadAll()
        let first = cache.snapshot()
        #expect(first.entries == full.entries)
        #expect(first.problems == full.problems)
        #expect(cache.snapshot().entries == full.entries)
    }
}
