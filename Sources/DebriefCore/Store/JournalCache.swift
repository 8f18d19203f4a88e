#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The journal as last read, kept for one run of the program so the screens that need every
/// entry (home, browse, people; the review and follow-up screens read the index's rows through
/// it) pay for a full read once and afterwards only for the files that changed.
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

    /// The last snapshot read through the index, with the stat of every file it was read from
    /// (taken before the read) and the walk's problems: while the walk finds the same files with
    /// the same stats, the files say what they said then, so the next screen gets that snapshot
    /// instead of the index rebuilding every entry again (half a second at 10,000 entries, paid on
    /// every screen switch before).
    private struct Indexed {
        var stats: [String: FileStat]
        var scanProblems: [EntryProblem]
        var snapshot: JournalSnapshot
    }

    private let indexed = Mutex<Indexed?>(nil)

    /// How many snapshots were read through the index rather than kept (the tests' window on
    /// ``Indexed``: a kept snapshot and a fresh one are otherwise the same).
    let indexReads = Atomic<Int>(0)

    /// ``FileStat/racyMargin``: a snapshot is kept only when every file it was read from had not
    /// changed within this margin of the read (tests shorten it).
    let racyMargin: Int64

    public init(store: JournalStore, racyMargin: Int64 = FileStat.racyMargin) {
        self.store = store
        self.racyMargin = racyMargin
    }

    /// Every entry, newest first, reading only files that are new or changed since the last call
    /// (or since ``load(_:)`` read them).
    ///
    /// With an index attached, the index is this memory, kept between runs too: the snapshot is
    /// the store's read through it.
    public func snapshot() -> JournalSnapshot {
        if store.index != nil { return indexedSnapshot() }
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

    /// Every entry through the index, or the last such snapshot when the walk finds exactly the
    /// files it was read from, none changed (``Indexed``).
    private func indexedSnapshot() -> JournalSnapshot {
        indexed.withLock { last in
            let scan = store.scan()
            Trace.mark("store: \(scan.refs.count) files listed")
            // Stats first, then the read: a file changed after its stat is read again next time.
            let checked = FileStat.now()
            var stats: [String: FileStat] = [:]
            stats.reserveCapacity(scan.refs.count)
            var racy = false
            for ref in scan.refs {
                guard let stat = ref.stat ?? FileStat(path: ref.path) else { racy = true; continue }
                stats[ref.path] = stat
                if stat.isRacy(checked: checked, margin: racyMargin) { racy = true }
            }
            if let kept = last, kept.stats == stats, kept.scanProblems == scan.problems {
                Trace.mark("store: the last snapshot kept, \(stats.count) files unchanged")
                return kept.snapshot
            }
            indexReads.add(1, ordering: .relaxed)
            let snapshot = store.loadAll(scan)
            last = racy ? nil : Indexed(stats: stats, scanProblems: scan.problems, snapshot: snapshot)
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

    /// The follow-ups `filter` may keep (at least: as ``JournalStore/followUpIndex(for:)``, every
    /// one may come back) and the files that could not be read: the store's, as `debrief followups`
    /// reads them (from the index's follow-up rows, no entry rebuilt), with an index attached;
    /// else every follow-up of the entries of ``snapshot()`` (only the changed files read again).
    public func followUpIndex(for filter: FollowUpFilter) -> (followUps: FollowUpIndex, problems: [EntryProblem]) {
        if store.index != nil { return store.followUpIndex(for: filter) }
        let snapshot = snapshot()
        return (FollowUpIndex(entries: snapshot.entries), snapshot.problems)
    }

    /// Everyone the journal names, each entry's people (their ids, titles and event times: where
    /// a person's page says they were met) and the files that could not be read: the store's, as
    /// `debrief people` reads them (``JournalStore/peopleIndex(upTo:)``: from the index's people
    /// rows), with an index attached; else from the entries of ``snapshot()``.
    public func peopleIndex() -> (people: PeopleIndex, sightings: [PersonSighting], problems: [EntryProblem]) {
        if store.index != nil { return store.peopleIndex() }
        let snapshot = snapshot()
        return (PeopleIndex(entries: snapshot.entries), snapshot.entries.map(PersonSighting.init(entry:)), snapshot.problems)
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
