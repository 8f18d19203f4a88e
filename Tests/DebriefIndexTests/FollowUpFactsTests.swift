import DebriefCore
import DebriefIndex
import Foundation
import GRDB
import Testing

/// `debrief followups` is answered from the index's facts (follow-up rows and their entries'
/// columns) instead of rebuilding every entry (issue 23): the tracker's items are exactly the ones
/// the entries give, in the same order, through ties the sort breaks by event time (same instant,
/// other offset), entry id and position, through text the index cannot store as it is (a NUL),
/// and through a changed stored column, which makes the entries answer and the index rebuild.
@Suite struct FollowUpFactsTests {
    /// Entries with postponed, done and undated follow-ups, equal due days, equal event instants
    /// written with other offsets, a NUL in an action, and an unreadable file.
    static func seed(_ f: IndexFixture) {
        JournalIndexTests.seed(f, count: 12)
        func entry(_ title: String, _ date: String, _ followUps: [String]) -> String {
            ["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: \(title)", "date: \(date)", "kind: meetup",
             "follow-ups:"].joined(separator: "\n") + "\n" + followUps.joined(separator: "\n") + "\n---\nNotes.\n"
        }
        f.write("2029-04-01-1000-offsets-a", entry("Same instant A", "2029-04-01T10:00:00+02:00",
                                                   ["  - who: Ana Li", "    action: Call back", "    due: 2029-12-20",
                                                    "  - who: Omar Haddad", "    action: Book the room"]))
        f.write("2029-04-01-0900-offsets-b", entry("Same instant B", "2029-04-01T09:00:00+01:00",
                                                   ["  - who: Zoë Brandt", "    action: Send the deck", "    due: 2029-12-20",
                                                    "    first-due: 2029-12-01", "    postponed: 2"]))
        f.write("2029-04-02-1000-done", entry("Done ones", "2029-04-02T10:00:00+01:00",
                                              ["  - who: Henrike Müller", "    action: Intro to the team", "    due: 2029-04-05",
                                               "    done: 2029-04-06", "  - who: 李雷", "    action: Review", "    due: 2029-01-02"]))
        f.write("2029-04-03-1000-nul", entry("With a NUL", "2029-04-03T10:00:00+01:00",
                                             ["  - who: Ana Li", "    action: \"Send\\0notes\"", "    due: 2029-12-21"]))
        f.write("2029-05-05-1200-broken", "---\ntitle: [unclosed\n---\n")
    }

    static func describe(_ answer: (followUps: FollowUpIndex, problems: [EntryProblem])) -> [String] {
        answer.followUps.items.map { "\($0)" } + answer.problems.map(\.description)
    }

    @Test func theFactsGiveTheItemsTheEntriesGive() throws {
        let f = IndexFixture("followup-facts", racyMargin: 0)
        Self.seed(f)
        let files = Self.describe(f.plain.followUpIndex())
        #expect(files.count == 10, "nine follow-ups and one unreadable file: \(files)")
        #expect(Self.describe(f.indexed.followUpIndex()) == files, "cold")
        #expect(Self.describe(f.indexed.followUpIndex()) == files, "warm")
        // Without the NUL, the facts answer by themselves: nothing is rebuilt from a blob.
        try FileManager.default.removeItem(atPath: f.path("2029-04-03-1000-nul"))
        let without = Self.describe(f.plain.followUpIndex())
        f.reopen()
        #expect(Self.describe(f.indexed.followUpIndex()) == without, "after a removal")
        #expect(f.index.followUps(for: f.plain.scan().refs, store: f.indexed) != nil, "answered from the facts")
        #expect(f.index.lastRefresh.rebuilt == 0)
    }

    /// A NUL the index stores as U+FFFD: the facts do not answer, the entries do.
    @Test func aNULSendsTheQuestionToTheEntries() throws {
        let f = IndexFixture("followup-facts-nul", racyMargin: 0)
        Self.seed(f)
        _ = f.indexed.followUpIndex()
        #expect(f.index.followUps(for: f.plain.scan().refs, store: f.indexed) == nil)
        #expect(Self.describe(f.indexed.followUpIndex()) == Self.describe(f.plain.followUpIndex()))
        #expect(Self.describe(f.plain.followUpIndex()).contains { $0.contains(#"Send\0notes"#) })
    }

    /// One changed stored column the tracker reads: the answer stays the entries' answer.
    @Test(arguments: [
        ("due", "UPDATE follow_ups SET due = due + 1 WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE due IS NOT NULL)"),
        ("done", "UPDATE follow_ups SET done = 1 WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE done IS NULL)"),
        ("first due", "UPDATE follow_ups SET first_due = 1 WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE first_due IS NULL)"),
        ("postponed", "UPDATE follow_ups SET postponed = 7 WHERE rowid = (SELECT min(rowid) FROM follow_ups)"),
        ("action", "UPDATE follow_ups SET action = 'Sent' WHERE rowid = (SELECT min(rowid) FROM follow_ups)"),
        ("position", "UPDATE follow_ups SET n = 9 WHERE rowid = (SELECT min(rowid) FROM follow_ups)"),
        ("title", "UPDATE entries SET title = 'Other' WHERE file = (SELECT min(file) FROM follow_ups)"),
        ("offset", "UPDATE entries SET utc_offset = 0 WHERE file = (SELECT min(file) FROM follow_ups)"),
        ("time", "UPDATE entries SET time = time + 60 WHERE file = (SELECT min(file) FROM follow_ups)"),
        // Values no entry holds, which would trap if computed on (a day's arithmetic overflows):
        // the joined columns are read while `entries` is still being checked beside the read.
        ("wild", "UPDATE entries SET day = 9223372036854775807, time = 9223372036854775807, utc_offset = -9223372036854775807 WHERE file = (SELECT min(file) FROM follow_ups)"),
        // A row moved to a file with no entry: a read joining the entries to the rows would not
        // meet it, and the rows are checked as they are read (`FollowUpRow.read`).
        ("file", "UPDATE follow_ups SET file = file + 1000000 WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE done IS NULL)"),
    ])
    func aChangedStoredColumnNeverChangesTheList(_ label: String, _ damage: String) throws {
        let f = IndexFixture("followup-damage-\(label.replacingOccurrences(of: " ", with: "-"))", racyMargin: 0)
        Self.seed(f)
        try FileManager.default.removeItem(atPath: f.path("2029-04-03-1000-nul"))
        let expected = Self.describe(f.plain.followUpIndex())
        #expect(Self.describe(f.indexed.followUpIndex()) == expected, "\(label): before")
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        #expect(Self.describe(f.indexed.followUpIndex()) == expected, "\(label): answered as the entries say")
        f.reopen()
        #expect(Self.describe(f.indexed.followUpIndex()) == expected, "\(label): and again")
        #expect(f.index.followUps(for: f.plain.scan().refs, store: f.indexed) != nil, "\(label): the rebuilt facts answer")
    }

    /// A changed `entries` row of an entry with no follow-up changes no item, but the index no
    /// longer holds what its sums say: the check of `entries`, made beside the read of the rows
    /// (``FactsAlongside``), still finds it, and the facts do not answer until it is rebuilt.
    @Test func aChangedEntryWithoutFollowUpsIsStillFound() throws {
        let f = IndexFixture("followup-damage-elsewhere", racyMargin: 0)
        Self.seed(f)
        try FileManager.default.removeItem(atPath: f.path("2029-04-03-1000-nul"))
        let refs = f.plain.scan().refs
        #expect(f.index.followUps(for: refs, store: f.indexed) != nil, "answered from the facts")
        let damage = "UPDATE entries SET title = title || 'x' WHERE file = (SELECT min(file) FROM entries WHERE file NOT IN (SELECT file FROM follow_ups))"
        #expect(try f.damage(damage) == 1, "an entry without follow-ups")
        f.reopen()
        #expect(f.index.followUps(for: refs, store: f.indexed) == nil, "the damage found")
        f.reopen()
        #expect(Self.describe(f.indexed.followUpIndex()) == Self.describe(f.plain.followUpIndex()), "the entries answer")
        f.reopen()
        #expect(f.index.followUps(for: refs, store: f.indexed) != nil, "the rebuilt facts answer")
    }

    /// `followups --open` and `--overdue` read the open rows alone (`done IS NULL`): the items the
    /// entries give, and a changed `done` (an open one closed, a done one reopened) never changes
    /// them: the rows are checked whole before the narrowing.
    @Test(arguments: [
        ("none", nil),
        ("closed", "UPDATE follow_ups SET done = 1 WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE done IS NULL)"),
        ("reopened", "UPDATE follow_ups SET done = NULL WHERE rowid = (SELECT min(rowid) FROM follow_ups WHERE done IS NOT NULL)"),
    ] as [(String, String?)])
    func theOpenOnesAloneAreTheEntriesOpenOnes(_ label: String, _ damage: String?) throws {
        let f = IndexFixture("followup-open-\(label)", racyMargin: 0)
        Self.seed(f)
        try FileManager.default.removeItem(atPath: f.path("2029-04-03-1000-nul"))
        func listed(_ store: JournalStore, _ filter: FollowUpFilter) -> [String] {
            let answer = store.followUpIndex(for: filter)
            return answer.followUps.items(filter, today: IndexFixture.today).map { "\($0)" } + answer.problems.map(\.description)
        }
        let expected = [FollowUpFilter.open, .overdue].map { listed(f.plain, $0) }
        #expect(expected[0].count > expected[1].count && expected[1].count > 1, "open ones, some overdue")
        #expect([FollowUpFilter.open, .overdue].map { listed(f.indexed, $0) } == expected, "\(label): before")
        let refs = f.plain.scan().refs
        let open = try #require(f.index.followUps(for: refs, store: f.indexed, openOnly: true), "answered from the facts")
        let all = try #require(f.index.followUps(for: refs, store: f.indexed))
        #expect(open.items == all.items.filter(\.isOpen) && open.items.count < all.items.count, "only the open rows read")
        guard let damage else { return }
        #expect(try f.damage(damage) == 1, "\(label): the damage touched one row")
        f.reopen()
        #expect([FollowUpFilter.open, .overdue].map { listed(f.indexed, $0) } == expected, "\(label): answered as the entries say")
        f.reopen()
        #expect([FollowUpFilter.open, .overdue].map { listed(f.indexed, $0) } == expected, "\(label): and again")
    }
}
