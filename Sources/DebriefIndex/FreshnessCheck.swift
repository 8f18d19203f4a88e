#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import GRDB
import GRDBSQLite

/// The check every read of the index starts with: which listed files the index holds as they are
/// now (fresh), which it must read (new or changed, or their row damaged), and which of its rows
/// name files no longer listed (gone). Each file's stat is the one the walk took through its
/// folder's descriptor (``EntryRef/stat``), and the `files` rows are compared with them in one
/// pass, each row's path, signature and checksum read in place from SQLite's memory
/// (``IndexRow/sum(columns:of:)``) and matched to its ref by a hash of the path's bytes: an
/// unchanged file costs no allocation, no `String` and no second `stat`.
struct FreshnessCheck {
    /// What the index holds for one file.
    struct Known {
        var id: Int64
        var signature: FileSignature
        var checked: Int64
        var problem: EntryProblem?
    }

    /// A file to read, with the signature it had before it was read.
    struct Change: Sendable {
        var index: Int
        var ref: EntryRef
        var path: String
        var signature: FileSignature
        var known: Int64?
    }

    /// The unchanged files: the index of their ref and their row.
    var fresh: [(index: Int, known: Known)] = []
    var changes: [Change] = []
    /// The ids of rows whose file is not listed (only when the refs are the whole journal).
    var gone: [Int64] = []
    /// Files listed but gone before they could be stat'ed.
    var vanished = 0
    /// How many rows were compared.
    var rows = 0

    /// Compares `refs` (the whole journal when `complete`) with the `files` rows: all of them in
    /// one pass, or, for a few refs of a partial read (`list --limit 20`, `show`), theirs looked up
    /// by path, so such a read costs the same whatever the journal's size.
    init(_ db: Database, refs: [EntryRef], complete: Bool, root: String, racyMargin: Int64) throws {
        let prefix = Array((root + "/").utf8)
        // Each ref's path relative to the journal (as the rows key it) as a range of its bytes,
        // and refs by a hash of those bytes.
        var bySum: [UInt64: Int] = [:]
        bySum.reserveCapacity(refs.count)
        /// Refs whose hashes collide, by path (none in practice; kept exact all the same).
        var collided: [String: Int] = [:]
        let ambiguous = -1
        // (By index: a ref copied whole is two retains and releases more per file.)
        for i in refs.indices {
            let h = Self.withRelative(refs[i].path, prefix: prefix) { Self.hash($0) }
            if let j = bySum.updateValue(i, forKey: h) {
                bySum[h] = ambiguous
                if j != ambiguous { collided[Self.relative(refs[j].path, prefix: prefix)] = j }
                collided[Self.relative(refs[i].path, prefix: prefix)] = i
            }
        }
        var known = [Known?](repeating: nil, count: refs.count)
        let files = IndexRow.files
        let select = "SELECT \(files.columns.joined(separator: ", ")), sum FROM files"
        let lookup = !complete && refs.count <= JournalIndex.lookupMaximum
        let keys = lookup ? refs.map { Self.relative($0.path, prefix: prefix) } : nil
        for (sql, arguments) in JournalIndex.statements(select, column: "path", keys: keys) {
            let statement = try db.makeStatement(sql: sql)
            let cursor = try Row.fetchCursor(statement, arguments: arguments)
            let stmt = statement.sqliteStatement
            while try cursor.next() != nil {
                rows += 1
                // The sum first: it reads each column by its type (reading one as another type
                // converts it, after which SQLite no longer says its type).
                let intact = sqlite3_column_int64(stmt, Int32(files.columns.count)) == IndexRow.sum(columns: files.columns.count, of: statement)
                let id = sqlite3_column_int64(stmt, 0)
                let path = UnsafeRawBufferPointer(start: sqlite3_column_text(stmt, 1), count: Int(sqlite3_column_bytes(stmt, 1)))
                var index = bySum[Self.hash(path)]
                if index == ambiguous { index = collided[String(decoding: path, as: UTF8.self)] }
                guard let i = index, Self.withRelative(refs[i].path, prefix: prefix, { Self.same($0, path) }) else {
                    if complete { gone.append(id) }
                    continue
                }
                var signature = FileSignature(size: sqlite3_column_int64(stmt, 2), mtime: sqlite3_column_int64(stmt, 3),
                                              ctime: sqlite3_column_int64(stmt, 4), inode: sqlite3_column_int64(stmt, 5))
                // Damaged: proves nothing, so the file is read again and the row rewritten.
                if !intact { signature.size = -1 }
                var problem: EntryProblem?
                if intact, let reason = sqlite3_column_text(stmt, 10) {
                    // An unreadable file's reason (rare: the only text made here).
                    let line = sqlite3_column_type(stmt, 9) == SQLITE_NULL ? 1 : Int(sqlite3_column_int64(stmt, 9))
                    problem = EntryProblem(path: refs[i].path, line: line, reason: String(cString: reason))
                }
                known[i] = Known(id: id, signature: signature, checked: sqlite3_column_int64(stmt, 6), problem: problem)
            }
        }
        fresh.reserveCapacity(refs.count)
        for i in refs.indices {
            // The walk's stat; a ref made elsewhere is stat'ed by its path.
            guard let signature = refs[i].stat.map(FileSignature.init) ?? FileSignature(path: refs[i].path) else {
                vanished += 1
                continue
            }
            if let k = known[i], k.signature == signature, !signature.isRacy(checked: k.checked, margin: racyMargin) {
                fresh.append((i, k))
            } else {
                changes.append(Change(index: i, ref: refs[i], path: Self.relative(refs[i].path, prefix: prefix), signature: signature,
                                      known: known[i]?.id))
            }
        }
    }

    /// `path` relative to the journal folder (`prefix`, with its trailing slash), as the `files`
    /// table keys it (``JournalIndex/relative(_:prefix:)``), as bytes.
    private static func withRelative<T>(_ path: String, prefix: [UInt8], _ body: (UnsafeRawBufferPointer) -> T) -> T {
        func cut(_ bytes: UnsafeRawBufferPointer) -> T {
            let starts = prefix.withUnsafeBytes { bytes.count >= $0.count && same(UnsafeRawBufferPointer(rebasing: bytes[..<$0.count]), $0) }
            return body(starts ? UnsafeRawBufferPointer(rebasing: bytes[prefix.count...]) : bytes)
        }
        if let done = path.utf8.withContiguousStorageIfAvailable({ cut(UnsafeRawBufferPointer($0)) }) { return done }
        return Array(path.utf8).withUnsafeBytes(cut)
    }

    private static func relative(_ path: String, prefix: [UInt8]) -> String {
        withRelative(path, prefix: prefix) { String(decoding: $0, as: UTF8.self) }
    }

    /// A path's bytes as a key (the rows' checksum step: eight bytes at a time).
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var s = RowSum()
        s.text(bytes)
        return UInt64(bitPattern: s.value)
    }

    private static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}
