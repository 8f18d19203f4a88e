import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

@Suite struct BrowseListTests {
    @Test func listsNewestFirstWithCountsAndHelpBar() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let d = f.driver(width: 90, height: 12)
        let rows = d.rows
        #expect(rows[0].contains("3 entries"))
        #expect(rows[1].contains("Date") && rows[1].contains("Title"))
        #expect(rows[2].hasPrefix("2026-11-24  meetup"))
        #expect(rows[2].contains("Swift meetup Berlin"))
        #expect(rows[3].contains("Product coffee"))
        #expect(rows[4].contains("Cloud conference"))
        // One person, two open follow-ups on the newest entry.
        #expect(rows[2].hasSuffix("2   "))
        #expect(rows[11].contains("Enter open") && rows[11].contains("/ search"))
        // The selection is visible without colour.
        #expect(d.frame.buffer.style(row: 2, col: 0)?.reverse == true)
    }

    @Test func wideTitlesAreCutByDisplayWidthWithEllipsis() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("東京のSwiftミートアップ👋で話した人たちとの長い長いタイトル", day: "2026-11-01")
        let d = f.driver(width: 60, height: 8)
        let row = d.rows[2]
        #expect(row.contains("東京のSwift"))
        #expect(row.contains("…"))
        #expect(row.displayWidth == 60)
    }

    @Test func navigationKeepsSelectionVisible() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...30 { try f.add(String(format: "Event %02d", n), day: String(format: "2026-10-%02d", n)) }
        var d = f.driver(width: 80, height: 10)
        // 10 rows: title, header, 6 list rows, status, help.
        #expect(d.rows[2].contains("Event 30"))
        for _ in 0..<8 { d.press(.char("j")) }
        #expect(d.rows[7].contains("Event 22"))
        #expect(d.frame.buffer.style(row: 7, col: 0)?.reverse == true)
        d.press(.char("G"))
        #expect(d.rows[7].contains("Event 01"))
        d.press(.home)
        #expect(d.rows[2].contains("Event 30"))
        d.press(.pageDown)
        #expect(d.screen.contains("Event 25"))
        d.press(.end, .up, .up)
        #expect(d.rows[5].contains("Event 03"))
        // Resize: the layout follows and the selection stays on screen.
        d.send(.resize(width: 60, height: 6))
        #expect(d.screen.contains("Event 03"))
        #expect(d.rows.count == 6)
    }

    @Test func helpOverlayListsEveryBinding() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 30)
        d.press(.char("?"))
        #expect(d.screen.contains("undo delete"))
        #expect(d.screen.contains("PgDn"))
        d.press(.char("x"))
        #expect(!d.screen.contains("undo delete  "))
    }

    @Test func emptyJournalSaysSo() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let d = f.driver(width: 80, height: 10)
        #expect(d.screen.contains("The journal is empty"))
    }

    @Test func guidedEditOpensOverTheList() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 10)
        d.press(.char("j"), .char("e"))
        #expect(d.exitStatus == nil)
        #expect(d.topRequest == .editEntry(f.store.refs()[1].id))
    }

    @Test func rOpensTheReviewAndCapitalRStillReloads() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 30)
        d.press(.char("?"))
        #expect(d.rows.contains { $0.contains("│ r ") && $0.contains(" review ") })
        #expect(d.rows.contains { $0.contains("│ R ") && $0.contains(" reload ") })
        d.press(.char("?"))
        d.press(.char("R"))
        #expect(d.screen.contains("Reloaded"))
        #expect(d.exitStatus == nil)
        // In an entry, r means nothing; on the list it hands off to the review.
        d.press(.enter, .char("r"))
        #expect(d.exitStatus == nil)
        d.press(.escape, .char("r"))
        #expect(d.exitStatus == nil)
        #expect(d.opened == [.review])
    }

    @Test func largeJournalsLoadTheFirstPageFirstAndTheRestOnIdleTicks() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...30 { try f.add(String(format: "Event %02d", n), day: String(format: "2026-10-%02d", n)) }
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 5)
        var d = ProgramDriver(program, width: 80, height: 10)
        #expect(d.rows[0].contains("30 entries (reading 5…)"))
        #expect(d.rows[2].contains("Event 30"))
        d.send(.tick)
        #expect(d.rows[0].contains("30 entries"))
        #expect(!d.rows[0].contains("reading"))
        d.press(.down)
        #expect(d.frame.buffer.style(row: 3, col: 0)?.reverse == true)
        #expect(d.rows[3].contains("Event 29"))
        d.press(.char("G"))
        #expect(d.rows[7].contains("Event 01"))
    }

    @Test func eachKeyReadsAChunkWhenTicksDoNotArrive() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...30 { try f.add(String(format: "Event %02d", n), day: String(format: "2026-10-%02d", n)) }
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 5)
        var d = ProgramDriver(program, width: 80, height: 10)
        d.press(.down)
        #expect(!d.rows[0].contains("reading"))
        #expect(d.rows[3].contains("Event 29"))
    }

    @Test func searchReadsWhatIsStillPendingFirst() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...12 { try f.add(String(format: "Event %02d", n), day: String(format: "2026-10-%02d", n)) }
        try f.add("Oldest", day: "2026-09-01", notes: "Zoë was there")
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 3)
        var d = ProgramDriver(program, width: 80, height: 10)
        d.press(.char("/"))
        d.type("zoe")
        d.press(.enter)
        #expect(d.rows[0].contains("13 entries"))
        #expect(d.screen.contains("Oldest"))
    }
}

/// The warning about files that could not be read shows from the first frame, not only after `R`.
@Suite struct BrowseUnreadWarningTests {
    @Test func theWarningShowsWhenBrowseOpens() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("Good evening", day: "2026-10-01")
        let dir = f.store.entriesDirectory + "/2026/10"
        try Data("no front matter\n".utf8).write(to: URL(fileURLWithPath: dir + "/2026-10-02-1000-broken.md"))
        #expect(symlink("/nowhere", dir + "/2026-10-03-1000-gone.md") == 0)
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 100)
        let d = ProgramDriver(program, width: 80, height: 10)
        #expect(d.rows[8] == "2 files could not be read; run `debrief doctor`".padding(toLength: 80, withPad: " ", startingAt: 0),
                "the screen was:\n\(d.screen)")
    }
}
