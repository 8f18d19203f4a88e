#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The journal as last read, kept for one run of the program so the screens that need every
/// entry (home, review, follow-ups, people) pay for a full read once and afterwards only for the
/// files that changed.
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

    /// Every entry, newest first, reading only files that are new or changed since the last call.
    public func snapshot() -> JournalSnapshot {
        files.withLock { cached in
            let scan = store.scan()
            let refs = scan.refs
            var fresh: [String: Cached] = [:]
            fresh.reserveCapacity(refs.count)
            var entries: [Entry] = []
            var problems = scan.problems
            entries.reserveCapacity(refs.count)
            for ref in refs {
                guard let stamp = Self.stamp(ref.path) else { continue }
                let outcome: Result<Entry, EntryProblem>
                if let old = cached[ref.path], old.stamp == stamp {
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
            cached = fresh
            return JournalSnapshot(entries: entries, problems: problems)
        }
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
