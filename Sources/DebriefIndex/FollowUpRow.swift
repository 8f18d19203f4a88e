import DebriefCore
import GRDB
import GRDBSQLite

/// What a read of the facts tables gives: the answer, or why the entries must answer instead.
enum FactsRead<Value> {
    case facts(Value)
    /// A row the answer reads does not match its checksum (``IndexRow/damaged(_:tables:)``).
    case damaged
    /// A text held a NUL the index stores replaced (``IndexRow/text(_:)``), or a stored entry did
    /// not rebuild: the facts cannot say exactly what the entries say.
    case notExact

    /// The answer made into another; damage and inexactness kept.
    func map<T>(_ transform: (Value) -> T) -> FactsRead<T> {
        switch self {
        case .facts(let value): return .facts(transform(value))
        case .damaged: return .damaged
        case .notExact: return .notExact
        }
    }
}

/// A part of a read made on another connection gives its answer back (``FactsAlongside``).
extension FactsRead: Sendable where Value: Sendable {}

/// Follow-ups as the index stores them, with the columns of their entries the tracker shows:
/// what `debrief followups` lists, read without rebuilding any entry from its blob.
enum FollowUpRow {
    /// What one pass over every `follow_ups` row gives (``read(_:readable:openOnly:notDoneBefore:lastNamed:upTo:)``).
    struct Read {
        /// The follow-ups of the `readable` files (the open ones, when asked), in the order of
        /// their refs and each entry's own order.
        var items: [FollowUpItem]
        /// ``PeopleIndex/lastNamed(_:)`` of every follow-up of the index's entries (of the day
        /// asked or earlier): per folded `who` (`who_folded`, ``EntryFacts``) the latest event
        /// day; empty when not asked.
        var lastNamed: [String: Day]
    }

    /// The follow-ups of the `readable` files (id to the index of the file's ref), every one or
    /// with `openOnly` the open ones (`done` NULL, as ``FollowUpItem/isOpen`` says), with
    /// `notDoneBefore` those open or done on that day or later (the weekly review's, `ReviewRows`),
    /// and with `lastNamed` who each names last (on `last` or earlier, when given),
    /// in one pass that checks every `follow_ups` row against its sum as it goes
    /// (``IndexRow/Table/checking(_:keeping:)``), instead of a pass to check them, then one to
    /// read the open ones, then one to group the names. Not exact when a text read held a NUL
    /// the index stores replaced. The caller checks `entries`' rows, before this read or beside it
    /// (``FactsAlongside``): the joined columns of a row not yet checked are only carried (texts, and
    /// a time's seconds and offset as they are) until the check's answer, never computed on, so a
    /// damaged one cannot trap; with `lastNamed`, whose day is computed, the caller gives `entries`
    /// or has checked them before.
    /// `entries`: every entry's shown columns when the caller has read them (``ShownEntry/all(_:readable:)``,
    /// for `people`, which reads every row): looked up by file instead of joined to each row;
    /// without them (the open ones are a tenth of the rows) each kept row's entry is joined.
    /// `naming`: only the follow-ups whose folded `who` is that key (`who_folded`, ``EntryFacts``),
    /// one person's, for their page (`debrief people show`); the other rows are still summed in the pass.
    static func read(_ db: Database, readable: FilePlaces, openOnly: Bool, notDoneBefore: Day? = nil, lastNamed: Bool = false,
                     upTo last: Day? = nil, entries shown: ShownEntries? = nil, naming who: String? = nil) throws -> FactsRead<Read> {
        let table = IndexRow.followUps
        var readable = readable
        // Only the open ones (or not done before the day) are kept, unless the names are grouped
        // (over every row); only one person's, when asked.
        let since = notDoneBefore.map { " OR f.done >= \($0.ordinal)" } ?? ""
        var keep: [String] = []
        if (openOnly || notDoneBefore != nil) && !lastNamed { keep.append("f.done IS NULL" + (openOnly ? "" : since)) }
        if who != nil { keep.append("f.who_folded = ?") }
        let narrowed = keep.isEmpty ? "" : " WHERE " + table.checking("f", keeping: keep.map { "(\($0))" }.joined(separator: " AND "))
        let statement = try db.makeStatement(sql: shown == nil ? """
            SELECT \(table.selected(as: "f")), e.id, e.title, e.time, e.utc_offset, e.day
            FROM follow_ups f LEFT JOIN entries e ON e.file = f.file
            """ + narrowed : "SELECT \(table.selected(as: "f")) FROM follow_ups f" + narrowed)
        if let who { try statement.setArguments([IndexRow.text(who)]) }
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        // The columns after `follow_ups`' and its sum: the entry's.
        let e = Int32(table.columns.count + 1)
        var items: [(index: Int, n: Int, item: FollowUpItem)] = []
        var names: [String: Day] = [:]
        var exact = true
        let rows = try GRDB.Row.fetchCursor(statement)
        while try rows.next() != nil {
            guard table.intact(stmt) else { return .damaged }
            // Not exact: the rest is still checked (damage anywhere empties the index). A row
            // naming a file with no entry (its `entries` columns NULL, or none shown) is passed
            // over, as the inner join left it out.
            let entry = shown?[row.int64(0)]
            guard exact, shown == nil ? sqlite3_column_type(stmt, e) != SQLITE_NULL : entry != nil else { continue }
            if lastNamed, case let day = entry?.day ?? Day(ordinal: Int(row.int64(e + 4))), last.map({ day <= $0 }) ?? true {
                guard let key = row.text(3), !IndexRow.replaced(key) else {
                    exact = false
                    continue
                }
                // SQLite's grouping would keep equal bytes apart, a dictionary keeps canonically
                // equivalent strings together: the latest day wins either way.
                if let seen = names[key], seen >= day {} else { names[key] = day }
            }
            let done = row.int(6)
            guard let index = readable.place(of: row.int64(0)), !openOnly || done == nil,
                  done.map({ $0 >= notDoneBefore?.ordinal ?? Int.min }) ?? true else { continue }
            guard let id = entry?.id ?? row.text(e), let title = entry?.title ?? row.text(e + 1), let who = row.text(2),
                  let action = row.text(4), !IndexRow.replaced(title), !IndexRow.replaced(who), !IndexRow.replaced(action) else {
                exact = false
                continue
            }
            let n = Int(row.int64(1))
            items.append((index, n, FollowUpItem(entryID: id, entryTitle: title,
                                                 eventTime: entry?.eventTime
                                                    ?? Timestamp(seconds: Int(row.int64(e + 2)), utcOffset: Int(row.int64(e + 3))),
                                                 n: n, who: who, action: action, due: row.int(5).map(Day.init(ordinal:)),
                                                 done: done.map(Day.init(ordinal:)), firstDue: row.int(7).map(Day.init(ordinal:)),
                                                 postponed: Int(row.int64(8)))))
        }
        guard exact else { return .notExact }
        items.sort { $0.index != $1.index ? $0.index < $1.index : $0.n < $1.n }
        return .facts(Read(items: items.map(\.item), lastNamed: names))
    }
}
