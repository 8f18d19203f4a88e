#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Crash-safe file operations on the journal: a write either lands whole or not at all, and
/// everything debrief creates is private to the user (directories 0700, files 0600) whatever the
/// umask, because entries are notes about real people.
public enum AtomicFile {
    /// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync, then
    /// rename (or, when `replace` is false, link, which fails rather than overwrite), then fsync
    /// the folder so the new name survives a power cut.
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool) throws(StoreError) {
        let dir = (path as NSString).deletingLastPathComponent
        try makeDirectory(dir)
        let name = (path as NSString).lastPathComponent
        let tmp = dir + "/." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
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
            let linked = link(tmp, path)
            let code = errno
            unlink(tmp)
            if linked != 0 {
                if code == EEXIST { throw StoreError.exists(path) }
                throw StoreError.io(path, String(cString: strerror(code)))
            }
        }
        syncDirectory(dir)
    }

    /// Moves `from` to `to` without ever replacing an existing `to`.
    public static func move(_ from: String, to: String) throws(StoreError) {
        try makeDirectory((to as NSString).deletingLastPathComponent)
        guard link(from, to) == 0 else {
            if errno == EEXIST { throw StoreError.exists(to) }
            throw failure(to)
        }
        guard unlink(from) == 0 else { throw failure(from) }
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
        if mkdir(dir, 0o700) != 0, errno != EEXIST { throw failure(dir) }
        chmod(dir, 0o700)
    }

    /// The whole file, or nil when it does not exist.
    public static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw failure(path)
        }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { throw failure(path) }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
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
