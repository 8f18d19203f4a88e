#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
@testable import DebriefIndex
import Foundation
import Testing

/// SQLite coordinates processes with POSIX record locks, and a process loses every such lock on a
/// file as soon as it closes any descriptor of that file. The index once opened and closed the
/// database and its `-shm` itself after SQLite had opened them (to check and `chmod` them); the
/// locks went, a second debrief believed it was alone, truncated the `-shm` under the first, and
/// the first died of SIGBUS (`twoSyncsAtOnceTakeTurns`, 1 run in a few under load).
@Suite struct IndexLockTests {
    /// Linux's `F_OFD_GETLK`: asks whether a lock could be taken, against every other holder,
    /// including this process's own POSIX locks, which plain `F_GETLK` would not report.
    static let ofdGetLock: Int32 = 36

    /// The lock SQLite keeps on the `-shm` file's "dead man switch" byte (offset 128) for as long
    /// as a connection is open, as another opener would see it; `F_UNLCK` when nobody holds it.
    static func holderOfTheSharedMemory(_ shm: String) throws -> Int16 {
        let fd = open(shm, O_RDWR | O_CLOEXEC)
        try #require(fd >= 0, "\(shm) cannot be opened")
        // This descriptor is closed only when the test is done with the index (closing it drops
        // the locks SQLite holds, the very thing under test).
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 128
        lock.l_len = 1
        let rc = fcntl(fd, ofdGetLock, &lock)
        try #require(rc == 0, "F_OFD_GETLK: \(String(cString: strerror(errno)))")
        Self.keptOpen.append(fd)
        return lock.l_type
    }
    nonisolated(unsafe) static var keptOpen: [Int32] = []

    @Test func openingTheIndexKeepsTheLocksSQLiteHolds() throws {
        let f = IndexFixture("locks", racyMargin: 0)
        JournalIndexTests.seed(f, count: 3)
        #expect(f.indexed.loadAll().entries.count == 3)
        let shm = f.index.location.database + "-shm"
        #expect(FileManager.default.fileExists(atPath: shm))
        // SQLite's read lock on the switch byte is still there: a second process sees the
        // database in use and leaves the shared memory alone.
        #expect(try Self.holderOfTheSharedMemory(shm) == Int16(F_RDLCK))
        // The companions are private all the same (SQLite gives them the database's mode).
        for file in f.index.location.files where FileManager.default.fileExists(atPath: file) {
            var st = stat()
            #expect(stat(file, &st) == 0 && st.st_mode & 0o777 == 0o600, "\(file)")
        }
    }
}
