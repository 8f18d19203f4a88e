import DebriefCore
@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The index answers what the files say even when what it stores is odd or damaged (issue 19):
/// a NUL inside an entry no longer cuts its searchable text, and a one-byte change in a stored
/// column a query narrows by (folded tags, day, kind, people) never changes an answer; `doctor`
/// names the file and indexes it again.
@Suite struct IndexTruthTests {
    /// Entries with NUL in their notes, title, a tag and a name, beside ordinary ones.
    static func seedWithNUL(_ f: IndexFixture) {
        JournalIndexTests.seed(f, count: 12)
        f.write("2029-03-03-1000-nul", IndexFixture.text(title: "\"Nul\\0title\"", date: "2029-03-03T10:00:00+01:00",
                                                          people: ["\"Ana\\0Beta Li\""], tags: ["\"t\\0x\"", "plain"],
                                                          notes: "body\0more words\0and the rest: Zürich café"))
        f.write("2029-03-04-1000-jrnl", "[2026-11-01 10:00] Nul\0title. body\0more\n")
        f.write("2029-03-05-1000-two", IndexFixture.text(title: "Two\\0NULs", date: "2029-03-05T10:00:00+01:00",
                                                          notes: "alpha\0\0beta gamma\0"))
    }

    /// As in the audit (16 of 56 queries differed): every query answers as the files do, over the
    /// text before, across and after each NUL, short (scanned) and long (trigram) queries alike.
    static let queries = [
        "more", "more words", "the rest", "rest", "zurich", "café", "cafe", "body", "title", "nul", "nultitle", "ul",
        "alpha", "beta", "gamma", "a b", "ta g", "words and", "re", "mo", "or", "e", "x", "tx", "t x", "beta li",
        "ana", "li", "plain", "event", "event 1", "notes about", "rike", "zoë", "李", "swift", "rust", "server",
        "two", "nuls", "s", "\u{FFFD}", "�", "and", "the", "th", "he", "rest: z", ": ", "zü", "ürich", "notes",
        "café 1", "about café", "the rest: zürich café", "body more",
    ]

    @Test func aNULNeverCutsSearchableText() throws {
        let f = IndexFixture("nul", racyMargin: 0)
        Self.seedWithNUL(f)
        #expect(Self.queries.count >= 56)
        var differing: [String] = []
        for round in ["cold", "warm"] {
            for q in Self.queries {
                let matcher = EntryMatcher(EntryQuery(text: q), catalog: IndexFixture.catalog, today: IndexFixture.today)
                if IndexFixture.describe(f.indexed.entries(matching: matcher)) != IndexFixture.describe(f.plain.entries(matching: matcher)) {
                    differing.append("\(round) \(q)")
                }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(Self.queries.count * 2) queries differ: \(differing)")
        // The names and tags with a NUL are found too.
        for query in [EntryQuery(person: "beta"), EntryQuery(person: "ana"), EntryQuery(tag: "plain"), EntryQuery(kind: "meet")] {
            JournalIndexTests.same(f, query, "\(query)")
        }
    }

    /// The folded texts the index stores are made and compared as bytes (``IndexRow/textUTF8(_:)``):
    /// with a NUL they are what ``IndexRow/text(_:)`` makes of the text, so `doctor` finds every
    /// file with a NUL as the index recorded it, and indexes none again.
    @Test func doctorAgreesWithTheTextsHoldingANUL() throws {
        for text in ["plain", "a\0b", "\0", "x\0\u{301}y", "zürich\0café\0", ""] {
            #expect(IndexRow.textUTF8(Array(text.utf8)) == Array(IndexRow.text(text).utf8), "\(text.debugDescription)")
        }
        let f = IndexFixture("nul-doctor", racyMargin: 0)
        Self.seedWithNUL(f)
        _ = f.indexed.loadAll()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [])
    }

    /// One byte changed in a stored column a query narrows by: the answer stays the files' answer,
    /// and `doctor` names the file and indexes it again.
    @Test(arguments: [
        ("tags", "UPDATE tags SET folded = 'swifu' WHERE rowid = (SELECT min(rowid) FROM tags WHERE folded = 'swift')",
         EntryQuery(tag: "swift")),
        ("day", "UPDATE entries SET day = day + 1 WHERE file = (SELECT min(file) FROM entries)",
         EntryQuery(since: Day(iso: "2029-01-01"), until: Day(iso: "2029-01-01"))),
        ("kind", "UPDATE entries SET kind = 'meetuq' WHERE file = (SELECT min(file) FROM entries WHERE kind = 'meetup')",
         EntryQuery(kind: "meetup")),
        ("people", "UPDATE people SET folded = 'ana lj' WHERE rowid = (SELECT min(rowid) FROM people WHERE folded = 'ana li')",
         EntryQuery(person: "ana li")),
        ("follow-ups", "UPDATE follow_ups SET who_folded = 'omar haddae' WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE who_folded = 'omar haddad')",
         EntryQuery(person: "omar")),
        ("search", "UPDATE search SET text = replace(text, 'zurich', 'zurjch') WHERE rowid = (SELECT min(rowid) FROM search)",
         EntryQuery(text: "zu")),
        // Long enough for FTS5's trigram index, which the changed text updates too.
        ("search-trigrams", "UPDATE search SET text = replace(text, 'zurich', 'zurjch') WHERE rowid = (SELECT min(rowid) FROM search)",
         EntryQuery(text: "zurich")),
    ])
    func aChangedStoredColumnNeverChangesAnAnswer(_ label: String, _ damage: String, _ query: EntryQuery) throws {
        let f = IndexFixture("damage-\(label)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 16)
        JournalIndexTests.same(f, query, "\(label): before")
        let matcher = EntryMatcher(query, catalog: IndexFixture.catalog, today: IndexFixture.today)
        let expected = IndexFixture.describe(f.plain.entries(matching: matcher))
        #expect(!f.plain.entries(matching: matcher).entries.isEmpty, "the query must find something to lose")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.entries(matching: matcher)) == expected, "\(label): answered as the files say")
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.entries(matching: matcher)) == expected, "\(label): and again")
        // doctor compares the stored columns with the files and leaves the index right.
        try f.damage(damage)
        f.reopen()
        let findings = JournalDoctor.examine(f.indexed)
        #expect(findings.indexDisagreements?.isEmpty == false, "\(label): doctor names what disagreed")
        f.reopen()
        #expect(JournalDoctor.examine(f.indexed).indexDisagreements == [], "\(label): repaired")
        JournalIndexTests.same(f, query, "\(label): after doctor")
    }

    /// `debrief_contains` (`String.bytes(_:contain:)`, `debrief_find_bytes`) finds a part where a naive search
    /// of the bytes does, on random texts over a small alphabet (so first bytes repeat and most
    /// compares fail late) of up to 72 bytes (sixteen places tested at once, then the rest one by
    /// one), parts at the start, the end, overlapping and longer than the text;
    /// and in SQL it answers as `instr(text, part) > 0` on UTF-8 text.
    @Test func containsFindsWhatANaiveSearchFinds() throws {
        struct XorShift: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return state
            }
        }
        var rng = XorShift(state: 23_12_03)
        let alphabet: [UInt8] = Array("aab é".utf8)
        func naive(_ h: [UInt8], _ n: [UInt8]) -> Bool {
            guard !n.isEmpty else { return true }
            guard h.count >= n.count else { return false }
            return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
        }
        var found = 0
        for _ in 0..<20_000 {
            let h = (0..<Int.random(in: 0...72, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0x61 }
            let n = (0..<Int.random(in: 0...5, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 0x61 }
            let got = h.withUnsafeBytes { hb in n.withUnsafeBytes { nb in String.bytes(hb, contain: nb) } }
            #expect(got == naive(h, n), "\(h) \(n)")
            if got { found += 1 }
        }
        #expect(found > 5_000 && found < 15_000, "both answers are exercised: \(found)")
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            IndexRow.install(in: db)
            for (text, part) in [("zürich café", "café"), ("zürich café", "ich c"), ("zürich", "rich"), ("zürich", "zürichs"),
                                 ("abc", ""), ("", "a"), ("ab\u{FFFD}c", "\u{FFFD}"), ("éé", "é"), ("aaab", "aab")] {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT debrief_contains(?, ?), instr(?, ?) > 0", arguments: [text, part, text, part]))
                #expect((row[0] as Int) == (row[1] as Int), "\(text) \(part)")
            }
        }
    }

    /// `--search` takes the index's word for the entries whose stored search text holds the text
    /// (issue 23), but only for rows that match their checksums: a stored text that gained a word
    /// its entry lacks (its sum left as it was) vouches for nothing, and the answer stays the
    /// files'. Long (trigram) and short (scanned) queries alike.
    @Test(arguments: ["quokka", "qk", "event 3 quokka"])
    func aChangedSearchTextNeverVouchesForAnEntry(_ text: String) throws {
        let f = IndexFixture("vouch-\(text.count)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 16)
        let matcher = EntryMatcher(EntryQuery(text: text), catalog: IndexFixture.catalog, today: IndexFixture.today)
        #expect(f.plain.entries(matching: matcher).entries.isEmpty, "no entry holds '\(text)'")
        // Undamaged, the index does vouch: the text every entry holds is found without a second test.
        let every = EntryMatcher(EntryQuery(text: "zurich"), catalog: IndexFixture.catalog, today: IndexFixture.today)
        #expect(IndexFixture.describe(f.indexed.entries(matching: every)) == IndexFixture.describe(f.plain.entries(matching: every)))
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.entries(matching: every)) == IndexFixture.describe(f.plain.entries(matching: every)))
        #expect(f.index.lastRefresh.textFound == 16, "warm, the stored texts answer: \(f.index.lastRefresh)")
        #expect(try f.damage("UPDATE search SET text = text || ? WHERE rowid = (SELECT min(rowid) FROM search WHERE text LIKE '%event 3%')",
                             arguments: [" " + text]) == 1)
        f.reopen()
        #expect(IndexFixture.describe(f.indexed.entries(matching: matcher)) == IndexFixture.describe(f.plain.entries(matching: matcher)),
                "answered as the files say")
        #expect(f.index.lastRefresh.textFound == 0, "the damaged row vouched for nothing: \(f.index.lastRefresh)")
    }

    /// A stored search text holding U+FFFD (what the index stores for a NUL) vouches for
    /// nothing, even where the query's text is found in it: that entry's text is tested on the
    /// entry itself, and every other match is vouched for.
    @Test func aStoredTextWithAReplacementVouchesForNothing() throws {
        let f = IndexFixture("vouch-replacement", racyMargin: 0)
        JournalIndexTests.seed(f, count: 4)
        f.write("2029-06-09-1000-replacement", IndexFixture.text(title: "Odd", date: "2029-06-09T10:00:00+02:00",
                                                                 notes: "Zürich \u{FFFD} in the notes."))
        let matcher = EntryMatcher(EntryQuery(text: "zurich"), catalog: IndexFixture.catalog, today: IndexFixture.today)
        let expected = f.plain.entries(matching: matcher).entries.map(\.id)
        #expect(expected.count == 5)
        _ = f.indexed.entries(matching: matcher)
        f.reopen()
        #expect(f.indexed.entries(matching: matcher).entries.map(\.id) == expected)
        #expect(f.index.lastRefresh.textFound == 4, "all but the one holding U+FFFD")
    }

    /// `list` reads of an entry only what it prints (``EntryMatcher/reading``): the entries whose
    /// text the index vouches for are rebuilt with those answers alone (no notes) and list the
    /// same; every other entry is rebuilt whole, so its text is tested on all of it: one whose
    /// stored text was changed (the facts then prove nothing) and one the index cannot vouch for
    /// (a query with U+FFFD, which the stored texts hold for a NUL).
    @Test func aListRebuildsOnlyWhatItPrintsWhereTheTextIsVouchedFor() throws {
        let f = IndexFixture("lean-list", racyMargin: 0)
        JournalIndexTests.seed(f, count: 16)
        f.write("2029-06-09-1000-replacement", IndexFixture.text(title: "Odd", date: "2029-06-09T10:00:00+02:00",
                                                                 notes: "A \u{FFFD} in the notes."))
        func matcher(_ text: String) -> EntryMatcher {
            var matcher = EntryMatcher(EntryQuery(text: text), catalog: IndexFixture.catalog, today: IndexFixture.today)
            matcher.reading = EntryJSON.listedPromptIDs(IndexFixture.catalog)
            return matcher
        }
        func listed(_ store: JournalStore, _ text: String) -> [String] {
            let detector = Detector(catalog: IndexFixture.catalog)
            let snapshot = store.entries(matching: matcher(text))
            return snapshot.entries.map { e in
                var writer = JSONWriter(pretty: false)
                EntryJSON.summary(e, pitfalls: detector.flags(for: e, asOf: IndexFixture.today).map(\.pitfallID), into: &writer)
                return writer.text
            } + snapshot.problems.map(\.description)
        }
        let zurich = listed(f.plain, "zurich")
        #expect(zurich.count == 16)
        #expect(listed(f.indexed, "zurich") == zurich, "cold")
        f.reopen()
        #expect(listed(f.indexed, "zurich") == zurich, "warm")
        #expect(f.index.lastRefresh.textFound == 16)
        let lean = try #require(f.indexed.entries(matching: matcher("zurich")).entries.first)
        #expect(lean["notes"] == nil && lean["talk-share"] != nil, "rebuilt without the notes, with what pitfalls read")
        // Not vouched for: rebuilt whole, the text found in the notes.
        let odd = listed(f.plain, "\u{FFFD}")
        #expect(odd.count == 1)
        #expect(listed(f.indexed, "\u{FFFD}") == odd, "a query the stored texts cannot answer")
        #expect(try f.damage("UPDATE search SET text = 'nothing' WHERE rowid = (SELECT min(rowid) FROM search WHERE text LIKE '%zurich%')") == 1)
        f.reopen()
        #expect(listed(f.indexed, "zurich") == zurich, "a changed stored text")
    }
}
