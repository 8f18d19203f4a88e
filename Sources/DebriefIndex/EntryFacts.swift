import DebriefCore
import Foundation
import GRDB

/// What the index stores about one readable entry, computed off the database thread (folding
/// text is the slow part): the row of `entries`, its people, follow-ups and tags with folded
/// names, and its folded search text.
struct EntryFacts: Sendable {
    var blob: [UInt8]
    var people: [(name: String, folded: String)]
    var followUps: [(who: String, folded: String, action: String, due: Int?, done: Int?)]
    var tags: [(tag: String, folded: String)]
    var searchText: String
    var kind: String

    init(_ entry: Entry, catalog: Catalog) {
        blob = EntryBlob.encode(entry)
        people = entry.people.map { ($0.name, $0.name.folded) }
        followUps = entry.followUps.map { ($0.who, $0.who.folded, $0.action, $0.due?.ordinal, $0.done?.ordinal) }
        tags = entry.tags.map { ($0, $0.folded) }
        searchText = EntryQuery.searchText(entry, catalog: catalog)
        kind = (entry.kind ?? "").folded
    }

    func insert(_ db: Database, file id: Int64, entry: Entry) throws {
        let when = entry.eventTime
        try db.execute(sql: "INSERT INTO entries(file, id, day, time, kind, title, flow, blob, sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       arguments: [id, entry.id, when.day.ordinal, when.seconds, kind, entry.title, entry.flow, Data(blob),
                                   IndexSchema.checksum(blob)])
        for p in people {
            try db.execute(sql: "INSERT INTO people(file, name, folded) VALUES (?, ?, ?)", arguments: [id, p.name, p.folded])
        }
        for (n, f) in followUps.enumerated() {
            try db.execute(sql: "INSERT INTO follow_ups(file, n, who, who_folded, action, due, done) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [id, n + 1, f.who, f.folded, f.action, f.due, f.done])
        }
        for t in tags {
            try db.execute(sql: "INSERT INTO tags(file, tag, folded) VALUES (?, ?, ?)", arguments: [id, t.tag, t.folded])
        }
        try db.execute(sql: "INSERT INTO search(rowid, text) VALUES (?, ?)", arguments: [id, searchText])
    }
}
