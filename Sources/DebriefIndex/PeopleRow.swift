import DebriefCore
import GRDB
import GRDBSQLite

/// The people each entry lists as the index stores them, with the columns of the entry the
/// people list shows, and the lookups that find the entries that may mention someone: what
/// `debrief people` reads, without rebuilding every entry from its blob (``PeopleFacts``).
enum PeopleRow {
    /// One entry's people, with its file's id and the index of its ref.
    struct Sighting {
        var file: Int64
        var index: Int
        /// Each person's folded name (`people.folded`), beside `sighting.people`.
        var keys: [String]
        var sighting: PersonSighting
    }

    /// Every `readable` file's people (id to the index of its ref) in the order of their refs,
    /// each file's people in the entry's order, files listing nobody left out; not exact when a
    /// text held a NUL the index stores replaced. Every `people` row is checked against its sum
    /// as it is read (``IndexRow/Table/intact(_:)``: the pass meets every row, so no pass of its
    /// own is needed); the caller has checked `entries`' rows.
    /// Read in place (``StoredColumn/Row``: no `DatabaseValue` per column), `people` the outer
    /// loop with `entries` joined to it (`LEFT JOIN`: a row naming a file with no entry, which
    /// an inner join would not meet, is still checked, then passed over as before).
    static func sightings(_ db: Database, readable: [Int64: Int]) throws -> FactsRead<[Sighting]> {
        let table = IndexRow.people
        let statement = try db.makeStatement(sql: """
            SELECT \(table.selected(as: "p")), e.id, e.title, e.time, e.utc_offset
            FROM people p LEFT JOIN entries e ON e.file = p.file ORDER BY p.rowid
            """)
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        // The columns after `people`'s and its sum: the entry's.
        let e = Int32(table.columns.count + 1)
        var byFile: [Int64: Int] = [:]
        var out: [Sighting] = []
        let rows = try GRDB.Row.fetchCursor(statement)
        var exact = true
        while try rows.next() != nil {
            guard table.intact(stmt) else { return .damaged }
            let file = row.int64(0)
            // Not exact: the rest is still checked (damage anywhere empties the index). A row
            // naming a file with no entry (its `entries` columns NULL) is passed over, as the
            // inner join left it out (a readable file without an entry is `damaged`'s).
            guard exact, let index = readable[file], sqlite3_column_type(stmt, e) != SQLITE_NULL else { continue }
            let name = row.text(1), folded = row.text(2)
            let level = row.text(3), relation = row.text(4), note = row.text(5), email = row.text(6)
            guard let name, let folded, !IndexRow.replaced(name), !IndexRow.replaced(level), !IndexRow.replaced(relation),
                  !IndexRow.replaced(note), !IndexRow.replaced(email) else {
                exact = false
                continue
            }
            let person = Person(name: name, level: level, relation: relation, note: note, email: email)
            if let i = byFile[file] {
                out[i].sighting.people.append(person)
                out[i].keys.append(folded)
            } else {
                guard let id = row.text(e), let title = row.text(e + 1), !IndexRow.replaced(title) else {
                    exact = false
                    continue
                }
                byFile[file] = out.count
                out.append(Sighting(file: file, index: index, keys: [folded],
                                    sighting: PersonSighting(id: id, title: title,
                                                             eventTime: Timestamp(seconds: Int(row.int64(e + 2)), utcOffset: Int(row.int64(e + 3))),
                                                             people: [person])))
            }
        }
        guard exact else { return .notExact }
        out.sort { $0.index < $1.index }
        return .facts(out)
    }

    /// The readable files (id to the index of the ref) whose entries may mention someone a
    /// reflection lists without listing them, as ``MentionFinder`` finds mentions: their stored
    /// words hold a spelling's words in a row (FTS5's phrase query over `mention_words`, as
    /// ``MentionPhrases`` answers it), or,
    /// imported, they have a tag that is those words joined; in either case for someone the entry
    /// does not list. A superset (a name across two lines, or whose words FTS5 cuts further, is
    /// found too): the entries are rebuilt and the finder decides. The caller has checked the
    /// rows' checksums.
    static func mayMention(_ db: Database, sightings: [Sighting], readable: [Int64: Int]) throws -> [Int64: Int] {
        // Who each spelling's words and joined words may be, and where each file's people are.
        var byPhrase: [String: Set<String>] = [:]
        var byJoined: [String: Set<String>] = [:]
        var listing: [Int64: Int] = [:]
        listing.reserveCapacity(sightings.count)
        // Names recur in thousands of entries: each spelling's words are found once. A spelling
        // is its key's too: `folded` is stored as the fold of `name` (``EntryFacts``), and the
        // rows were found right.
        var seen = Set<String>()
        for (n, s) in sightings.enumerated() {
            listing[s.file] = n
            for (person, key) in zip(s.sighting.people, s.keys) where !key.isEmpty {
                guard seen.insert(person.name).inserted else { continue }
                let words = MentionFinder.nameWords(person.name)
                guard !words.isEmpty else { continue }
                byPhrase[words.joined(separator: " "), default: []].insert(key)
                byJoined[words.joined(), default: []].insert(key)
            }
        }
        var out: [Int64: Int] = [:]
        func consider(_ file: Int64, _ keys: Set<String>) {
            guard out[file] == nil, let index = readable[file] else { return }
            let listed = listing[file].map { sightings[$0].keys } ?? []
            if keys.contains(where: { !listed.contains($0) }) { out[file] = index }
        }
        let phrases = Array(byPhrase)
        for ((_, keys), files) in zip(phrases, try MentionPhrases.files(db, phrases: phrases.map(\.key))) {
            for file in files { consider(file, keys) }
        }
        if !byJoined.isEmpty {
            let tags = try Row.fetchCursor(db, sql: "SELECT t.file, t.words FROM tags t JOIN entries e ON e.file = t.file WHERE e.flow = ?",
                                           arguments: [Entry.importedFlow])
            while let row = try tags.next() {
                let words: String = row[1]
                if let keys = byJoined[words] { consider(row[0], keys) }
            }
        }
        return out
    }
}
