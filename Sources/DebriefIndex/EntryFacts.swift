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

    /// The facts stored for every file with an `entries` row (the blob left out), by file id:
    /// each table read in one pass (`doctor` compares every file's; a lookup per file and table
    /// was six queries per file). Rows of a file without an `entries` row are left out, as a
    /// lookup by that file would find nothing for it.
    static func storedAll(_ db: Database) throws -> [Int64: Stored] {
        var out: [Int64: Stored] = [:]
        let entries = try Row.fetchCursor(db, sql: "SELECT file, id, day, time, utc_offset, kind, title, flow FROM entries")
        while let row = try entries.next() {
            let columns = Columns(id: row[1], day: row[2], time: row[3], utcOffset: row[4], kind: row[5], title: row[6], flow: row[7])
            out[row[0]] = Stored(columns: columns, people: [], followUps: [], tags: [], searchText: nil, mentionWords: nil, reviewFacts: nil)
        }
        let people = try Row.fetchCursor(db, sql: "SELECT file, name, folded, level, relation, note, email FROM people ORDER BY file, rowid")
        while let row = try people.next() {
            let file: Int64 = row[0]
            out[file]?.people.append(Person(name: row[1], folded: row[2], level: row[3], relation: row[4], note: row[5], email: row[6]))
        }
        let followUps = try Row.fetchCursor(db, sql: "SELECT file, who, who_folded, action, due, done, first_due, postponed FROM follow_ups ORDER BY file, n")
        while let row = try followUps.next() {
            let file: Int64 = row[0]
            out[file]?.followUps.append(FollowUp(who: row[1], folded: row[2], action: row[3], due: row[4], done: row[5], firstDue: row[6], postponed: row[7]))
        }
        let tags = try Row.fetchCursor(db, sql: "SELECT file, tag, folded, words FROM tags ORDER BY file, rowid")
        while let row = try tags.next() {
            let file: Int64 = row[0]
            out[file]?.tags.append(Tag(tag: row[1], folded: row[2], words: row[3]))
        }
        // A file id twice in one of these (a damaged row) keeps the first, as a lookup would.
        let texts = try Row.fetchCursor(db, sql: "SELECT rowid, text FROM search ORDER BY rowid")
        while let row = try texts.next() {
            let file: Int64 = row[0]
            if out[file] != nil, out[file]?.searchText == nil { out[file]?.searchText = row[1] }
        }
        let words = try Row.fetchCursor(db, sql: "SELECT rowid, words FROM mention_words ORDER BY rowid")
        while let row = try words.next() {
            let file: Int64 = row[0]
            if out[file] != nil, out[file]?.mentionWords == nil { out[file]?.mentionWords = row[1] }
        }
        let review = try Row.fetchCursor(db, sql: "SELECT file, facts FROM review_facts ORDER BY file, rowid")
        while let row = try review.next() {
            let file: Int64 = row[0]
            if out[file] != nil, out[file]?.reviewFacts == nil {
                let data: Data = row[1]
                out[file]?.reviewFacts = [UInt8](data)
            }
        }
        return out
    }

    /// What the index holds for one file, the blob left out.
    struct Stored {
        var columns: Columns
        var people: [Person]
        var followUps: [FollowUp]
        var tags: [Tag]
        var searchText: String?
        var mentionWords: String?
        var reviewFacts: [UInt8]?
    }

    /// Whether what is stored for a file says what these facts say, query column by column.
    func matches(_ stored: Stored) -> Bool {
        stored.columns == columns && stored.people == people && stored.followUps == followUps && stored.tags == tags
            && stored.searchText == searchText && stored.mentionWords == mentionWords && stored.reviewFacts == reviewFacts
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
