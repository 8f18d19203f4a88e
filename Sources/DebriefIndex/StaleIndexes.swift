#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import Foundation
import GRDB

/// Databases of journals that no longer exist: a journal moved or deleted leaves its whole text in
/// the cache, so the next command that opens the cache removes the index of every journal folder
/// that is gone, once that index was not used for ``unusedFor`` (every command that uses an index
/// marks it used); `debrief doctor` removes them at once.
///
/// Only files debrief made are removed: named `journal-<16 hex digits>.sqlite` (with their `-wal`,
/// `-shm` and `-journal`), each a regular file with one link owned by this user, and the database
/// one that debrief's `meta` table names a journal folder in. Anything else in the folder is
/// left as it is.
enum StaleIndexes {
    static let unusedFor: TimeInterval = 30 * 86_400

    /// Removes the stale databases in `folder` (but `current`'s); with `age` nil, whatever their
    /// age. Returns the journal folders whose index went.
    static func sweep(_ folder: Descriptor, path: String, except current: String, unusedFor age: TimeInterval?,
                      now: Date = Date()) -> [String] {
        var removed: [String] = []
        for name in databases(in: folder) where path + "/" + name != current {
            let files = IndexLocation.suffixes.map { name + $0 }
            var newest: TimeInterval = 0
            var ours = true
            for file in files {
                var st = stat()
                guard fstatat(folder.fd, file, &st, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if CacheFolder.problem(st, path: path + "/" + file) != nil { ours = false }
                newest = max(newest, TimeInterval(st.st_mtim.tv_sec))
            }
            guard ours else { continue }
            if let age, now.timeIntervalSince1970 - newest < age { continue }
            guard let journal = journal(of: path + "/" + name), JournalLocation.presence(of: journal) != .folder else { continue }
            for file in files.reversed() { unlinkat(folder.fd, file, 0) }
            removed.append(journal)
        }
        return removed.sorted()
    }

    /// The names in the folder that debrief gives its databases.
    static func databases(in folder: Descriptor) -> [String] {
        let copy = dup(folder.fd)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if isDatabaseName(name) { out.append(name) }
        }
        return out
    }

    /// `journal-` and 16 lower-case hex digits, then `.sqlite`.
    static func isDatabaseName(_ name: String) -> Bool {
        guard name.hasPrefix("journal-"), name.hasSuffix(".sqlite") else { return false }
        let hex = name.dropFirst("journal-".count).dropLast(".sqlite".count)
        return hex.count == 16 && hex.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The journal folder a database of debrief's is the index of, nil when it is not one.
    static func journal(of database: String) -> String? {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .immediateError
        guard let queue = try? DatabaseQueue(path: database, configuration: config) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal'") }
    }
}
