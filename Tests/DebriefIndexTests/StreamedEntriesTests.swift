import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// `list --format json` and `export --format json` of a whole journal are written a batch at a
/// time (issue 23): the index orders the entries from its rows (event time and id) and rebuilds
/// only a batch at once. The entries, their order and the problems are exactly what sorting every
/// entry read from the files gives, cold, warm, after a change that moves an entry, through a
/// damaged blob (that file is read) and through a changed stored column the order reads (the
/// files answer and the index rebuilds).
@Suite struct StreamedEntriesTests {
    static func seed(_ f: IndexFixture) {
        JournalIndexTests.seed(f, count: 30)
        // The same instant written with other offsets, and twice the same time (the ids decide).
        f.write("2029-04-01-1000-offsets-a", IndexFixture.text(title: "Same instant A", date: "2029-04-01T10:00:00+02:00"))
        f.write("2029-04-01-0900-offsets-b", IndexFixture.text(title: "Same instant B", date: "2029-04-01T09:00:00+01:00"))
        f.write("2029-04-02-1000-twin-a", IndexFixture.text(title: "Twin A", date: "2029-04-02T10:00:00+02:00"))
        f.write("2029-04-02-1000-twin-b", IndexFixture.text(title: "Twin B", date: "2029-04-02T10:00:00+02:00"))
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
    }

    /// Every batch's entries (and how big the batches were), then the problems.
    static func streamed(_ store: JournalStore, batch: Int, newestFirst: Bool, since: String? = nil) -> (lines: [String], sizes: [Int]) {
        var entries: [Entry] = []
        var sizes: [Int] = []
        let range = EntryQuery(since: since.flatMap(Day.init(iso:)))
        let problems = store.entries(including: { range.includes(day: $0.eventTime.day) },
                                     ordered: newestFirst ? EntryQuery.newestFirst : { $0.eventTime < $1.eventTime },
                                     batch: batch) { part in
            entries += part
            sizes.append(part.count)
        }
        return (IndexFixture.describe(JournalSnapshot(entries: entries, problems: problems)), sizes)
    }

    static func same(_ f: IndexFixture, _ label: String) {
        for (batch, newest, since) in [(7, true, nil), (1, false, "2029-06-01"), (256, false, nil), (5, true, "2029-03-01")] as [(Int, Bool, String?)] {
            let files = streamed(f.plain, batch: batch, newestFirst: newest, since: since)
            let indexed = streamed(f.indexed, batch: batch, newestFirst: newest, since: since)
            #expect(indexed.lines == files.lines, "\(label): batch \(batch), newest first \(newest), since \(since ?? "-")")
            #expect(indexed.sizes.allSatisfy { $0 <= batch }, "\(label): batches of at most \(batch)")
        }
    }

    /// The entries `query` selects as the store gives them in batches of up to `batch`
    /// (``JournalStore/entries(matching:windowOnly:batch:_:)``, what `list` writes as it comes),
    /// then the problems, and how big the batches were.
    static func selected(_ store: JournalStore, _ query: EntryQuery, batch: Int) -> (lines: [String], sizes: [Int]) {
        var entries: [Entry] = []
        var sizes: [Int] = []
        let problems = store.entries(matching: EntryMatcher(query, catalog: IndexFixture.catalog, today: IndexFixture.today),
                                     batch: batch) { part in
            entries += part
            sizes.append(part.count)
        }
        return (IndexFixture.describe(JournalSnapshot(entries: entries, problems: problems)), sizes)
    }

    /// `list` with a filter is written a batch at a time too (issue 23): through the index, the
    /// entries a query selects come in batches of at most the size asked, never empty, newest
    /// first and cut to the limit, exactly as the files answer when every entry is read and
    /// selected at once; cold, warm, and through a stored search text changed under the index.
    @Test func theEntriesAQuerySelectsComeInBatches() throws {
        let f = IndexFixture("streamed-selected", racyMargin: 0)
        Self.seed(f)
        let queries = [EntryQuery(text: "zurich"), EntryQuery(text: "event 1"), EntryQuery(person: "rike"), EntryQuery(text: "cafe", limit: 7),
                       EntryQuery(since: Day(iso: "2029-03-01"), text: "zu"), EntryQuery(limit: 5), EntryQuery(text: "nowhere"), EntryQuery()]
        func same(_ label: String) {
            for query in queries {
                for batch in [1, 4, 256] {
                    let files = Self.selected(f.plain, query, batch: batch)
                    let indexed = Self.selected(f.indexed, query, batch: batch)
                    #expect(indexed.lines == files.lines, "\(label): \(query), batch \(batch)")
                    #expect(indexed.sizes.allSatisfy { $0 > 0 && $0 <= batch }, "\(label): \(query), batches of at most \(batch): \(indexed.sizes)")
                }
            }
        }
        same("cold")
        f.reopen()
        same("warm")
        let every = Self.selected(f.indexed, EntryQuery(text: "zurich"), batch: 4)
        #expect(every.sizes == [4, 4, 4, 4, 4, 4, 4, 2], "the 30 seeded entries in batches of 4: \(every.sizes)")
        #expect(f.index.lastRefresh.textFound == 30, "warm, the stored texts answer: \(f.index.lastRefresh)")
        #expect(try f.damage("UPDATE search SET text = 'nothing' WHERE rowid = (SELECT min(rowid) FROM search)") == 1)
        f.reopen()
        same("a stored text changed")
    }

    /// A cold read keeps none of the entries it reads to record them (a cold `list` of 100,000
    /// entries held every one, 1.27 GB): each comes rebuilt from the rows just recorded, a batch
    /// at a time, as a warm read's do; the answer is the files'.
    @Test func aColdReadRebuildsWhatItRecordedABatchAtATime() {
        for (n, query) in [EntryQuery(), EntryQuery(text: "zurich")].enumerated() {
            let f = IndexFixture("streamed-cold-\(n)", racyMargin: 0)
            Self.seed(f)
            let files = Self.selected(f.plain, query, batch: 4)
            let indexed = Self.selected(f.indexed, query, batch: 4)
            #expect(indexed.lines == files.lines, "\(query)")
            #expect(f.index.lastRefresh.read == 35, "cold, every file read: \(f.index.lastRefresh)")
            #expect(f.index.lastRefresh.rebuilt == (query.text == nil ? 34 : 30),
                    "\(query): every entry listed rebuilt from its rows, none held from the read: \(f.index.lastRefresh)")
        }
    }

    @Test func theBatchesGiveWhatSortingEveryEntryGives() throws {
        let f = IndexFixture("streamed", racyMargin: 0)
        Self.seed(f)
        let all = Self.streamed(f.plain, batch: 256, newestFirst: true)
        #expect(all.lines.count == 35, "34 entries and one unreadable file")
        #expect(all.lines.first?.hasPrefix("2029-12-") == true, "newest first: \(all.lines.first ?? "")")
        Self.same(f, "cold")
        Self.same(f, "warm")
        #expect(f.index.entries(of: f.plain.scan().refs, complete: true, store: f.indexed, including: { _ in true }, narrowedBy: nil, ordered: EntryQuery.newestFirst,
                                batch: 4, keeping: nil, { _, _ in }) != nil, "answered through the index")
        // An entry moved to the front by a new date, another removed.
        f.write("2029-01-01-1830-event-0", IndexFixture.text(title: "Moved", date: "2030-06-01T10:00:00+02:00"))
        try FileManager.default.removeItem(atPath: f.path("2029-04-01-0900-offsets-b"))
        f.reopen()
        Self.same(f, "after a change")
    }

    /// A changed stored column the order or the rebuilt entry reads: the answer stays the files'.
    /// (The offset orders nothing here: entries at the same instant with other offsets keep the
    /// journal's order, which is the ids' order.)
    @Test(arguments: [
        ("time", "UPDATE entries SET time = 0 WHERE file = (SELECT min(file) FROM entries)"),
        ("id", "UPDATE entries SET id = 'zzz' WHERE id = '2029-04-02-1000-twin-a'"),
        ("blob", "UPDATE blobs SET blob = x'00' WHERE file = (SELECT min(file) FROM entries)"),
        // The batch's blobs are rebuilt in parts of 32 on every core: the last one is in the last part.
        ("later blob", "UPDATE blobs SET blob = x'00' WHERE file = (SELECT max(file) FROM entries)"),
    ])
    func aChangedStoredColumnNeverChangesTheEntries(_ label: String, _ damage: String) throws {
        let f = IndexFixture("streamed-damage-\(label)", racyMargin: 0)
        Self.seed(f)
        Self.same(f, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        Self.same(f, "\(label): after the damage")
        f.reopen()
        Self.same(f, "\(label): and again")
    }
}
