import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// `debrief people` and `people show` are answered from the index's facts (people rows with their
/// entries' columns, follow-up rows, and a phrase lookup of known names' words for the entries
/// that may mention someone; only those are rebuilt) instead of rebuilding every entry (issue 23):
/// the people index is exactly the one the entries give, cold, warm and after a change, through
/// mentions in text, a name written across two lines, an imported note's tag, a NUL, and any
/// changed stored column, which makes the entries answer and the index rebuild.
@Suite struct PeopleFactsTests {
    static let mention = "2029-06-01-1000-mention"
    static let imported = "2029-06-04-1000-imported"
    static let ana = "2029-06-06-1000-ana"

    static func entry(_ title: String, _ date: String, people: [[String]] = [], flow: String? = nil, tags: [String] = [],
                      notes: String) -> String {
        var lines = ["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: \(title)", "date: \(date)", "kind: meetup"]
        if let flow { lines.append("flow: \(flow)") }
        if !people.isEmpty {
            lines.append("people:")
            for p in people {
                lines.append("  - name: \(p[0])")
                lines += p.dropFirst().map { "    " + $0 }
            }
        }
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        return (lines + ["---", notes, ""]).joined(separator: "\n")
    }

    /// The index tests' journal (people, follow-ups naming them) and entries that mention people
    /// they do not list, one naming someone it lists, one across two lines, an imported note
    /// with a tag that is a name joined, notes, levels, relations and e-mails, another spelling,
    /// and an unreadable file.
    static func seed(_ f: IndexFixture) {
        JournalIndexTests.seed(f, count: 12)
        f.write(mention, entry("Lunch", "2029-06-01T10:00:00+01:00",
                               people: [["Omar Haddad", "level: senior", "relation: existing", "note: Knows the Berlin team.",
                                         "email: omar@example.org"]],
                               notes: "Lunch with henrike müller; banana bread."))
        f.write(Self.ana, entry("Team", "2029-06-06T10:00:00+01:00", people: [["Omar Haddad"]],
                                notes: "Dr. Ana Li's team.\nZoë  Brandt joined later."))
        f.write("2029-06-02-1000-listed", entry("Ana again", "2029-06-02T10:00:00+01:00",
                                                people: [["ana li", "level: peer", "note: Moved to Lisbon."]], notes: "Ana Li again."))
        f.write("2029-06-03-1000-across", entry("Two lines", "2029-06-03T10:00:00+01:00", people: [["Omar Haddad"]],
                                                notes: "Met Henrike\nMüller on two lines, and Anastasia."))
        f.write(imported, entry("From jrnl", "2029-06-04T10:00:00+01:00", flow: "imported", tags: ["henrike_muller", "swift"],
                                notes: "An imported note."))
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
    }

    static func describe(_ answer: (people: PeopleIndex, sightings: [PersonSighting], problems: [EntryProblem])) -> [String] {
        answer.people.people.map { "\($0)" } + answer.problems.map(\.description)
    }

    static func facts(_ f: IndexFixture) -> PeopleFacts? { f.index.people(for: f.plain.scan().refs, store: f.indexed) }

    @Test func theFactsGiveThePeopleTheEntriesGive() throws {
        let f = IndexFixture("people-facts", racyMargin: 0)
        Self.seed(f)
        let files = Self.describe(f.plain.peopleIndex())
        let henrike = f.plain.peopleIndex().people.person(named: "Henrike Müller")
        #expect(henrike?.mentions.map(\.entryID) == [Self.imported, Self.mention], "a mention in text and an imported tag")
        #expect(f.plain.peopleIndex().people.person(named: "Ana Li")?.mentions.map(\.entryID) == [Self.ana], "not where listed")
        #expect(files.count == 6, "five people and one unreadable file: \(files)")
        #expect(Self.describe(f.indexed.peopleIndex()) == files, "cold")
        #expect(Self.describe(f.indexed.peopleIndex()) == files, "warm")
        // Only the entries that may mention someone are rebuilt: the four holding a name's
        // words in a row or a tag made of them for someone they do not list.
        let answer = try #require(Self.facts(f), "answered from the facts")
        #expect(Set(answer.mentioning.map(\.id)) == [Self.mention, "2029-06-03-1000-across", Self.imported, Self.ana])
        #expect(answer.sightings.count == 16)
        // A change: the mention removed, a person added.
        f.write(Self.mention, Self.entry("Lunch", "2029-06-01T10:00:00+01:00", people: [["Omar Haddad"], ["Henrike Müller"]],
                                         notes: "Lunch with henrike müller; Ana Li sent regards."))
        try FileManager.default.removeItem(atPath: f.path("2029-06-02-1000-listed"))
        f.reopen()
        let changed = Self.describe(f.plain.peopleIndex())
        #expect(changed != files)
        #expect(Self.describe(f.indexed.peopleIndex()) == changed, "after a change")
        #expect(Self.facts(f) != nil, "answered from the facts")
    }

    /// A NUL the index stores as U+FFFD: the facts do not answer, the entries do.
    @Test func aNULSendsTheQuestionToTheEntries() throws {
        let f = IndexFixture("people-facts-nul", racyMargin: 0)
        Self.seed(f)
        f.write("2029-06-05-1000-nul", Self.entry("NUL", "2029-06-05T10:00:00+01:00", people: [["Ana Li", "note: \"Send\\0notes\""]],
                                                  notes: "Notes."))
        _ = f.indexed.peopleIndex()
        #expect(Self.facts(f) == nil)
        #expect(Self.describe(f.indexed.peopleIndex()) == Self.describe(f.plain.peopleIndex()))
        #expect(Self.describe(f.plain.peopleIndex()).contains { $0.contains(#"Send\0notes"#) })
    }

    /// A NUL in the title of an entry listing someone (its people rows are read before the
    /// entries' columns they are given, ``PeopleRow/shown(_:entries:)``): the facts do not
    /// answer, for everyone or for that person's page; the entries do.
    @Test func aNULInAListingEntrysTitleSendsTheQuestionToTheEntries() throws {
        let f = IndexFixture("people-facts-nul-title", racyMargin: 0)
        Self.seed(f)
        f.write("2029-06-05-1000-nul", Self.entry("\"Lunch\\0later\"", "2029-06-05T10:00:00+01:00", people: [["Ana Li"]],
                                                  notes: "Notes."))
        _ = f.indexed.peopleIndex()
        #expect(Self.facts(f) == nil)
        #expect(f.index.people(for: f.plain.scan().refs, store: f.indexed, named: "ana li") == nil)
        #expect(Self.describe(f.indexed.peopleIndex()) == Self.describe(f.plain.peopleIndex()))
        #expect(Self.describe(f.indexed.peopleIndex(named: "ana li")) == Self.describe(f.plain.peopleIndex(named: "ana li")))
        #expect(f.plain.peopleIndex().sightings.contains { $0.title == "Lunch\0later" })
    }

    /// One changed stored column `people` reads: the answer stays the entries' answer. (`email`
    /// is read by no query yet, only compared by `doctor`.)
    /// The newest entry's file: its people give each one's level and relation.
    static let newest = "(SELECT file FROM entries WHERE file IN (SELECT file FROM people) ORDER BY time DESC LIMIT 1)"
    /// An entry listing nobody, with a follow-up naming Omar (the damage cases' own).
    static let lastTask = "2030-01-05-0900-planning"

    /// One changed stored column of every kind `people` reads, each touching one row.
    static let damages: [(String, String)] = [
        ("name", "UPDATE people SET name = 'Ana Lee' WHERE rowid = (SELECT min(rowid) FROM people WHERE folded = 'ana li')"),
        ("folded", "UPDATE people SET folded = 'henrike muller' WHERE file = (SELECT file FROM entries WHERE id = '\(mention)')"),
        ("level", "UPDATE people SET level = 'executive' WHERE rowid = (SELECT min(rowid) FROM people WHERE file = \(newest))"),
        ("relation", "UPDATE people SET relation = 'new' WHERE rowid = (SELECT min(rowid) FROM people WHERE file = \(newest))"),
        ("note", "UPDATE people SET note = 'Other' WHERE rowid = (SELECT min(rowid) FROM people WHERE note IS NOT NULL)"),
        ("tag words", "UPDATE tags SET words = 'swift' WHERE words = 'henrikemuller'"),
        ("mention words", "UPDATE mention_words SET words = 'lunch' WHERE rowid = (SELECT file FROM entries WHERE id = '\(mention)')"),
        ("flow", "UPDATE entries SET flow = NULL WHERE id = '\(imported)'"),
        ("title", "UPDATE entries SET title = 'Other' WHERE file = (SELECT min(file) FROM people WHERE note IS NOT NULL)"),
        ("id", "UPDATE entries SET id = 'other' WHERE file = (SELECT min(file) FROM people)"),
        ("time", "UPDATE entries SET time = time + 40000000 WHERE file = (SELECT min(file) FROM people)"),
        // The follow-ups' columns `people` reads: the open ones (`done`), and who each names last
        // (`who_folded` and the entry's `day`, grouped in SQL).
        ("follow-up done", "UPDATE follow_ups SET done = 21900 WHERE who_folded = 'omar haddad'"),
        ("follow-up who", "UPDATE follow_ups SET who_folded = 'nobody' WHERE who_folded = 'omar haddad'"),
        ("follow-up day", "UPDATE entries SET day = day - 400 WHERE id = '\(lastTask)'"),
        // A row moved to a file with no entry: a read joining the entries to the rows would not
        // meet it, and the rows are checked as they are read (`FollowUpRow.read`, `PeopleRow.sightings`).
        ("person's file", "UPDATE people SET file = file + 1000000 WHERE rowid = (SELECT min(rowid) FROM people WHERE folded = 'ana li')"),
        ("follow-up's file", "UPDATE follow_ups SET file = file + 1000000 WHERE who_folded = 'omar haddad' AND done IS NULL"),
        // A readable file's entry row gone: its people rows, found right, name a file with no
        // entry, which a read of the people rows passes over.
        ("entry gone", "DELETE FROM entries WHERE file = (SELECT min(file) FROM people WHERE folded = 'ana li')"),
    ]

    @Test(arguments: damages)
    func aChangedStoredColumnNeverChangesThePeople(_ label: String, _ damage: String) throws {
        let f = IndexFixture("people-damage-\(label.replacingOccurrences(of: " ", with: "-"))", racyMargin: 0)
        Self.seed(f)
        // An open follow-up naming Omar after every entry listing him: the latest news of him.
        f.write(Self.lastTask, IndexFixture.text(title: "Planning", date: "2030-01-05T09:00:00+01:00", followUp: "Omar Haddad"))
        let expected = Self.describe(f.plain.peopleIndex())
        #expect(Self.describe(f.indexed.peopleIndex()) == expected, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        #expect(Self.describe(f.indexed.peopleIndex()) == expected, "\(label): answered as the entries say")
        f.reopen()
        #expect(Self.describe(f.indexed.peopleIndex()) == expected, "\(label): and again")
        #expect(Self.facts(f) != nil, "\(label): the rebuilt facts answer")
    }

    /// What a person's page reads of them (`debrief people show`) and of the entries listing
    /// them, as ``describe(_:)`` gives everyone.
    static func page(_ answer: (people: PeopleIndex, sightings: [PersonSighting], problems: [EntryProblem]), _ name: String) -> [String] {
        guard let person = answer.people.person(named: name) else { return ["nobody"] + answer.problems.map(\.description) }
        let listing = person.entryIDs.map { id in answer.sightings.first { $0.id == id }.map { "\($0.id) \($0.title) \($0.eventTime)" } ?? "none" }
        return ["\(person)"] + listing + answer.problems.map(\.description)
    }

    /// Everyone's page from only their own facts (`named`): the people rows of their name, the
    /// follow-ups naming them, the entries that may mention them; the same page the entries give,
    /// cold, warm and after a change, and the facts read hold no one else. A name nobody has
    /// (a part of a name, or no one's) reads everyone, as before.
    @Test func onePersonsFactsGiveTheirPageAsTheEntriesDo() throws {
        let f = IndexFixture("people-facts-named", racyMargin: 0)
        Self.seed(f)
        let names = ["Henrike Müller", "henrike  MULLER", "Ana Li", "Omar Haddad", "Zoë Brandt", "李雷"]
        for name in names {
            #expect(Self.page(f.indexed.peopleIndex(named: name.folded), name) == Self.page(f.plain.peopleIndex(), name), "\(name)")
            let facts = try #require(f.index.people(for: f.plain.scan().refs, store: f.indexed, named: name.folded), "\(name): from the facts")
            #expect(facts.sightings.allSatisfy { $0.people.allSatisfy { $0.name.folded == name.folded } }, "\(name): only their rows")
            #expect(facts.openFollowUps.allSatisfy { $0.who.folded == name.folded }, "\(name): only their follow-ups")
            #expect(Set(facts.lastNamed.keys).isSubset(of: [name.folded]), "\(name)")
        }
        let henrike = f.indexed.peopleIndex(named: "henrike muller").people.person(named: "Henrike Müller")
        #expect(henrike?.mentions.map(\.entryID) == [Self.imported, Self.mention], "a mention in text and an imported tag")
        #expect(f.indexed.peopleIndex(named: "Omar Haddad".folded).people.people.count == 1, "no one else")
        for part in ["henrike", "nobody at all"] {
            #expect(Self.describe(f.indexed.peopleIndex(named: part.folded)) == Self.describe(f.plain.peopleIndex()), "\(part): everyone")
        }
        // A change: the mention removed, a person added.
        f.write(Self.mention, Self.entry("Lunch", "2029-06-01T10:00:00+01:00", people: [["Omar Haddad"], ["Henrike Müller"]],
                                         notes: "Lunch with henrike müller; Ana Li sent regards."))
        f.reopen()
        for name in names {
            #expect(Self.page(f.indexed.peopleIndex(named: name.folded), name) == Self.page(f.plain.peopleIndex(), name), "\(name): after a change")
        }
    }

    /// A damaged row anywhere, another person's too, never changes one person's page: their
    /// read sums every row of `people` and `follow_ups` in its pass, not only theirs.
    @Test(arguments: damages)
    func aChangedStoredColumnNeverChangesAPage(_ label: String, _ damage: String) throws {
        let f = IndexFixture("people-page-damage-\(label.replacingOccurrences(of: " ", with: "-"))", racyMargin: 0)
        Self.seed(f)
        f.write(Self.lastTask, IndexFixture.text(title: "Planning", date: "2030-01-05T09:00:00+01:00", followUp: "Omar Haddad"))
        let names = ["Omar Haddad", "Henrike Müller", "Ana Li"]
        let expected = names.map { Self.page(f.plain.peopleIndex(), $0) }
        #expect(names.map { Self.page(f.indexed.peopleIndex(named: $0.folded), $0) } == expected, "\(label): before")
        for (name, page) in zip(names, expected) {
            #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
            f.reopen()
            #expect(Self.page(f.indexed.peopleIndex(named: name.folded), name) == page, "\(label): \(name)'s page as the entries say")
            #expect(Self.facts(f) != nil, "\(label): the rebuilt facts answer")
        }
    }
}
