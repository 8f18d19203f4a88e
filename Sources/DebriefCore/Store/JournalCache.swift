#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The journal as last read, kept for one run of the program so the screens that need every
/// entry (home, browse, review, follow-ups, people) pay for a full read once and afterwards only
/// for the files that changed.
///
/// A refresh lists the folder and stats each file (a few milliseconds for 10,000 files); a file
/// is read again only when its size, modification time or inode changed, so an edit made by
/// another process, by `$EDITOR` or by debrief itself is picked up on the next refresh. Shared
/// between the main thread and background reads, hence the lock; refreshes are serialised.
public final class JournalCache: Sendable {
    public let store: JournalStore

    /// What a file looked like when it was read.
    private struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private struct Cached {
        var stamp: Stamp
        var outcome: Result<Entry, EntryProblem>
    }

    private let files = Mutex<[String: Cached]>([:])

    public init(store: JournalStore) {
        self.store = store
    }

    /// Every entry, newest first, reading only files that are new or changed since the last call
    /// (or since ``load(_:)`` read them).
    ///
    /// With an index attached, the index is this memory, kept between runs too: the snapshot is
    /// the store's read through it.
    public func snapshot() -> JournalSnapshot {
        if store.index != nil { return store.loadAll() }
        return files.withLock { cached in
            let scan = store.scan()
            var fresh: [String: Cached] = [:]
            fresh.reserveCapacity(scan.refs.count)
            var snapshot = read(scan.refs, known: cached, into: &fresh)
            snapshot.problems = scan.problems + snapshot.problems
            cached = fresh
            return snapshot
        }
    }

    /// `body` given what the weekly review reads of the journal: the store's
    /// (``JournalStore/review(_:)``: from the index's rows, only what the review shows) with an
    /// index attached; else the entries of ``snapshot()`` (only the changed files read again).
    public func review<Value>(_ body: (ReviewSource) -> Value) -> Value {
        if store.index != nil { return store.review(body) }
        let snapshot = snapshot()
        return body(ReviewSource(entries: snapshot.entries, problems: snapshot.problems))
    }

    /// Some entries (a page of a screen that reads the journal in parts), remembered like the
    /// snapshot's, so a later ``snapshot()`` reads again only what changed since.
    public func load(_ refs: [EntryRef]) -> JournalSnapshot {
        if store.index != nil { return store.load(refs) }
        return files.withLock { cached in
            var fresh: [String: Cached] = [:]
            let snapshot = read(refs, known: cached, into: &fresh)
            cached.merge(fresh) { _, new in new }
            return snapshot
        }
    }

    /// Reads `refs`, reusing what `known` holds for a file whose stamp did not change, and
    /// records every file read in `fresh`.
    private func read(_ refs: [EntryRef], known: [String: Cached], into fresh: inout [String: Cached]) -> JournalSnapshot {
        var entries: [Entry] = []
        var problems: [EntryProblem] = []
        entries.reserveCapacity(refs.count)
        for ref in refs {
            guard let stamp = Self.stamp(ref.path) else { continue }
            let outcome: Result<Entry, EntryProblem>
            if let old = known[ref.path], old.stamp == stamp {
                outcome = old.outcome
            } else {
                guard let read = store.tolerantRead(ref) else { continue }
                outcome = read
            }
            fresh[ref.path] = Cached(stamp: stamp, outcome: outcome)
            switch outcome {
            case .success(let entry): entries.append(entry)
            case .failure(let problem): problems.append(problem)
            }
        }
        return JournalSnapshot(entries: entries, problems: problems)
    }

    private static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let time = st.st_mtimespec
        #else
        let time = st.st_mtim
        #endif
        return Stamp(size: Int64(st.st_size), seconds: time.tv_sec, nanoseconds: time.tv_nsec, inode: UInt64(st.st_ino))
    }
}
