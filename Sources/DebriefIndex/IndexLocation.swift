#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore

/// Where a journal's index lives: `$XDG_CACHE_HOME/debrief/` (default `~/.cache/debrief/`), one
/// database per journal folder, named after a hash of the folder's real path, never inside the
/// journal, so git or Syncthing never carry it along. Private like the journal: the folder 0700,
/// the database and its `-wal` and `-shm` files 0600, whatever the umask; used only when the
/// folder and files are debrief's own (``CacheFolder``).
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
    public var database: String { folder + "/" + databaseName }

    /// `journal-<16 hex digits>.sqlite`, after a hash of the journal's real path.
    var databaseName: String {
        let hex = String(Fingerprint(of: journal.utf8).hash, radix: 16)
        return "journal-" + String(repeating: "0", count: 16 - hex.count) + hex + ".sqlite"
    }

    /// What SQLite keeps beside a database: its write-ahead log, shared memory and rollback journal.
    static let suffixes = ["", "-wal", "-shm", "-journal"]

    /// The database and the files SQLite keeps beside it.
    public var files: [String] { Self.suffixes.map { database + $0 } }

    /// `path` with links resolved, or as given when it does not exist (yet).
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Readies the folder and the files for SQLite (``CacheFolder``): the folder created or
    /// checked, the files beside the database checked and made 0600, the database created 0600
    /// or checked, made 0600 and marked used (its modification time, which ``StaleIndexes``
    /// reads). Returns the open folder, or what keeps the index from being used. Opens no
    /// existing file (``CacheFolder/claim(_:in:path:create:)``).
    func prepare() -> Result<Descriptor, CacheProblem> {
        let opened = CacheFolder(path: folder).openFolder()
        guard case .success(let dir) = opened else { return opened }
        for suffix in Self.suffixes.dropFirst() {
            if let problem = CacheFolder.claim(databaseName + suffix, in: dir, path: folder, create: false) {
                return .failure(problem)
            }
        }
        if let problem = CacheFolder.claim(databaseName, in: dir, path: folder, create: true) { return .failure(problem) }
        utimensat(dir.fd, databaseName, nil, AT_SYMLINK_NOFOLLOW)
        return .success(dir)
    }

    /// After SQLite opened the database: the files it made beside it are checked too (SQLite
    /// gives them the database's 0600), by name and without opening them, since closing a
    /// descriptor would drop the locks SQLite holds; the problem when one is not what SQLite
    /// would have made.
    func secureCompanions(_ dir: Descriptor) -> CacheProblem? {
        for suffix in Self.suffixes {
            if let problem = CacheFolder.claim(databaseName + suffix, in: dir, path: folder, create: false) {
                return problem
            }
        }
        return nil
    }

    /// Removes the database and the files beside it, to start again: only those that are
    /// debrief's (regular files with one link, this user's); a link or a foreign file stays.
    func remove() {
        guard case .success(let dir) = CacheFolder(path: folder).openFolder() else { return }
        for name in Self.suffixes.map({ databaseName + $0 }) where CacheFolder.check(name, in: dir, path: folder) == nil {
            unlinkat(dir.fd, name, 0)
        }
    }
}
