#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The hidden temporary files atomic writes go through: `.<name>.tmp-<pid>-<random>`, beside
/// the file they become, and the folders an answer is handed to the editor in:
/// `drafts/.editor-<pid>-XXXXXX/`. A run killed mid-write or mid-edit (SIGKILL, a power cut)
/// leaves one behind, up to an entry's worth of private text; the next write into the same folder
/// removes those that are stale, and `debrief doctor` lists them.
public enum TemporaryFile {
    /// How old a temporary file must be before it counts as stale, whoever wrote it: the pid in
    /// its name may belong to another machine when the journal is synced.
    public static let staleAge: TimeInterval = 3600

    /// A fresh temporary name for the file named `name`.
    static func name(for name: String) -> String {
        "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The `mkdtemp` template for an editor folder in `dir`.
    public static func editorFolderTemplate(in dir: String) -> String {
        dir + "/.editor-\(getpid())-XXXXXX"
    }

    /// One temporary file found in a folder.
    public struct Found: Sendable, Equatable {
        public var path: String
        /// The process that was writing it.
        public var pid: Int32
        /// Seconds since it was last written.
        public var age: TimeInterval
        /// Whether that process is still running (then the file may be a write under way).
        public var ownerRunning: Bool
        /// An editor folder rather than a file.
        public var isFolder = false

        /// Older than ``TemporaryFile/staleAge`` and its process gone: safe to remove.
        public var isStale: Bool { !ownerRunning && age > TemporaryFile.staleAge }
    }

    /// The pid in a temporary file's or editor folder's name, or nil when `fileName` is neither.
    static func pid(inName fileName: String) -> Int32? {
        if fileName.hasPrefix(".editor-") {
            let parts = fileName.dropFirst(8).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, parts[1].count == 6 else { return nil }
            return pid
        }
        guard fileName.hasPrefix("."), let marker = fileName.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = fileName[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil, pid > 0 else { return nil }
        return pid
    }

    /// The temporary files in `dir` (not below it), as of `now`.
    public static func find(in dir: String, now: Date = Date()) -> [Found] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var out: [Found] = []
        while let item = readdir(handle) {
            let name = DirectoryEntry.name(item)
            guard let pid = pid(inName: name) else { continue }
            let path = dir + "/" + name
            var st = stat()
            let folder = name.hasPrefix(".editor-")
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == (folder ? S_IFDIR : S_IFREG) else { continue }
            let modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            let running = kill(pid, 0) == 0 || errno == EPERM
            out.append(Found(path: path, pid: pid, age: now.timeIntervalSince1970 - modified, ownerRunning: running,
                             isFolder: folder))
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Removes the stale temporary files in `dir`; a file that cannot be removed is left for
    /// doctor to report.
    static func removeStale(in dir: String) {
        for file in find(in: dir) where file.isStale {
            if file.isFolder { try? FileManager.default.removeItem(atPath: file.path) } else { unlink(file.path) }
        }
    }
}
