@testable import DebriefApp
import DebriefCore
import Foundation
import Testing

/// Home's read (``HomeContent/read(cache:catalog:clock:calendar:skipStamp:)``) on a fixed clock
/// (Thursday 2026-11-26, week 48) and a journal in a temporary folder: each line from the part of
/// the journal it needs (the open follow-ups, the newest entries, the last two weeks), with the
/// meaning home's lines had when they were computed from every entry.
@Suite struct HomeContentTests {
    static func read(_ f: BrowseFixture) -> HomeContent {
        HomeContent.read(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock, calendar: nil)
    }

    /// A journal with a follow-up in every state home tells apart, entries this week, last week
    /// and before, and one file that does not read.
    static func journal(_ f: BrowseFixture) throws {
        try f.standard()
        try f.add("Far future", day: "2026-11-10",
                  followUps: [FollowUp(who: "Kai", action: "Check in next quarter", due: Day(iso: "2027-02-01")),
                              FollowUp(who: "Lea", action: "Already done", due: Day(iso: "2026-11-12"), done: Day(iso: "2026-11-12")),
                              FollowUp(who: "Mo", action: "In a week", due: Day(iso: "2026-12-03")),
                              FollowUp(who: "Mo", action: "In eight days", due: Day(iso: "2026-12-04")),
                              FollowUp(who: "Mo", action: "Whenever")])
        try f.add("", day: "2026-09-01", followUps: [FollowUp(who: "Ida", action: "Long overdue", due: Day(iso: "2026-09-05"))])
        try f.add("Old meetup", day: "2026-11-08", people: [Person(name: "Tom", level: "peer", relation: "new")])
        try f.add("Standup", day: "2026-11-17", kind: "one-on-one")
        try f.add("Breakfast", day: "2026-11-25", kind: "one-on-one", people: [Person(name: "Ana Li", level: "senior", relation: "existing")])
        let broken = f.store.entriesDirectory + "/2026/11/2026-11-21-0900-broken.md"
        try Data("---\ntitle: [unclosed\n---\n".utf8).write(to: URL(fileURLWithPath: broken))
    }

    @Test func eachLineFromThePartOfTheJournalItNeeds() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        let content = Self.read(f)
        let untitled = try #require(f.store.refs().first { $0.id.hasPrefix("2026-09-01") }).id
        // Open and due within 7 days (overdue ones too), soonest first; done, later and undated
        // ones left out; an untitled entry's follow-up titled with the entry's id.
        #expect(content.due.map(\.action) == ["Long overdue", "Intro to Marc", "Send the talk link", "In a week"])
        #expect(content.due.map(\.entryTitle) == [untitled, "Swift meetup Berlin", "Swift meetup Berlin", "Far future"])
        #expect(content.due.map(\.n) == [1, 2, 1, 3])
        // The five newest by event time.
        #expect(content.recent.map(\.title) == ["Breakfast", "Swift meetup Berlin", "Product coffee", "Standup", "Far future"])
        // This week's reflections (Tuesday's meetup, Wednesday's breakfast), judged with last week's.
        #expect(content.entriesThisWeek == 2)
        #expect(!content.pitfallsThisWeek.isEmpty)
        #expect(content.problems == 1)
        #expect(content.agenda == nil)
    }

    /// The week's line is the weekly review's, judged over this week and the one before only: an
    /// entry from three weeks ago, which the whole journal held, changes nothing.
    @Test func theWeeksLineIsTheReviewsOfTheLastTwoWeeks() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        let all = f.store.loadAll().entries
        let review = WeeklyReview.make(entries: all, catalog: f.catalog, week: ISOWeek(containing: f.clock.today), weeks: 1, clock: f.clock)
        let content = Self.read(f)
        #expect(content.entriesThisWeek == review.entries.count)
        #expect(content.pitfallsThisWeek.map(\.title) == review.pitfalls.filter { $0.count > 0 }.map(\.title))
        #expect(content.pitfallsThisWeek.map(\.recurring) == review.pitfalls.filter { $0.count > 0 }.map(\.recurring))
        #expect(content.pitfallsThisWeek.map(\.count) == review.pitfalls.filter { $0.count > 0 }.map(\.count))
    }

    /// A follow-up marked on home changes in place; the read holds no entry to change.
    @Test func aWrittenEntryChangesItsRowsInPlace() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var content = Self.read(f)
        let ref = try #require(f.store.refs().first { $0.id.contains("swift-meetup") })
        var entry = try f.store.read(ref)
        var rows = entry.followUps
        rows[0].done = Day(iso: "2026-11-26")
        entry["follow-ups"] = .followUps(rows)
        content.replace(entry)
        #expect(content.due.map(\.action) == ["Long overdue", "Intro to Marc", "Send the talk link", "In a week"])
        #expect(content.due[2].done == Day(iso: "2026-11-26"))
        #expect(content.due[2].entryTitle == "Swift meetup Berlin")
    }
}
