import DebriefCore
import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// The `files` rows as one read found them, for ``FreshnessCheck``: each row's id, signature,
/// when it was read and its stored problem, checked against its sum, and its path's bytes (all
/// paths in one buffer: no `String` per row), found by a hash of those bytes.
///
/// Apart from the check so that a read of the whole journal can take them while the walk stats
/// the files (``FullReadPrefetch``): the walk is mostly the kernel's work, the rows SQLite's, and
/// each takes about as long at 10,000 entries. Rows read earlier are used only while nothing changed
/// the database since (``isCurrent(_:)``).
final class StoredFiles: Sendable {
    struct FileRow: Sendable {
        var id: Int64
        /// `size` -1 when the row does not match its sum: a damaged row proves nothing, so its
        /// file is read again and the row rewritten.
        var signature: FileSignature
        var checked: Int64
        /// Why the file could not be read, with the line (only from an intact row).
        var problem: String?
        var problemLine: Int
        var path: Range<Int>
    }

    // A class of constants: the check looks up 10,000 refs in them, and a struct captured by
    // the lookup's closures was copied, its four arrays retained and released, each time
    // (2,300 instructions a ref).
    let rows: [FileRow]
    private let paths: [UInt8]
    /// Row by the hash of its path.
    private let byPath: RowsByPath
    /// `PRAGMA data_version` and `total_changes()` in the read: what another connection, and this
    /// one, had changed by then.
    private let version: Int64
    private let changes: Int64

    /// Reads every row, or those of `keys` (paths relative to the journal) when given.
    init(_ db: Database, keys: [String]?) throws {
        (version, changes) = try Self.changeCounts(db)
        var rows: [FileRow] = []
        var paths: [UInt8] = []
        var hashes: [UInt64] = []
        // Room for the rows there are (the largest id: a hint, bounded, as the table may be damaged).
        let expected = try keys?.count ?? Int.fetchOne(db, sql: "SELECT max(id) FROM files") ?? 0
        rows.reserveCapacity(min(max(expected, 0), 1 << 20))
        hashes.reserveCapacity(rows.capacity)
        let files = IndexRow.files
        let select = "SELECT \(files.columns.joined(separator: ", ")), sum FROM files"
        for (sql, arguments) in JournalIndex.statements(select, column: "path", keys: keys) {
            let statement = try db.makeStatement(sql: sql)
            let cursor = try Row.fetchCursor(statement, arguments: arguments)
            let stmt = statement.sqliteStatement
            while try cursor.next() != nil {
                // The sum first: it reads each column by its type (reading one as another type
                // converts it, after which SQLite no longer says its type).
                let intact = sqlite3_column_int64(stmt, Int32(files.columns.count)) == IndexRow.sum(columns: files.columns.count, of: statement)
                let path = UnsafeRawBufferPointer(start: sqlite3_column_text(stmt, 1), count: Int(sqlite3_column_bytes(stmt, 1)))
                var signature = FileSignature(size: sqlite3_column_int64(stmt, 2), mtime: sqlite3_column_int64(stmt, 3),
                                              ctime: sqlite3_column_int64(stmt, 4), inode: sqlite3_column_int64(stmt, 5))
                if !intact { signature.size = -1 }
                var problem: String?
                var line = 1
                if intact, let reason = sqlite3_column_text(stmt, 10) {
                    problem = String(cString: reason)
                    if sqlite3_column_type(stmt, 9) != SQLITE_NULL { line = Int(sqlite3_column_int64(stmt, 9)) }
                }
                let start = paths.count
                paths.append(contentsOf: path)
                rows.append(FileRow(id: sqlite3_column_int64(stmt, 0), signature: signature, checked: sqlite3_column_int64(stmt, 6),
                                    problem: problem, problemLine: line, path: start..<paths.count))
                hashes.append(FreshnessCheck.hash(path))
            }
        }
        self.rows = rows
        self.paths = paths
        byPath = RowsByPath(hashes)
    }

    /// The row whose path is `path`'s bytes, if any: the row `expected` when its path is those
    /// bytes (paths are unique), else found by their hash. A whole-journal check meets the
    /// rows in the order they were read, and at 100,000 files the hash of each path and the
    /// lookup of each, both missing the cache, were 24-33 ms of a 57 ms check (1.1 ms at
    /// 10,000): comparing the bytes with the expected row's reads memory in order.
    func row(for path: UnsafeRawBufferPointer, expected: Int) -> Int? {
        if rows.indices.contains(expected), isPath(of: expected, path) { return expected }
        return byPath.row(hash: FreshnessCheck.hash(path)) { isPath(of: $0, path) }
    }

    /// Whether row `r`'s path is `path`'s bytes.
    private func isPath(of r: Int, _ path: UnsafeRawBufferPointer) -> Bool {
        paths.withUnsafeBytes { FreshnessCheck.same(UnsafeRawBufferPointer(rebasing: $0[rows[r].path]), path) }
    }

    /// Whether these rows are still what `db` holds: no other connection committed since they were
    /// read (`data_version`) and this one changed no row (`total_changes()`).
    func isCurrent(_ db: Database) throws -> Bool {
        try Self.changeCounts(db) == (version, changes)
    }

    private static func changeCounts(_ db: Database) throws -> (Int64, Int64) {
        (try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0, try Int64.fetchOne(db, sql: "SELECT total_changes()") ?? 0)
    }

    /// The paths to look up for `refs`, relative to the journal: for a partial read of a few
    /// files (at most ``JournalIndex/lookupMaximum``); nil means every row.
    static func keys(for refs: [EntryRef], root: String, complete: Bool) -> [String]? {
        guard !complete, refs.count <= JournalIndex.lookupMaximum else { return nil }
        let prefix = Array((root + "/").utf8)
        return refs.map { FreshnessCheck.relative($0.path, prefix: prefix) }
    }
}
