#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CDebriefFiles
import Foundation

/// Crash-safe file operations on the journal: a write either lands whole or not at all, and
/// everything debrief creates is private to the user (directories 0700, files 0600) whatever the
/// umask, because entries are notes about real people.
public enum AtomicFile {
    /// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync, then
    /// rename (or, when `replace` is false, a rename that fails rather than overwrite), then fsync
    /// the folder so the new name survives a power cut. Stale temporary files of killed runs in
    /// that folder are removed first, those `temporaries` says are debrief's there (by default
    /// only this file's own, for a folder debrief does not own; see ``TemporaryFile/Scope``).
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool,
                             temporaries: TemporaryFile.Scope? = nil) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent
        try makeDirectory(dir)
        let name = (path as NSString).lastPathComponent
        TemporaryFile.removeStale(in: dir, scope: temporaries ?? .files([name]))
        let tmp = dir + "/" + TemporaryFile.name(for: name)
        // Errors name `path`, the file the user knows, never the hidden temporary one.
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(path) }
        var ok = fchmod(fd, 0o600) == 0
        var offset = 0
        while ok, offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { ok = false } else { offset += n }
        }
        if ok { ok = fsync(fd) == 0 }
        let error = ok ? nil : failure(path)
        close(fd)
        if let error {
            unlink(tmp)
            throw error
        }
        if replace {
            guard rename(tmp, path) == 0 else {
                let e = failure(path)
                unlink(tmp)
                throw e
            }
        } else {
            let code = renameWithoutReplacing(tmp, to: path)
            if code != 0 {
                unlink(tmp)
                if code == EEXIST { throw StoreError.exists(path) }
                throw StoreError.io(path, String(cString: strerror(code)))
            }
        }
        syncDirectory(dir)
    }

    /// Replaces `path` with `bytes` (``write(_:to:replace:)``) if it still holds the bytes that
    /// were read from it (`expecting`); otherwise writes nothing and throws
    /// ``StoreError/changedOnDisk(_:)``. For a file outside a journal (git's merge file): the
    /// check and the rename happen under an exclusive lock on its folder, so two debriefs writing
    /// the same file at once cannot both pass the check. A symbolic link at `path` is refused, not
    /// followed (the rename would replace the link, not write where it points).
    public static func replace(_ path: String, with bytes: [UInt8], expecting: Fingerprint) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(dir) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        try requireRegularFile(path)
        guard let current = try read(path), Fingerprint(of: current) == expecting else { throw StoreError.changedOnDisk(path) }
        try write(bytes, to: path, replace: true)
    }

    /// Throws unless `path` is a regular file itself (not a symbolic link to one, a folder, a
    /// FIFO…, or missing).
    public static func requireRegularFile(_ path: String) throws(StoreError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw failure(path) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw StoreError.io(path, "not a regular file (\(kindName(kind))); debrief writes only to a regular file")
        }
    }

    /// Moves `from` to `to` without ever replacing an existing `to`.
    public static func move(_ from: String, to: String) throws(StoreError) {
        try makeDirectory((to as NSString).deletingLastPathComponent)
        let code = renameWithoutReplacing(from, to: to)
        guard code == 0 else {
            if code == EEXIST { throw StoreError.exists(to) }
            throw StoreError.io(to, String(cString: strerror(code)))
        }
        syncDirectory((to as NSString).deletingLastPathComponent)
        syncDirectory((from as NSString).deletingLastPathComponent)
    }

    /// Creates `dir` and any missing parents with mode 0700 (set explicitly, past the umask).
    public static func makeDirectory(_ dir: String) throws(StoreError) {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            if isDir.boolValue { return }
            throw StoreError.io(dir, "exists and is not a folder")
        }
        let parent = (dir as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != dir { try makeDirectory(parent) }
        if mkdir(dir, 0o700) != 0 {
            guard errno == EEXIST else { throw failure(dir) }
            // Something is there though the check above saw nothing: a symbolic link to a missing
            // target (or a folder made meanwhile by another run, which is fine).
            switch JournalLocation.presence(of: dir) {
            case .folder: return
            case .danglingLink(let target): throw StoreError.io(dir, "is a symbolic link to \(target), which does not exist")
            case .notAFolder: throw StoreError.io(dir, "exists and is not a folder")
            case .unreadable(let why): throw StoreError.io(dir, why)
            case .missing: throw StoreError.io(dir, "was removed while it was being made")
            }
        }
        chmod(dir, 0o700)
    }

    /// The largest file debrief reads: an entry is a few kilobytes, so a file past this is not
    /// one (a symlink to a disk image, a log), and reading it would only exhaust memory.
    public static let readLimit = 8 << 20

    /// The whole file, or nil when it does not exist.
    ///
    /// Reads regular files only: opened with `O_NONBLOCK` (a FIFO named `x.md` would otherwise
    /// block the open until a writer comes) and checked with `fstat` on the open descriptor (so a
    /// symlink swapped meanwhile cannot slip a device in); a FIFO, device, socket or folder, and a
    /// file over `limit` (``readLimit`` unless the caller reads larger files, such as a calendar
    /// export), is an I/O error naming what it is, never read.
    public static func read(_ path: String, limit: Int = readLimit) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            let error = failure(path)
            // A socket cannot be opened at all (ENXIO): say what it is rather than the errno.
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
                throw StoreError.io(path, "not a regular file (\(kindName(info.st_mode & S_IFMT))); debrief reads only regular files")
            }
            throw error
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw StoreError.io(path, "not a regular file (\(kindName(kind))); debrief reads only regular files")
        }
        let tooLarge = StoreError.io(path, "larger than \(limit >> 20) MB; debrief does not read files that large")
        guard info.st_size <= limit else { throw tooLarge }
        var out: [UInt8] = []
        out.reserveCapacity(Int(info.st_size))
        // Sized to the file (with a byte to spare, so a file that did not grow is read in one
        // call and its end found by the next): zeroing 64 KB for each entry of a few KB was
        // 0.66 G instructions of `doctor`'s 10,000 reads. The loop reads on if it grew.
        var chunk = [UInt8](repeating: 0, count: min(65_536, max(4_096, Int(info.st_size) + 1)))
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw failure(path) }
            if n == 0 { return out }
            // The file may grow while it is read: the limit holds for what is read, too.
            guard out.count + n <= limit else { throw tooLarge }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// What a file that is not a regular one is, in words.
    static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a file"
        }
    }

    /// Renames `from` to `to` unless `to` exists, in one step where the kernel and the file system
    /// can (`renameat2` with `RENAME_NOREPLACE`): a process killed at any point leaves one name
    /// or the other, never both. Where they cannot (an old kernel, some network file systems),
    /// link then unlink, whose window a kill can hit: the temporary name then stays as a second
    /// link, which doctor reports. Returns 0 or the errno.
    static func renameWithoutReplacing(_ from: String, to: String) -> Int32 {
        if debrief_rename_noreplace(from, to) == 0 { return 0 }
        let code = errno
        guard code == EINVAL || code == ENOSYS || code == ENOTSUP else { return code }
        guard link(from, to) == 0 else { return errno }
        guard unlink(from) == 0 else { return errno }
        return 0
    }

    private static func syncDirectory(_ dir: String) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func failure(_ path: String) -> StoreError {
        StoreError.io(path, String(cString: strerror(errno)))
    }
}
