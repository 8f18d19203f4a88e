import DebriefCore
import Foundation
import GRDB

/// What the index stores about one readable entry, computed off the database thread (folding
/// text is the slow part): the row of `entries`, its people, follow-ups and tags with folded
/// names, and its folded search text. Text passes through ``IndexRow/text(_:)`` and every row
/// gets its checksum (``IndexRow``), so `doctor` can compare these facts with the ones it
/// computes from the file, column by column.
struct EntryFacts: Sendable, Equatable {
    struct Columns: Sendable, Equatable {
        var id: String
        var day: Int
        var time: Int
        var utcOffset: Int
        var kind: String
        var title: String
        var flow: String?
    }

    struct Person: Sendable, Equatable {
        var name: String
        var folded: String
        var level: String?
        var relation: String?
        var note: String?
        var email: String?
    }

    struct FollowUp: Sendable, Equatable {
        var who: String
        var folded: String
        var action: String
        var due: Int?
        var done: Int?
        var firstDue: Int?
        var postponed: Int
    }

    struct Tag: Sendable, Equatable {
        var tag: String
        var folded: String
        /// ``MentionFinder/tagWords(_:)``.
        var words: String
    }

    var blob: [UInt8]
    var columns: Columns
    var people: [Person]
    var followUps: [FollowUp]
    var tags: [Tag]
    /// ``EntryQuery/searchText(_:catalog:)``, as UTF-8 (compared and stored as bytes, never
    /// needed as a `String` here).
    var searchText: [UInt8]
    /// ``MentionFinder/foldedWords(of:)``, as UTF-8.
    var mentionWords: [UInt8]
    /// The ``EntryBlob`` of the entry reduced to what the weekly review reads (``ReviewFacts``).
    var reviewFacts: [UInt8]

    /// `reviewKeeping` is ``ReviewFacts/promptIDs(_:)`` of `catalog` (``ReviewFacts/blobs(of:keeping:)``),
    /// made once by the caller (it walks every pitfall's conditions: made per entry it was a
    /// sixtieth of a cold build).
    init(_ entry: Entry, catalog: Catalog, reviewKeeping: [String]) {
        let t = IndexRow.text
        (blob, reviewFacts) = ReviewFacts.blobs(of: entry, keeping: reviewKeeping)
        let when = entry.eventTime
        columns = Columns(id: t(entry.id), day: when.day.ordinal, time: when.seconds, utcOffset: when.utcOffset, kind: t((entry.kind ?? "").folded),
                          title: t(entry.title), flow: entry.flow.map(t))
        people = entry.people.map { Person(name: t($0.name), folded: t($0.name.folded), level: $0.level.map(t), relation: $0.relation.map(t),
                                           note: $0.note.map(t), email: $0.email.map(t)) }
        followUps = entry.followUps.map { FollowUp(who: t($0.who), folded: t($0.who.folded), action: t($0.action), due: $0.due?.ordinal, done: $0.done?.ordinal,
                                  firstDue: $0.firstDue?.ordinal, postponed: $0.postponed) }
        tags = entry.tags.map { Tag(tag: t($0), folded: t($0.folded), words: t(MentionFinder.tagWords($0))) }
        searchText = IndexRow.textUTF8(EntryQuery.searchTextUTF8(entry, catalog: catalog))
        mentionWords = IndexRow.textUTF8(MentionFinder.foldedWordsUTF8(of: entry))
    }

    /// The files of `computed` (file id → what its entry gives now, the blob left out) whose
    /// stored facts say something else, query column by column: each table's rows of those files
    /// read in one pass in file order and compared as they are read (`doctor` compares every
    /// file's, a part of the journal at a time; a lookup per file and table was six queries per
    /// file, and holding every file's stored texts at once was 46 MB at 10,000 entries). A file
    /// without an `entries` row, or missing from a table its entry has rows in, differs; rows of
    /// other files are not read.
    ///
    /// Each column is compared in place in SQLite's memory with the value it should hold, by its
    /// type and its bytes (``StoredColumn``): a `String` per column and `String`'s comparison
    /// (which normalises any text that is not ASCII, as most searchable texts are not) were
    /// 1.5 G instructions of `doctor` at 10,000 entries. The index stores exactly the bytes the
    /// entry gives, so the bytes are what must match.
    static func differing(_ db: Database, from computed: [Int64: EntryFacts]) throws -> Set<Int64> {
        guard !computed.isEmpty else { return [] }
        // Integers only, so written into the statement (no limit on bound parameters).
        let files = "(" + computed.keys.sorted().map(String.init).joined(separator: ",") + ")"
        var out = Set<Int64>()
        var inEntries = Set<Int64>()
        // Each row of `sql`, its statement stepped and read in place by `body`.
        func each(_ sql: String, _ body: (StoredColumn.Row) -> Void) throws {
            let statement = try db.makeStatement(sql: sql)
            let cursor = try Row.fetchCursor(statement)
            let row = StoredColumn.Row(statement.sqliteStatement)
            while try cursor.next() != nil { body(row) }
        }
        try each("SELECT file, id, day, time, utc_offset, kind, title, flow FROM entries WHERE file IN \(files)") { row in
            let file = row.int64(0)
            guard let c = computed[file]?.columns else { return }
            inEntries.insert(file)
            let same = row.holds(1, c.id) && row.holds(2, c.day) && row.holds(3, c.time) && row.holds(4, c.utcOffset)
                && row.holds(5, c.kind) && row.holds(6, c.title) && row.holds(7, c.flow)
            if !same { out.insert(file) }
        }
        for file in computed.keys where !inEntries.contains(file) { out.insert(file) }

        // A table with rows per file (in the order the file's entry gives them): `count` is how
        // many its entry gives, `holds` whether the row read is the entry's `n`th. Each file's
        // facts are looked up once, when its rows begin.
        func rows(_ sql: String, count: (EntryFacts) -> Int, holds: (StoredColumn.Row, EntryFacts, Int) -> Bool) throws {
            var current: Int64?
            var facts: EntryFacts?
            var expected = 0
            var found = 0
            var wrong = false
            var seen = Set<Int64>()
            func close() {
                if let file = current, facts != nil {
                    seen.insert(file)
                    if wrong || found != expected { out.insert(file) }
                }
                found = 0
                wrong = false
            }
            try each(sql) { row in
                let file = row.int64(0)
                if file != current {
                    close()
                    current = file
                    facts = computed[file]
                    expected = facts.map(count) ?? 0
                }
                guard let facts else { return }
                if !wrong { wrong = found >= expected || !holds(row, facts, found) }
                found += 1
            }
            close()
            for (file, facts) in computed where !seen.contains(file) && count(facts) != 0 { out.insert(file) }
        }
        try rows("SELECT file, name, folded, level, relation, note, email FROM people WHERE file IN \(files) ORDER BY file, rowid",
                 count: { $0.people.count }) { row, facts, n in
            let p = facts.people[n]
            return row.holds(1, p.name) && row.holds(2, p.folded) && row.holds(3, p.level) && row.holds(4, p.relation)
                && row.holds(5, p.note) && row.holds(6, p.email)
        }
        try rows("SELECT file, who, who_folded, action, due, done, first_due, postponed FROM follow_ups WHERE file IN \(files) ORDER BY file, n",
                 count: { $0.followUps.count }) { row, facts, n in
            let f = facts.followUps[n]
            return row.holds(1, f.who) && row.holds(2, f.folded) && row.holds(3, f.action) && row.holds(4, f.due) && row.holds(5, f.done)
                && row.holds(6, f.firstDue) && row.holds(7, f.postponed)
        }
        try rows("SELECT file, tag, folded, words FROM tags WHERE file IN \(files) ORDER BY file, rowid", count: { $0.tags.count }) { row, facts, n in
            let t = facts.tags[n]
            return row.holds(1, t.tag) && row.holds(2, t.folded) && row.holds(3, t.words)
        }

        // A table with one row per file (the first counts, as a lookup would find it).
        func one(_ sql: String, _ holds: (StoredColumn.Row, EntryFacts) -> Bool) throws {
            var seen = Set<Int64>()
            try each(sql) { row in
                let file = row.int64(0)
                guard let facts = computed[file], seen.insert(file).inserted else { return }
                if !holds(row, facts) { out.insert(file) }
            }
            for file in computed.keys where !seen.contains(file) { out.insert(file) }
        }
        // An FTS5 column takes a NULL, which differs from any text. The words are read from
        // FTS5's own content table, looked up by id (what `mention_words` itself returns).
        try one("SELECT rowid, text FROM search WHERE rowid IN \(files) ORDER BY rowid") { $0.holds(1, utf8: $1.searchText) }
        try one("SELECT id, c0 FROM mention_words_content WHERE id IN \(files) ORDER BY id") { $0.holds(1, utf8: $1.mentionWords) }
        try one("SELECT file, facts FROM review_facts WHERE file IN \(files) ORDER BY file, rowid") { $0.holds(1, blob: $1.reviewFacts) }
        return out
    }

    func insert(_ db: Database, file id: Int64) throws {
        let c = columns
        let blobSum = IndexSchema.checksum(blob)
        let entryValues: [DatabaseValueConvertible?] = [id, c.id, c.day, c.time, c.utcOffset, c.kind, c.title, c.flow, blobSum]
        try Self.insert(db, IndexRow.entries, entryValues)
        try db.execute(sql: "INSERT INTO blobs(file, blob) VALUES (?, ?)", arguments: [id, Data(blob)])
        for p in people { try Self.insert(db, IndexRow.people, [id, p.name, p.folded, p.level, p.relation, p.note, p.email]) }
        for (n, f) in followUps.enumerated() { try Self.insert(db, IndexRow.followUps, [id, n + 1, f.who, f.folded, f.action, f.due, f.done, f.firstDue, f.postponed]) }
        for t in tags { try Self.insert(db, IndexRow.tags, [id, t.tag, t.folded, t.words]) }
        try Self.insert(db, IndexRow.search, [id, String(decoding: searchText, as: UTF8.self)])
        try Self.insert(db, IndexRow.mentionWords, [id, String(decoding: mentionWords, as: UTF8.self)])
        try Self.insert(db, IndexRow.reviewFacts, [id, Data(reviewFacts)])
    }

    /// One row of `table` with its checksum; `extra` is a column outside the sum (a large payload whose own
    /// checksum is one of `values`, as the calendar's events store theirs).
    static func insert(_ db: Database, _ table: IndexRow.Table, _ values: [DatabaseValueConvertible?],
                       extra: (column: String, value: DatabaseValueConvertible)? = nil) throws {
        var arguments = values.map { $0?.databaseValue ?? .null }
        arguments.append(IndexRow.sum(arguments).databaseValue)
        var sql = table.insert
        if let extra {
            let columns = table.columns + ["sum", extra.column]
            sql = "INSERT INTO \(table.name)(\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))"
            arguments.append(extra.value.databaseValue)
        }
        // Prepared once per connection and table (a cold calendar of 5,000 files inserts 10,000
        // rows: compiling each statement again was a tenth of recording them).
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments))
    }
}
