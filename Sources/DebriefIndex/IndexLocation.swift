#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore

/// Where a journal's index lives: `$XDG_CACHE_HOME/debrief/` (default `~/.cache/debrief/`), one
/// database per journal folder, named after a hash of the folder's real path, never inside the
/// journal, so git or Syncthing never carry it along. Private like the journal: the folder 0700,
/// the database and its `-wal` and `-shm` files 0600, whatever the umask.
public struct IndexLocation: Sendable, Equatable {
    /// The folder holding every journal's index.
    public var folder: String
    /// The journal folder's real path (links resolved), which the database is keyed by.
    public var journal: String

    public init(folder: String, journal: String) {
        self.folder = folder
        self.journal = journal
    }

    /// The index of the journal at `root` (links resolved) in `folder`.
    public init(folder: String, journalAt root: String) {
        self.init(folder: folder, journal: Self.realPath(root))
    }

    /// The location for the journal at `root` under the environment's cache folder; nil when
    /// neither `XDG_CACHE_HOME` nor `HOME` says where that is.
    public static func forJournal(_ root: String, environment: [String: String]) -> IndexLocation? {
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache"
        } else {
            return nil
        }
        return IndexLocation(folder: base + "/debrief", journal: realPath(root))
    }

    /// The database file.
    public var database: String {
        let hex = String(Fingerprint(of: journal.utf8).hash, radix: 16)
        return folder + "/journal-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sqlite"
    }

    /// The database and the files SQLite keeps beside it.
    public var files: [String] { [database, database + "-wal", database + "-shm", database + "-journal"] }

    /// `path` with links resolved, or as given when it does not exist (yet).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Creates the folder (and missing parents) and makes it 0700; false when it cannot be used.
    func prepareFolder() -> Bool {
        var partial = ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + part
            if mkdir(partial, 0o700) != 0, errno != EEXIST { return false }
        }
        var st = stat()
        guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return false }
        if st.st_mode & 0o777 != 0o700, st.st_uid == getuid() { chmod(folder, 0o700) }
        return access(folder, W_OK | X_OK) == 0
    }

    /// Creates the database file 0600 before SQLite does (SQLite gives its `-wal` and `-shm`
    /// files the database's mode), and brings existing ones back to 0600.
    func prepareFiles() {
        let fd = open(database, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 {
            fchmod(fd, 0o600)
            close(fd)
        }
        for file in files.dropFirst() {
            var st = stat()
            if stat(file, &st) == 0, st.st_mode & 0o777 != 0o600 { chmod(file, 0o600) }
        }
    }

    /// Removes the database and the files beside it, to start again.
    func remove() {
        for file in files { unlink(file) }
    }
}
