import DebriefCore
import GRDB

/// An ``EntryQuery`` as SQL over the index's facts: the files whose entries may match. Always a
/// superset of the matches (the same folded texts, compared byte for byte by `instr`, `debrief_contains`
/// and equality), never the final word: the store tests each candidate exactly.
/// The rows it reads are checked against their checksums first (``IndexRow``): a damaged row
/// could only leave an entry out, so then nothing is ruled out.
enum IndexQuery {
    enum Narrowing: Equatable {
        /// No fact narrows the query (pitfalls are judged when asked, never stored).
        case everything
        /// The ids of the files that may match.
        case only(Set<Int64>)
        /// A row the query would read does not match its checksum.
        case damaged
    }

    /// How many rows checking against their sums costs about as much as rebuilding one entry from
    /// its blob and testing it (callgrind, 10,000 entries: a row of `entries` checked is about
    /// 4,500 instructions, an entry rebuilt about 300,000).
    static let rowsPerRebuild = 64

    /// Whether ruling out some of `wanted` entries can save more than it costs: narrowing checks
    /// every row of the tables it reads (``candidates(_:_:)``, a damaged row anywhere could hide
    /// an entry), so for a read of a few entries among many (home's last two weeks, `pending`'s
    /// window: 22 of 10,000, where that check was 46 M instructions, a sixth of home's read)
    /// rebuilding and testing them all is cheaper. Either way the store tests every entry left
    /// exactly, so the answer is the same; only the cost differs.
    static func narrowingPays(_ db: Database, wanted: Int) throws -> Bool {
        let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0
        return wanted * rowsPerRebuild >= rows
    }

    static func candidates(_ db: Database, _ matcher: EntryMatcher) throws -> Narrowing {
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
        if let text = matcher.foldedText, !text.isEmpty {
            // The stored texts must match their sums: a damaged text could rule its entry out.
            tables.append(IndexRow.search)
            // Every part of the text, any length: the bytes found in the stored text (a scan
            // over the bytes the sum check above reads anyway; see `search` in IndexSchema).
            conditions.append("e.file IN (SELECT rowid FROM search WHERE debrief_contains(text, ?))")
            arguments.append(t(text))
        }
        guard !conditions.isEmpty else { return .everything }
        if !(try IndexRow.damaged(db, tables: tables)).isEmpty { return .damaged }
        let sql = "SELECT e.file FROM entries e WHERE " + conditions.joined(separator: " AND ")
        return .only(Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))))
    }

    /// The files whose stored search text holds the matcher's folded text, byte for byte as
    /// `String.containsFolded` tests it (`debrief_contains`, as SQLite's `instr` on UTF-8 text), among the rows that
    /// match their checksums: that text is ``EntryQuery/searchText(_:catalog:)`` of the entry
    /// recorded with it (the decoder key rebuilds the index when the catalog or that text's
    /// ``EntryQuery/searchTextRevision`` changes), so these need no second test. A row whose text
    /// holds U+FFFD (maybe a NUL the index replaced), or a query that does, vouches for nothing;
    /// those entries are tested as before. Empty when the query has no text.
    /// U+FFFD is looked for with `debrief_contains` (its bytes, the same answer for UTF-8):
    /// SQLite's `instr` steps character by character, and over every matching row's text (18 MB
    /// for a word in nearly every entry at 10,000) it was 300 M instructions, an eighth of
    /// `list --search`.
    static func textFound(_ db: Database, _ matcher: EntryMatcher) throws -> Set<Int64> {
        guard let text = matcher.foldedText, !text.isEmpty, !text.unicodeScalars.contains("\u{FFFD}") else { return [] }
        let sql = "SELECT rowid FROM search WHERE debrief_contains(text, ?) AND NOT debrief_contains(text, char(65533)) AND debrief_sum(rowid, text) IS sum"
        let arguments: [DatabaseValueConvertible] = [text]
        return Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)))
    }
}
