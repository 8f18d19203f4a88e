import DebriefCore
import GRDB

/// What a read of the facts tables gives: the answer, or why the entries must answer instead.
enum FactsRead<Value> {
    case facts(Value)
    /// A row the answer reads does not match its checksum (``IndexRow/damaged(_:tables:)``).
    case damaged
    /// A text held a NUL the index stores replaced (``IndexRow/text(_:)``), or a stored entry did
    /// not rebuild: the facts cannot say exactly what the entries say.
    case notExact
}

/// Follow-ups as the index stores them, with the columns of their entries the tracker shows:
/// what `debrief followups` lists, read without rebuilding any entry from its blob.
enum FollowUpRow {
    /// Every follow-up of the `readable` files (id to the index of the file's ref), in the order
    /// of their refs and each entry's own order, or with `openOnly` the open ones (`done` NULL,
    /// as ``FollowUpItem/isOpen`` says), or with `notDoneBefore` those open or done on that day
    /// or later (the weekly review's); nil when a text read held a NUL the index stores
    /// replaced. The caller has checked the rows' checksums.
    static func items(_ db: Database, readable: [Int64: Int], openOnly: Bool = false, notDoneBefore: Day? = nil) throws -> [FollowUpItem]? {
        var items: [(index: Int, n: Int, item: FollowUpItem)] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.file, e.id, e.title, e.time, e.utc_offset, f.n, f.who, f.action, f.due, f.done, f.first_due, f.postponed
            FROM follow_ups f JOIN entries e ON e.file = f.file
            """ + (openOnly ? " WHERE f.done IS NULL" : notDoneBefore == nil ? "" : " WHERE f.done IS NULL OR f.done >= ?"),
            arguments: StatementArguments(openOnly ? [] : notDoneBefore.map { [$0.ordinal] } ?? []))
        while let row = try rows.next() {
            let file: Int64 = row[0]
            guard let index = readable[file] else { continue }
            let title: String = row[2], who: String = row[6], action: String = row[7]
            if IndexRow.replaced(title) || IndexRow.replaced(who) || IndexRow.replaced(action) { return nil }
            let n: Int = row[5]
            let due: Int? = row[8], done: Int? = row[9], firstDue: Int? = row[10]
            items.append((index, n, FollowUpItem(entryID: row[1], entryTitle: title, eventTime: Timestamp(seconds: row[3], utcOffset: row[4]),
                                                 n: n, who: who, action: action, due: due.map(Day.init(ordinal:)),
                                                 done: done.map(Day.init(ordinal:)), firstDue: firstDue.map(Day.init(ordinal:)),
                                                 postponed: row[11])))
        }
        items.sort { $0.index != $1.index ? $0.index < $1.index : $0.n < $1.n }
        return items.map(\.item)
    }

    /// ``PeopleIndex/lastNamed(_:)`` of every follow-up of the index's entries (those of `last`
    /// or earlier, when given): per folded `who` (`who_folded`, ``EntryFacts``) the latest event
    /// day, grouped by SQLite (a few hundred rows instead of every action). Nil when a folded
    /// name held a NUL the index stores replaced. The caller has checked the rows' checksums.
    static func lastNamed(_ db: Database, upTo last: Day?) throws -> [String: Day]? {
        var out: [String: Day] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.who_folded, max(e.day) FROM follow_ups f JOIN entries e ON e.file = f.file
            WHERE ?1 IS NULL OR e.day <= ?1 GROUP BY f.who_folded
            """, arguments: [last?.ordinal])
        while let row = try rows.next() {
            let key: String = row[0]
            if IndexRow.replaced(key) { return nil }
            // SQLite groups equal bytes, a dictionary equal strings (canonically equivalent ones
            // too): the latest day wins either way.
            let day = Day(ordinal: row[1])
            if let seen = out[key], seen >= day { continue }
            out[key] = day
        }
        return out
    }
}
