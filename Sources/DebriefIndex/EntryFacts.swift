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

    init(_ entry: Entry, catalog: Catalog) {
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
        reviewFacts = EntryBlob.encode(ReviewFacts.reduced(entry, keeping: ReviewFacts.promptIDs(catalog)))
    }

    /// The facts stored for `file` (the blob left out), nil when it has no `entries` row.
    static func stored(_ db: Database, file: Int64) throws -> Stored? {
        // Cached statements: doctor asks this once per file.
        func statement(_ sql: String) throws -> Statement { try db.cachedStatement(sql: sql) }
        guard let row = try Row.fetchOne(statement("SELECT id, day, time, utc_offset, kind, title, flow FROM entries WHERE file = ?"), arguments: [file]) else {
            return nil
        }
        let columns = Columns(id: row[0], day: row[1], time: row[2], utcOffset: row[3], kind: row[4], title: row[5], flow: row[6])
        let people = try Row.fetchAll(statement("SELECT name, folded, level, relation, note, email FROM people WHERE file = ? ORDER BY rowid"), arguments: [file])
            .map { Person(name: $0[0], folded: $0[1], level: $0[2], relation: $0[3], note: $0[4], email: $0[5]) }
        let followUps = try Row.fetchAll(statement("SELECT who, who_folded, action, due, done, first_due, postponed FROM follow_ups WHERE file = ? ORDER BY n"), arguments: [file])
            .map { FollowUp(who: $0[0], folded: $0[1], action: $0[2], due: $0[3], done: $0[4], firstDue: $0[5], postponed: $0[6]) }
        let tags = try Row.fetchAll(statement("SELECT tag, folded, words FROM tags WHERE file = ? ORDER BY rowid"), arguments: [file])
            .map { Tag(tag: $0[0], folded: $0[1], words: $0[2]) }
        let text = try String.fetchOne(statement("SELECT text FROM search WHERE rowid = ?"), arguments: [file])
        let words = try String.fetchOne(statement("SELECT words FROM mention_words WHERE rowid = ?"), arguments: [file])
        let review = try Data.fetchOne(statement("SELECT facts FROM review_facts WHERE file = ?"), arguments: [file])
        return Stored(columns: columns, people: people, followUps: followUps, tags: tags, searchText: text, mentionWords: words,
                      reviewFacts: review.map { [UInt8]($0) })
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
