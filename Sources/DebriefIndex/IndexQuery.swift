#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import GRDB
import GRDBSQLite

/// An ``EntryQuery`` as SQL over the index's facts: the files whose entries may match. Always a
/// superset of the matches (the same folded texts, compared byte for byte by `instr`, `debrief_contains`
/// and equality), never the final word: the store tests each candidate exactly.
/// The rows it reads are checked against their checksums (``IndexRow``): a damaged row could
/// only leave an entry out, so then nothing is ruled out.
enum IndexQuery {
    enum Narrowing: Equatable {
        /// No fact narrows the query (pitfalls are judged when asked, never stored).
        case everything
        /// The ids of the files that may match, and of those the ones whose stored search text
        /// holds the query's text and vouches for it (``Text/found``).
        case only(FileIDs, found: FileIDs)
        /// A row the query would read does not match its checksum.
        case damaged
    }

    /// How many rows checking against their sums costs about as much as rebuilding one entry from
    /// its blob and testing it (callgrind, 10,000 entries: a row of `entries` checked is about
    /// 4,500 instructions, an entry rebuilt about 300,000).
    static let rowsPerRebuild = 64

    /// Whether ruling out some of `wanted` entries can save more than it costs: narrowing checks
    /// every row of the tables it reads (``narrowing(_:_:)``, a damaged row anywhere could hide
    /// an entry), so for a read of a few entries among many (home's last two weeks, `pending`'s
    /// window: 22 of 10,000, where that check was 46 M instructions, a sixth of home's read)
    /// rebuilding and testing them all is cheaper. Either way the store tests every entry left
    /// exactly, so the answer is the same; only the cost differs.
    static func narrowingPays(_ db: Database, wanted: Int) throws -> Bool {
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
        return wanted * rowsPerRebuild >= rows
    }

    /// What the facts say of the query: the files that may match, by the `entries` columns and
    /// the rows of `tags`, `people` and `follow_ups` (every row of those tables checked first, in
    /// a pass of its own) and by the stored search texts (``text(_:_:)``), and those the text was
    /// found in.
    /// `searched`: the pass over the search texts made ahead (``FullReadPrefetch``) on this very
    /// database as it still is, used when it was made for this query's text.
    static func narrowing(_ db: Database, _ matcher: EntryMatcher, searched: Searched? = nil) throws -> Narrowing {
        let q = matcher.query
        let t = IndexRow.text
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        var tables = [IndexRow.entries]
        if let since = q.since {
            conditions.append("e.day >= ?")
            arguments.append(since.ordinal)
        }
        if let until = q.until {
            conditions.append("e.day <= ?")
            arguments.append(until.ordinal)
        }
        if let kind = matcher.foldedKind {
            conditions.append("instr(e.kind, ?) = 1")
            arguments.append(t(kind))
        }
        if let tag = matcher.foldedTag {
            conditions.append("EXISTS (SELECT 1 FROM tags t WHERE t.file = e.file AND t.folded = ?)")
            arguments.append(t(tag))
            tables.append(IndexRow.tags)
        }
        if let person = matcher.foldedPerson, !person.isEmpty {
            conditions.append("""
                (EXISTS (SELECT 1 FROM people p WHERE p.file = e.file AND instr(p.folded, ?) > 0)
                 OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.file = e.file AND instr(f.who_folded, ?) > 0))
                """)
            arguments += [t(person), t(person)]
            tables += [IndexRow.people, IndexRow.followUps]
        }
        var text: Text?
        if let folded = matcher.foldedText, !folded.isEmpty {
            let query = t(folded)
            let ahead = searched?.text == query ? searched : nil
            let found = try ahead.map(\.found) ?? Self.text(db, query)
            guard let found else { return .damaged }
            text = found
        }
        guard !conditions.isEmpty else { return text.map { .only($0.holding, found: $0.found) } ?? .everything }
        if !(try IndexRow.damaged(db, tables: tables)).isEmpty { return .damaged }
        let sql = "SELECT e.file FROM entries e WHERE " + conditions.joined(separator: " AND ")
        var candidates = FileIDs(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null })))
        guard let text else { return .only(candidates, found: FileIDs()) }
        candidates = candidates.intersection(text.holding)
        return .only(candidates, found: text.found.intersection(candidates))
    }

    /// The pass over the stored search texts for `text` (as ``IndexRow/text(_:)`` stores and
    /// compares it), made ahead of the read that asks (``FullReadPrefetch``): what it `found`,
    /// nil when a row did not match its sum.
    struct Searched: Sendable {
        var text: String
        var found: Text?

        init(_ db: Database, text: String) throws {
            self.text = text
            found = try IndexQuery.text(db, text)
        }
    }

    /// What the stored search texts say of a text query (``text(_:_:)``).
    struct Text: Sendable {
        /// The files whose stored search text holds the query's bytes.
        var holding: FileIDs
        /// Of those, the ones whose text vouches for its entry: that text is
        /// ``EntryQuery/searchText(_:catalog:)`` of the entry recorded with it (the decoder key
        /// rebuilds the index when the catalog or that text's ``EntryQuery/searchTextRevision``
        /// changes), so these need no second test. A text holding U+FFFD (maybe a NUL the index
        /// replaced), or a query that does, vouches for nothing; those entries are tested as before.
        var found: FileIDs
    }

    /// The files whose stored search text holds `text` (folded, through ``IndexRow/text(_:)``),
    /// byte for byte as `String.containsFolded` tests it (`debrief_contains`, as SQLite's `instr`
    /// on UTF-8 text), in one pass over `search` that checks every row against its sum as it
    /// goes (``IndexRow/Table/checking(_:keeping:)``; nil when one does not match: a changed text
    /// must not rule its entry out): a pass to check the rows, one to find the text and one to
    /// find the texts that vouch were 105 M instructions of `list --search NAME` at 10,000
    /// entries, a third of it. A scan, not an index, on purpose (see `search` in IndexSchema).
    /// U+FFFD is looked for with `debrief_contains` (its bytes, the same answer for UTF-8):
    /// SQLite's `instr` steps character by character, and over every matching row's text (18 MB
    /// for a word in nearly every entry at 10,000) it was 300 M instructions.
    static func text(_ db: Database, _ text: String) throws -> Text? {
        let table = IndexRow.search
        let statement = try db.makeStatement(sql: """
            SELECT \(table.selected(as: "s")), debrief_contains(s.text, char(65533)) FROM search s
            WHERE \(table.checking("s", keeping: "debrief_contains(s.text, ?)"))
            """)
        let stmt = statement.sqliteStatement
        let vouching = !text.unicodeScalars.contains("\u{FFFD}")
        // After `search`'s columns and its sum: whether the text holds U+FFFD.
        let replaced = Int32(table.columns.count + 1)
        var out = Text(holding: FileIDs(), found: FileIDs())
        let rows = try GRDB.Row.fetchCursor(statement, arguments: [text])
        while try rows.next() != nil {
            guard table.intact(stmt) else { return nil }
            let file = sqlite3_column_int64(stmt, 0)
            out.holding.insert(file)
            if vouching, sqlite3_column_int64(stmt, replaced) == 0 { out.found.insert(file) }
        }
        return out
    }
}
