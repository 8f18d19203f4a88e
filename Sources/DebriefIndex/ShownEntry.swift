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

    /// Every `entries` row's shown columns by file, in one pass. The caller has checked `entries`'
    /// rows against their sums; a text the index stored with a NUL replaced (``IndexRow/replaced(_:)``)
    /// is left for the caller to judge, as only the entries it shows make an answer inexact. Nil,
    /// not exact, when a row has no id or title (which `NOT NULL` rules out).
    static func all(_ db: Database) throws -> [Int64: ShownEntry]? {
        let statement = try db.makeStatement(sql: "SELECT file, id, title, time, utc_offset, day FROM entries")
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        var out: [Int64: ShownEntry] = [:]
        out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0)
        let rows = try GRDB.Row.fetchCursor(statement)
        while try rows.next() != nil {
            guard let id = row.text(1), let title = row.text(2) else { return nil }
            out[row.int64(0)] = ShownEntry(id: id, title: title,
                                           eventTime: Timestamp(seconds: Int(row.int64(3)), utcOffset: Int(row.int64(4))),
                                           day: Day(ordinal: Int(row.int64(5))))
        }
        return out
    }
}
