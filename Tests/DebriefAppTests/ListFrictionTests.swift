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
}
