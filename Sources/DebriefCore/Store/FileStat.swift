#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file that tells a change (git's stat data): size, modification and
/// change times to the nanosecond, and inode. Taken once where a folder is walked, so a cache can
/// compare it with what it stored without a second `stat` of every file.
public struct FileStat: Hashable, Sendable {
    public var size: Int64
    public var mtime: Int64
    public var ctime: Int64
    public var inode: Int64

    public init(size: Int64, mtime: Int64, ctime: Int64, inode: Int64) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    public init(_ st: stat) {
        #if canImport(Darwin)
        let m = st.st_mtimespec, c = st.st_ctimespec
        #else
        let m = st.st_mtim, c = st.st_ctim
        #endif
        size = Int64(st.st_size)
        mtime = Int64(m.tv_sec) * 1_000_000_000 + Int64(m.tv_nsec)
        ctime = Int64(c.tv_sec) * 1_000_000_000 + Int64(c.tv_nsec)
        inode = Int64(bitPattern: UInt64(st.st_ino))
    }

    /// How close to the moment it was taken a change must be for a stat not to prove the file
    /// unchanged. File systems stamp times from a coarse clock (a few milliseconds; whole seconds
    /// on some, two on FAT), so an edit right after a read can keep size and times.
    public static let racyMargin: Int64 = 2_000_000_000

    /// git's "racy" rule: a file whose modification or change time is not safely older than the
    /// moment it was read (`checked`) may have been changed again within the same tick, so its
    /// stat proves nothing and it is read again.
    public func isRacy(checked: Int64, margin: Int64 = racyMargin) -> Bool {
        max(mtime, ctime) >= checked - margin
    }

    /// Now, in nanoseconds of the wall clock file times come from.
    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// The file at `path` (following a link), or nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}
