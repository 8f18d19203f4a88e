@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The list frictions a second user met (issue 21, part 2): where Enter on a follow-up lands.
@Suite("List frictions")
struct ListFrictionTests {
    /// Enter on a follow-up opened its entry at the top, the follow-up out of sight and not
    /// selected: it opens the entry scrolled to that follow-up, selected, so Space acts on it.
    @Test func enterOnAFollowUpOpensItsEntryAtThatFollowUpSelected() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let people = (1...15).map { Person(name: "Person \($0)", level: "peer", relation: "new") }
        try f.add("Big conference", day: "2026-11-20", kind: "conference", people: people,
                  followUps: [FollowUp(who: "Person 1", action: "First thing", due: Day(iso: "2026-11-30")),
                              FollowUp(who: "Person 2", action: "Second thing", due: Day(iso: "2026-12-01")),
                              FollowUp(who: "Person 3", action: "Third thing", due: Day(iso: "2026-12-02"))])
        var d = f.app(width: 80, height: 14)
        d.press(.char("f"))
        d.press(.down, .enter)
        let ref = try #require(f.store.refs().first)
        #expect(RuntimeTests.stack(d) == [nil, .followUps, .entry(ref.id, followUp: 2)])
        let row = try #require(d.rows.firstIndex { $0.contains("Second thing") })
        #expect(d.frame.buffer.style(row: row, col: 4)?.reverse == true)
        #expect(d.rows.firstIndex { $0.contains("First thing") }.map { d.frame.buffer.style(row: $0, col: 4)?.reverse != true } ?? true)
        d.press(.char(" "))
        #expect(d.screen.contains("Done: Person 2: Second thing"))
        let entry = try f.store.read(ref)
        #expect(entry.followUps.map(\.done) == [nil, f.clock.today, nil])
    }

    /// At 80 columns the follow-ups screen cut What to 18 characters ("Share the Figma fi…")
    /// while Due and Who kept 16 columns each for "Kai" and "in 5 days": Due and Who are as
    /// wide as their widest cell, What and From share the rest. Compared whole.
    @Test func followUpColumnsAreSizedToTheirContent() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try FollowUpsProgramTests.journal(f)
        let d = FollowUpsProgramTests.driver(f, width: 80, height: 9)
        #expect(d.frame.buffer.trimmedRows == [
            " Debrief · follow-ups · open · 4",
            "     Due              Who         What                       From",
            "[ ]  6 days overdue   Ana Li      Intro to Marc              Swift meetup Berlin",
            "[ ]  due tomorrow     Zoë Brandt  Send the talk link         Swift meetup Berlin",
            "[ ]  in 5 days        Kai         Share the Figma file       Design meetup",
            "[ ]  no due date                  Write up the notes         Design meetup",
            "",
            "",
            "Space done/open  s reschedule  Enter open entry  Tab filter  ? help  q/Esc back",
        ])
    }

    /// Marking a row done makes its Due "done 2026-11-26", one column wider than "6 days
    /// overdue": the column already has room for it, so nothing moves or is cut (the first
    /// attempt sized Due from the rows shown and cut the marked row).
    @Test func aRowMarkedDoneKeepsItsDueWhole() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("Coffee", day: "2026-11-24", followUps: [FollowUp(who: "Ana", action: "Call", due: Day(iso: "2026-11-27"))])
        var d = FollowUpsProgramTests.driver(f, width: 80, height: 7)
        let header = d.frame.buffer.trimmedRows[1]
        d.press(.char(" "))
        #expect(d.frame.buffer.trimmedRows[1] == header)
        #expect(d.frame.buffer.trimmedRows[2] == "[x]  done 2026-11-26  Ana  Call" + String(repeating: " ", count: 43) + "Coffee")
    }

    /// A row whose action does not fit (a long action at 80 columns, any at 50) is written whole
    /// below the list while it is selected, with the entry it is from; a short one is not.
    @Test func theSelectedFollowUpIsShownWholeWhenItsRowCutsIt() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let long = "Send her the accessibility talk recording and the notes from our SwiftUI performance workshop"
        try f.add("iOS Dev Happy Hour", day: "2026-11-24",
                  followUps: [FollowUp(who: "Zoë Brandt", action: long, due: Day(iso: "2026-11-25")),
                              FollowUp(who: "Kai", action: "Call", due: Day(iso: "2026-11-30"))])
        var d = FollowUpsProgramTests.driver(f, width: 80, height: 9)
        #expect(d.frame.buffer.trimmedRows == [
            " Debrief · follow-ups · open · 2",
            "     Due              Who         What                        From",
            "[ ]  1 day overdue    Zoë Brandt  Send her the accessibilit…  iOS Dev Happy Hour",
            "[ ]  in 4 days        Kai         Call                        iOS Dev Happy Hour",
            "",
            "",
            "Zoë Brandt: Send her the accessibility talk recording and the notes from our",
            "SwiftUI performance workshop · from iOS Dev Happy Hour",
            "Space done/open  s reschedule  Enter open entry  Tab filter  ? help  q/Esc back",
        ])
        d.press(.down)
        #expect(!d.screen.contains("SwiftUI performance workshop"))
        // A message the last key left has the line first.
        d.press(.up, .char(" "))
        #expect(d.screen.contains("Done: Zoë Brandt: Send her"))
        #expect(!d.screen.contains("· from iOS Dev Happy Hour"))
    }

    /// `s` asked "New due date" and took `next fri` without saying which Friday it read: the
    /// prompt shows the day typed so far with its weekday and week, as the reflection's due field
    /// does, and `D` shows the day it will record, today until something else is typed.
    @Test func theDatePromptsShowTheWeekdayAndWeekOfTheDayTyped() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = FollowUpsProgramTests.driver(f, width: 80, height: 8)
        d.press(.char("s"))
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: Intro to Marc:   Esc cancels")
        d.type("fri")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: Intro to Marc: fri  → Fri 27 Nov (tomorrow)")
        d.type(" week")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: Intro to Marc: fri week  Esc cancels")
        d.press(.ctrl("u"))
        // On a Thursday `next fri` reads as tomorrow: the prompt says so before Enter.
        d.type("next fri")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: Intro to Marc: next fri  → Fri 27 Nov (tomorrow)")
        d.press(.ctrl("u"))
        d.type("in 2 weeks")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: Intro to Marc: in 2 weeks  → Thu 10 Dec (in 2 weeks)")
        d.press(.escape, .char("D"))
        #expect(d.frame.buffer.trimmedRows[6] == "Done on (Enter: today) for Ana Li: Intro to…:   → Thu 26 Nov (today)")
        d.type("mon")
        #expect(d.frame.buffer.trimmedRows[6].hasSuffix(": mon  → Mon 23 Nov (this week)"))
        // At 50 columns the day stays, its week giving way last but one.
        var narrow = FollowUpsProgramTests.driver(f, width: 50, height: 8)
        narrow.press(.char("s"))
        narrow.type("fri")
        #expect(narrow.frame.buffer.trimmedRows[6] == "New due date for Ana Li: I…: fri  → Fri 27 Nov")
    }

    /// Found in the new-user trial: Who kept 13 columns for "Henrike Vogel", whose only
    /// follow-up was done and not listed, and cut the action at 24 columns. Who is as wide as the
    /// names in the rows listed: the action gets 30.
    @Test func whoIsAsWideAsTheNamesListed() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("DevOpsDays Berlin", day: "2026-11-24",
                  followUps: [FollowUp(who: "Henrike Vogel", action: "Send the case studies", due: Day(iso: "2026-11-25"), done: Day(iso: "2026-11-25")),
                              FollowUp(who: "Bo Chen", action: "Share the Backstage plugin repository link", due: Day(iso: "2026-11-30"))])
        var d = FollowUpsProgramTests.driver(f, width: 80, height: 6)
        #expect(d.frame.buffer.trimmedRows[1] == "     Due              Who      What                            From")
        #expect(d.frame.buffer.trimmedRows[2] == "[ ]  in 4 days        Bo Chen  Share the Backstage plugin re…  DevOpsDays Berlin")
        // Listing the done one too makes room for its name.
        d.press(.char("a"))
        #expect(d.frame.buffer.trimmedRows[1].hasPrefix("     Due              Who            What"))
    }

    /// Found in the new-user trial at 50×20: `D` then "yesterday" left no room for the day it
    /// resolved to after "Done on (Enter: today) for Bo Chen: …: ". When the whole question
    /// leaves no room, the question drops its follow-up (its row stays highlighted above).
    @Test func aNarrowDatePromptKeepsTheResolvedDayInView() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = FollowUpsProgramTests.driver(f, width: 50, height: 8)
        d.press(.char("D"))
        d.type("yesterday")
        #expect(d.frame.buffer.trimmedRows[6] == "Done on: yesterday  → Wed 25 Nov (yesterday)")
        #expect(d.frame.buffer.style(row: 2, col: 0)?.reverse == true)
        d.press(.escape, .char("s"))
        d.type("in 2 weeks")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date: in 2 weeks  → Thu 10 Dec")
        // With room, the follow-up stays named.
        d.press(.ctrl("u"))
        d.type("fri")
        #expect(d.frame.buffer.trimmedRows[6] == "New due date for Ana Li: I…: fri  → Fri 27 Nov")
    }

    /// Found in the new-user trial: home's follow-up rows cut the action ("Send her the three
    /// data-engineering case stu…") with no way to read it there. The selected one is shown
    /// whole, its rest on rows under the action; the others keep one row.
    @Test func homeShowsTheSelectedFollowUpWhole() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("DevOpsDays Berlin", day: "2026-11-24",
                  followUps: [FollowUp(who: "Henrike Vogel", action: "Send her the three data-engineering case studies and the slides",
                                       due: Day(iso: "2026-11-27")),
                              FollowUp(who: "Li Lei", action: "Send him the write-up of the platform engineering panel and the recording link",
                                       due: Day(iso: "2026-11-28"))])
        var d = ProgramDriver(HomeProgramTests.home(f), width: 80, height: 24)
        d.send(.resize(width: 80, height: 24))
        #expect(Array(d.frame.buffer.trimmedRows[1...5]) == [
            " Follow-ups due   Space done/open  s reschedule  D done another day",
            "  [ ] due tomorrow  Henrike Vogel: Send her the three data-engineering case",
            "                    studies and the slides  (from DevOpsDays Berlin)",
            "  [ ] in 2 days     Li Lei: Send him the write-up of the platform engineering p…",
            "",
        ])
        d.press(.down)
        #expect(Array(d.frame.buffer.trimmedRows[2...5]) == [
            "  [ ] due tomorrow  Henrike Vogel: Send her the three data-engineering case stu…",
            "  [ ] in 2 days     Li Lei: Send him the write-up of the platform engineering",
            "                    panel and the recording link  (from DevOpsDays Berlin)",
            "",
        ])
    }
}

