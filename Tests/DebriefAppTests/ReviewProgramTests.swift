import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The review screen over a temporary journal with the fixture's clock (Thursday 2026-11-26, in
/// 2026-W48): the loading frame, the same text as `debrief review`, weeks, scrolling and keys.
@Suite struct ReviewProgramTests {
    static let thisWeek = "2026-W48 · Mon 23 Nov – Sun 29 Nov"
    static let lastWeek = "2026-W47 · Mon 16 Nov – Sun 22 Nov"

    static func review(_ f: BrowseFixture, cache: JournalCache? = nil, unicode: Bool = true) -> ReviewProgram {
        ReviewProgram(cache: cache ?? JournalCache(store: f.store), catalog: f.catalog, clock: f.clock,
                      unicode: unicode)
    }

    static func driver(_ f: BrowseFixture, width: Int = 80, height: Int = 24) -> ProgramDriver<ReviewProgram> {
        ProgramDriver(review(f), width: width, height: height)
    }

    /// What `debrief review --week W` prints at `width` columns, line by line.
    static func cliLines(_ f: BrowseFixture, week: String, width: Int = 80) throws -> [String] {
        let week = try #require(ISOWeek(iso: week))
        let review = WeeklyReview.make(journal: FlaggedJournal(entries: f.store.loadAll().entries, catalog: f.catalog, clock: f.clock),
                                       catalog: f.catalog, week: week, weeks: 8, clock: f.clock)
        return ReviewText.render(review, options: .init(width: width)).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// The body rows (between the title bar and the status line) without the left margin and
    /// trailing spaces; with `trimmed`, without the blank rows below the end of the review.
    static func body(_ d: ProgramDriver<ReviewProgram>, trimmed: Bool = true) -> [String] {
        var rows = d.rows.dropFirst().dropLast(2).map { String($0.dropFirst()).trimmingTrailingSpaces }
        while trimmed, rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    static func words(_ lines: [String]) -> [Substring] { lines.flatMap { $0.split(separator: " ") } }

    @Test func firstFrameSaysTheJournalIsBeingReadThenShowsTheReview() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.review(f), width: 80, height: 24)
        #expect(d.rows[0].contains(Self.thisWeek))
        #expect(d.rows[1].contains("Reading the journal…"))
        #expect(d.rows[23].contains("←/h previous week") && d.rows[23].contains("→/l next week") && d.rows[23].contains("q back"))
        #expect(!d.screen.contains("PITFALLS"))
        d.finishBackground()
        #expect(!d.screen.contains("Reading"))
        #expect(d.rows[1].contains("Week 2026-W48: Monday 23 to Sunday 29 November 2026"))
        #expect(d.screen.contains("PITFALLS"))
    }

    @Test func showsTheSameTextAsTheCommandLineWithPitfallsRecurrenceAndAdvice() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        // 82 columns leave 80 between the margins, the CLI's width.
        let d = Self.driver(f, width: 82, height: 80)
        let cli = try Self.cliLines(f, week: "2026-W48")
        #expect(Self.body(d) == cli)
        let screen = d.screen
        #expect(screen.contains("  Socializing with no professional purpose"))
        #expect(screen.contains("  Failing to follow up"))
        #expect(screen.contains("1 of 1 reflection · 2 weeks running · trend ······██"))
        #expect(screen.contains("- Swift meetup Berlin, Tue 24 Nov: no purpose written down"))
        #expect(screen.contains("WHAT TO TRY NEXT WEEK"))
        let instead = try #require(f.catalog.pitfall("casual-socializing")?.instead)
        #expect(Self.words(Self.body(d)).joined(separator: " ").contains(instead))
    }

    @Test func stylesFollowWhatTheTextMeans() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let d = Self.driver(f, width: 82, height: 80)
        let rows = d.rows
        let heading = try #require(rows.firstIndex { $0.hasPrefix(" PITFALLS") })
        #expect(d.frame.buffer.style(row: heading, col: 1) == Style.role(.accent).bolded())
        let recurring = try #require(rows.firstIndex { $0.hasPrefix("   Socializing with no professional purpose") })
        #expect(d.frame.buffer.style(row: recurring, col: 3) == Style.role(.danger).bolded())
        let once = try #require(rows.firstIndex { $0.hasPrefix("   Failing to follow up") })
        #expect(d.frame.buffer.style(row: once, col: 3) == Style.role(.warning).bolded())
        let overdue = try #require(rows.firstIndex { $0.hasPrefix("   Overdue (1)") })
        #expect(d.frame.buffer.style(row: overdue, col: 3) == Style.role(.danger))
        let reason = try #require(rows.firstIndex { $0.contains("no purpose written down") })
        #expect(d.frame.buffer.style(row: reason, col: 7) == .plain)
    }

    @Test func leftAndRightMoveBetweenWeeks() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = Self.driver(f, width: 82, height: 80)
        d.press(.left)
        #expect(d.rows[0].contains(Self.lastWeek))
        #expect(Self.body(d) == (try Self.cliLines(f, week: "2026-W47")))
        #expect(d.screen.contains("Product coffee"))
        d.press(.right)
        #expect(d.rows[0].contains(Self.thisWeek))
        #expect(Self.body(d) == (try Self.cliLines(f, week: "2026-W48")))
        // h and l too; t comes back to this week from anywhere.
        d.press(.char("h"), .char("h"), .char("h"))
        #expect(d.rows[0].contains("2026-W45"))
        d.press(.char("l"))
        #expect(d.rows[0].contains("2026-W46"))
        d.press(.char("t"))
        #expect(d.rows[0].contains(Self.thisWeek))
    }

    @Test func neverGoesPastTheCurrentWeek() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = Self.driver(f)
        d.press(.right)
        #expect(d.rows[0].contains(Self.thisWeek))
        #expect(d.rows[22].contains("2026-W48 is this week; the next one has not started yet."))
        // The message lasts until the next key.
        d.press(.down)
        #expect(!d.screen.contains("has not started yet"))
        d.press(.left, .right, .right)
        #expect(d.rows[0].contains(Self.thisWeek))
        #expect(d.screen.contains("has not started yet"))
    }

    /// Each week's review is made when it is shown (from the index's rows, as `debrief review`
    /// makes it), so moving to a week shows what the journal holds then, as does showing the
    /// screen again; the week waits under its own title, never under another week's text.
    @Test func changingWeeksMakesThatWeeksReviewFromTheJournalAsItIsNow() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let cache = JournalCache(store: f.store)
        var d = ProgramDriver(holdingBackground: Self.review(f, cache: cache), width: 80, height: 60)
        d.finishBackground()
        try f.add("Design meetup", day: "2026-11-18")
        d.press(.left)
        #expect(d.rows[0].contains(Self.lastWeek))
        #expect(d.rows[1].contains("Reading the journal…") && !d.screen.contains("PITFALLS"), "not W48's text under W47's title")
        d.finishBackground()
        #expect(d.screen.contains("Product coffee"))
        #expect(d.screen.contains("Design meetup"))
        try f.add("Strategy lunch", day: "2026-11-19")
        // Shown again (the session's next start), the screen reads what changed.
        let again = ProgramDriver(d.program, width: 80, height: 60)
        #expect(again.rows[0].contains(Self.lastWeek))
        #expect(again.screen.contains("Strategy lunch"))
    }

    /// Reads run on threads of their own and may finish in any order: a review of this week
    /// made before a change, arriving after one made since, is not shown (it was: any review of
    /// the week shown was taken, so the screen went back to the journal as it was).
    @Test func aReadOvertakenByALaterOneIsNotShown() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.review(f), width: 80, height: 60)
        d.finishBackground()
        d.press(.left, .right)
        let early = d.runHeldBackground(at: 1)
        try f.add("Strategy lunch", day: "2026-11-25")
        d.press(.left, .right)
        d.finishBackground()
        #expect(d.screen.contains("Strategy lunch"))
        d.deliver(early)
        #expect(d.screen.contains("Strategy lunch"), "the review made before the lunch was written, shown over the later one")
    }

    @Test func aLongReadShowsABarUntilTheReviewArrives() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.review(f), width: 80, height: 24)
        d.reportReadProgress(done: 4_096, total: 100_000)
        // 78 columns between the margins: the label, a bar of 37 cells (1 filled), the counts.
        #expect(d.rows[1] == " Reading the journal ━" + String(repeating: "─", count: 36)
                + " 4096 of 100000 files ")
        d.reportReadProgress(done: 99_999, total: 100_000)
        // One digit more in the counts: a bar of 36 cells.
        #expect(d.rows[1] == " Reading the journal " + String(repeating: "━", count: 35) + "─ 99999 of 100000 files ")
        d.finishBackground()
        #expect(!d.screen.contains("Reading"))
        #expect(d.screen.contains("PITFALLS"))
    }

    @Test func aWeekChangedWhileReadingIsTheOneShown() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.review(f), width: 80, height: 60)
        d.press(.left)
        #expect(d.rows[0].contains(Self.lastWeek))
        #expect(d.screen.contains("Reading the journal…"))
        d.finishBackground()
        #expect(d.rows[1].contains("Week 2026-W47"))
        #expect(d.screen.contains("Product coffee"))
    }

    @Test func scrollsToTheEndOnASmallScreen() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let cli = try Self.cliLines(f, week: "2026-W48", width: 58)
        var d = Self.driver(f, width: 60, height: 10)
        #expect(Self.body(d, trimmed: false) == Array(cli.prefix(7)))
        #expect(!d.rows[0].contains("100%"))
        d.press(.char("G"))
        #expect(Self.body(d, trimmed: false) == Array(cli.suffix(7)))
        #expect(d.rows[0].hasSuffix("100% "))
        // Scrolling stops at the end.
        d.press(.down, .pageDown, .char(" "))
        #expect(Self.body(d, trimmed: false) == Array(cli.suffix(7)))
        d.press(.char("g"))
        #expect(Self.body(d, trimmed: false) == Array(cli.prefix(7)))
        d.press(.char("j"), .char("j"))
        #expect(Self.body(d, trimmed: false) == Array(cli[2..<9]))
        d.press(.up)
        #expect(Self.body(d, trimmed: false) == Array(cli[1..<8]))
        d.press(.pageDown)
        #expect(Self.body(d, trimmed: false) == Array(cli[7..<14]))
        d.press(.pageUp, .home)
        #expect(Self.body(d, trimmed: false) == Array(cli.prefix(7)))
        d.press(.end)
        // A taller screen after a resize shows more, still ending at the last line.
        d.send(.resize(width: 60, height: 14))
        #expect(Self.body(d, trimmed: false) == Array(cli.suffix(11)))
    }

    @Test func narrowScreensWrapWithoutCuttingWordsOrOverflowing() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let d = Self.driver(f, width: 40, height: 120)
        #expect(d.rows.allSatisfy { $0.displayWidth == 40 })
        // Every body row leaves the right margin free.
        #expect(d.rows.dropFirst().dropLast(2).allSatisfy { $0.hasSuffix(" ") })
        #expect(Self.body(d).count > (try Self.cliLines(f, week: "2026-W48")).count)
        #expect(Self.words(Self.body(d)) == Self.words(try Self.cliLines(f, week: "2026-W48")))
        #expect(!d.screen.contains("…"))
        // A screen made narrower wraps the review again.
        var resized = Self.driver(f, width: 82, height: 120)
        resized.send(.resize(width: 40, height: 120))
        #expect(resized.rows == d.rows)
    }

    @Test func asciiWhenTheLocaleIsNotUTF8() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let d = ProgramDriver(Self.review(f, unicode: false), width: 80, height: 60)
        #expect(d.rows[0].contains("2026-W48, Mon 23 Nov - Sun 29 Nov"))
        #expect(d.screen.contains("1 of 1 reflection, 2 weeks running, trend       ##"))
        #expect(!d.screen.contains("▁"))
    }

    @Test func unreadableFilesAreNamedInTheStatusLine() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let broken = f.root + "/entries/2026/11/2026-11-25-1200-broken.md"
        try "---\ntitle: [unclosed\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let d = Self.driver(f)
        #expect(d.rows[22].contains("1 file could not be read and is left out of the review; run `debrief doctor`"))
    }

    @Test func helpOverlayListsEveryKeyAndAnyKeyClosesIt() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = Self.driver(f)
        d.press(.char("?"))
        let screen = d.screen
        #expect(screen.contains("Keys (any key closes)"))
        for hint in ["←/h", "previous week", "this week", "PgDn", "G/End", "bottom", "Tab", "next item", "Enter", "Space", "done/open"] {
            #expect(screen.contains(hint), "\(hint)")
        }
        // The key that closes the overlay does nothing else.
        d.press(.left)
        #expect(!d.screen.contains("Keys (any key closes)"))
        #expect(d.rows[0].contains(Self.thisWeek))
        #expect(d.exitStatus == nil)
    }

    @Test(arguments: [Key.char("q"), .escape])
    func goesBackAndOpensNothing(key: Key) throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        var d = Self.driver(f)
        d.press(key)
        #expect(d.exitStatus == 0)
        #expect(d.opened.isEmpty)
    }

    @Test func anEmptyJournalShowsAnEmptyWeek() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let d = Self.driver(f)
        #expect(d.screen.contains("No reflections this week."))
        #expect(d.screen.contains("No follow-ups planned, done or waiting."))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
