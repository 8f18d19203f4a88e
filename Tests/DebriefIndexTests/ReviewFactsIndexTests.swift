import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// `debrief review` judges the journal from the index's rows (``ReviewSource``: keys, review facts
/// per entry, ``ReviewFacts``, follow-ups) instead of rebuilding every entry whole (issue 23): the
/// entries the index answers are exactly the files' entries reduced, cold, warm and after a
/// change, with the same review; a changed stored column the review reads makes the entries
/// answer and the index rebuild.
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

    /// Every entry the store's review source gives (all asked for), its problems, and whether
    /// they came reduced from the index's rows.
    static func everything(_ store: JournalStore) -> (snapshot: JournalSnapshot, reduced: Bool) {
        store.review { source in
            (JournalSnapshot(entries: source.entries(Array(source.keys.indices)), problems: source.problems), source.reduced)
        }
    }

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
        try reviewAndSource(store, week, weeks: weeks).review
    }

    /// The review and whether the index's rows made it.
    static func reviewAndSource(_ store: JournalStore, _ week: String, weeks: Int = 8) throws -> (review: WeeklyReview, reduced: Bool) {
        let clock = Clock.fixed(try #require(Timestamp(iso: "2029-12-30T12:00:00+01:00")).date, timeZone: IndexFixture.berlin)
        let target = try #require(ISOWeek(iso: week))
        return store.review { source in
            (WeeklyReview.make(source: source, catalog: IndexFixture.catalog, week: target, weeks: weeks, clock: clock, coldDays: 20),
             source.reduced)
        }
    }

    @Test func theFactsGiveTheEntriesReducedAndTheSameReview() throws {
        let f = IndexFixture("review-facts", racyMargin: 0)
        Self.seed(f)
        let expected = Self.expected(f)
        #expect(expected.count == 19 && expected.contains { $0.contains("uid-7") } && expected.contains { $0.contains("Ana\\0Li") })
        #expect(Self.describe(Self.everything(f.indexed).snapshot) == expected, "cold")
        let warm = Self.everything(f.indexed)
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
        #expect(Self.describe(Self.everything(f.indexed).snapshot) == changed, "after a change")
        #expect(Self.everything(f.indexed).reduced)
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
        #expect(Self.describe(Self.everything(f.indexed).snapshot) == expected, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        let damaged = Self.everything(f.indexed)
        #expect(Self.describe(damaged.snapshot) == expected, "\(label): answered as the entries say")
        #expect(!damaged.reduced, "\(label): by the entries")
        f.reopen()
        let again = Self.everything(f.indexed)
        #expect(Self.describe(again.snapshot) == expected, "\(label): and again")
        #expect(again.reduced, "\(label): the rebuilt facts answer")
    }

    /// A changed stored column a review narrows or counts by, in a row the review may never read
    /// whole: the key of a reflection of the reviewed week moved a year back (the week's count),
    /// a follow-up open then marked done long before (the open ones are narrowed by `done` in
    /// SQL). The review stays the files' review, made from the entries.
    @Test(arguments: [
        ("entries time", "UPDATE entries SET time = time - 31536000 WHERE id = '2029-06-02-1000-quick'"),
        ("follow-ups done", "UPDATE follow_ups SET done = 1 WHERE file = (SELECT file FROM entries WHERE id = '2029-06-02-1000-quick')"),
        ("facts", "UPDATE review_facts SET facts = (SELECT facts FROM review_facts WHERE file = (SELECT min(file) FROM review_facts)) "
            + "WHERE file = (SELECT file FROM entries WHERE id = '2029-06-02-1000-quick')"),
    ])
    func aChangedRowNeverChangesTheWeeksReview(_ label: String, _ damage: String) throws {
        let f = IndexFixture("review-rows-\(label)", racyMargin: 0)
        JournalIndexTests.seed(f, count: 16)
        f.write("2029-06-02-1000-quick", """
            ---
            schema: 1
            created: 2029-06-02T10:00:00+01:00
            title: Quick one
            date: 2029-06-02T10:00:00+01:00
            flow: quick
            talk-share: 85
            follow-ups:
              - who: Ana Li
                action: Call
                due: 2029-06-03
            ---
            Notes.

            """)
        let expected = try Self.review(f.plain, "2029-W22")
        #expect(expected.entries.contains { $0.id == "2029-06-02-1000-quick" } && (expected.followUps.open + expected.followUps.overdue).contains { $0.who == "Ana Li" },
                "the week shows the entry and its open follow-up")
        #expect(try Self.reviewAndSource(f.indexed, "2029-W22") == (expected, true), "\(label): before, from the rows")
        f.reopen()
        #expect(try Self.reviewAndSource(f.indexed, "2029-W22").reduced, "\(label): warm, from the rows")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        let damaged = try Self.reviewAndSource(f.indexed, "2029-W22")
        #expect(damaged.review == expected, "\(label): the files' review")
        #expect(!damaged.reduced, "\(label): made from the entries")
        f.reopen()
        #expect(try Self.reviewAndSource(f.indexed, "2029-W22") == (expected, true), "\(label): the rebuilt rows answer")
    }

    /// A streak followed back reads the weeks before the trend's whose tallies are not remembered
    /// a week at a time (``ReviewRows``): a damaged row met there is caught as in a batch.
    /// Sixteen weekly reflections that each talk too much, and one early one that listens: the
    /// row of the tenth week given the listening one's facts would end the streak there if it
    /// were believed.
    @Test func aDamagedRowMetFollowingAStreakBackNeverChangesTheReview() throws {
        let f = IndexFixture("review-streak-damage", racyMargin: 0)
        func entry(_ id: String, talk: Int) {
            let date = "\(id.prefix(10))T10:00:00+01:00"
            f.write(id, ["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: Coffee", "date: \(date)",
                         "kind: meetup", "talk-share: \(talk)", "---", "Notes.", ""].joined(separator: "\n"))
        }
        entry("2029-01-03-1000-listened", talk: 30)
        var day = try #require(Day(iso: "2029-08-08"))
        var ids: [String] = []
        for _ in 0..<16 {
            ids.append("\(day.iso)-1000-talked")
            entry(ids[ids.count - 1], talk: 85)
            day = day.adding(days: 7)
        }
        let week = "2029-W47"
        let expected = try Self.review(f.plain, week, weeks: 2)
        let longest = expected.pitfalls.map(\.streak).max() ?? 0
        #expect(longest >= 12, "a streak reaches back through the weeks before the judged two: \(longest)")
        #expect(try Self.reviewAndSource(f.indexed, week, weeks: 2) == (expected, true), "from the rows")
        f.reopen()
        let damage = "UPDATE review_facts SET facts = (SELECT facts FROM review_facts WHERE file = (SELECT file FROM entries WHERE id = ?)) "
            + "WHERE file = (SELECT file FROM entries WHERE id = ?)"
        #expect(try f.damage(damage, arguments: ["2029-01-03-1000-listened", ids[6]]) == 1, "the damage touched one row")
        // The weeks' tallies forgotten (``WeekTallyRows``), so the streak is followed through the rows again.
        #expect(try f.damage("DELETE FROM week_tallies") > 0)
        f.reopen()
        let damaged = try Self.reviewAndSource(f.indexed, week, weeks: 2)
        #expect(damaged.review == expected, "the files' review")
        #expect(!damaged.reduced, "made from the entries")
        f.reopen()
        #expect(try Self.reviewAndSource(f.indexed, week, weeks: 2) == (expected, true), "the rebuilt rows answer")
    }
}
