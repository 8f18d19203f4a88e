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
///
/// Only debrief's own temporaries are ever removed, and only where debrief makes them (the
/// ``Scope`` of a folder): in the journal's folders any name of that form is debrief's, editor
/// folders exist only in `drafts/`, and in a folder debrief writes into but does not own (a
/// calendar folder, the folder of `export --output FILE`) only the temporaries of the very file
/// it writes there, never a foreign file or folder that merely looks alike.
public enum TemporaryFile {
    /// How old a temporary file must be before it counts as stale, whoever wrote it: the pid in
    /// its name may belong to another machine when the journal is synced.
    public static let staleAge: TimeInterval = 3600

    /// Which temporaries of debrief's a folder can hold, so which ones a write there may remove.
    public enum Scope: Equatable, Sendable {
        /// A folder of the journal (`entries/…`, `trash/`, the journal's own folder), or debrief's
        /// state folder: every `.<name>.tmp-<pid>-<n>` file is debrief's.
        case journal
        /// The journal's `drafts/`: those files, and the editor folders `.editor-<pid>-XXXXXX/`.
        case drafts
        /// A folder debrief does not own: only `.<name>.tmp-<pid>-<n>` for the names of the files
        /// debrief writes there.
        case files(Set<String>)
    }

    /// A fresh temporary name for the file named `name`.
    static func name(for name: String) -> String {
        "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The `mkdtemp` template for an editor folder in `dir` (the journal's `drafts/`).
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

    /// The pid in a temporary file's name (`.<name>.tmp-<pid>-<n>`, for any name or, given
    /// `of`, for those names only), or nil when `fileName` is not one.
    static func pid(inTemporaryName fileName: String, of targets: Set<String>? = nil) -> Int32? {
        guard fileName.hasPrefix("."), let marker = fileName.range(of: ".tmp-", options: .backwards),
              marker.lowerBound > fileName.index(after: fileName.startIndex) else { return nil }
        if let targets, !targets.contains(String(fileName[fileName.index(after: fileName.startIndex)..<marker.lowerBound])) { return nil }
        let parts = fileName[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), UInt32(parts[1]) != nil, pid > 0 else { return nil }
        return pid
    }

    /// The pid in an editor folder's name (`.editor-<pid>-XXXXXX`), or nil when it is not one.
    static func pid(inEditorFolder fileName: String) -> Int32? {
        guard fileName.hasPrefix(".editor-") else { return nil }
        let parts = fileName.dropFirst(8).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0, parts[1].count == 6 else { return nil }
        return pid
    }

    /// The temporaries of `scope` in `dir` (not below it), as of `now`.
    public static func find(in dir: String, scope: Scope, now: Date = Date()) -> [Found] {
        guard let handle = opendir(dir) else { return [] }
        defer { closedir(handle) }
        var out: [Found] = []
        while let item = readdir(handle) {
            let name = DirectoryEntry.name(item)
            let folderPid = scope == .drafts ? pid(inEditorFolder: name) : nil
            let filePid: Int32?
            switch scope {
            case .journal, .drafts: filePid = folderPid == nil ? pid(inTemporaryName: name) : nil
            case .files(let targets): filePid = pid(inTemporaryName: name, of: targets)
            }
            guard let pid = folderPid ?? filePid else { continue }
            let path = dir + "/" + name
            var st = stat()
            let folder = folderPid != nil
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == (folder ? S_IFDIR : S_IFREG) else { continue }
            let modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            let running = kill(pid, 0) == 0 || errno == EPERM
            out.append(Found(path: path, pid: pid, age: now.timeIntervalSince1970 - modified, ownerRunning: running,
                             isFolder: folder))
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Removes the stale temporaries of `scope` in `dir`; one that cannot be removed is left for
    /// doctor to report.
    public static func removeStale(in dir: String, scope: Scope) {
        for file in find(in: dir, scope: scope) where file.isStale {
            if file.isFolder { removeEditorFolder(file.path) } else { unlink(file.path) }
        }
    }

    /// Removes an editor folder when it holds only what the editor leaves there: regular files
    /// named after the answer (`answer.md`, a swap or backup file such as `.answer.md.swp` or
    /// `answer.md~`). A folder holding anything else (another folder, a link, other files) is
    /// not one debrief made as it is, and is left for doctor to name.
    static func removeEditorFolder(_ path: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names {
            var st = stat()
            guard name.contains("answer"), lstat(path + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return }
        }
        for name in names { unlink(path + "/" + name) }
        rmdir(path)
    }
}
