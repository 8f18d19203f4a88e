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
    var searchText: String
    /// ``MentionFinder/foldedWords(of:)``.
    var mentionWords: String
    /// The ``EntryBlob`` of the entry reduced to what the weekly review reads (``ReviewFacts``).
    var reviewFacts: [UInt8]

    /// `reviewKeeping` is ``ReviewFacts/promptIDs(_:)`` of `catalog`, made once by the caller (it
    /// walks every pitfall's conditions: made per entry it was a sixtieth of a cold build).
    init(_ entry: Entry, catalog: Catalog, reviewKeeping: Set<String>) {
        let t = IndexRow.text
        blob = EntryBlob.encode(entry)
        let when = entry.eventTime
        columns = Columns(id: t(entry.id), day: when.day.ordinal, time: when.seconds, utcOffset: when.utcOffset, kind: t((entry.kind ?? "").folded),
                          title: t(entry.title), flow: entry.flow.map(t))
        people = entry.people.map { Person(name: t($0.name), folded: t($0.name.folded), level: $0.level.map(t), relation: $0.relation.map(t),
                                           note: $0.note.map(t), email: $0.email.map(t)) }
        followUps = entry.followUps.map { FollowUp(who: t($0.who), folded: t($0.who.folded), action: t($0.action), due: $0.due?.ordinal, done: $0.done?.ordinal,
                                  firstDue: $0.firstDue?.ordinal, postponed: $0.postponed) }
        tags = entry.tags.map { Tag(tag: t($0), folded: t($0.folded), words: t(MentionFinder.tagWords($0))) }
        searchText = t(EntryQuery.searchText(entry, catalog: catalog))
        mentionWords = t(MentionFinder.foldedWords(of: entry))
        reviewFacts = EntryBlob.encode(ReviewFacts.reduced(entry, keeping: reviewKeeping))
    }

    /// The files of `computed` (file id → what its entry gives now, the blob left out) whose
    /// stored facts say something else, query column by column: each table's rows of those files
    /// read in one pass in file order and compared as they are read (`doctor` compares every
    /// file's, a part of the journal at a time; a lookup per file and table was six queries per
    /// file, and holding every file's stored texts at once was 46 MB at 10,000 entries). A file
    /// without an `entries` row, or missing from a table its entry has rows in, differs; rows of
    /// other files are not read.
    static func differing(_ db: Database, from computed: [Int64: EntryFacts]) throws -> Set<Int64> {
        guard !computed.isEmpty else { return [] }
        // Integers only, so written into the statement (no limit on bound parameters).
        let files = "(" + computed.keys.sorted().map(String.init).joined(separator: ",") + ")"
        var out = Set<Int64>()
        var inEntries = Set<Int64>()
        let entries = try Row.fetchCursor(db, sql: "SELECT file, id, day, time, utc_offset, kind, title, flow FROM entries WHERE file IN \(files)")
        while let row = try entries.next() {
            let file: Int64 = row[0]
            guard let facts = computed[file] else { continue }
            inEntries.insert(file)
            let columns = Columns(id: row[1], day: row[2], time: row[3], utcOffset: row[4], kind: row[5], title: row[6], flow: row[7])
            if columns != facts.columns { out.insert(file) }
        }
        for file in computed.keys where !inEntries.contains(file) { out.insert(file) }

        // A table with rows per file (in the order the file's entry gives them).
        func rows<T: Equatable>(_ sql: String, _ expected: (EntryFacts) -> [T], _ make: (Row) -> T) throws {
            var current: Int64?
            var found: [T] = []
            var seen = Set<Int64>()
            func close() {
                if let file = current, let facts = computed[file] {
                    seen.insert(file)
                    if found != expected(facts) { out.insert(file) }
                }
                found = []
            }
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                let file: Int64 = row[0]
                if file != current {
                    close()
                    current = file
                }
                if computed[file] != nil { found.append(make(row)) }
            }
            close()
            for (file, facts) in computed where !seen.contains(file) && !expected(facts).isEmpty { out.insert(file) }
        }
        try rows("SELECT file, name, folded, level, relation, note, email FROM people WHERE file IN \(files) ORDER BY file, rowid", \.people) {
            Person(name: $0[1], folded: $0[2], level: $0[3], relation: $0[4], note: $0[5], email: $0[6])
        }
        try rows("SELECT file, who, who_folded, action, due, done, first_due, postponed FROM follow_ups WHERE file IN \(files) ORDER BY file, n", \.followUps) {
            FollowUp(who: $0[1], folded: $0[2], action: $0[3], due: $0[4], done: $0[5], firstDue: $0[6], postponed: $0[7])
        }
        try rows("SELECT file, tag, folded, words FROM tags WHERE file IN \(files) ORDER BY file, rowid", \.tags) {
            Tag(tag: $0[1], folded: $0[2], words: $0[3])
        }

        // A table with one row per file (the first counts, as a lookup would find it).
        func one<T: Equatable>(_ sql: String, _ expected: (EntryFacts) -> T, _ make: (Row) -> T) throws {
            var seen = Set<Int64>()
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                let file: Int64 = row[0]
                guard let facts = computed[file], seen.insert(file).inserted else { continue }
                if make(row) != expected(facts) { out.insert(file) }
            }
            for file in computed.keys where !seen.contains(file) { out.insert(file) }
        }
        // Optional: an FTS5 column takes a NULL, which differs from any text. The words are read
        // from FTS5's own content table, looked up by id (what `mention_words` itself returns).
        try one("SELECT rowid, text FROM search WHERE rowid IN \(files) ORDER BY rowid", { Optional($0.searchText) }) { $0[1] as String? }
        try one("SELECT id, c0 FROM mention_words_content WHERE id IN \(files) ORDER BY id", { Optional($0.mentionWords) }) { $0[1] as String? }
        try one("SELECT file, facts FROM review_facts WHERE file IN \(files) ORDER BY file, rowid", \.reviewFacts) { row in
            let data: Data = row[1]
            return [UInt8](data)
        }
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
        try Self.insert(db, IndexRow.search, [id, searchText])
        try Self.insert(db, IndexRow.mentionWords, [id, mentionWords])
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
