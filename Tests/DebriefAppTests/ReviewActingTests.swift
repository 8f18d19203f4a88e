@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The review screen acts on what it lists (issue 21, part 2): it was read-only, so a reason
/// named an entry she then had to find in browse, and an overdue follow-up had to be marked from
/// another screen. Tab selects a reason or a follow-up, Enter opens its entry, and Space, `s`
/// and `D` change a follow-up through the one follow-up editor. The fixture's clock is
/// Thursday 2026-11-26 (2026-W48).
@Suite("Review acting")
struct ReviewActingTests {
    /// The rows drawn in reverse video (the selection), trimmed.
    static func selectedRows(_ d: ProgramDriver<ReviewProgram>) -> [String] {
        d.rows.indices.filter { d.frame.buffer.style(row: $0, col: 0)?.reverse == true && $0 > 0 && $0 < d.height - 2 }
            .map { d.rows[$0].trimmingCharacters(in: .whitespaces) }
    }

    static func swiftMeetup(_ f: BrowseFixture) throws -> EntryRef {
        try #require(f.store.refs().first { $0.id.contains("swift-meetup") })
    }

    @Test func tabSelectsAReasonAndEnterOpensItsEntry() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        d.press(.enter)
        #expect(d.rows[22].hasPrefix("Tab selects a reason or a follow-up; Enter opens its entry"))
        #expect(d.opened.isEmpty)
        d.press(.tab)
        #expect(Self.selectedRows(d) == ["- Swift meetup Berlin, Tue 24 Nov: no purpose written down"])
        d.press(.enter)
        #expect(d.opened == [.entry(try Self.swiftMeetup(f).id)])
    }

    /// The same entry's reason under the focus and again under its pitfall are two stops, and
    /// Tab walks on past both (it did not loop on the first).
    @Test func tabWalksEveryReasonAndFollowUpInOrderAndShiftTabBack() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        var seen: [[String]] = []
        for _ in 0..<8 {
            d.press(.tab)
            seen.append(Self.selectedRows(d))
        }
        let first = try #require(seen.first)
        #expect(seen.count(where: { $0 == first }) >= 2)
        #expect(seen.contains(["- Ana Li: Intro to Marc", "6 days overdue (due Fri 20 Nov) · from Swift meetup Berlin, Tue 24 Nov"])
            || seen.contains { $0.first == "- Ana Li: Intro to Marc" })
        #expect(seen.contains { $0.first == "- Zoë Brandt: Send the talk link" })
        #expect(d.rows[22].contains("That was the last reason or follow-up this week"))
        // The last is Zoë's (still open); Shift-Tab goes back to Ana Li's (overdue, listed first).
        #expect(Self.selectedRows(d).first == "- Zoë Brandt: Send the talk link")
        d.press(.backTab)
        #expect(Self.selectedRows(d).first == "- Ana Li: Intro to Marc")
    }

    /// Space on an overdue follow-up marks it done today in its file (the one follow-up edit),
    /// the review is read again and shows it under "Done this week", still selected, and Space
    /// there opens it again.
    @Test func spaceMarksASelectedFollowUpDoneAndAgainReopensIt() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        for _ in 0..<10 where Self.selectedRows(d).first != "- Ana Li: Intro to Marc" { d.press(.tab) }
        #expect(Self.selectedRows(d).first == "- Ana Li: Intro to Marc")
        d.press(.char(" "))
        let entry = try f.store.read(try Self.swiftMeetup(f))
        #expect(entry.followUps.map(\.done) == [nil, f.clock.today])
        #expect(d.rows[22].hasPrefix("Done: Ana Li: Intro to Marc (Space again reopens)"))
        #expect(Self.selectedRows(d).first == "- Ana Li: Intro to Marc")
        let done = try #require(d.rows.firstIndex { $0.contains("Done this week (1)") })
        let selected = try #require(d.rows.firstIndex { $0.contains("- Ana Li: Intro to Marc") })
        #expect(selected > done)
        d.press(.char(" "))
        #expect(try f.store.read(try Self.swiftMeetup(f)).followUps.map(\.done) == [nil, nil])
        #expect(d.rows[22].hasPrefix("Open again: Ana Li: Intro to Marc"))
        #expect(d.screen.contains("Overdue (1)"))
    }

    /// `s` asks for the new due date in the status line, with the day typed so far in words,
    /// and writes it; `D` records a done day.
    @Test func sAndDWorkOnASelectedFollowUp() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        for _ in 0..<10 where Self.selectedRows(d).first != "- Zoë Brandt: Send the talk link" { d.press(.tab) }
        d.press(.char("s"))
        d.type("mon")
        #expect(d.frame.buffer.trimmedRows[22] == "New due date for Zoë Brandt: Send the t…: mon  → Mon 30 Nov (next week)")
        #expect(d.frame.cursor == Position(row: 22, col: 45))
        d.press(.enter)
        #expect(try f.store.read(try Self.swiftMeetup(f)).followUps.map(\.due) == [Day(iso: "2026-11-30"), Day(iso: "2026-11-20")])
        #expect(d.rows[22].hasPrefix("Due 2026-11-30: Zoë Brandt: Send the talk link"))
        d.press(.char("D"))
        d.type("yesterday")
        d.press(.enter)
        #expect(try f.store.read(try Self.swiftMeetup(f)).followUps.map(\.done) == [Day(iso: "2026-11-25"), nil])
    }

    /// `s` opened while the review is read again (back from an entry): the read arriving while
    /// the prompt is open keeps the entry the prompt writes to. Enter wrote nothing and said
    /// nothing (the review holds no entries; the one read for `s` was dropped with the read).
    @Test func aDatePromptOpenWhileTheReviewIsReadAgainStillWrites() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: ReviewProgramTests.review(f), width: 80, height: 24)
        d.finishBackground()
        for _ in 0..<10 where Self.selectedRows(d).first != "- Zoë Brandt: Send the talk link" { d.press(.tab) }
        d.press(.enter, .char("q"))
        #expect(d.heldBackground.count == 1, "back from the entry, the review is read again")
        d.press(.char("s"))
        d.type("mon")
        d.finishBackground()
        d.press(.enter)
        #expect(try f.store.read(try Self.swiftMeetup(f)).followUps.map(\.due) == [Day(iso: "2026-11-30"), Day(iso: "2026-11-20")])
        #expect(d.rows[22].hasPrefix("Due 2026-11-30: Zoë Brandt: Send the talk link"))
    }

    /// The review is made from the index's rows and the entry is read from its file when a key
    /// acts on it. When the file changed in between so that another follow-up is at that
    /// position, Space writes nothing (it marked the other one done) and the review is read again.
    @Test func spaceOnAFollowUpWhoseFileChangedMeanwhileWritesNothing() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        for _ in 0..<10 where Self.selectedRows(d).first != "- Ana Li: Intro to Marc" { d.press(.tab) }
        #expect(Self.selectedRows(d).first == "- Ana Li: Intro to Marc")
        // Another tool puts a follow-up first: Ana Li's (the second) is now the third.
        var entry = try f.store.read(try Self.swiftMeetup(f))
        entry["follow-ups"] = .followUps([FollowUp(who: "Kai Müller", action: "Book the room", due: Day(iso: "2026-11-19"))]
                                         + entry.followUps)
        _ = try f.store.save(entry, now: f.clock.timestamp)
        d.press(.char(" "))
        #expect(try f.store.read(try Self.swiftMeetup(f)).followUps.map(\.done) == [nil, nil, nil])
        #expect(d.rows[22].hasPrefix("Nothing written: the entry changed on disk since it was read"))
        #expect(d.program.review?.followUps.overdue.contains { $0.action == "Book the room" } == true, "read again")
    }

    /// The follow-up keys on a reason, or with nothing selected, write nothing and say what they
    /// are for; Space no longer pages (PgDn does), as on every screen that lists follow-ups.
    @Test func followUpKeysOnAReasonSayWhatTheyAreFor() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let before = try Data(contentsOf: URL(fileURLWithPath: try Self.swiftMeetup(f).path))
        var d = ReviewProgramTests.driver(f, width: 80, height: 24)
        d.press(.char(" "))
        #expect(d.rows[22].hasPrefix("Space, s and D change a follow-up: Tab to one under FOLLOW-UPS (PgDn pages)"))
        d.press(.tab, .char("s"))
        #expect(d.rows[22].hasPrefix("Space, s and D change a follow-up"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: try Self.swiftMeetup(f).path)) == before)
    }

    /// A selection scrolled out of sight is dropped, so Enter never opens something unseen;
    /// Tab then starts from what is on screen. Changing weeks drops it too.
    @Test func aSelectionScrolledAwayOrAnotherWeekIsDropped() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ReviewProgramTests.driver(f, width: 80, height: 12)
        d.press(.tab)
        #expect(!Self.selectedRows(d).isEmpty)
        d.press(.char("G"))
        #expect(Self.selectedRows(d).isEmpty)
        d.press(.enter)
        #expect(d.opened.isEmpty)
        d.press(.tab)
        let row = try #require(d.rows.indices.first { d.frame.buffer.style(row: $0, col: 0)?.reverse == true && $0 > 0 && $0 < 10 })
        #expect(row >= 1)
        d.press(.left)
        #expect(Self.selectedRows(d).isEmpty)
    }

    /// The review's text marks what each line is about, the same lines for the CLI and the screen:
    /// every row of a wrapped reason or follow-up, nothing else.
    @Test func theReviewTextMarksReasonsAndFollowUpsOnEveryRow() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let journal = FlaggedJournal(entries: f.store.loadAll().entries, catalog: f.catalog, clock: f.clock)
        let review = WeeklyReview.make(journal: journal, catalog: f.catalog, week: try #require(ISOWeek(iso: "2026-W48")),
                                       weeks: 8, clock: f.clock)
        let id = try Self.swiftMeetup(f).id
        let lines = ReviewText.lines(review, options: .init(width: 40))
        let marked = lines.filter { $0.target != nil }
        #expect(marked.allSatisfy { $0.target?.entryID == id })
        let ana = lines.filter { $0.target == .followUp(entryID: id, n: 2) }.map(\.text)
        #expect(ana.first == "    - Ana Li: Intro to Marc")
        #expect(ana.count >= 2)
        #expect(lines.filter { $0.target == .followUp(entryID: id, n: 1) }.first?.text == "    - Zoë Brandt: Send the talk link")
        #expect(lines.contains { $0.target == .entry(id) && $0.text.hasPrefix("    - Swift meetup Berlin") })
        #expect(!lines.contains { $0.target != nil && $0.text.isEmpty })
    }
}
