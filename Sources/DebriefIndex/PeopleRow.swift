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
        /// The entry's id, title and event time once ``shown(_:entries:)`` filled them in.
        var sighting: PersonSighting
    }

    /// What ``sightings(_:readable:named:)`` reads: every readable file's people, and each
    /// name they list as its bytes first come, with its folded name (mentions look for these).
    struct Sightings {
        var rows: [Sighting]
        var names: [(name: String, key: String)]
    }

    /// Every `readable` file's people (id to the index of its ref) in the order of their refs,
    /// each file's people in the entry's order, files listing nobody left out, their entries'
    /// columns not filled in yet: ``shown(_:entries:)`` does, once `entries`' rows were read and
    /// checked (on the second connection while this one reads these, ``FactsAlongside``: at
    /// 10,000 entries that pass was 50 M instructions before this one's 178 M on the same core).
    /// Every `people` row is checked against its sum
    /// as it is read (``IndexRow/Table/intact(_:)``: the pass meets every row, so no pass of its
    /// own is needed); a row naming a file that is not readable is checked, then passed over.
    /// Read in place (``StoredColumn/Row``: no `DatabaseValue` per column). A file's rows come
    /// one after another (each entry's people are written together), so its sighting is found
    /// again without a lookup (room for a few people made up front was 13 MB more at 100,000
    /// entries, for 6 M instructions fewer at 10,000); names, levels and relations
    /// repeat, and each is made a `String` once (``RepeatedText``).
    /// `named`: only the rows whose folded name is that key, one person's (`debrief people show`),
    /// every other row still summed in the same pass, inside SQLite (``IndexRow/Table/checking(_:keeping:)``):
    /// a person's rows all store the same bytes, the fold of an NFC name (``EntryFacts``), which
    /// is what the key is too (``Swift/String/folded``).
    static func sightings(_ db: Database, readable: FilePlaces, named key: String? = nil) throws -> FactsRead<Sightings> {
        let table = IndexRow.people
        var readable = readable
        let narrowed = key == nil ? "" : " WHERE " + table.checking("p", keeping: "p.folded = ?")
        let statement = try db.makeStatement(sql: "SELECT \(table.selected(as: "p")) FROM people p\(narrowed) ORDER BY p.rowid")
        if let key { try statement.setArguments([IndexRow.text(key)]) }
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        var byFile: [Int64: Int] = [:]
        var out: [Sighting] = []
        var nameTexts = RepeatedText(), foldedTexts = RepeatedText(), labelTexts = RepeatedText()
        var distinct: [(name: String, key: String)] = []
        // The last row's file and its sighting's place in `out`.
        var last: (file: Int64, at: Int)?
        let rows = try GRDB.Row.fetchCursor(statement)
        var exact = true
        while try rows.next() != nil {
            guard table.intact(stmt) else { return .damaged }
            let file = row.int64(0)
            // Not exact: the rest is still checked (damage anywhere empties the index).
            guard exact else { continue }
            // The file of the row before: its ref was found for that row. Else looked up.
            let same = last?.file == file
            var index: Int?
            if !same {
                guard let found = readable.place(of: file) else { continue }
                index = found
            }
            let name = nameTexts.text(stmt, 1), folded = foldedTexts.text(stmt, 2)
            let level = labelTexts.text(stmt, 3)?.text, relation = labelTexts.text(stmt, 4)?.text, note = row.text(5), email = row.text(6)
            guard let name, let folded, !IndexRow.replaced(name.text), !IndexRow.replaced(level), !IndexRow.replaced(relation),
                  !IndexRow.replaced(note), !IndexRow.replaced(email) else {
                exact = false
                continue
            }
            // A name first met: its key with it (a name's rows store its one fold, ``EntryFacts``).
            if name.first { distinct.append((name.text, folded.text)) }
            let person = Person(name: name.text, level: level, relation: relation, note: note, email: email)
            if let i = same ? last?.at : byFile[file] {
                out[i].sighting.people.append(person)
                out[i].keys.append(folded.text)
                last = (file, i)
            } else if let index {
                byFile[file] = out.count
                last = (file, out.count)
                // The entry's columns are ``shown(_:entries:)``'s to fill in.
                out.append(Sighting(file: file, index: index, keys: [folded.text],
                                    sighting: PersonSighting(id: "", title: "", eventTime: Timestamp(seconds: 0, utcOffset: 0),
                                                             people: [person])))
            }
        }
        guard exact else { return .notExact }
        out.sort { $0.index < $1.index }
        return .facts(Sightings(rows: out, names: distinct))
    }

    /// `read`'s sightings with their entries' id, title and event time from `entries` (every
    /// `entries` row's shown columns, each found right against its sum as it was read,
    /// ``ShownEntry/all(_:readable:)``, which also finds every readable file's row there). Not
    /// exact, so the entries answer, when an entry listing someone has a title the index stored
    /// with a NUL replaced, or has no row in `entries` (only when the two reads saw different
    /// states, which the facts read rules out by `data_version` too).
    static func shown(_ read: Sightings, entries: ShownEntries) -> FactsRead<Sightings> {
        var read = read
        for i in read.rows.indices {
            guard let entry = entries[read.rows[i].file], !IndexRow.replaced(entry.title) else { return .notExact }
            read.rows[i].sighting.id = entry.id
            read.rows[i].sighting.title = entry.title
            read.rows[i].sighting.eventTime = entry.eventTime
        }
        return .facts(read)
    }

    /// The readable files (id to the index of the ref) whose entries may mention someone a
    /// reflection lists without listing them, as ``MentionFinder`` finds mentions: their stored
    /// words hold a spelling's words in a row (FTS5's phrase query over `mention_words`, as
    /// ``MentionPhrases`` answers it), or,
    /// imported, they have a tag that is those words joined; in either case for someone the entry
    /// does not list. A superset (a name across two lines, or whose words FTS5 cuts further, is
    /// found too): the entries are rebuilt and the finder decides. The caller has checked the
    /// rows' checksums.
    static func mayMention(_ db: Database, sightings read: Sightings, readable: FilePlaces) throws -> FilePlaces {
        let sightings = read.rows
        var readable = readable
        // Who each spelling's words and joined words may be, and where each file's people are.
        var byPhrase: [String: Set<String>] = [:]
        var byJoined: [String: Set<String>] = [:]
        var listing: [Int64: Int] = [:]
        listing.reserveCapacity(sightings.count)
        for (n, s) in sightings.enumerated() { listing[s.file] = n }
        // Names recur in thousands of entries: each spelling's words are found once. A spelling
        // is its key's too: `folded` is stored as the fold of `name` (``EntryFacts``), and the
        // rows were found right.
        for (name, key) in read.names where !key.isEmpty {
            let words = MentionFinder.nameWords(name)
            guard !words.isEmpty else { continue }
            byPhrase[words.joined(separator: " "), default: []].insert(key)
            byJoined[words.joined(), default: []].insert(key)
        }
        var out: [Int64: Int] = [:]
        func consider(_ file: Int64, _ keys: Set<String>) {
            guard out[file] == nil, let index = readable.place(of: file) else { return }
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
        return FilePlaces(out.map { (file: $0.key, place: $0.value) })
    }
}
