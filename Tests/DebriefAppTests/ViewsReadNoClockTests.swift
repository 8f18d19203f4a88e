@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Synchronization
import Testing

/// Views are functions of the state and the size: no screen reads a clock while drawing, nor
/// keeps one of its own to read later. Each screen is built with a clock that counts its reads;
/// once the runtime has started it, the runtime's clock is swapped for another, so every read
/// of the counting one after that would be a screen reading the time itself instead of the
/// moment the runtime hands it with each event (``Program/clock``). Keys take each screen
/// through its states, and each state is drawn at three sizes.
@Suite struct ViewsReadNoClockTests {
    /// A clock stopped at the fixtures' moment that counts how often it is read.
    final class CountingClock: Sendable {
        private let reads = Mutex(0)
        let date: Date

        init(_ iso: String) {
            date = Timestamp(iso: iso)?.date ?? Date()
        }

        var count: Int { reads.withLock { $0 } }

        var clock: Clock {
            Clock(timeZone: BrowseFixture.zone) { [self] in
                reads.withLock { $0 += 1 }
                return date
            }
        }
    }

    /// Starts `program` (built with `counting`), hands the runtime another clock, then presses
    /// each step's keys and draws the screen at 80×24, 50×20 and 120×40 after it; the counting
    /// clock must not be read again after the start.
    static func check<P: Program>(_ program: P, _ counting: CountingClock, steps: [[Key]],
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        var d = ProgramDriver(program, width: 80, height: 24)
        let date = counting.date
        d.setTime { date }
        let started = counting.count
        for keys in [[]] + steps {
            for key in keys { d.press(key) }
            for (width, height) in [(80, 24), (50, 20), (120, 40)] {
                _ = d.runtime.top?.view(width: width, height: height)
            }
            #expect(counting.count == started, "after \(keys)", sourceLocation: sourceLocation)
        }
    }

    @Test func home() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: counting.clock), counting,
                   steps: [[.down], [.char(" ")], [.char("s"), .char("f"), .char("r"), .char("i")], [.enter], [.char("?")]])
    }

    @Test func homeWithCalendarsAndTheBrief() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let source = try HomeCalendarTests.seed(f)
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: counting.clock, calendar: source), counting,
                   steps: [[.down], [.char("x")], [.char("u")], [.down, .down, .down], [.home, .char("?")]])
        let next = try #require(HomeCalendarTests.home(f, source).content?.agenda?.comingUp?.instance)
        Self.check(BriefProgram(cache: JournalCache(store: f.store), instance: next, me: [], clock: counting.clock), counting,
                   steps: [[.down], [.char("G")], [.char("?")]])
    }

    @Test func browseAndAnEntry() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(BrowseProgram(store: f.store, catalog: f.catalog, clock: counting.clock, snapshot: f.store.loadAll()), counting,
                   steps: [[.down], [.char("F"), .char("s"), .char("i")], [.escape, .home, .enter], [.tab, .char(" ")],
                           [.char("s"), .char("+"), .char("3"), .char("d")], [.enter], [.escape]])
    }

    @Test func followUps() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try FollowUpsProgramTests.journal(f)
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(FollowUpsProgram(cache: JournalCache(store: f.store), clock: counting.clock), counting,
                   steps: [[.down], [.char(" ")], [.char("D"), .char("m"), .char("o"), .char("n")], [.enter], [.char("a")], [.tab]])
    }

    @Test func peopleAndAPerson() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try PeopleProgramTests.journal(f)
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(PeopleProgram(cache: JournalCache(store: f.store), clock: counting.clock), counting,
                   steps: [[.char("c")], [.char("+")], [.char("c"), .home, .enter], [.char("G"), .char(" ")],
                           [.char("s"), .char("f"), .char("r"), .char("i")], [.escape, .escape]])
    }

    @Test func review() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let counting = CountingClock("2026-11-26T10:00:00+01:00")
        Self.check(ReviewProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: counting.clock), counting,
                   steps: [[.left], [.char("G")], [.right], [.char("t")]])
    }

    /// Every part of the reflection: the choice at the start, a date typed in words, people and
    /// follow-up rows (whose due dates resolve from today), the summary (with the week so far)
    /// and the dialog on leaving.
    @Test func reflection() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let counting = CountingClock("2026-11-26T21:00:00+01:00")
        var setup = ReflectionSetup(catalog: f.catalog, store: f.store, clock: counting.clock, knownPeople: ["Ana Li"])
        setup.offersFlowChoice = true
        let entries = f.store.loadAll().entries
        setup.loadJournal = { entries }
        let title: [Key] = "Coffee".map { .char($0) } + [.enter]
        let date: [Key] = "yesterday 18:30".map { .char($0) }
        let toPeople: [Key] = [.enter, .char("o"), .enter]
        let person: [Key] = "An".map { .char($0) } + [.tab, .enter, .enter]
        let talk: [Key] = [.char("4"), .char("0"), .enter]
        let followUp: [Key] = [.tab, .enter] + "Send the deck".map { .char($0) }
        Self.check(ReflectionProgram(setup), counting,
                   steps: [[.char("q")], title, date, toPeople, person, talk, followUp, [.enter], [.ctrl("s")], [.up], [.escape],
                           [.char("g")]])
    }
}
