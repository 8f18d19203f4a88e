import Foundation
import Synchronization
import Testing
@testable import DebriefCore

/// `doctor` walks the journal as every read of the whole journal does (issue 23): with an index
/// attached, the index is told first, so it reads its rows while the walk runs, and each ref
/// carries the stat the walk took through its folder's descriptor, the one the index's check
/// compares (without it, the check stat'ed every file again by its path, after the walk, on one
/// thread). The files themselves are still read directly, never through the index.
@Suite struct DoctorWalkTests {
    /// An index that answers nothing and records what doctor gave it.
    final class RecordingIndex: EntryIndexing {
        struct Seen {
            var prepared = 0
            var verified: [EntryRef] = []
            /// Whether the rows were asked for before the refs were given.
            var preparedFirst = false
        }

        let seen = Mutex(Seen())

        func outcomes(for refs: [EntryRef], complete: Bool, store: JournalStore) -> [Result<Entry, EntryProblem>?]? { nil }

        func prepareFullRead(store: JournalStore, searching text: String?) {
            seen.withLock { $0.prepared += 1 }
        }

        func verify(_ refs: [EntryRef], reading read: (Range<Int>) -> [Result<Entry, EntryProblem>?], store: JournalStore) -> [String]? {
            seen.withLock {
                $0.preparedFirst = $0.prepared == 1
                $0.verified = refs
            }
            return nil
        }

        func examineCache(store: JournalStore) -> (problems: [EntryProblem], removed: [String]) { ([], []) }
    }

    @Test func theIndexReadsAheadAndIsGivenTheWalksStats() throws {
        let (plain, dir, good) = try HostileFileTests.journal("doctor-walk")
        defer { Fixtures.removeTemp(plain.root) }
        let other = dir + "/2026-11-25-1000-second.md"
        Fixtures.write(HostileFileTests.entry, to: other)
        var store = plain
        let index = RecordingIndex()
        store.index = index
        let findings = JournalDoctor.examine(store)
        #expect(findings.entries == 2)
        #expect(findings.problems.map(\.description) == JournalDoctor.examine(plain).problems.map(\.description))
        let seen = index.seen.withLock { $0 }
        #expect(seen.prepared == 1 && seen.preparedFirst, "the index was told before the walk")
        #expect(Set(seen.verified.map(\.path)) == [good, other])
        for ref in seen.verified {
            #expect(ref.stat != nil && ref.stat == FileStat(path: ref.path), "\(ref.path)")
        }
    }
}
