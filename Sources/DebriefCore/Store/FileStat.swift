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

    /// The file at `path` (following a link), or nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.init(st)
    }
}
