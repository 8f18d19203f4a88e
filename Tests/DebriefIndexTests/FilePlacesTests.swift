import DebriefCore
@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// ``FilePlaces``, the files a read answers for by id (issue 23: sorted arrays looked up from
/// where the last lookup ended, instead of a dictionary whose lookups missed the caches at
/// 100,000 entries), answers as the dictionary it replaced did, in any order it is asked, and
/// the facts the index reads through it stay the files' when its tables' rows are out of id order.
@Suite struct FilePlacesTests {
    /// Ids with gaps, some given twice, in the order of a walk with a few files recorded again.
    static func pairs(_ count: Int, _ g: inout SplitMix) -> [(file: Int64, place: Int)] {
        var out: [(file: Int64, place: Int)] = []
        var id: Int64 = Int64.random(in: 1...3, using: &g)
        for place in 0..<count {
            out.append((id, place))
            if Int.random(in: 0..<10, using: &g) == 0, let earlier = out.randomElement(using: &g) { out.append((earlier.file, place + count)) }
            id += Int64.random(in: 1...(Bool.random(using: &g) ? 1 : 40), using: &g)
        }
        if out.count > 1, Bool.random(using: &g) { out.swapAt(0, out.count - 1) }
        return out
    }

    @Test(arguments: 0..<40)
    func answersAsADictionaryInEveryOrder(_ seed: Int) {
        var g = SplitMix(seed: UInt64(seed))
        let count = [0, 1, 2, 3, 17, 200, 1_000][seed % 7]
        let given = Self.pairs(count, &g)
        // The dictionary it replaced, an id given twice keeping its first place.
        var expected: [Int64: Int] = [:]
        for (file, place) in given where expected[file] == nil { expected[file] = place }
        let places = FilePlaces(given)
        #expect(places.count == expected.count)
        #expect(places.files == expected.keys.sorted())
        #expect(places.pairs.map(\.place) == expected.keys.sorted().map { expected[$0]! })
        // Present and missing ids (below, between and past them), asked in order, in reverse, the
        // same one twice, an ascending run with gaps, and at random.
        let top = (expected.keys.max() ?? 0) + 3
        let all = Array(Int64(-1)...top)
        var asked: [[Int64]] = [all, all.reversed(), all.flatMap { [$0, $0] }, all.filter { _ in Int.random(in: 0..<7, using: &g) == 0 }]
        asked.append((0..<300).map { _ in Int64.random(in: -2...top, using: &g) })
        asked.append(places.files.filter { _ in Bool.random(using: &g) } + places.files.reversed())
        for (n, ids) in asked.enumerated() {
            var lookup = places
            let found = ids.map { lookup.place(of: $0) }
            #expect(found == ids.map { expected[$0] }, "order \(n), seed \(seed)")
        }
        // Filtered and merged as the dictionary's `filter` and `merging { a, _ in a }`.
        let kept = places.filter { file, place in (file + Int64(place)) % 3 != 0 }
        #expect(kept.pairs.map { "\($0.file) \($0.place)" }
                == expected.filter { ($0.key + Int64($0.value)) % 3 != 0 }.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })
        let other = FilePlaces(given.map { (file: $0.file + 5, place: $0.place + 7) })
        var both = expected
        for (file, place) in other.pairs where both[file] == nil { both[file] = place }
        #expect(places.merging(other).pairs.map { "\($0.file) \($0.place)" }
                == both.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })
    }

    /// Files edited after the index was built keep their ids, but their `people`, `follow_ups`
    /// and `tags` rows are written again at the end of their tables, so a pass in rowid order
    /// meets those ids going back; edited in reverse, every one of them does. The facts answer as
    /// the files do, and the index still answers.
    @Test func factsOfRowsOutOfIdOrderAreTheFiles() throws {
        let f = IndexFixture("file-places", racyMargin: 0)
        JournalIndexTests.seed(f, count: 30)
        _ = f.indexed.loadAll()
        let ids = f.plain.scan().refs.map(\.id).sorted()
        for (n, id) in ids.enumerated().reversed() where n % 3 == 0 {
            let day = String(id.prefix(10))
            f.write(id, IndexFixture.text(title: "Edited \(n)", date: "\(day)T18:30:00+01:00",
                                          people: ["Ana Li", "Omar Haddad"], talk: 20, notes: "Edited with Zoë Brandt.",
                                          followUp: "Henrike Müller"))
            f.reopen()
            _ = f.indexed.loadAll()
        }
        let queue = try DatabaseQueue(path: f.index.location.database)
        let peopleFiles = try queue.read { db in try Int64.fetchAll(db, sql: "SELECT file FROM people ORDER BY rowid") }
        #expect(peopleFiles != peopleFiles.sorted(), "the rows are out of id order")
        try queue.close()

        f.reopen()
        #expect(PeopleFactsTests.facts(f) != nil, "the people answered from the facts")
        #expect(PeopleFactsTests.describe(f.indexed.peopleIndex()) == PeopleFactsTests.describe(f.plain.peopleIndex()))
        func items(_ store: JournalStore) -> [String] {
            store.followUpIndex().followUps.items.map { "\($0.entryID) \($0.n) \($0.who) \($0.action) \(String(describing: $0.due))" }
        }
        #expect(items(f.indexed) == items(f.plain))
        for week in ["2029-W01", "2029-W23", "2029-W52"] {
            let (review, reduced) = try ReviewFactsIndexTests.reviewAndSource(f.indexed, week)
            #expect(reduced, "the review made from the index's rows")
            #expect(review == (try ReviewFactsIndexTests.review(f.plain, week)), "\(week)")
        }
        JournalIndexTests.same(f)
        JournalIndexTests.same(f, EntryQuery(text: "zoë"))
    }
}

/// The index tests' seeded generator, for the standard library's `random(in:using:)`.
extension SplitMix: RandomNumberGenerator {}
