#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
import GRDBSQLite

/// A stored value compared in place in SQLite's memory with the value it should be, for
/// `doctor`'s check of every file's facts (``EntryFacts/differing(_:from:)``): no `String`,
/// `Data` or `DatabaseValue` is made per column. Equal means the same type and the same bytes
/// (text as UTF-8, as ``IndexRow/text(_:)`` stored it; NULL for nil), which is how the index was
/// written; a value of another type (a damaged row) differs.
enum StoredColumn {
    /// The current row of a statement stepped by a cursor.
    struct Row {
        let statement: SQLiteStatement

        init(_ statement: SQLiteStatement) { self.statement = statement }

        func int64(_ i: Int32) -> Int64 { sqlite3_column_int64(statement, i) }

        /// The column's integer, nil when NULL. Read after the row's sum was checked (``IndexRow/sum(columns:of:)``
        /// reads each column by its type first: reading one as another type converts it).
        func int(_ i: Int32) -> Int? {
            let value = sqlite3_column_value(statement, i)
            return sqlite3_value_type(value) == SQLITE_NULL ? nil : Int(sqlite3_value_int64(value))
        }

        /// The column's text, nil when NULL, made from its bytes in place: no `DatabaseValue`, no
        /// C-string scan, and SQLite's value calls, as ``IndexRow/sum(columns:of:)`` reads (the
        /// column calls check the connection's mutex and a failed allocation each time).
        func text(_ i: Int32) -> String? {
            let value = sqlite3_column_value(statement, i)
            guard sqlite3_value_type(value) != SQLITE_NULL else { return nil }
            // The bytes first, then their count (SQLite's order: reading the count may convert).
            let bytes = sqlite3_value_text(value)
            return String(decoding: UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_value_bytes(value))), as: UTF8.self)
        }

        func holds(_ i: Int32, _ expected: String?) -> Bool {
            guard var expected else { return sqlite3_column_type(statement, i) == SQLITE_NULL }
            return expected.withUTF8 { holdsText(i, UnsafeRawBufferPointer($0)) }
        }

        /// Whether the column is the text whose UTF-8 is `expected`.
        func holds(_ i: Int32, utf8 expected: [UInt8]) -> Bool {
            expected.withUnsafeBytes { holdsText(i, $0) }
        }

        private func holdsText(_ i: Int32, _ expected: UnsafeRawBufferPointer) -> Bool {
            guard sqlite3_column_type(statement, i) == SQLITE_TEXT else { return false }
            // The bytes first, then their count (SQLite's order: reading the count may convert).
            let bytes = UnsafeRawPointer(sqlite3_column_text(statement, i))
            let count = Int(sqlite3_column_bytes(statement, i))
            return StoredColumn.same(bytes, count, expected)
        }

        func holds(_ i: Int32, _ expected: Int?) -> Bool {
            guard let expected else { return sqlite3_column_type(statement, i) == SQLITE_NULL }
            return sqlite3_column_type(statement, i) == SQLITE_INTEGER && sqlite3_column_int64(statement, i) == Int64(expected)
        }

        func holds(_ i: Int32, blob expected: [UInt8]) -> Bool {
            guard sqlite3_column_type(statement, i) == SQLITE_BLOB else { return false }
            let bytes = sqlite3_column_blob(statement, i)
            let count = Int(sqlite3_column_bytes(statement, i))
            return expected.withUnsafeBytes { StoredColumn.same(bytes, count, $0) }
        }
    }

    /// Whether `count` bytes at `stored` (nil when there are none) are `expected`'s.
    static func same(_ stored: UnsafeRawPointer?, _ count: Int, _ expected: UnsafeRawBufferPointer) -> Bool {
        guard count == expected.count else { return false }
        guard count > 0, let stored, let base = expected.baseAddress else { return count == 0 }
        return memcmp(stored, base, count) == 0
    }
}
