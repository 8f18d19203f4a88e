import DebriefCore
import GRDB

/// One follow-up as the index stores it, with the columns of its entry the tracker shows: what
/// `debrief followups` lists, read without rebuilding any entry from its blob.
struct FollowUpRow {
    var file: Int64
    var entryID: String
    var title: String
    var time: Int
    var utcOffset: Int
    var n: Int
    var who: String
    var action: String
    var due: Int?
    var done: Int?
    var firstDue: Int?
    var postponed: Int

    /// Every follow-up row joined with its entry's row; nil when a row of either table does not
    /// match its checksum, or a readable file has no `entries` row (``IndexRow/damaged(_:tables:)``).
    static func all(_ db: Database) throws -> [FollowUpRow]? {
        guard try IndexRow.damaged(db, tables: [IndexRow.entries, IndexRow.followUps]).isEmpty else { return nil }
        var out: [FollowUpRow] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.file, e.id, e.title, e.time, e.utc_offset, f.n, f.who, f.action, f.due, f.done, f.first_due, f.postponed
            FROM follow_ups f JOIN entries e ON e.file = f.file
            """)
        while let row = try rows.next() {
            out.append(FollowUpRow(file: row[0], entryID: row[1], title: row[2], time: row[3], utcOffset: row[4], n: row[5],
                                   who: row[6], action: row[7], due: row[8], done: row[9], firstDue: row[10], postponed: row[11]))
        }
        return out
    }

    /// The tracker's item, or nil when a text held a NUL the index could not store as it is.
    var item: FollowUpItem? {
        // Scalars, not `String.contains(_:)`, which goes through Foundation's folding search
        // (a sixth of `debrief followups` on 10,000 entries).
        func replaced(_ s: String) -> Bool { s.unicodeScalars.contains("\u{FFFD}") }
        if replaced(title) || replaced(who) || replaced(action) { return nil }
        return FollowUpItem(entryID: entryID, entryTitle: title, eventTime: Timestamp(seconds: time, utcOffset: utcOffset), n: n,
                            who: who, action: action, due: due.map(Day.init(ordinal:)), done: done.map(Day.init(ordinal:)),
                            firstDue: firstDue.map(Day.init(ordinal:)), postponed: postponed)
    }
}
