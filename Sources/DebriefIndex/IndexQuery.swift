import DebriefCore
import GRDB

/// An ``EntryQuery`` as SQL over the index's facts: the files whose entries may match. Always a
/// superset of the matches (the same folded texts, compared byte for byte by `instr`, equality
/// and FTS5's trigram index), never the final word: the store tests each candidate exactly.
enum IndexQuery {
    /// The ids of the files that may match, or nil when no fact narrows the query (pitfalls are
    /// judged when asked, never stored).
    static func candidates(_ db: Database, _ matcher: EntryMatcher) throws -> Set<Int64>? {
        let q = matcher.query
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
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
            arguments.append(kind)
        }
        if let tag = matcher.foldedTag {
            conditions.append("EXISTS (SELECT 1 FROM tags t WHERE t.file = e.file AND t.folded = ?)")
            arguments.append(tag)
        }
        if let person = matcher.foldedPerson, !person.isEmpty {
            conditions.append("""
                (EXISTS (SELECT 1 FROM people p WHERE p.file = e.file AND instr(p.folded, ?) > 0)
                 OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.file = e.file AND instr(f.who_folded, ?) > 0))
                """)
            arguments += [person, person]
        }
        if let text = matcher.foldedText, !text.isEmpty {
            if text.unicodeScalars.count >= 3 {
                // FTS5's trigram index: a quoted string matches where it occurs as a substring.
                conditions.append("e.file IN (SELECT rowid FROM search WHERE search MATCH ?)")
                arguments.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
            } else {
                // Too short for trigrams: scan the folded text.
                conditions.append("e.file IN (SELECT rowid FROM search WHERE instr(text, ?) > 0)")
                arguments.append(text)
            }
        }
        guard !conditions.isEmpty else { return nil }
        let sql = "SELECT e.file FROM entries e WHERE " + conditions.joined(separator: " AND ")
        return Set(try Int64.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null })))
    }
}
