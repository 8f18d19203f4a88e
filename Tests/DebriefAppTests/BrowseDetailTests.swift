import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

@Suite struct BrowseDetailTests {
    @Test func detailShowsAnswersBySectionWithQuestionsAndTables() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 90, height: 40)
        d.press(.enter)
        let screen = d.screen
        #expect(d.rows[0].contains("Swift meetup Berlin"))
        #expect(screen.contains("2026-11-24 18:30 · meetup · #swift"))
        #expect(screen.contains("Reciprocity"))
        #expect(screen.contains("Whom did you really talk to?"))
        #expect(screen.contains("Zoë Brandt          peer       new       Works on server-side Swift"))
        #expect(screen.contains("[ ]  Zoë Brandt      Send the talk link"))
        #expect(screen.contains("due tomorrow"))
        #expect(screen.contains("6 days overdue"))
        #expect(screen.contains("Ask about the SwiftNIO migration next time."))
        #expect(screen.contains("Space done/open"))
    }

    /// A name longer than its column's usual width is shown whole while the action or the note
    /// beside it has room to give, and cut only when they do not.
    @Test func longNamesTakeTheRoomTheirRowsDoNotUse() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("Old team lunch", day: "2026-11-20",
                  people: [Person(name: "Alexandra Papadopoulou", level: "senior", relation: "existing", note: "Thinking about leaving")],
                  followUps: [FollowUp(who: "Ben Okafor-Hale", action: "Send the book recommendation", due: Day(iso: "2026-11-27"))])
        var d = f.driver(width: 100, height: 30)
        d.press(.enter)
        #expect(d.screen.contains("  Alexandra Papadopoulou  senior     existing  Thinking about leaving"))
        #expect(d.screen.contains("[ ]  Ben Okafor-Hale  Send the book recommendation"))
        // Where there is no room, the name and what is beside it share it (the action was not
        // shown at all on 40 columns when the name's column was fixed).
        var narrow = f.driver(width: 40, height: 30)
        narrow.press(.enter)
        #expect(narrow.screen.contains("  Alexand…  senior     existing  Thinki…"))
        #expect(narrow.screen.contains("  [ ]  Ben O…  Send…  due tomorrow"))
        #expect(narrow.rows.allSatisfy { $0.displayWidth <= 40 })
    }

    @Test func longAnswersWrapAndScroll() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let long = (1...40).map { "word\($0)" }.joined(separator: " ")
        try f.add("Wrapped", day: "2026-11-01", learned: long)
        var d = f.driver(width: 40, height: 10)
        d.press(.enter)
        #expect(d.rows.allSatisfy { $0.displayWidth <= 40 })
        d.press(.char("G"))
        #expect(d.screen.contains("word40"))
        d.press(.char("g"))
        #expect(d.rows[1].contains("Wrapped"))
        #expect(!d.screen.contains("word40"))
    }

    @Test func escapeReturnsToTheSamePlaceInTheList() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...20 { try f.add(String(format: "Event %02d", n), day: String(format: "2026-10-%02d", n)) }
        var d = f.driver(width: 80, height: 10)
        for _ in 0..<9 { d.press(.down) }
        let before = d.rows
        d.press(.enter)
        #expect(d.rows[0].contains("Event 11"))
        d.press(.escape)
        #expect(d.rows == before)
        d.press(.enter, .char("q"))
        #expect(d.rows == before)
        #expect(d.exitStatus == nil)
    }

    @Test func returningToTheListShowsEntriesAddedMeanwhile() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 12)
        d.press(.enter)
        try f.add("Added by another process", day: "2026-11-25")
        d.press(.escape)
        #expect(d.screen.contains("Added by another process"))
        #expect(d.screen.contains("4 entries"))
        // The selection stays on the entry that was open.
        #expect(d.frame.buffer.style(row: 3, col: 0)?.reverse == true)
        #expect(d.rows[3].contains("Swift meetup Berlin"))
        try f.add("And another", day: "2026-11-26")
        d.press(.char("R"))
        #expect(d.screen.contains("And another"))
    }

    /// The bug a user met: the first Tab selected the second follow-up, so Tab then Space marked
    /// the wrong one done.
    @Test func theFirstTabSelectsTheFirstFollowUpAndSpaceMarksThatOne() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 90, height: 40)
        d.press(.enter)
        // Nothing is selected before Tab, and Space says how to pick one.
        let first = try #require(d.rows.firstIndex { $0.contains("Send the talk link") })
        #expect(d.frame.buffer.style(row: first, col: 4)?.reverse == false)
        d.press(.char(" "))
        #expect(d.screen.contains("Tab selects a follow-up; then Space marks it, s reschedules it"))
        d.press(.tab)
        #expect(d.frame.buffer.style(row: first, col: 4)?.reverse == true)
        #expect(d.frame.buffer.style(row: first + 1, col: 4)?.reverse == false)
        d.press(.char(" "))
        let entry = try #require(f.store.loadAll().entries.first { $0.title == "Swift meetup Berlin" })
        #expect(entry.followUps.map(\.done) == [Day(iso: "2026-11-26"), nil])
        // Shift-Tab from nothing selected goes to the last one.
        d.press(.escape, .enter, .backTab)
        let last = try #require(d.rows.firstIndex { $0.contains("[ ]  Ana Li") })
        #expect(d.frame.buffer.style(row: last, col: 4)?.reverse == true)
    }

    @Test func sReschedulesTheSelectedFollowUpInTheEntry() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 90, height: 40)
        d.press(.enter, .tab, .tab, .char("s"))
        #expect(d.rows[38].hasPrefix("New due date for Ana Li: Intro to Marc: "))
        d.type("in 2 weeks")
        d.press(.enter)
        #expect(d.rows[38].contains("Due 2026-12-10: Ana Li: Intro to Marc; postponed once, 20 days past its first date"))
        #expect(d.screen.contains("[ ]  Ana Li          Intro to Marc") && d.screen.contains("in 14 days"))
        let entry = try #require(f.store.loadAll().entries.first { $0.title == "Swift meetup Berlin" })
        #expect(entry.followUps[1].due == Day(iso: "2026-12-10") && entry.followUps[1].firstDue == Day(iso: "2026-11-20"))
        #expect(entry.followUps[1].postponed == 1)
        // D with nothing typed is today.
        d.press(.char("D"), .enter)
        #expect(d.screen.contains("[x]  Ana Li") && d.screen.contains("done 2026-11-26"))
    }
}
