#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One calendar file to read, and the calendar (a path of `calendars:`) it belongs to.
public struct CalendarFileRef: Hashable, Sendable {
    public var path: String
    public var calendar: String
    /// What the walk's `stat` found (a link's target's), so the index compares it with what it
    /// stored without stat'ing every file again; nil when not known.
    public var stat: FileStat?

    public init(path: String, calendar: String, stat: FileStat? = nil) {
        self.path = path
        self.calendar = calendar
        self.stat = stat
    }
}

/// What a walk of the configured calendars found: the files to read, each once, and the paths
/// that cannot be read, with the reason (`debrief doctor` lists them).
public struct CalendarScan: Sendable {
    public var files: [CalendarFileRef] = []
    public var problems: [EntryProblem] = []
}

/// Finds the calendar files of `calendars:` (docs/FORMAT.md, "Calendars"), by the journal's rules
/// for what is read:
/// - a configured path is a folder, walked at any depth for `*.ics` (any case), or one file;
/// - names starting with `.` are ignored; links to files are followed, links to folders are not
///   (a configured path that is itself a link is);
/// - a link to nothing or a link that loops is reported; a FIFO, device or socket is reported
///   when it is read (``CalendarFiles``), never opened for reading in a way that could block;
/// - a file reached twice (two calendars overlapping, a hard link, a link to a file) counts once;
/// - a file of `protected` (the index's database and its companions), reached by any name, is
///   reported and never opened.
public enum CalendarFolders {
    public static func scan(_ calendars: [String], protected: [String] = []) -> CalendarScan {
        var scan = CalendarScan()
        var seen: Set<FileID> = []
        var guarded: Set<FileID> = []
        for path in protected {
            var st = stat()
            if stat(path, &st) == 0 { guarded.insert(FileID(st)) }
        }
        func refuse(_ path: String, _ id: FileID) -> Bool {
            guard guarded.contains(id) else { return false }
            scan.problems.append(EntryProblem(path: path, line: 1, reason: "debrief's own index database: never read as a calendar"))
            return true
        }
        for calendar in calendars {
            var st = stat()
            guard stat(calendar, &st) == 0 else {
                let reason = errno == ENOENT ? "does not exist (a path of `calendars:` in config.yaml)"
                                             : "cannot be read: \(String(cString: strerror(errno)))"
                scan.problems.append(EntryProblem(path: calendar, line: 1, reason: reason))
                continue
            }
            if st.st_mode & S_IFMT != S_IFDIR {
                let id = FileID(st)
                if refuse(calendar, id) { continue }
                if seen.insert(id).inserted {
                    scan.files.append(CalendarFileRef(path: calendar, calendar: calendar, stat: FileStat(st)))
                }
                continue
            }
            var found: [(path: String, id: FileID, stat: FileStat)] = []
            var folders = [calendar]
            while let dir = folders.popLast() {
                guard let handle = opendir(dir) else {
                    scan.problems.append(EntryProblem(path: dir, line: 1, reason: "cannot open the folder: \(String(cString: strerror(errno)))"))
                    continue
                }
                // Each item stat'ed through the folder's descriptor: no walk of its whole path.
                let folder = dirfd(handle)
                while let item = readdir(handle) {
                    let name = DirectoryEntry.name(item)
                    if name.hasPrefix(".") { continue }
                    let path = dir + "/" + name
                    var info = stat()
                    guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR:
                        folders.append(path)
                    case S_IFLNK:
                        guard name.lowercased().hasSuffix(".ics") else { continue }
                        var target = stat()
                        guard stat(path, &target) == 0 else {
                            let reason = errno == ELOOP ? "a symbolic link that loops" : "a symbolic link to a file that does not exist"
                            scan.problems.append(EntryProblem(path: path, line: 1, reason: reason))
                            continue
                        }
                        if target.st_mode & S_IFMT == S_IFDIR { continue }
                        found.append((path, FileID(target), FileStat(target)))
                    default:
                        guard name.lowercased().hasSuffix(".ics") else { continue }
                        found.append((path, FileID(info), FileStat(info)))
                    }
                }
                closedir(handle)
            }
            for file in found.sorted(by: { $0.path < $1.path }) where !refuse(file.path, file.id) && seen.insert(file.id).inserted {
                scan.files.append(CalendarFileRef(path: file.path, calendar: calendar, stat: file.stat))
            }
        }
        scan.problems.sort { $0.path < $1.path }
        return scan
    }
}

/// A file's identity: its device and inode (a file reached twice counts once).
private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// Reading calendar files: each through the journal's regular-file reader (no FIFO, device or
/// socket is ever waited on), up to ``sizeLimit``.
public enum CalendarFiles {
    /// The largest calendar file read: an export of many years of events can pass the journal's
    /// 8 MB, a vdir item never does.
    public static let sizeLimit = 32 << 20

    /// What reading one file gave.
    public enum Read: Sendable {
        case events(CalendarFile)
        /// One of debrief's own files (a follow-up written with `followups --format ics`): never
        /// read as events.
        case debriefs
        case unreadable(EntryProblem)
    }

    public static func read(_ ref: CalendarFileRef) -> Read {
        let bytes: [UInt8]
        do {
            guard let read = try AtomicFile.read(ref.path, limit: sizeLimit) else {
                return .unreadable(EntryProblem(path: ref.path, line: 1, reason: "disappeared while it was read"))
            }
            bytes = read
        } catch {
            let reason: String
            if case .io(_, let why) = error { reason = why } else { reason = error.description }
            return .unreadable(EntryProblem(path: ref.path, line: 1, reason: reason))
        }
        let file = CalendarFile.parse(bytes)
        return file.isDebriefs ? .debriefs : .events(file)
    }
}
