import DebriefCore
import GRDB
import GRDBSQLite

/// The columns of an entry that a person's or a follow-up's line shows (`entries`' id, title,
/// event time and day), for the facts reads that meet most entries many times: `debrief people`
/// reads 25,000 people rows and 14,000 follow-up rows at 10,000 entries, and looking each one's
/// entry up in a join was a tenth of the command; one pass over `entries` gives them all.
struct ShownEntry {
    var id: String
    var title: String
    var eventTime: Timestamp
    var day: Day

    /// Every `entries` row's shown columns, in one pass that is also `entries`' check: each row
    /// is found right against its sum (``IndexRow/Table/intact(_:)``) before any of its values
    /// is taken (a damaged day must never become a date), and every `readable` file (id to the
    /// index of its ref) has its row, as ``IndexRow/damaged(_:tables:)`` finds both; the pass
    /// meets every row, so `entries` needs no pass of its own (at 10,000 entries that pass was
    /// 45 M instructions; checked here, `debrief people` runs 22 M fewer). A text the index stored with a NUL replaced
    /// (``IndexRow/replaced(_:)``) is left for the caller to judge, as only the entries it shows
    /// make an answer inexact. Not exact when a row has no id or title (which `NOT NULL` rules out).
    static func all(_ db: Database, readable: FilePlaces) throws -> FactsRead<ShownEntries> {
        let table = IndexRow.entries
        let statement = try db.makeStatement(sql: "SELECT \(table.selected(as: "e")) FROM entries e ORDER BY e.file")
        // The columns as ``IndexRow/entries`` lists them: file, id, day, time, utc_offset, kind, title, …
        let at = (file: Int32(0), id: Int32(1), day: Int32(2), time: Int32(3), offset: Int32(4), title: Int32(6))
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        var out = ShownEntries()
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
        out.files.reserveCapacity(count)
        out.entries.reserveCapacity(count)
        var exact = true
        let rows = try GRDB.Row.fetchCursor(statement)
        while try rows.next() != nil {
            guard table.intact(stmt) else { return .damaged }
            guard exact, let id = row.text(at.id), let title = row.text(at.title) else {
                exact = false
                continue
            }
            out.files.append(row.int64(at.file))
            out.entries.append(ShownEntry(id: id, title: title,
                                          eventTime: Timestamp(seconds: Int(row.int64(at.time)), utcOffset: Int(row.int64(at.offset))),
                                          day: Day(ordinal: Int(row.int64(at.day)))))
        }
        guard exact else { return .notExact }
        // A readable file without its row: damaged (its people would be passed over unseen).
        // Both in ascending order: one step through each, not a search per file.
        var next = 0
        for file in readable.files {
            while next < out.files.count, out.files[next] < file { next += 1 }
            guard next < out.files.count, out.files[next] == file else { return .damaged }
        }
        return .facts(out)
    }
}

/// ``ShownEntry/all(_:readable:)``'s answer: the entries' shown columns by file, in two arrays sorted by
/// file and found by halving. A `Dictionary` of them was 17 MB at 100,000 entries (its table
/// twice the entries, at most three quarters full), a tenth of `debrief people`'s peak.
struct ShownEntries {
    /// Ascending (`entries.file` is the table's primary key, read in its order).
    fileprivate(set) var files: [Int64] = []
    fileprivate(set) var entries: [ShownEntry] = []

    /// The entry of `file`, if it has one.
    subscript(file: Int64) -> ShownEntry? {
        var lo = 0, hi = files.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if files[mid] < file { lo = mid + 1 } else { hi = mid }
        }
        return lo < files.count && files[lo] == file ? entries[lo] : nil
    }
}
