@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// Every screen as a whole frame at 80×24 and 50×20, in the states a person meets (an empty
/// journal, a typical one, long text, a message showing), compared whole with its golden file
/// (``GoldenFrame``): a change to any cell, style or the cursor fails until it is re-recorded
/// with `DEBRIEF_GOLDEN=record` and reviewed in `git diff`.
@Suite struct GoldenScreensTests {
    static let sizes = [(80, 24), (50, 20)]

    /// A journal whose text does not fit anywhere: a title longer than a row, a long name, a
    /// long action, wide characters and a note of several sentences.
    static func longJournal(_ f: BrowseFixture) throws {
        try f.standard()
        try f.add("Regional developer relations summit on platform engineering, observability and the future of internal tooling",
                  day: "2026-11-25", kind: "conference",
                  people: [Person(name: "Dr. Henrike Vogel-Abernathy von Steinfeld", level: "executive", relation: "new",
                                  note: "Runs platform engineering for three business units; wants a speaker for the spring meetup."),
                           Person(name: "李雷", level: "peer", relation: "new")],
                  followUps: [FollowUp(who: "Dr. Henrike Vogel-Abernathy von Steinfeld",
                                       action: "Send her the three data-engineering case studies and the slides from the observability talk",
                                       due: Day(iso: "2026-11-27")),
                              FollowUp(who: "李雷", action: "发送会议记录 and the recording link", due: Day(iso: "2026-11-23"))],
                  notes: String(repeating: "A long day of talks, hallway conversations and a panel that ran over time. ", count: 4),
                  tags: ["platform", "devrel"])
    }

    static func check<P>(_ d: ProgramDriver<P>, _ screen: String, _ state: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenFrame.check(d.frame, screen: screen, state: state, sourceLocation: sourceLocation)
    }

    // MARK: - Home

    static func home(_ f: BrowseFixture, width: Int, height: Int) -> ProgramDriver<HomeProgram> {
        ProgramDriver(HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock), width: width, height: height)
    }

    @Test(arguments: sizes) func home(width: Int, height: Int) throws {
        // A journal folder not made yet (a first run), at a path that is the same in every run:
        // the welcome names it.
        let empty = try BrowseFixture()
        defer { empty.cleanUp() }
        let firstRun = JournalStore(root: "/nonexistent/debrief-golden/journal", codec: empty.store.codec)
        Self.check(ProgramDriver(HomeProgram(cache: JournalCache(store: firstRun), catalog: empty.catalog, clock: empty.clock),
                                 width: width, height: height), "home", "empty")

        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = Self.home(f, width: width, height: height)
        Self.check(d, "home", "typical")
        d.press(.char(" "))
        Self.check(d, "home", "message")
        d.press(.char("s"))
        d.type("fri")
        Self.check(d, "home", "date-prompt")
        d.press(.escape, .char("?"))
        Self.check(d, "home", "help")

        let long = try BrowseFixture()
        defer { long.cleanUp() }
        try Self.longJournal(long)
        Self.check(Self.home(long, width: width, height: height), "home", "long")
    }

    /// Home with calendars: the next meeting (selected), the events awaiting a reflection with
    /// their keys, after `x` on one; and the brief screen Enter opens.
    @Test(arguments: sizes) func homeCalendarAndBrief(width: Int, height: Int) throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let source = try HomeCalendarTests.seed(f)
        var d = ProgramDriver(HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock, calendar: source),
                              width: width, height: height, factory: f.screens())
        Self.check(d, "home", "calendar")
        d.press(.down, .char("x"))
        Self.check(d, "home", "calendar-skipped")
        let next = try #require(HomeCalendarTests.home(f, source).content?.agenda?.comingUp?.instance)
        Self.check(ProgramDriver(BriefProgram(cache: JournalCache(store: f.store), instance: next, me: [], clock: f.clock),
                                 width: width, height: height), "brief", "typical")
    }

    // MARK: - Browse

    @Test(arguments: sizes) func browse(width: Int, height: Int) throws {
        let empty = try BrowseFixture()
        defer { empty.cleanUp() }
        Self.check(empty.driver(width: width, height: height), "browse", "empty")

        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: width, height: height)
        Self.check(d, "browse", "typical")
        d.press(.char("/"))
        d.type("zoe")
        d.press(.enter)
        Self.check(d, "browse", "search")
        d.press(.char("d"), .char("n"))
        Self.check(d, "browse", "message")
        d.press(.char("F"))
        d.type("since:blue")
        d.press(.enter)
        Self.check(d, "browse", "filter-error")

        let long = try BrowseFixture()
        defer { long.cleanUp() }
        try Self.longJournal(long)
        var l = long.driver(width: width, height: height)
        Self.check(l, "browse", "long")
        l.press(.enter)
        Self.check(l, "entry", "long")
        l.press(.tab, .char(" "))
        Self.check(l, "entry", "message")
        l.press(.escape, .down, .down, .enter)
        Self.check(l, "entry", "typical")
        l.press(.char("s"))
        Self.check(l, "entry", "no-follow-up")
    }

    // MARK: - Follow-ups

    static func followUps(_ f: BrowseFixture, width: Int, height: Int) -> ProgramDriver<FollowUpsProgram> {
        ProgramDriver(FollowUpsProgram(cache: JournalCache(store: f.store), clock: f.clock), width: width, height: height)
    }

    @Test(arguments: sizes) func followUps(width: Int, height: Int) throws {
        let empty = try BrowseFixture()
        defer { empty.cleanUp() }
        Self.check(Self.followUps(empty, width: width, height: height), "followups", "empty")

        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try FollowUpsProgramTests.journal(f)
        var d = Self.followUps(f, width: width, height: height)
        Self.check(d, "followups", "typical")
        d.press(.down, .char(" "))
        Self.check(d, "followups", "message")
        d.press(.char("D"))
        d.type("tomorrow")
        d.press(.enter)
        Self.check(d, "followups", "date-refused")
        d.press(.escape, .char("a"))
        Self.check(d, "followups", "all")

        let long = try BrowseFixture()
        defer { long.cleanUp() }
        try Self.longJournal(long)
        Self.check(Self.followUps(long, width: width, height: height), "followups", "long")
    }

    // MARK: - People

    static func people(_ f: BrowseFixture, width: Int, height: Int) -> ProgramDriver<PeopleProgram> {
        ProgramDriver(PeopleProgram(cache: JournalCache(store: f.store), clock: f.clock), width: width, height: height)
    }

    @Test(arguments: sizes) func people(width: Int, height: Int) throws {
        let empty = try BrowseFixture()
        defer { empty.cleanUp() }
        Self.check(Self.people(empty, width: width, height: height), "people", "empty")

        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try PeopleProgramTests.journal(f)
        var d = Self.people(f, width: width, height: height)
        Self.check(d, "people", "typical")
        d.press(.char("c"))
        Self.check(d, "people", "cold")
        d.press(.char("c"), .home, .char("M"))
        Self.check(d, "people", "message")
        d.press(.char(" "), .char(" "), .char("M"))
        Self.check(d, "people", "merge-prompt")
        d.press(.escape, .home, .enter)
        Self.check(d, "person", "typical")
        d.press(.char("G"), .char(" "))
        Self.check(d, "person", "message")

        let long = try BrowseFixture()
        defer { long.cleanUp() }
        try Self.longJournal(long)
        var l = Self.people(long, width: width, height: height)
        Self.check(l, "people", "long")
        l.press(.enter)
        Self.check(l, "person", "long")
    }

    // MARK: - Review

    static func review(_ f: BrowseFixture, width: Int, height: Int) -> ProgramDriver<ReviewProgram> {
        ProgramDriver(ReviewProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock), width: width, height: height)
    }

    @Test(arguments: sizes) func review(width: Int, height: Int) throws {
        let empty = try BrowseFixture()
        defer { empty.cleanUp() }
        Self.check(Self.review(empty, width: width, height: height), "review", "empty")

        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = Self.review(f, width: width, height: height)
        Self.check(d, "review", "typical")
        d.press(.right)
        Self.check(d, "review", "message")
        d.press(.char("G"))
        Self.check(d, "review", "end")
        // Shift-Tab selects the last follow-up in sight; `s` asks for its new due date.
        d.press(.backTab)
        Self.check(d, "review", "selected")
        d.press(.char("s"))
        d.type("mon")
        Self.check(d, "review", "date-prompt")

        let long = try BrowseFixture()
        defer { long.cleanUp() }
        try Self.longJournal(long)
        Self.check(Self.review(long, width: width, height: height), "review", "long")
    }

    // MARK: - The reflection

    @Test(arguments: sizes) func reflection(width: Int, height: Int) throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var choice = fx.setup(knownPeople: ["Ana Li", "Dr. Henrike Vogel"])
        choice.offersFlowChoice = true
        var d = fx.driver(choice, width: width, height: height)
        Self.check(d, "reflection", "flow-choice")
        d.press(.char("f"))
        Self.check(d, "reflection", "title-empty")
        d.press(.enter)
        Self.check(d, "reflection", "title-required")
        d.type("Regional developer relations summit on platform engineering, observability and the future of internal tooling")
        Self.check(d, "reflection", "title-long")
        d.press(.enter)
        Self.check(d, "reflection", "date")
        d.press(.enter)
        d.answer("c")
        Self.check(d, "reflection", "after-choice")
        d.tab(to: "people")
        d.type("hen")
        d.press(.tab, .enter)
        d.type("李雷")
        d.press(.enter)
        Self.check(d, "reflection", "people")
        d.tab(to: "talk-share")
        Self.check(d, "reflection", "percent")
        d.tab(to: "follow-ups")
        d.press(.tab, .enter)
        d.type("Send her the three data-engineering case studies and the slides")
        Self.check(d, "reflection", "follow-up-form")
        d.press(.enter)
        Self.check(d, "reflection", "follow-ups")
        d.press(.ctrl("s"))
        Self.check(d, "reflection", "summary")
        d.press(.up, .up)
        Self.check(d, "reflection", "summary-row")
        d.press(.escape)
        Self.check(d, "reflection", "leave")
        d.press(.char("g"), .char("?"))
        Self.check(d, "reflection", "summary-help")
    }

    @Test(arguments: sizes) func reflectionResumeOffer(width: Int, height: Int) throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let draft = ReflectionDraft(name: "new-2026-11-26-200000", answers: ["title": .text("Coffee with Ana")],
                                    savedAt: fx.clock.timestamp)
        let d = fx.driver(fx.setup(resumable: draft), width: width, height: height)
        Self.check(d, "reflection", "resume-offer")
    }
}
