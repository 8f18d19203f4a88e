#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import Foundation
import GRDB
import GRDBSQLite

/// The rule every row of the index follows, so that damage inside the database (a flipped byte
/// SQLite cannot notice, a row edited by hand) never changes an answer: each row carries `sum`,
/// the checksum of all its other columns in table order (``IndexRow/sum(_:)``), and a query
/// narrows by a table only after every row of it was found right: in a pass of its own first
/// (``IndexRow/damaged(_:tables:)``), or in the pass that reads the table, when that pass meets
/// every row (``IndexRow/Table/checking(_:keeping:)``: a row its condition leaves out is still
/// summed, and comes back when damaged).
/// Text is stored through ``IndexRow/text(_:)``: SQLite's C API, as GRDB binds strings, ends a
/// string at its first NUL, which cut an entry's searchable text short.
enum IndexRow {
    /// A table as its checksum reads it: the columns `sum` covers, in order.
    struct Table: Sendable {
        var name: String
        var columns: [String]
        /// For an FTS5 table: where its rows' values are stored (its `_content` table, columns
        /// `id`, `c0`, `c1`… in the table's order), which ``IndexRow/damaged(_:tables:)`` reads
        /// instead of going through the virtual table (which copies every text it returns: a
        /// third of checking 15 MB of stored words). The same values: FTS5 returns its columns
        /// from there.
        var stored: (table: String, columns: [String], sum: String)?
        /// The statement inserting a row with its sum (made once: a cold build inserts 80,000
        /// rows at 10,000 entries, and building this text for each was a twentieth of it).
        let insert: String

        init(name: String, columns: [String], stored: (table: String, columns: [String], sum: String)? = nil) {
            self.name = name
            self.columns = columns
            self.stored = stored
            insert = "INSERT INTO \(name)(\((columns + ["sum"]).joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count + 1)))"
        }

        /// The columns `sum` covers, then `sum`, of the table named `alias` in a query: the start
        /// of a select whose rows ``intact(_:)`` checks.
        func selected(as alias: String) -> String {
            (columns + ["sum"]).map { alias + "." + $0 }.joined(separator: ", ")
        }

        /// The `WHERE` of a read that narrows this table (named `alias`, its columns first in the
        /// select: ``selected(as:)``) to the rows `keep` holds for, and still checks every row in
        /// that one pass instead of a pass of its own before it: a row `keep` leaves out is summed
        /// here by `debrief_sum` (``IndexRow/install(in:)``) and is returned after all when it does
        /// not match, so damage can never hide a row; each row returned, the caller checks in place
        /// (``intact(_:)``), and on a damaged one trusts nothing the read gave. The table must be
        /// the outer loop (first in `FROM`, others `LEFT JOIN`ed, which keeps every row of it).
        func checking(_ alias: String, keeping keep: String) -> String {
            "(\(keep)) OR debrief_sum(\(columns.map { alias + "." + $0 }.joined(separator: ", "))) IS NOT \(alias).sum"
        }

        /// Whether the row `stmt` stands on matches its sum: its first columns this table's, then
        /// `sum` (``selected(as:)``). Read first: the sum reads each column by its type.
        func intact(_ stmt: OpaquePointer?) -> Bool {
            IndexRow.sum(columns: columns.count, of: stmt) == sqlite3_column_int64(stmt, Int32(columns.count))
        }
    }

    static let files = Table(name: "files", columns: ["id", "path", "size", "mtime", "ctime", "inode", "checked", "hash", "length",
                                                     "problem_line", "problem"])
    static let entries = Table(name: "entries", columns: ["file", "id", "day", "time", "utc_offset", "kind", "title", "flow", "blob_sum"])
    static let people = Table(name: "people", columns: ["file", "name", "folded", "level", "relation", "note", "email"])
    static let followUps = Table(name: "follow_ups", columns: ["file", "n", "who", "who_folded", "action", "due", "done", "first_due", "postponed"])
    static let tags = Table(name: "tags", columns: ["file", "tag", "folded", "words"])
    static let reviewFacts = Table(name: "review_facts", columns: ["file", "facts"])
    static let search = Table(name: "search", columns: ["rowid", "text"])
    static let mentionWords = Table(name: "mention_words", columns: ["rowid", "words"], stored: ("mention_words_content", ["id", "c0"], "c1"))
    /// The calendars' cache (`CalendarCache.swift`): checked by its own reads, file by file, as
    /// its ids are not the journal files' (so not in ``all``).
    static let calendarFiles = Table(name: "calendar_files", columns: ["id", "path", "size", "mtime", "ctime", "inode", "checked",
                                                                      "kind", "problem", "events", "zones_sum", "lo", "hi"])
    static let calendarEvents = Table(name: "calendar_events", columns: ["file", "lo", "hi", "event_sum"])

    /// Every table with rows, for `doctor`.
    static let all = [files, entries, people, followUps, tags, reviewFacts, search, mentionWords]

    /// Text as the index stores it and compares it: NUL (which SQLite's C strings end at) becomes
    /// U+FFFD. Applied to stored text and to the query alike, so a match can only grow: the store
    /// still tests every candidate against the entry itself.
    /// NUL is looked for on the bytes (in UTF-8 only U+0000 has a zero byte): going through the
    /// text's scalars was 0.68 G instructions of `doctor` at 10,000 entries (every text of every
    /// entry passes here).
    static func text(_ s: String) -> String {
        let holdsNUL = s.utf8.withContiguousStorageIfAvailable(Self.holdsNUL) ?? s.utf8.contains(0)
        return holdsNUL ? s.replacingOccurrences(of: "\0", with: "\u{FFFD}") : s
    }

    /// ``text(_:)`` of the text whose UTF-8 is `bytes`, as UTF-8 (the folded texts the index
    /// stores are made as bytes): the same bytes when they hold no NUL, as nearly all do.
    static func textUTF8(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer(Self.holdsNUL) ? Array(text(String(decoding: bytes, as: UTF8.self)).utf8) : bytes
    }

    private static func holdsNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, 0, bytes.count) != nil
    }

    /// Whether stored text may have held a NUL (stored as U+FFFD, ``text(_:)``): it is not what the
    /// entry says, so an answer from the facts is not exact. Scalars, not `String.contains(_:)`,
    /// which goes through Foundation's folding search (a sixth of `debrief followups` on 10,000
    /// entries).
    static func replaced(_ text: String?) -> Bool {
        // U+FFFD is EF BF BD in UTF-8: a text without the byte 0xEF (nearly all) is decided on
        // its bytes, without decoding a scalar.
        guard let text else { return false }
        let mayHold = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, 0xEF, bytes.count) != nil
        } ?? true
        return mayHold && text.unicodeScalars.contains("\u{FFFD}")
    }

    /// The checksum of `values` with their types and lengths (``RowSum``), as a row is written.
    static func sum(_ values: [DatabaseValue]) -> Int64 {
        var s = RowSum()
        for value in values {
            switch value.storage {
            case .null: s.null()
            case .int64(let n): s.integer(n)
            case .double(let d): s.real(d)
            case .string(var text): text.withUTF8 { s.text(UnsafeRawBufferPointer($0)) }
            case .blob(let data): data.withUnsafeBytes { s.blob($0) }
            }
        }
        return s.value
    }

    /// The checksum of the first `count` columns of `statement`'s current row (stepped by a
    /// cursor), read in place from SQLite's memory: the same value ``sum(_:)`` gives for the row's
    /// values, without a `DatabaseValue`, a `String` or an array per row. Every check of a row
    /// as it is read goes through here or through `debrief_sum` (``install(in:)``), which read
    /// the same way.
    static func sum(columns count: Int, of statement: Statement) -> Int64 {
        sum(columns: count, of: statement.sqliteStatement)
    }

    /// ``sum(columns:of:)`` of a statement stepped by SQLite's own calls. Each column is taken
    /// once as SQLite's own value (`sqlite3_column_value`) and read through the value calls,
    /// as `debrief_sum` reads its arguments (``sum(of:_:)``): the column calls check the
    /// connection's mutex and a failed allocation on every call, and a type, a text and a
    /// length per column through them were 1,600 instructions a `people` row. (Such a value is
    /// "unprotected": read on the connection's own thread only, as every read here is.)
    static func sum(columns count: Int, of stmt: OpaquePointer?) -> Int64 {
        sum(of: count) { sqlite3_column_value(stmt, $0) }
    }

    /// The checksum of `count` SQLite values, `value(i)` the `i`th (NULL for nil), read in place
    /// by their types: the one reading of stored values every check shares.
    @inline(__always)
    private static func sum(of count: Int, _ value: (Int32) -> OpaquePointer?) -> Int64 {
        var s = RowSum()
        for i in 0..<Int32(count) {
            let value = value(i)
            switch sqlite3_value_type(value) {
            case SQLITE_NULL: s.null()
            case SQLITE_INTEGER: s.integer(sqlite3_value_int64(value))
            case SQLITE_FLOAT: s.real(sqlite3_value_double(value))
            case SQLITE_TEXT:
                // The bytes first, then their count (SQLite's order: reading the count may convert).
                let bytes = sqlite3_value_text(value)
                s.text(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))))
            default:
                let bytes = sqlite3_value_blob(value)
                s.blob(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_value_bytes(value))))
            }
        }
        return s.value
    }

    /// The SQL function `debrief_sum(column, …)`: ``sum(_:)`` inside a query, over SQLite's own
    /// values in place (GRDB's functions hand Swift a `[DatabaseValue]` per call, a `String` per
    /// text: for the 20 MB of stored words `debrief people` checks, a tenth of the command).
    /// Also installs `debrief_contains(text, part)`: whether `part`'s bytes occur in `text`'s (1
    /// or 0; NULL when either is NULL), through `String.bytes(_:contain:)`. For UTF-8, the same answer as SQLite's
    /// `instr(text, part) > 0`, which `String.containsFolded` follows: a valid UTF-8 `part` starts
    /// with a lead byte, which no continuation byte equals, so it is only found where a character
    /// starts. `instr` steps character by character; this reads the 18 MB of search text at
    /// 10,000 entries in a few milliseconds.
    static func install(in db: Database) {
        sqlite3_create_function_v2(db.sqliteConnection, "debrief_sum", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                   sqlFunction, nil, nil, nil)
        sqlite3_create_function_v2(db.sqliteConnection, "debrief_contains", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
                                   containsFunction, nil, nil, nil)
    }

    private static let containsFunction: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, arguments in
        guard count == 2, let text = arguments?[0], let part = arguments?[1],
              sqlite3_value_type(text) != SQLITE_NULL, sqlite3_value_type(part) != SQLITE_NULL else {
            sqlite3_result_null(context)
            return
        }
        // Text first, then its length (sqlite3_value_bytes after sqlite3_value_text, as SQLite asks).
        let haystack = sqlite3_value_text(text)
        let haystackCount = Int(sqlite3_value_bytes(text))
        let needle = sqlite3_value_text(part)
        let needleCount = Int(sqlite3_value_bytes(part))
        guard needleCount > 0 else {
            sqlite3_result_int(context, 1)
            return
        }
        let found = String.bytes(UnsafeRawBufferPointer(start: haystack, count: haystack == nil ? 0 : haystackCount),
                                 contain: UnsafeRawBufferPointer(start: needle, count: needle == nil ? 0 : needleCount))
        sqlite3_result_int(context, found ? 1 : 0)
    }

    private static let sqlFunction: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, arguments in
        sqlite3_result_int64(context, sum(of: Int(count)) { arguments?[Int($0)] })
    }

    /// The ids of the files whose rows in `tables` do not match their checksums (a damaged row may
    /// name the wrong file, so the caller must not trust any narrowing of these tables), and
    /// readable files with no `entries` row.
    static func damaged(_ db: Database, tables: [Table]) throws -> Set<Int64> {
        var out = Set<Int64>()
        for table in tables {
            let (name, columns, sum) = table.stored ?? (table.name, table.columns, "sum")
            let sql = "SELECT \(columns[0]) FROM \(name) WHERE debrief_sum(\(columns.joined(separator: ", "))) IS NOT \(sum)"
            out.formUnion(try Int64.fetchAll(db, sql: sql))
        }
        if tables.contains(where: { $0.name == entries.name }) {
            out.formUnion(try Int64.fetchAll(db, sql: """
                SELECT f.id FROM files f WHERE f.problem IS NULL AND NOT EXISTS (SELECT 1 FROM entries e WHERE e.file = f.id)
                """))
        }
        return out
    }
}

/// A row's checksum, fed one typed value at a time: FNV-1a's step taken eight bytes at a time
/// (`h = (h ^ chunk) * prime`, each step one-to-one in `h` and in the chunk, so a change inside
/// one chunk always changes the sum, as a byte does in FNV-1a), each value led by its type and
/// each text or blob by its length. Eight bytes a step because every answer from the facts sums
/// every row it reads, 20 MB of stored words for `debrief people` at 10,000 entries, where
/// byte-wise FNV-1a was a tenth of the command. The one definition: rows written
/// (``IndexRow/sum(_:)``) and rows read (``IndexRow/sum(columns:of:)``, `debrief_sum`) feed it
/// the same way.
struct RowSum {
    private var h: UInt64 = 0xcbf2_9ce4_8422_2325

    var value: Int64 { Int64(bitPattern: h) }

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always) private mutating func add(_ chunk: UInt64) {
        h ^= chunk
        h = h &* Self.prime
    }

    private mutating func add(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        add(UInt64(count))
        guard let base = bytes.baseAddress else {
            add(0)
            return
        }
        // The state in a local and unchecked loads (`i + 8 <= count` is the bound): 15 MB of
        // stored words a `people` at 10,000 entries.
        var h = self.h
        var i = 0
        while i &+ 8 <= count {
            h = (h ^ UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* Self.prime
            i &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift &+= 8
            i &+= 1
        }
        self.h = (h ^ tail) &* Self.prime
    }

    mutating func null() { add(0) }
    mutating func integer(_ n: Int64) { add(1); add(UInt64(bitPattern: n)) }
    mutating func real(_ d: Double) { add(2); add(d.bitPattern) }
    mutating func text(_ utf8: UnsafeRawBufferPointer) { add(3); add(bytes: utf8) }
    mutating func blob(_ bytes: UnsafeRawBufferPointer) { add(4); add(bytes: bytes) }
}
