@testable import DebriefCore
import DebriefIndex
import Foundation
import Testing

/// The screens' journal cache over the index: it keeps its last snapshot while the walk finds the
/// same files with the same stats, and what it gives is always what the files say.
@Suite struct JournalCacheIndexTests {
    static func seed(_ f: IndexFixture) {
        f.write("2029-12-01-1000-coffee", IndexFixture.text(title: "Coffee", date: "2029-12-01 10:00", people: ["Ana Lima"]))
        f.write("2029-12-02-1000-meetup", IndexFixture.text(title: "Meetup", date: "2029-12-02 10:00", followUp: "Ben"))
        f.write("2029-12-03-1000-lunch", IndexFixture.text(title: "Lunch", date: "2029-12-03 10:00", tags: ["food"]))
    }

    /// The snapshot is kept (the index is not read) until a file changes; then the index answers again.
    @Test func theLastSnapshotIsKeptWhileNothingChanged() throws {
        let f = IndexFixture("cache-kept")
        Self.seed(f)
        // No margin: the files were written just now, and this test is about what is kept.
        let cache = JournalCache(store: f.indexed, racyMargin: 0)
        let first = cache.snapshot()
        #expect(first.entries.count == 3)
        #expect(IndexFixture.describe(cache.snapshot()) == IndexFixture.describe(first))
        #expect(IndexFixture.describe(cache.snapshot()) == IndexFixture.describe(first))
        #expect(cache.indexReads.load(ordering: .relaxed) == 1, "the kept snapshot read the index")
        f.write("2029-12-03-1000-lunch", IndexFixture.text(title: "Lunch", date: "2029-12-03 10:00", tags: ["food", "later"]))
        let after = cache.snapshot()
        #expect(cache.indexReads.load(ordering: .relaxed) == 2, "a changed file did not reach the index")
        #expect(IndexFixture.describe(after) == IndexFixture.describe(f.plain.loadAll()))
    }

    /// A snapshot read while a file was within the racy margin of its last change is not kept:
    /// an edit in the same clock tick could keep its size and times.
    @Test func aSnapshotOfFilesJustWrittenIsNotKept() throws {
        let f = IndexFixture("cache-racy")
        Self.seed(f)
        let cache = JournalCache(store: f.indexed)
        _ = cache.snapshot()
        _ = cache.snapshot()
        #expect(cache.indexReads.load(ordering: .relaxed) == 2, "a snapshot of files just written was kept")
    }

    /// Through every outside change, with the margin at zero so the cache keeps whatever it may:
    /// the cache's snapshot is the files' own read.
    @Test func whatItGivesIsWhatTheFilesSay() throws {
        let f = IndexFixture("cache-truth")
        Self.seed(f)
        let cache = JournalCache(store: f.indexed, racyMargin: 0)
        func check(_ step: String) {
            #expect(IndexFixture.describe(cache.snapshot()) == IndexFixture.describe(f.plain.loadAll()), "\(step)")
        }
        check("first read")
        check("nothing changed")
        f.write("2029-12-01-1000-coffee", IndexFixture.text(title: "Coffee", date: "2029-12-01 10:00", people: ["Ana Lima", "Bo"]))
        check("an edit")
        f.write("2029-12-04-1000-dinner", IndexFixture.text(title: "Dinner", date: "2029-12-04 10:00"))
        check("a new file")
        try FileManager.default.removeItem(atPath: f.path("2029-12-02-1000-meetup"))
        check("a file removed")
        try FileManager.default.moveItem(atPath: f.path("2029-12-03-1000-lunch"), toPath: f.path("2029-12-03-1100-lunch"))
        check("a file renamed")
        f.write("2029-12-05-1000-broken", "---\ntitle: [unclosed\n---\n")
        check("a file that cannot be read")
        try FileManager.default.copyItem(atPath: f.path("2029-12-04-1000-dinner"),
                                         toPath: f.root + "/entries/2029/12/2029-12-04-1000-dinner (conflicted copy).md")
        check("a conflict copy")
        check("nothing changed again")
    }
}
