#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore

/// What a file looked like when it was indexed (git's stat data): size, modification and change
/// times to the nanosecond, and inode. Any edit, rename over it, `chmod` or `touch` changes one.
public struct FileSignature: Equatable, Sendable {
    var size: Int64
    var mtime: Int64
    var ctime: Int64
    var inode: Int64

    /// The signature of the file at `path` (following a link), or nil when there is none.
    init?(path: String) {
        guard let s = FileStat(path: path) else { return nil }
        self.init(s)
    }

    /// The signature a walk of a folder took (``FileStat``).
    init(_ s: FileStat) {
        self.init(size: s.size, mtime: s.mtime, ctime: s.ctime, inode: s.inode)
    }

    init(size: Int64, mtime: Int64, ctime: Int64, inode: Int64) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    /// ``FileStat/isRacy(checked:margin:)``: a file changed within the margin of its read may
    /// have changed again within the same tick, so its signature proves nothing.
    func isRacy(checked: Int64, margin: Int64 = FileStat.racyMargin) -> Bool {
        FileStat(size: size, mtime: mtime, ctime: ctime, inode: inode).isRacy(checked: checked, margin: margin)
    }
}
