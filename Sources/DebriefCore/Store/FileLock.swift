import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a lock file, held while a read-change-write runs, so
/// two debrief processes never interleave theirs: the journal's `.lock`
/// (``JournalStore/withLock(_:)``) and the state file's (``DebriefState/update(at:_:)``).
enum FileLock {
    /// Runs `body` holding the lock on `path`, created 0600 (with its folder) when missing.
    static func withLock<T>(_ path: String, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try AtomicFile.makeDirectory((path as NSString).deletingLastPathComponent)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw AtomicFile.failure(path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
