@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The people screen over a temporary journal with the clock at 2026-11-26 (see `BrowseFixture`).
@Suite struct PeopleProgramTests {
    static func program(_ f: BrowseFixture) -> PeopleProgram {
        PeopleProgram(cache: JournalCache(store: f.store), clock: f.clock)
    }

    /// A driver at the given size, told the size first as the runtime does.
    static func driver(_ f: BrowseFixture, width: Int, height: Int) -> ProgramDriver<PeopleProgram> {
        var d = ProgramDriver(program(f), width: width, height: height)
        d.send(.resize(width: width, height: height))
        return d
    }

    /// The standard journal (Zoë and Ana in November) plus Zoë spelled in a hurry in October
    /// and Marc, known but silent since the spring.
    static func journal(_ f: BrowseFixture) throws {
        try f.standard()
        try f.add("Server-side Swift day", day: "2026-10-05", kind: "conference",
                  people: [Person(name: "zoe  brandt", level: "junior", relation: "new")])
        try f.add("Old team lunch", day: "2026-04-02",
                  people: [Person(name: "Marc Weber", level: "senior", relation: "existing")])
    }

    @Test func drawsAtOnceAndSaysItIsReadingUntilTheJournalArrives() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = ProgramDriver(holdingBackground: Self.program(f), width: 100, height: 12)
        #expect(d.rows[0].contains("Debrief · people · everyone · reading…"))
        #expect(d.screen.contains("Reading the journal…"))
        d.finishBackground()
        #expect(d.rows[0].contains("Debrief · people · everyone · 3"))
        #expect(!d.screen.contains("reading"))
    }

    @Test func everyoneByLastMetWithNamesMergedInTheirMostFrequentSpelling() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        let d = Self.driver(f, width: 100, height: 12)
        let rows = d.trimmed
        #expect(rows[1].contains("Name") && rows[1].contains("Met") && rows[1].contains("Last met")
            && rows[1].contains("Level") && rows[1].contains("Relation") && rows[1].contains("Open"))
        // Zoë: two entries, one spelling each, so the newest shows; level and relation from the
        // newest; one open follow-up.
        #expect(rows[2].hasPrefix("Zoë Brandt") && rows[2].contains("2  2026-11-24  peer       new") && rows[2].hasSuffix("1"))
        #expect(rows[3].hasPrefix("Ana Li") && rows[3].contains("1  2026-11-20  senior     existing") && rows[3].hasSuffix("1"))
        #expect(rows[4].hasPrefix("Marc Weber") && rows[4].contains("1  2026-04-02  senior     existing"))
        #expect(!d.screen.contains("zoe  brandt"))
        #expect(d.frame.buffer.style(row: 2, col: 0)?.reverse == true)
        #expect(rows[11].contains("Enter open") && rows[11].contains("/ find name") && rows[11].contains("c cold/all"))
    }

    @Test func cTogglesTheColdList() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = Self.driver(f, width: 100, height: 12)
        d.press(.char("c"))
        #expect(d.rows[0].contains("people · cold (90+ days unmentioned) · 1"))
        #expect(d.rows[1].contains("Silent"))
        #expect(d.rows[2].hasPrefix("Marc Weber") && d.rows[2].contains("238 days"))
        #expect(!d.screen.contains("Zoë Brandt"))
        d.press(.char("c"))
        #expect(d.rows[0].contains("people · everyone · 3"))
    }

    @Test func slashFindsNamesAsYouTypeIgnoringAccents() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = Self.driver(f, width: 100, height: 12)
        d.press(.down, .down)
        d.press(.char("/"))
        d.type("zo")
        #expect(d.rows[0].contains("everyone · 1"))
        #expect(d.rows[2].hasPrefix("Zoë Brandt"))
        d.type("e  b")
        #expect(d.rows[2].hasPrefix("Zoë Brandt"))
        #expect(d.rows[10].hasPrefix("/zoe  b"))
        #expect(d.frame.cursor == Position(row: 10, col: 7))
        d.press(.enter)
        #expect(d.frame.cursor == nil)
        #expect(d.rows[10].contains("Names like “zoe  b” (Esc shows everyone)"))
        d.press(.char("/"), .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        d.type("x")
        #expect(d.screen.contains("Nobody named like “x”; Esc shows everyone."))
        d.press(.escape)
        #expect(d.rows[0].contains("everyone · 3"))
        // Esc clears a kept name before it leaves.
        d.press(.char("/"))
        d.type("ana")
        d.press(.enter, .escape)
        #expect(d.rows[0].contains("everyone · 3"))
        #expect(d.exitStatus == nil)
        d.press(.escape)
        #expect(d.exitStatus == 0)
    }

    @Test func enterOpensAPersonWithTheirEntriesAndOpenFollowUps() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = Self.driver(f, width: 100, height: 14)
        d.press(.enter)
        let rows = d.trimmed
        #expect(rows[0].contains("Debrief · people · Zoë Brandt"))
        #expect(rows[1] == "met 2 times, 2026-10-05 to 2026-11-24 · peer · new")
        #expect(rows[3] == "Entries (2)")
        #expect(rows[4] == "  2026-11-24  Swift meetup Berlin")
        #expect(rows[5] == "  2026-10-05  Server-side Swift day")
        #expect(rows[7] == "Open follow-ups (1)")
        #expect(rows[8] == "  [ ] due tomorrow      Send the talk link")
        #expect(d.frame.buffer.style(row: 4, col: 2)?.reverse == true)
        #expect(rows[13].contains("Enter open entry") && rows[13].contains("Esc/q back"))

        let entries = f.store.refs()
        let meetup = try #require(entries.first { $0.id.contains("swift-meetup") })
        let conference = try #require(entries.first { $0.id.contains("server-side") })
        var second = d
        second.press(.down, .enter)
        #expect(second.exitStatus == 0)
        #expect(second.program.handoff == .entry(conference.id))
        // A follow-up opens the entry it came from; the selection skips the headings.
        d.press(.char("G"))
        #expect(d.frame.buffer.style(row: 8, col: 2)?.reverse == true)
        d.press(.enter)
        #expect(d.program.handoff == .entry(meetup.id))
    }

    @Test func overdueFollowUpsInAPersonViewAreBold() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = Self.driver(f, width: 100, height: 14)
        d.press(.down, .enter)
        #expect(d.rows[0].contains("Ana Li"))
        let row = try #require(d.trimmed.firstIndex { $0.contains("6 days overdue") })
        #expect(d.trimmed[row] == "  [ ] 6 days overdue    Intro to Marc")
        #expect(d.frame.buffer.style(row: row, col: 2)?.bold == true)
    }

    @Test func backFromAPersonOrAnEntryKeepsThePlace() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        for n in 1...12 {
            try f.add("Meetup \(n)", day: String(format: "2026-09-%02d", n), people: [Person(name: "Person \(n)")])
        }
        var d = Self.driver(f, width: 90, height: 10)
        for _ in 0..<8 { d.press(.char("j")) }
        let before = d.rows
        d.press(.enter)
        #expect(d.rows[0].contains("Person 6"))
        d.press(.escape)
        #expect(d.rows == before)
        d.press(.enter, .char("q"))
        #expect(d.rows == before)
        #expect(d.exitStatus == nil)

        // Enter on an entry leaves for it; the session then runs the same value again.
        d.press(.enter, .enter)
        #expect(d.exitStatus == 0)
        var back = ProgramDriver(d.program, width: 90, height: 10)
        #expect(back.program.handoff == nil)
        #expect(back.rows[0].contains("Person 6"))
        back.press(.char("q"))
        #expect(back.rows == before)
        back.press(.char("q"))
        #expect(back.exitStatus == 0)
    }

    @Test func helpOverlay() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        var d = Self.driver(f, width: 90, height: 24)
        d.press(.char("?"))
        #expect(d.screen.contains("Keys (any key closes)"))
        #expect(d.screen.contains("c       cold/all"))
        d.press(.char("q"))
        #expect(d.exitStatus == nil)
        d.press(.enter, .char("?"))
        #expect(d.screen.contains("Enter   open entry"))
    }

    @Test func emptyJournalSaysWhereNamesComeFrom() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        var d = Self.driver(f, width: 100, height: 10)
        #expect(d.screen.contains("No people in the journal yet"))
        d.press(.enter, .char("c"))
        #expect(d.screen.contains("Nobody you know has gone unmentioned for 90 days or more."))
    }

    @Test func narrowScreensCutWideNamesByDisplayWidth() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("東京のSwiftミートアップ👋で話した人たちとの長い夜", day: "2026-11-24",
                  people: [Person(name: "李雷・韓梅梅・王小明👋👋", level: "peer", relation: "new")],
                  followUps: [FollowUp(who: "李雷・韓梅梅・王小明👋👋", action: "送りますスライドのリンク👋とメモ", due: Day(iso: "2026-11-28"))])
        var d = Self.driver(f, width: 40, height: 12)
        #expect(d.rows.allSatisfy { $0.displayWidth == 40 })
        #expect(d.rows[1].contains("Name") && !d.rows[1].contains("Level"))
        #expect(d.rows[2].hasPrefix("李雷・韓梅梅") && d.rows[2].contains("…") && d.rows[2].contains("2026-11-24"))
        d.press(.enter)
        #expect(d.rows.allSatisfy { $0.displayWidth == 40 })
        #expect(d.rows[0].contains("李雷"))
        let entry = try #require(d.rows.first { $0.contains("2026-11-24  東京") })
        #expect(entry.contains("…"))
        let followUp = try #require(d.rows.first { $0.contains("in 2 days") })
        #expect(followUp.contains("送ります") && followUp.contains("…"))
    }

    @Test func aPersonsFollowUpsAreMarkedAndMovedInPlace() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try Self.journal(f)
        let path = try #require(f.store.refs().first { $0.id.contains("swift-meetup") }).path
        func file() -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        var d = Self.driver(f, width: 100, height: 14)
        d.press(.down, .enter)
        #expect(d.rows[0].contains("Ana Li"))
        #expect(d.rows[13].contains("Space done/open  s reschedule"))
        // On an entry's row the follow-up keys say where to go.
        d.press(.char(" "))
        #expect(d.rows[12].contains("Select one of the follow-ups (↓) first"))
        d.press(.char("G"))
        let row = try #require(d.trimmed.firstIndex { $0.contains("Intro to Marc") })
        d.press(.char("s"))
        #expect(d.rows[12].hasPrefix("New due date for Ana Li: Intro to Marc: "))
        d.type("next mon")
        d.press(.enter)
        #expect(d.trimmed[row] == "  [ ] in 4 days         Intro to Marc")
        #expect(d.rows[12].contains("Due 2026-11-30: Ana Li: Intro to Marc; postponed once, 10 days past its first date"))
        #expect(file().contains("    due: 2026-11-30\n    first-due: 2026-11-20\n    postponed: 1\n"))
        d.press(.char(" "))
        #expect(d.trimmed[row] == "  [x] done today        Intro to Marc")
        #expect(file().contains("    due: 2026-11-30\n    done: 2026-11-26\n"))
        d.press(.char(" "))
        #expect(d.trimmed[row] == "  [ ] in 4 days         Intro to Marc")
        #expect(!file().contains("    done: 2026-11-26\n"))
    }
}

extension ProgramDriver {
    /// Rows without trailing spaces.
    var trimmed: [String] { frame.buffer.trimmedRows }
}
