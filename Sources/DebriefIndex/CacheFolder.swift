#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore

/// The cache folder the index lives in, used only when it is debrief's own, as ssh (StrictModes)
/// and git (safe.directory) treat the folders they trust: a real folder (not a symbolic link),
/// owned by this user, writable by nobody else. Inside it, the index's files (the database and
/// SQLite's `-wal`, `-shm` and `-journal` beside it) are used only when each is absent or a
/// regular file with one link, owned by this user. Files are opened relative to the folder
/// without following links (`O_NOFOLLOW`, `AT_SYMLINK_NOFOLLOW`), created with `O_EXCL`, and never
/// opened by debrief itself once they exist (``claim(_:in:path:create:)`` says why): a link
/// planted in the folder is never written through, created through or `chmod`ed.
///
/// Anything unexpected is a ``CacheProblem``: the index is not used (the journal's files answer,
/// with the same output), and `debrief doctor` names it.
struct CacheFolder {
    let path: String

    /// The folder, created 0700 (with missing parents) when absent and opened, or why it must not
    /// be used. A folder readable by others is made 0700; one writable by others is refused, since
    /// anyone could have put files in it.
    func openFolder() -> Result<Descriptor, CacheProblem> {
        var partial = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + part
            if mkdir(partial, 0o700) != 0, errno != EEXIST {
                return .failure(CacheProblem(path: path, reason: "cannot be created (\(String(cString: strerror(errno))))"))
            }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ELOOP || errno == ENOTDIR ? Self.whatItIs(path) : "cannot be opened (\(String(cString: strerror(errno))))"
            return .failure(CacheProblem(path: path, reason: reason))
        }
        let folder = Descriptor(fd)
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(CacheProblem(path: path, reason: "cannot be read")) }
        if st.st_uid != geteuid() {
            return .failure(CacheProblem(path: path, reason: "belongs to another user (uid \(st.st_uid)), so anyone with that account could change the index"))
        }
        if st.st_mode & 0o022 != 0 {
            return .failure(CacheProblem(path: path, reason: "is writable by \(st.st_mode & 0o002 != 0 ? "every user" : "its group") (mode \(Self.octal(st.st_mode))), so anyone could have put files in it; `chmod 700 \(path)` makes it private"))
        }
        if st.st_mode & 0o777 != 0o700 { fchmod(fd, 0o700) }
        guard access(path, W_OK | X_OK) == 0 else {
            return .failure(CacheProblem(path: path, reason: "is not writable, so the index cannot be kept up to date"))
        }
        return .success(folder)
    }

    /// What is odd about `name` in the folder, nil when it is absent or a private regular file of
    /// this user with one link.
    static func check(_ name: String, in folder: Descriptor, path: String) -> CacheProblem? {
        var st = stat()
        guard fstatat(folder.fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else {
            return errno == ENOENT ? nil : CacheProblem(path: path + "/" + name, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        return problem(st, path: path + "/" + name)
    }

    static func problem(_ st: stat, path: String) -> CacheProblem? {
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return CacheProblem(path: path, reason: whatItIs(path))
        default: return CacheProblem(path: path, reason: "is not a regular file, so it is not debrief's index")
        }
        if st.st_nlink != 1 {
            return CacheProblem(path: path, reason: "has \(st.st_nlink) hard links: a write would change the other names too, so the index never writes it")
        }
        if st.st_uid != geteuid() {
            return CacheProblem(path: path, reason: "belongs to another user (uid \(st.st_uid)), so it is not debrief's index")
        }
        return nil
    }

    /// "is a symbolic link to X (which does not exist)…", for a link where a folder or file of the
    /// index belongs.
    static func whatItIs(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return "is not a folder" }
        buffer[n] = 0
        let target = String(cString: buffer)
        var st = stat()
        let dangling = stat(path, &st) != 0
        return "is a symbolic link to \(target)\(dangling ? " (which does not exist)" : ""); the index never writes through a link"
    }

    /// Readies a file of the index in the folder for SQLite without ever opening an existing one:
    /// checks it without following a link, creates it 0600 with `O_EXCL` when absent and
    /// `create`, and makes an existing one 0600 by name (the folder is private, so no one else
    /// can swap it between the check and the change).
    ///
    /// Why it never opens an existing file: SQLite coordinates processes with POSIX record
    /// locks, and a process loses every such lock on a file the moment it closes *any*
    /// descriptor of that file. Opening and closing the database or its `-shm` beside SQLite
    /// once let a second debrief believe it was alone and truncate the `-shm` under the first,
    /// which died of SIGBUS.
    static func claim(_ name: String, in folder: Descriptor, path: String, create: Bool) -> CacheProblem? {
        var st = stat()
        if fstatat(folder.fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 {
            guard errno == ENOENT else {
                return CacheProblem(path: path + "/" + name, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
            guard create else { return nil }
            let fd = openat(folder.fd, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                // A new file no connection of this process holds: closing it drops no lock.
                fchmod(fd, 0o600)
                close(fd)
                return nil
            }
            guard errno == EEXIST else {
                return check(name, in: folder, path: path)
                    ?? CacheProblem(path: path + "/" + name, reason: "cannot be created (\(String(cString: strerror(errno))))")
            }
            // Another debrief created it meanwhile: judge what is there now.
            return claim(name, in: folder, path: path, create: false)
        }
        if let problem = problem(st, path: path + "/" + name) { return problem }
        if st.st_mode & 0o777 != 0o600 { fchmodat(folder.fd, name, 0o600, AT_SYMLINK_NOFOLLOW) }
        return nil
    }

    static func octal(_ mode: mode_t) -> String {
        "0" + String(mode & 0o777, radix: 8)
    }
}

/// What keeps the index from using a file or folder in the cache; `doctor` prints it.
public struct CacheProblem: Error, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// An open file descriptor, closed when the last copy goes.
final class Descriptor: @unchecked Sendable {
    let fd: Int32
    init(_ fd: Int32) { self.fd = fd }
    deinit { close(fd) }
}
