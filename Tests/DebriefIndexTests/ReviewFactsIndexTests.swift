import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// `debrief review` judges the journal from the index's review facts (per entry what the review
/// reads of it, ``ReviewFacts``) instead of rebuilding every entry whole (issue 23): the entries
/// the index answers are exactly the files' entries reduced, cold, warm and after a change, with
/// the same review; a changed stored column makes the entries answer and the index rebuild.
@Suite struct ReviewFactsIndexTests {
    /// The index tests' journal plus an imported note, a quick reflection, an event key, a NUL
    /// (which a blob keeps as it is) and an unreadable file.
    static func seed(_ f: IndexFixture) {
        JournalIndexTests.seed(f, count: 16)
        func entry(_ title: String, _ date: String, _ more: [String]) -> String {
            (["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: \(title)", "date: \(date)", "kind: meetup"] + more
                + ["---", "Notes about Ana Li.", ""]).joined(separator: "\n")
        }
        f.write("2029-06-01-1000-imported", entry("From jrnl", "2029-06-01T10:00:00+01:00", ["flow: imported", "talk-share: 90"]))
        f.write("2029-06-02-1000-quick", entry("Quick one", "2029-06-02T10:00:00+01:00",
                                               ["flow: quick", "talk-share: 85", "event: uid-7/20290602T090000Z",
                                                "follow-ups:", "  - who: \"Ana\\0Li\"", "    action: Call", "    due: 2029-06-03"]))
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
    }

    /// The files' entries reduced to the review's facts (in the store's order), with the problems,
    /// as text: `event` too, which `Entry`'s equality leaves out.
    static func expected(_ f: IndexFixture) -> [String] { describe(f.plain.loadAll()) }

    /// Entries reduced (those read whole, when the entries answered) and problems as text.
    static func describe(_ snapshot: JournalSnapshot) -> [String] {
        let ids = ReviewFacts.promptIDs(IndexFixture.catalog)
        return snapshot.entries.map { ReviewFacts.reduced($0, keeping: ids) }.map { e in
            "\(e.id) \(e.created) \(e.updated) \(e.flow ?? "-") \(e.event ?? "-") "
                + e.answers.keys.sorted().map { "\($0)=\(String(reflecting: e.answers[$0]!))" }.joined(separator: ";")
        } + snapshot.problems.map(\.description)
    }

    /// The review of `week` as the `review` command builds it from `store`.
    static func review(_ store: JournalStore, _ week: String, weeks: Int = 8) throws -> WeeklyReview {
        let clock = Clock.fixed(try #require(Timestamp(iso: "2029-12-30T12:00:00+01:00")).date, timeZone: IndexFixture.berlin)
        let (snapshot, reduced) = store.reviewEntries()
        let target = try #require(ISOWeek(iso: week))
        let journal = FlaggedJournal.forReview(of: snapshot.entries, catalog: IndexFixture.catalog, clock: clock, week: target, weeks: weeks)
        return WeeklyReview.make(journal: journal, catalog: IndexFixture.catalog, week: target, weeks: weeks, clock: clock, coldDays: 20,
                                 coldNames: reduced ? { store.peopleIndex(upTo: $0).people } : nil)
    }

    @Test func theFactsGiveTheEntriesReducedAndTheSameReview() throws {
        let f = IndexFixture("review-facts", racyMargin: 0)
        Self.seed(f)
        let expected = Self.expected(f)
        #expect(expected.count == 19 && expected.contains { $0.contains("uid-7") } && expected.contains { $0.contains("Ana\\0Li") })
        #expect(Self.describe(f.indexed.reviewEntries().snapshot) == expected, "cold")
        let warm = f.indexed.reviewEntries()
        #expect(warm.reduced, "answered from the facts")
        #expect(Self.describe(warm.snapshot) == expected, "warm")
        var flagged = 0
        for week in ["2029-W22", "2029-W12", "2029-W01"] {
            let files = try Self.review(f.plain, week)
            #expect(try Self.review(f.indexed, week) == files, "\(week)")
            flagged += files.pitfalls.map(\.count).reduce(0, +)
        }
        #expect(flagged > 0, "the reviews show pitfalls to compare")
        // A change: one entry edited, one removed.
        f.write("2029-06-02-1000-quick", "---\nschema: 1\ncreated: 2029-06-02T10:00:00+01:00\ntitle: Edited\ntalk-share: 20\n---\n")
        try FileManager.default.removeItem(atPath: f.path("2029-06-01-1000-imported"))
        f.reopen()
        let changed = Self.expected(f)
        #expect(changed != expected)
        #expect(Self.describe(f.indexed.reviewEntries().snapshot) == changed, "after a change")
        #expect(f.indexed.reviewEntries().reduced)
        #expect(try Self.review(f.indexed, "2029-W22") == Self.review(f.plain, "2029-W22"))
    }

    /// A changed stored column the review reads: the answer stays the entries' answer, and the
    /// rebuilt facts answer again.
    @Test(arguments: [
        ("facts", "UPDATE review_facts SET facts = (SELECT facts FROM review_facts WHERE file = (SELECT min(file) FROM review_facts)) "
            + "WHERE file = (SELECT max(file) FROM review_facts)"),
    ])
    func aChangedStoredColumnNeverChangesTheReview(_ label: String, _ damage: String) throws {
        let f = IndexFixture("review-damage-\(label)", racyMargin: 0)
        Self.seed(f)
        let expected = Self.expected(f)
        #expect(Self.describe(f.indexed.reviewEntries().snapshot) == expected, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        let damaged = f.indexed.reviewEntries()
        #expect(Self.describe(damaged.snapshot) == expected, "\(label): answered as the entries say")
        #expect(!damaged.reduced, "\(label): by the entries")
        f.reopen()
        let again = f.indexed.reviewEntries()
        #expect(Self.describe(again.snapshot) == expected, "\(label): and again")
        #expect(again.reduced, "\(label): the rebuilt facts answer")
    }
}
