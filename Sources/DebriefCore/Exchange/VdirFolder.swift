#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A vdir (the folder-per-calendar layout vdirsyncer, khal and todoman use: one `.ics` file per
/// item, named after its UID) that debrief keeps in step with the follow-ups.
///
/// The folder is not debrief's: it holds the user's own events, synced from their phone, and
/// maybe another journal's follow-ups. Debrief writes, rewrites and removes only by the rule of
/// ``OwnedFile``: a file it can prove it wrote, for this journal, unchanged since. A file of
/// debrief's that changed is the user's: reported, never overwritten or removed. Syncs of one
/// folder take turns (an exclusive `flock` on the folder itself, so no file is added to it), and
/// a write cleans up only the stale temporaries of the file it writes.
public enum VdirFolder {
    public struct Result: Equatable, Sendable {
        public var written = 0
        public var removed = 0
        public var unchanged = 0
        /// Files debrief would have written or removed but left alone, and why: the user should
        /// know the calendar no longer follows the journal there.
        public var kept: [Kept] = []
    }

    /// A file left alone, and why.
    public struct Kept: Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    /// The file name for a UID: the UID with anything but letters, digits and `_.-+@` replaced.
    public static func fileName(uid: String) -> String {
        let safe = uid.unicodeScalars.map { u -> String in
            (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || "_.-+@".unicodeScalars.contains(u))) ? String(u) : "_"
        }.joined()
        return safe + ".ics"
    }

    /// Makes `directory` hold exactly `files` (name → content, without the mark) among the files
    /// of the journal whose id is `journal`, by the rule of ``OwnedFile``.
    public static func sync(_ files: [String: String], into directory: String, journal: String) throws(StoreError) -> Result {
        do {
            return try sync(into: directory, journal: journal) { _ in Plan(files: files) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.io(directory, "\(error)")
        }
    }

    /// A file of this journal's in the folder that changed since debrief wrote it (by the rule of
    /// ``OwnedFile``), as found under the folder's lock: what a to-do app may have sent back.
    public struct Returned: Sendable {
        /// The file's name in the folder and its path.
        public var name: String
        public var path: String
        /// The whole file as read, and its mark and other bytes (``OwnedFile/read(_:)``).
        public var bytes: [UInt8]
        public var mark: OwnedFile.Mark
        public var content: [UInt8]
        /// How many hard links the file has (1 for a file of the folder's own).
        public var links: Int
    }

    /// What a sync writes, once the returned files have been looked at.
    public struct Plan: Sendable {
        /// Name → content without the mark, as for ``sync(_:into:journal:)``.
        public var files: [String: String]
        /// Returned files (by name) whose change has been taken into the journal: rewritten or
        /// removed as if unchanged, provided they still hold the bytes that were judged.
        public var released: Set<String>
        /// Why a returned file is left alone, said instead of the general "changed since" reason.
        public var reasons: [String: String]

        public init(files: [String: String], released: Set<String> = [], reasons: [String: String] = [:]) {
            self.files = files
            self.released = released
            self.reasons = reasons
        }
    }

    /// ``sync(_:into:journal:)`` with a look at the returned files first: under the folder's lock
    /// (so two runs never take one completion twice), `plan` is given this journal's changed files
    /// and answers what to write. Errors `plan` throws end the sync before anything is written.
    public static func sync(into directory: String, journal: String, plan: ([Returned]) throws -> Plan) throws -> Result {
        switch JournalLocation.presence(of: directory) {
        case .notAFolder: throw StoreError.io(directory, "not a folder")
        case .danglingLink(let target): throw StoreError.io(directory, "a symbolic link to \(target), which does not exist")
        case .unreadable(let why): throw StoreError.io(directory, why)
        case .missing: try AtomicFile.makeDirectory(directory)
        case .folder: break
        }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.failure(directory) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.failure(directory) }
        }
        defer { flock(fd, LOCK_UN) }

        let returned = try self.returned(in: directory, journal: journal)
        let plan = try plan(returned)
        let judged = Dictionary(returned.map { ($0.name, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        /// A changed file of debrief's that the plan released, still holding what was judged.
        func released(_ name: String, _ bytes: [UInt8]) -> Bool {
            plan.released.contains(name) && judged[name] == bytes
        }
        let files = plan.files
        var result = Result()
        var removed: Set<String> = []
        defer { TemporaryFile.removeStale(in: directory, scope: .files(Set(files.keys).union(removed))) }
        for name in files.keys.sorted() {
            guard let content = files[name] else { continue }
            let path = directory + "/" + name
            guard let marked = OwnedFile.marked(content, journal: journal) else {
                throw StoreError.io(path, "not a calendar of one item; nothing was written")
            }
            switch try look(at: path) {
            case .absent:
                do throws(StoreError) {
                    try AtomicFile.write(Array(marked.utf8), to: path, replace: false, temporaries: .files([]))
                    result.written += 1
                } catch {
                    guard case .exists = error else { throw error }
                    result.kept.append(Kept(path: path, reason: "appeared while debrief was writing it; left alone"))
                }
            case .notAFile:
                result.kept.append(Kept(path: path, reason: "is not a regular file; left alone"))
            case .file(let bytes):
                let mine = Array(marked.utf8)
                if bytes == mine {
                    result.unchanged += 1
                    continue
                }
                switch OwnedFile.status(of: bytes, journal: journal) {
                case .ours:
                    try replace(path, holding: bytes, with: mine, result: &result)
                case .changed where released(name, bytes):
                    try replace(path, holding: bytes, with: mine, result: &result)
                case .unmarked where bytes == Array(content.utf8):
                    // What a debrief before the mark wrote there, byte for byte: nothing is lost.
                    try replace(path, holding: bytes, with: mine, result: &result)
                case .changed:
                    result.kept.append(Kept(path: path, reason: plan.reasons[name] ?? (changedReason + "; not updated")))
                case .otherJournal(let other):
                    result.kept.append(Kept(path: path, reason: "was written by another journal (\(other)) under the same name; left alone"))
                case .unmarked:
                    result.kept.append(Kept(path: path, reason: "is not a file debrief wrote (it carries no mark of this journal); left alone"))
                }
            }
        }
        for name in icsNames(in: directory) where files[name] == nil {
            let path = directory + "/" + name
            guard case .file(let bytes) = try look(at: path) else { continue }
            switch OwnedFile.status(of: bytes, journal: journal) {
            case .ours:
                try remove(path, holding: bytes, result: &result)
                removed.insert(name)
            case .changed where released(name, bytes):
                try remove(path, holding: bytes, result: &result)
                removed.insert(name)
            case .changed:
                result.kept.append(Kept(path: path, reason: plan.reasons[name] ?? (changedReason + "; not removed")))
            case .unmarked where name.hasSuffix(ICalendar.uidSuffix + ".ics") && contains(bytes, Array(("PRODID:" + ICalendar.productID + "\r\n").utf8)):
                result.kept.append(Kept(path: path, reason: "holds debrief's PRODID but no mark of this journal (written by an older debrief, or a copy); "
                                        + "not removed: delete it if it is not yours"))
            case .otherJournal, .unmarked:
                continue
            }
        }
        return result
    }

    /// This journal's files of the folder that changed since debrief wrote them: regular files
    /// only (a symlink is never followed), read within the store's size limit.
    private static func returned(in directory: String, journal: String) throws(StoreError) -> [Returned] {
        var found: [Returned] = []
        for name in icsNames(in: directory) {
            let path = directory + "/" + name
            var st = stat()
            guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG,
                  case .file(let bytes) = try look(at: path) else { continue }
            let (mark, content) = OwnedFile.read(bytes)
            guard let mark, mark.journal == journal, !OwnedFile.wrote(content, as: mark) else { continue }
            found.append(Returned(name: name, path: path, bytes: bytes, mark: mark, content: content, links: Int(st.st_nlink)))
        }
        return found
    }

    private static let changedReason = "changed since debrief wrote it (edited in a calendar app?), so it is yours now"

    /// What is at a path in the folder.
    private enum Found {
        case absent
        case notAFile
        case file([UInt8])
    }

    private static func look(at path: String) throws(StoreError) -> Found {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return .absent }
            throw AtomicFile.failure(path)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        do throws(StoreError) {
            guard let bytes = try AtomicFile.read(path) else { return .absent }
            return .file(bytes)
        } catch {
            // Too large, or swapped for something else meanwhile: not a file debrief wrote.
            return .notAFile
        }
    }

    /// Replaces `path`, which held `before` when it was judged, if it still does.
    private static func replace(_ path: String, holding before: [UInt8], with bytes: [UInt8], result: inout Result) throws(StoreError) {
        guard case .file(let now) = try look(at: path), now == before else {
            result.kept.append(Kept(path: path, reason: "changed while debrief was writing it; left alone"))
            return
        }
        try AtomicFile.write(bytes, to: path, replace: true, temporaries: .files([]))
        result.written += 1
    }

    /// Removes `path`, which held `before` when it was judged, if it still does.
    private static func remove(_ path: String, holding before: [UInt8], result: inout Result) throws(StoreError) {
        guard case .file(let now) = try look(at: path), now == before else { return }
        guard unlink(path) == 0 else {
            if errno == ENOENT { return }
            throw AtomicFile.failure(path)
        }
        result.removed += 1
    }

    /// The visible `.ics` files of the folder (not below it).
    private static func icsNames(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let item = readdir(handle) {
            let name = DirectoryEntry.name(item)
            if !name.hasPrefix("."), name.hasSuffix(".ics") { names.append(name) }
        }
        return names.sorted()
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
