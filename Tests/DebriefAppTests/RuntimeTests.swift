@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Synchronization
import Testing

extension BrowseFixture {
    /// The screens over this journal, built as the executable's factory builds them (one cache
    /// for all, the run's settings for the cold list and the review).
    func screens(cache: JournalCache? = nil) -> ScreenFactory {
        let cache = cache ?? JournalCache(store: store)
        return ScreenFactory { request, settings in
            switch request {
            case .home:
                return Screen(HomeProgram(cache: cache, catalog: catalog, clock: clock), request: request)
            case .newReflection:
                var setup = ReflectionSetup(catalog: catalog, store: store, clock: clock)
                setup.flow = settings.reflectionFlow == Flow.full ? nil : settings.reflectionFlow
                setup.offersFlowChoice = true
                return Screen(ReflectionProgram(setup), request: request)
            case .editEntry(let id):
                let entry = try store.read(try store.find(id))
                return Screen(ReflectionProgram(ReflectionSetup(catalog: catalog, store: store, clock: clock, prefill: entry.answers,
                                                                editing: entry)), request: request)
            case .browse:
                return Screen(BrowseProgram(store: store, catalog: catalog, clock: clock, scan: store.scan(), firstPage: 100, cache: cache),
                              request: request)
            case .entry(let id, let followUp):
                return Screen(BrowseProgram(store: store, catalog: catalog, clock: clock, entryID: id, followUp: followUp, cache: cache),
                              request: request)
            case .review:
                return Screen(ReviewProgram(cache: cache, catalog: catalog, clock: clock, coldDays: settings.coldDays), request: request)
            case .followUps:
                return Screen(FollowUpsProgram(cache: cache, clock: clock), request: request)
            case .people:
                return Screen(PeopleProgram(cache: cache, clock: clock, coldDays: settings.coldDays), request: request)
            case .reflectionFromEvent(let instance):
                let prefill = EventPrefill.make(instance, pending: PendingEvents(rules: catalog.events, me: [], local: clock.timeZone),
                                                catalog: catalog, entries: cache.snapshot().entries)
                var setup = ReflectionSetup(catalog: catalog, store: store, clock: clock, prefill: prefill.answers)
                setup.event = prefill.event
                setup.location = prefill.location
                return Screen(ReflectionProgram(setup), request: request)
            case .brief(let instance):
                return Screen(BriefProgram(cache: cache, instance: instance, me: [], clock: clock), request: request)
            }
        }
    }

    /// Home, with every other screen built by ``screens(cache:)``.
    func app(width: Int = 80, height: Int = 24, settings: AppSettings = AppSettings(), settingsStore: SettingsStore? = nil,
             holding: Bool = false) -> ProgramDriver<HomeProgram> {
        let cache = JournalCache(store: store)
        let home = HomeProgram(cache: cache, catalog: catalog, clock: clock)
        return holding
            ? ProgramDriver(holdingBackground: home, width: width, height: height, factory: screens(cache: cache), settings: settings,
                            settingsStore: settingsStore)
            : ProgramDriver(home, width: width, height: height, factory: screens(cache: cache), settings: settings,
                            settingsStore: settingsStore)
    }
}

/// The runtime every screen runs on, driven in-process: navigation is a stack of values, so
/// going somewhere and back is tested without a terminal.
@Suite struct RuntimeTests {
    /// The screens' requests, bottom first (the first screen has none).
    static func stack(_ d: ProgramDriver<HomeProgram>) -> [ScreenRequest?] {
        d.runtime.stack.map(\.request)
    }

    /// Home, its follow-ups, an entry from there and back twice: each screen goes over the one
    /// that opened it and `q` returns to it where it was; `q` on home ends the run with 0.
    @Test func screensStackAndGoBackWhereTheyWere() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try FollowUpsProgramTests.journal(f)
        var d = f.app(width: 110, height: 14)
        #expect(Self.stack(d) == [nil])
        d.press(.char("f"))
        #expect(Self.stack(d) == [nil, .followUps])
        #expect(d.rows[0].contains("Debrief · follow-ups · open"))
        d.press(.down, .down)
        let selected = d.rows[4]
        d.press(.enter)
        let design = try #require(f.store.refs().first { $0.id.contains("design-meetup") })
        #expect(Self.stack(d) == [nil, .followUps, .entry(design.id, followUp: 1)])
        #expect(d.rows[0].contains("Design meetup"))
        d.press(.char("q"))
        #expect(Self.stack(d) == [nil, .followUps])
        #expect(d.rows[4] == selected)
        #expect(d.frame.buffer.style(row: 4, col: 0)?.reverse == true)
        d.press(.escape)
        #expect(Self.stack(d) == [nil])
        #expect(d.rows[0].contains("Debrief"))
        #expect(d.exitStatus == nil)
        d.press(.char("q"))
        #expect(d.exitStatus == 0)
        #expect(d.runtime.stack.isEmpty)
    }

    /// A setting chosen on one screen is the app's: the cold list's days changed with `+` on the
    /// people screen reach the review opened afterwards, whatever the state file says (here it
    /// cannot even be written), and the screen says why it was not remembered for next time.
    @Test func aSettingChosenOnOneScreenReachesTheScreensOpenedAfter() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try PeopleProgramTests.journal(f)
        let written = Mutex<[SettingChange]>([])
        let store = SettingsStore { change in
            written.withLock { $0.append(change) }
            return "the state folder is read-only"
        }
        var d = f.app(width: 100, height: 14, settings: AppSettings(coldDays: 90), settingsStore: store)
        d.press(.char("p"), .char("+"))
        #expect(d.screen.contains("Cold after 120 days for now; not remembered: the state folder is read-only"))
        #expect(written.withLock { $0 } == [.coldDays(120)])
        #expect(d.runtime.settings.coldDays == 120)
        d.press(.char("q"), .char("r"))
        let review = try #require(d.runtime.top?.program(as: ReviewProgram.self))
        #expect(review.coldDays == 120)
        d.press(.char("q"), .char("p"), .char("c"))
        #expect(d.rows[0].contains("cold (120+ days unmentioned)"))
    }

    /// Background work belongs to the screen that asked for it: a read that finishes after its
    /// screen was closed reaches nobody, and the screen underneath still gets its own.
    @Test func aResultForAClosedScreenReachesNobody() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.app(width: 100, height: 24, holding: true)
        #expect(d.heldBackground.count == 1)          // home's read
        d.press(.char("f"))
        #expect(d.heldBackground.count == 2)          // and the follow-ups screen's
        d.press(.char("q"))
        #expect(Self.stack(d) == [nil])
        #expect(d.heldBackground.count == 3)          // home read again on its return
        d.finishBackground()
        #expect(d.runtime.running == 0)
        #expect(d.screen.contains("Ana Li: Intro to Marc"))
        #expect(d.exitStatus == nil)
    }

    /// A screen that cannot be built ends the run with the reason, as a command that cannot
    /// start does (an entry deleted after it was listed, opened with `e` from browse).
    @Test func aScreenThatCannotBeBuiltEndsTheRunWithItsReason() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.app()
        d.press(.char("b"))
        for ref in f.store.refs() { try FileManager.default.removeItem(atPath: ref.path) }
        d.press(.char("e"))
        #expect(d.runtime.failure != nil)
        #expect(!d.runtime.isRunning)
    }

    /// Home left open past midnight acts on the new day: the runtime hands it the time with every
    /// key, so Space marks a follow-up done on the day it is pressed (home used to keep the day it
    /// was opened on, and marked it done yesterday).
    @Test func homeLeftOpenPastMidnightMarksDoneOnTheNewDay() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let evening = try #require(Timestamp(iso: "2026-11-26T23:59:00+01:00")).date
        let home = HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: Clock.fixed(evening, timeZone: BrowseFixture.zone))
        var d = ProgramDriver(home, width: 100, height: 24)
        #expect(d.rows[2].contains("Ana Li: Intro to Marc"))
        let night = try #require(Timestamp(iso: "2026-11-27T00:01:00+01:00")).date
        d.setTime { night }
        d.press(.char(" "))
        #expect(d.rows[2].contains("[x] done today"))
        let meetup = try #require(f.store.loadAll().entries.first { $0.title == "Swift meetup Berlin" })
        #expect(meetup.followUps[1].done == Day(iso: "2026-11-27"))
        #expect(d.screen.contains("Done: Ana Li: Intro to Marc (Space again reopens)"))
    }

    /// The same for a reflection: a follow-up's offered "in 3 days" counts from the day it is
    /// added, not the day the follow-up question was first shown.
    @Test func aReflectionLeftOpenPastMidnightDatesFromTheNewDay() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let evening = try #require(Timestamp(iso: "2026-11-26T23:59:00+01:00")).date
        var setup = fx.setup()
        setup.clock = Clock.fixed(evening, timeZone: fx.clock.timeZone)
        var d = fx.driver(setup)
        d.answer("Coffee")
        d.tab(to: "follow-ups")
        let night = try #require(Timestamp(iso: "2026-11-27T00:01:00+01:00")).date
        d.setTime { night }
        d.type("Send the deck")
        d.press(.enter)
        #expect(d.screen.contains("Send the deck · 2026-11-30"), "\(d.screen)")
    }
}
