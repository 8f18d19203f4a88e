import DebriefCore
import Foundation
import GRDB

/// The rule every row of the index follows, so that damage inside the database (a flipped byte
/// SQLite cannot notice, a row edited by hand) never changes an answer: each row carries `sum`,
/// the checksum of all its other columns in table order (``IndexRow/sum(_:)``), and a query
/// narrows by a table only after every row of it was found right (``IndexRow/damaged(_:tables:)``).
/// Text is stored through ``IndexRow/text(_:)``: SQLite's C API, as GRDB binds strings, ends a
/// string at its first NUL, which cut an entry's searchable text short.
enum IndexRow {
    /// A table as its checksum reads it: the columns `sum` covers, in order.
    struct Table: Sendable {
        var name: String
        var columns: [String]
    }

    static let files = Table(name: "files", columns: ["id", "path", "size", "mtime", "ctime", "inode", "checked", "hash", "length",
                                                     "problem_line", "problem"])
    static let entries = Table(name: "entries", columns: ["file", "id", "day", "time", "utc_offset", "kind", "title", "flow", "blob_sum"])
    static let people = Table(name: "people", columns: ["file", "name", "folded"])
    static let followUps = Table(name: "follow_ups", columns: ["file", "n", "who", "who_folded", "action", "due", "done", "first_due", "postponed"])
    static let tags = Table(name: "tags", columns: ["file", "tag", "folded"])
    static let search = Table(name: "search", columns: ["rowid", "text"])
    /// The calendars' cache (`CalendarCache.swift`): checked by its own reads, file by file, as
    /// its ids are not the journal files' (so not in ``all``).
    static let calendarFiles = Table(name: "calendar_files", columns: ["id", "path", "size", "mtime", "ctime", "inode", "checked",
                                                                      "kind", "problem", "events", "zones_sum", "lo", "hi"])
    static let calendarEvents = Table(name: "calendar_events", columns: ["file", "lo", "hi", "event_sum"])

    /// Every table with rows, for `doctor`.
    static let all = [files, entries, people, followUps, tags, search]

    /// Text as the index stores it and compares it: NUL (which SQLite's C strings end at) becomes
    /// U+FFFD. Applied to stored text and to the query alike, so a match can only grow: the store
    /// still tests every candidate against the entry itself.
    static func text(_ s: String) -> String {
        s.unicodeScalars.contains("\0") ? s.replacingOccurrences(of: "\0", with: "\u{FFFD}") : s
    }

    /// FNV-1a of `values` with their types and lengths, as a signed 64-bit integer for SQLite.
    static func sum(_ values: [DatabaseValue]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func add(_ b: UInt8) {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        func add(_ n: UInt64) { for i in 0..<8 { add(UInt8(truncatingIfNeeded: n >> (8 * i))) } }
        for value in values {
            switch value.storage {
            case .null: add(UInt8(0))
            case .int64(let n): add(UInt8(1)); add(UInt64(bitPattern: n))
            case .double(let d): add(UInt8(2)); add(d.bitPattern)
            case .string(let s):
                add(UInt8(3)); add(UInt64(s.utf8.count))
                for b in s.utf8 { add(b) }
            case .blob(let data):
                add(UInt8(4)); add(UInt64(data.count))
                for b in data { add(b) }
            }
        }
        return Int64(bitPattern: h)
    }

    /// The SQL function `debrief_sum(column, …)`: ``sum(_:)`` inside a query.
    static let function = DatabaseFunction("debrief_sum", argumentCount: nil, pure: true) { values in
        sum(values)
    }

    /// The ids of the files whose rows in `tables` do not match their checksums (a damaged row may
    /// name the wrong file, so the caller must not trust any narrowing of these tables), and
    /// readable files with no `entries` row.
    static func damaged(_ db: Database, tables: [Table]) throws -> Set<Int64> {
        var out = Set<Int64>()
        for table in tables {
            let key = table.columns[0]
            let sql = "SELECT \(key) FROM \(table.name) WHERE debrief_sum(\(table.columns.joined(separator: ", "))) IS NOT sum"
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
