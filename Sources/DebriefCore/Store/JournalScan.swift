#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a walk of `entries/` found: the entry files to read, each counted once, and the files
/// that look like entries but are not read, each with the reason.
///
/// The one place that decides which files are entries (docs/FORMAT.md, "Where entries live"):
/// - every `*.md` at any depth; folders are walked whatever their name, links to folders are not;
/// - names starting with `.` are ignored (debrief's own temporary files are hidden);
/// - a name ending in `.MD` or another case of it is not read, and said so;
/// - a `.md` symbolic link whose target is gone, or that loops, is reported;
/// - a sync-conflict copy (Syncthing's `*.sync-conflict-*.md`, Dropbox's `* (… conflicted copy …).md`)
///   beside its original is reported and not counted, so an entry counts once;
/// - a second path to the same file (a hard link, or a link to an entry) is reported and not
///   counted; a file is read rather than a link to it, and among hard links the path that sorts first.
public struct JournalScan: Sendable {
    /// Newest id first.
    public var refs: [EntryRef]
    /// Files not read, sorted by path.
    public var problems: [EntryProblem]
    /// Every folder walked, `entries/` first.
    public var folders: [String]
    /// Each sync-conflict copy left out, with the original beside it (sorted by the copy's path),
    /// for `debrief doctor --merge`.
    public var conflictCopies: [(copy: String, original: EntryRef)]

    public init(refs: [EntryRef], problems: [EntryProblem], folders: [String] = [],
                conflictCopies: [(copy: String, original: EntryRef)] = []) {
        self.refs = refs
        self.problems = problems
        self.folders = folders
        self.conflictCopies = conflictCopies
    }
}

extension JournalStore {
    /// Walks `entries/` (see ``JournalScan``). Uses readdir and the inode it returns, so a
    /// journal of 10,000 files is listed in about 10 ms; only links are stat'ed, unless an index
    /// is attached: then every file is stat'ed through its folder's descriptor as it is listed
    /// (``EntryRef/stat``), the one stat the index's freshness check compares with what it stored.
    public func scan() -> JournalScan {
        var walk = Walk(stats: index != nil)
        walk.walk(entriesDirectory, isEntries: true)
        return walk.scan()
    }

    /// The newest entries only, for a listing of the last few (`list --limit 20`), so its cost
    /// does not grow with the journal: the month folders debrief files entries in
    /// (`entries/YYYY/MM`, docs/FORMAT.md) are walked newest first until `count` entries are
    /// found (whole folders, so an entry is never cut off from its month). Nil, meaning "walk
    /// everything", when `entries/` holds anything else: a file or a folder not named that way
    /// could hold a newer entry.
    ///
    /// Files that are not read are reported only from the folders walked.
    public func scanNewest(atLeast count: Int) -> JournalScan? {
        guard let years = Self.datedFolders(in: entriesDirectory, digits: 4) else { return nil }
        var walk = Walk(stats: index != nil)
        walk.walked.append(entriesDirectory)
        for year in years.reversed() {
            let yearPath = entriesDirectory + "/" + year
            guard let months = Self.datedFolders(in: yearPath, digits: 2) else { return nil }
            walk.walked.append(yearPath)
            for month in months.reversed() {
                walk.walk(yearPath + "/" + month, isEntries: false)
                if walk.found.count >= count { return walk.scan() }
            }
        }
        return walk.scan()
    }

    /// The entries of a window of days only, for a command that reads the entries near a date
    /// (`pending`: the last days' events), so its cost does not grow with the journal: the month
    /// folders from `first`'s month to `last`'s (debrief files an entry in the month folder of its
    /// id's day, docs/FORMAT.md, and a windowed query rules out by that day too). Nil, meaning
    /// "walk everything", when `entries/` or one of the window's year folders holds anything but
    /// dated folders, as for ``scanNewest(atLeast:)``.
    ///
    /// Files that are not read are reported only from the folders walked.
    public func scanMonths(from first: Day, through last: Day) -> JournalScan? {
        guard let years = Self.datedFolders(in: entriesDirectory, digits: 4) else { return nil }
        var walk = Walk(stats: index != nil)
        walk.walked.append(entriesDirectory)
        let from = first.year * 12 + first.month, through = last.year * 12 + last.month
        for year in years {
            guard let y = Int(year), y * 12 + 12 >= from, y * 12 + 1 <= through else { continue }
            let yearPath = entriesDirectory + "/" + year
            guard let months = Self.datedFolders(in: yearPath, digits: 2) else { return nil }
            walk.walked.append(yearPath)
            for month in months {
                guard let m = Int(month), (from...through).contains(y * 12 + m) else { continue }
                walk.walk(yearPath + "/" + month, isEntries: false)
            }
        }
        return walk.scan()
    }

    /// The names of the folders in `path`, sorted, when every visible name there is a folder
    /// named with `digits` digits; nil otherwise (or when it cannot be read).
    private static func datedFolders(in path: String, digits: Int) -> [String]? {
        guard let handle = opendir(path) else { return errno == ENOENT ? [] : nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let item = readdir(handle) {
            let name = DirectoryEntry.name(item)
            if name.hasPrefix(".") { continue }
            guard item.pointee.d_type == DT_DIR, name.utf8.count == digits,
                  name.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            names.append(name)
        }
        return names.sorted()
    }

    /// One walk of folders and what it found, turned into a ``JournalScan`` at the end.
    private struct Walk {
        var found: [Found] = []
        var problems: [EntryProblem] = []
        var walked: [String] = []
        /// Whether to stat every file (``EntryRef/stat``).
        var stats = false

        init(stats: Bool) { self.stats = stats }

        /// Walks `root` and every folder under it, a level of folders at a time, each level's
        /// folders listed over the cores: with an index attached, every file is stat'ed, and those
        /// 10,000 `fstatat` calls are most of a full-journal command's time in the kernel (about
        /// 25 ms on one core), while one folder's listing never depends on another's. What each
        /// folder held is then taken in the order a walk of one folder at a time takes them (a
        /// stack: a folder's subfolders pushed in the order listed, the last pushed walked next),
        /// so the result is the same whatever the cores did first.
        mutating func walk(_ root: String, isEntries: Bool) {
            let stats = stats
            var listings: [String: Listing] = [:]
            var level = [root]
            while !level.isEmpty {
                let listed = level.concurrentMap(minimum: 2) { dir in
                    Listing(dir, stats: stats, missingIsFine: isEntries && dir == root)
                }
                level = []
                for listing in listed {
                    listings[listing.folder] = listing
                    level += listing.subfolders
                }
            }
            var folders = [root]
            while let dir = folders.popLast() {
                guard let listing = listings[dir] else { continue }
                if listing.opened { walked.append(dir) }
                found += listing.found
                problems += listing.problems
                folders += listing.subfolders
            }
        }

        /// What was found, each entry counted once, newest id first.
        func scan() -> JournalScan {
            var problems = self.problems
            var copies: [(copy: String, original: EntryRef)] = []
            var counted = JournalStore.droppingConflictCopies(found, problems: &problems, copies: &copies)
            counted = JournalStore.droppingSecondPaths(counted, problems: &problems)
            let refs = IdOrder.newestFirst(counted.map(\.ref))
            problems.sort { $0.path < $1.path }
            if !copies.isEmpty {
                let originals = Dictionary(refs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
                copies = copies.compactMap { copy in originals[copy.original.path].map { (copy.copy, $0) } }.sorted { $0.copy < $1.copy }
            }
            return JournalScan(refs: refs, problems: problems, folders: walked, conflictCopies: copies)
        }
    }

    /// What one folder holds: its entry files (stat'ed when `stats`), its problems and its
    /// subfolders, in the order `readdir` gave them.
    private struct Listing: Sendable {
        let folder: String
        var opened = false
        var found: [Found] = []
        var problems: [EntryProblem] = []
        var subfolders: [String] = []
        /// Whether to stat every file (``EntryRef/stat``).
        let stats: Bool

        /// Lists `dir`; a folder that does not exist is a problem unless `missingIsFine`
        /// (`entries/` of a journal with no entry yet).
        init(_ dir: String, stats: Bool, missingIsFine: Bool) {
            folder = dir
            self.stats = stats
            guard let handle = opendir(dir) else {
                if !missingIsFine || errno != ENOENT {
                    problems.append(EntryProblem(path: dir, line: 1, reason: "cannot open the folder: \(String(cString: strerror(errno)))"))
                }
                return
            }
            opened = true
            // Files are stat'ed through the folder's descriptor: no walk of their whole path.
            let descriptor = dirfd(handle)
            let prefix = Array((dir + "/").utf8)
            let folderNamedConflict = dir.containsFolded(ConflictCopy.marker)
            while let item = readdir(handle) {
                if item.pointee.d_type == DT_REG, DirectoryEntry.withNameBytes(item, {
                    listPlain($0, inode: UInt64(item.pointee.d_ino), folder: descriptor, prefix: prefix,
                              folderNamedConflict: folderNamedConflict)
                }) { continue }
                let name = DirectoryEntry.name(item)
                if name.hasPrefix(".") { continue }
                let path = dir + "/" + name
                var type = item.pointee.d_type
                if type == DT_UNKNOWN { type = JournalStore.lstatType(path) }
                if type == DT_DIR {
                    subfolders.append(path)
                    continue
                }
                guard name.hasSuffix(".md") else {
                    // (Lower-cased only for the names that do not end in `.md` as they are.)
                    if name.utf8.count > 3, name.lowercased().hasSuffix(".md") {
                        problems.append(EntryProblem(path: path, line: 1, reason: "not read: entry files end in `.md`, in lower case"))
                    }
                    continue
                }
                guard name.utf8.count > 3 else { continue }
                var inode = UInt64(item.pointee.d_ino)
                var device: UInt64?
                var fileStat: FileStat?
                if type == DT_LNK || stats {
                    // The link's target, as `stat(path)` gives it.
                    var target = stat()
                    if fstatat(descriptor, name, &target, 0) == 0 {
                        inode = UInt64(target.st_ino)
                        device = UInt64(target.st_dev)
                        fileStat = FileStat(target)
                    } else if type == DT_LNK {
                        let reason = errno == ELOOP ? "a symbolic link that loops" : "a symbolic link to \(JournalStore.linkTarget(path)), which does not exist"
                        problems.append(EntryProblem(path: path, line: 1, reason: reason))
                        continue
                    }
                }
                found.append(Found(ref: EntryRef(id: String(name.dropLast(3)), path: path, stat: fileStat), inode: inode, device: device,
                                   isLink: type == DT_LNK, namedConflict: path.containsFolded(ConflictCopy.marker)))
            }
            closedir(handle)
        }

        /// The common case judged by the name's bytes: a regular file whose name is ASCII (every
        /// name debrief gives) either hidden (skipped) or a `*.md` entry (listed as the general
        /// path below lists it: for ASCII, `String`'s `hasPrefix(".")` and `hasSuffix(".md")`
        /// are these byte tests). The path and id are made straight from the bytes, one `String`
        /// each. False for anything else (another type, a name that is not ASCII, not `.md`),
        /// which the general path judges.
        private mutating func listPlain(_ name: UnsafeBufferPointer<UInt8>, inode listed: UInt64, folder: Int32,
                                        prefix: [UInt8], folderNamedConflict: Bool) -> Bool {
            let dot = UInt8(ascii: "."), n = name.count
            guard n > 0, name.allSatisfy({ $0 < 0x80 }) else { return false }
            if name[0] == dot { return true }
            guard n > 3, name[n - 3] == dot, name[n - 2] == UInt8(ascii: "m"), name[n - 1] == UInt8(ascii: "d"),
                  let base = name.baseAddress else { return false }
            var inode = listed
            var device: UInt64?
            var fileStat: FileStat?
            if stats {
                var target = stat()
                if fstatat(folder, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), &target, 0) == 0 {
                    inode = UInt64(target.st_ino)
                    device = UInt64(target.st_dev)
                    fileStat = FileStat(target)
                }
            }
            let path = String(unsafeUninitializedCapacity: prefix.count + n) { out in
                let end = out.initialize(fromContentsOf: prefix)
                return end + UnsafeMutableBufferPointer(rebasing: out[end...]).initialize(fromContentsOf: name)
            }
            let id = String(decoding: UnsafeBufferPointer(rebasing: name[..<(n - 3)]), as: UTF8.self)
            let namedConflict = folderNamedConflict || ConflictCopy.named(name)
            found.append(Found(ref: EntryRef(id: id, path: path, stat: fileStat), inode: inode, device: device, isLink: false,
                               namedConflict: namedConflict))
            return true
        }
    }

    /// A file found by the walk, with what identifies it on disk.
    fileprivate struct Found: Sendable {
        var ref: EntryRef
        var inode: UInt64
        /// Known for links (stat'ed); for plain files, looked up only when inodes collide.
        var device: UInt64?
        var isLink: Bool
        /// Whether its path holds ``ConflictCopy/marker``, without which it is no conflict copy
        /// (tested as it is listed, so the 10,000 others cost nothing more).
        var namedConflict: Bool
    }

    fileprivate static func lstatType(_ path: String) -> UInt8 {
        var st = stat()
        guard lstat(path, &st) == 0 else { return UInt8(DT_UNKNOWN) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFLNK: return UInt8(DT_LNK)
        case S_IFREG: return UInt8(DT_REG)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return "a missing file" }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Conflict copies whose original sits beside them: reported, not counted.
    fileprivate static func droppingConflictCopies(_ found: [Found], problems: inout [EntryProblem],
                                                   copies: inout [(copy: String, original: EntryRef)]) -> [Found] {
        // Every path is a set's member only when some name is a copy's (most journals have none).
        guard found.contains(where: { $0.namedConflict && ConflictCopy.originalPath(of: $0.ref.path) != nil }) else { return found }
        let paths = Set(found.map(\.ref.path))
        return found.filter { file in
            guard file.namedConflict, let original = ConflictCopy.originalPath(of: file.ref.path), paths.contains(original) else { return true }
            problems.append(EntryProblem(path: file.ref.path, line: 1, reason:
                "a sync-conflict copy of \(original); counted once, as the original (`debrief doctor --merge` merges it into the original)"))
            copies.append((file.ref.path, EntryRef(id: String((original as NSString).lastPathComponent.dropLast(3)), path: original)))
            return false
        }
    }

    /// Second paths to one file (same device and inode): the path that sorts first is counted.
    fileprivate static func droppingSecondPaths(_ found: [Found], problems: inout [EntryProblem]) -> [Found] {
        // Files sharing an inode number (an array for those only: most files have theirs alone).
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(found.count)
        var byInode: [UInt64: [Int]] = [:]
        for (i, file) in found.enumerated() {
            if let j = first.updateValue(i, forKey: file.inode) {
                first[file.inode] = j
                byInode[file.inode, default: [j]].append(i)
            }
        }
        guard !byInode.isEmpty else { return found }
        var dropped = Set<Int>()
        for (_, indices) in byInode where indices.count > 1 {
            var groups: [UInt64: [Int]] = [:]
            for i in indices {
                let device = found[i].device ?? deviceOf(found[i].ref.path)
                groups[device, default: []].append(i)
            }
            for (_, same) in groups where same.count > 1 {
                // A file over a link to it; among files, the path that sorts first.
                let sorted = same.sorted { a, b in
                    (found[a].isLink ? 1 : 0, found[a].ref.path) < (found[b].isLink ? 1 : 0, found[b].ref.path)
                }
                let first = found[sorted[0]].ref.path
                for i in sorted.dropFirst() {
                    dropped.insert(i)
                    problems.append(EntryProblem(path: found[i].ref.path, line: 1, reason:
                        "the same file as \(first) (a hard link or a link to it); counted once, as \(first)"))
                }
            }
        }
        return found.indices.filter { !dropped.contains($0) }.map { found[$0] }
    }

    private static func deviceOf(_ path: String) -> UInt64 {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return UInt64(st.st_dev)
    }
}

/// Names sync tools give a file when two machines changed it at once.
enum ConflictCopy {
    /// What the path of every copy holds (both kinds have it in their name).
    static let marker = "conflict"

    /// Whether a file name's bytes hold ``marker`` (the walk's test, on names read in place).
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var marker = marker
        return marker.withUTF8 { String.bytes(UnsafeRawBufferPointer(name), contain: UnsafeRawBufferPointer($0)) }
    }

    /// The original's path for a conflict copy's path, or nil when the name is not one:
    /// `x.sync-conflict-20261124-101500-ABCDEFG.md` (Syncthing) and `x (conflicted copy).md`,
    /// `x (Ana's conflicted copy 2026-11-24).md` (Dropbox) are copies of `x.md`.
    static func originalPath(of path: String) -> String? {
        // Both kinds of copy have "conflict" in their name; a byte search rules out the other
        // names (every file of the journal passes here) before Foundation's `range(of:)`.
        guard path.hasSuffix(".md"), path.containsFolded(marker), let slash = path.lastIndex(of: "/") else { return nil }
        let dir = path[..<slash]
        let stem = String(path[path.index(after: slash)...].dropLast(3))
        if let marker = stem.range(of: ".sync-conflict-") {
            let original = stem[..<marker.lowerBound]
            return original.isEmpty ? nil : dir + "/" + original + ".md"
        }
        if let copy = stem.range(of: "conflicted copy"),
           let open = stem[..<copy.lowerBound].range(of: " (", options: .backwards) {
            let original = stem[..<open.lowerBound]
            return original.isEmpty ? nil : dir + "/" + original + ".md"
        }
        return nil
    }
}
