import DebriefCore
import GRDB

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
    /// each file's people in the entry's order, files listing nobody left out; nil when a text
    /// held a NUL the index stores replaced. The caller has checked the rows' checksums.
    static func sightings(_ db: Database, readable: [Int64: Int]) throws -> [Sighting]? {
        var byFile: [Int64: Int] = [:]
        var out: [Sighting] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT p.file, e.id, e.title, e.time, e.utc_offset, p.name, p.folded, p.level, p.relation, p.note, p.email
            FROM people p JOIN entries e ON e.file = p.file ORDER BY p.rowid
            """)
        while let row = try rows.next() {
            let file: Int64 = row[0]
            guard let index = readable[file] else { continue }
            let name: String = row[5], folded: String = row[6]
            let level: String? = row[7], relation: String? = row[8], note: String? = row[9], email: String? = row[10]
            if IndexRow.replaced(name) || IndexRow.replaced(level) || IndexRow.replaced(relation) || IndexRow.replaced(note)
                || IndexRow.replaced(email) { return nil }
            let person = Person(name: name, level: level, relation: relation, note: note, email: email)
            if let i = byFile[file] {
                out[i].sighting.people.append(person)
                out[i].keys.append(folded)
            } else {
                let title: String = row[2]
                if IndexRow.replaced(title) { return nil }
                byFile[file] = out.count
                out.append(Sighting(file: file, index: index, keys: [folded],
                                    sighting: PersonSighting(id: row[1], title: title, eventTime: Timestamp(seconds: row[3], utcOffset: row[4]),
                                                             people: [person])))
            }
        }
        out.sort { $0.index < $1.index }
        return out
    }

    /// The readable files (id to the index of the ref) whose entries may mention someone a
    /// reflection lists without listing them, as ``MentionFinder`` finds mentions: their stored
    /// words hold a spelling's words in a row (FTS5's phrase query over `mention_words`), or,
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
        let match = try db.cachedStatement(sql: "SELECT rowid FROM mention_words WHERE mention_words MATCH ?")
        for (phrase, keys) in byPhrase {
            let files = try Int64.fetchCursor(match, arguments: ["\"" + phrase.replacingOccurrences(of: "\"", with: "\"\"") + "\""])
            while let file = try files.next() { consider(file, keys) }
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
