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
    static let people = Table(name: "people", columns: ["file", "name", "folded", "level", "relation", "note", "email"])
    static let followUps = Table(name: "follow_ups", columns: ["file", "n", "who", "who_folded", "action", "due", "done", "first_due", "postponed"])
    static let tags = Table(name: "tags", columns: ["file", "tag", "folded", "words"])
    static let reviewFacts = Table(name: "review_facts", columns: ["file", "facts"])
    static let search = Table(name: "search", columns: ["rowid", "text"])
    static let mentionWords = Table(name: "mention_words", columns: ["rowid", "words"])
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
    static func text(_ s: String) -> String {
        s.unicodeScalars.contains("\0") ? s.replacingOccurrences(of: "\0", with: "\u{FFFD}") : s
    }

    /// Whether stored text may have held a NUL (stored as U+FFFD, ``text(_:)``): it is not what the
    /// entry says, so an answer from the facts is not exact. Scalars, not `String.contains(_:)`,
    /// which goes through Foundation's folding search (a sixth of `debrief followups` on 10,000
    /// entries).
    static func replaced(_ text: String?) -> Bool { text?.unicodeScalars.contains("\u{FFFD}") ?? false }

    /// A checksum of `values` with their types and lengths, as a signed 64-bit integer for SQLite:
    /// FNV-1a's step taken eight bytes at a time (`h = (h ^ chunk) * prime`, each step one-to-one
    /// in `h` and in the chunk, so a change inside one chunk always changes the sum, as a byte does
    /// in FNV-1a). Eight bytes a step because every answer from the facts sums every row it reads,
    /// 20 MB of stored words for `debrief people` at 10,000 entries, where byte-wise FNV-1a was a
    /// tenth of the command.
    static func sum(_ values: [DatabaseValue]) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func add(_ chunk: UInt64) {
            h ^= chunk
            h = h &* 0x0000_0100_0000_01B3
        }
        func add(bytes: UnsafeRawBufferPointer) {
            add(UInt64(bytes.count))
            var i = 0
            while i + 8 <= bytes.count {
                add(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            add(tail)
        }
        for value in values {
            switch value.storage {
            case .null: add(0)
            case .int64(let n): add(1); add(UInt64(bitPattern: n))
            case .double(let d): add(2); add(d.bitPattern)
            case .string(var s):
                add(3)
                s.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
            case .blob(let data):
                add(4)
                data.withUnsafeBytes { add(bytes: $0) }
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
