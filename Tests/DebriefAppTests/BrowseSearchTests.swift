import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

@Suite struct BrowseSearchTests {
    @Test func searchIgnoresCaseAndDiacriticsAndNJumps() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        try f.add("Old chat", day: "2026-09-01", notes: "Met ZOE again at the bakery.")
        var d = f.driver(width: 80, height: 12)
        d.press(.char("/"))
        d.type("zoe")
        #expect(d.rows[10].hasPrefix("/zoe"))
        // Incremental: the first match is selected while typing.
        #expect(d.rows[2].contains("Swift meetup Berlin"))
        #expect(d.frame.buffer.style(row: 2, col: 0)?.reverse == true)
        d.press(.enter)
        d.press(.char("n"))
        #expect(d.frame.buffer.style(row: 5, col: 0)?.reverse == true)
        #expect(d.rows[5].contains("Old chat"))
        d.press(.char("n"))
        #expect(d.frame.buffer.style(row: 2, col: 0)?.reverse == true)
        d.press(.char("N"))
        #expect(d.frame.buffer.style(row: 5, col: 0)?.reverse == true)
    }

    @Test func searchFindsWordsInAnswersAndHighlightsThemInTheDetail() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 40)
        d.press(.char("/"))
        d.type("roadmaps")
        d.press(.enter)
        #expect(d.frame.buffer.style(row: 3, col: 0)?.reverse == true)
        d.press(.enter)
        #expect(d.rows[0].contains("Product coffee"))
        let row = try #require(d.rows.firstIndex { $0.contains("Roadmaps are bets") })
        let col = try #require(d.rows[row].range(of: "Roadmaps")).lowerBound.utf16Offset(in: d.rows[row])
        let style = try #require(d.frame.buffer.style(row: row, col: col))
        #expect(style.underline && style.bold)
        #expect(d.frame.buffer.style(row: row, col: col + 9)?.underline == false)
    }

    @Test func matchedWordsAreHighlightedInTheListToo() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 12)
        d.press(.char("/"))
        d.type("coffee")
        d.press(.enter)
        let row = try #require(d.rows.firstIndex { $0.contains("Product coffee") })
        let col = try #require(d.rows[row].range(of: "coffee")).lowerBound.utf16Offset(in: d.rows[row])
        #expect(d.frame.buffer.style(row: row, col: col)?.underline == true)
        #expect(d.frame.buffer.style(row: row, col: col - 2)?.underline == false)
        // Rows that do not show the word carry no highlight.
        let other = try #require(d.rows.firstIndex { $0.contains("Swift meetup Berlin") })
        #expect((0..<80).allSatisfy { d.frame.buffer.style(row: other, col: $0)?.underline != true })
    }

    @Test func nInTheDetailScrollsToTheNextMatchingLine() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let filler = (1...30).map { "line\($0)" }.joined(separator: "\n")
        try f.add("Long", day: "2026-11-01", notes: "Zoë first\n" + filler + "\nzoe again at the end")
        var d = f.driver(width: 60, height: 10)
        d.press(.enter, .char("/"))
        d.type("zoë")
        #expect(d.screen.contains("Zoë first"))
        d.press(.enter, .char("n"))
        #expect(d.screen.contains("zoe again at the end"))
        d.press(.char("n"))
        #expect(d.screen.contains("Zoë first"))
    }

    @Test func noMatchSaysSoAndEscapeRestoresTheSelection() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 12)
        d.press(.down, .char("/"))
        d.type("xyzzy")
        #expect(d.screen.contains("No match for “xyzzy”"))
        d.press(.escape)
        #expect(d.frame.buffer.style(row: 3, col: 0)?.reverse == true)
    }

    @Test func filtersByPersonTagKindPitfallAndDateAndClearWithOneKey() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 12)
        d.press(.char("F"))
        d.type("person:ana li")
        d.press(.enter)
        #expect(d.rows[1].contains("Filter: person:ana li"))
        #expect(d.screen.contains("2 of 3 entries"))
        #expect(d.screen.contains("Swift meetup Berlin") && d.screen.contains("Product coffee"))
        #expect(!d.screen.contains("Cloud conference"))
        d.press(.char("x"))
        #expect(d.screen.contains("3 entries") && d.screen.contains("Cloud conference"))
        #expect(!d.screen.contains("Filter:"))

        func filtered(_ text: String) -> String {
            var e = f.driver(width: 80, height: 12)
            e.press(.char("F"))
            e.type(text)
            e.press(.enter)
            return e.screen
        }
        #expect(filtered("tag:product").contains("1 of 3 entries"))
        #expect(filtered("kind:conference").contains("Cloud conference"))
        #expect(!filtered("kind:conference").contains("Product coffee"))
        #expect(filtered("since:2026-11-01 until:2026-11-21").contains("Product coffee"))
        #expect(filtered("since:2026-11-01 until:2026-11-21").contains("1 of 3"))
        #expect(filtered("pitfall:no-follow-up").contains("Swift meetup Berlin"))
        // The product coffee met only Ana, already known: no planned follow-up is needed.
        #expect(filtered("pitfall:no-follow-up").contains("1 of 3"))
        #expect(!filtered("pitfall:no-follow-up").contains("Cloud conference"))
    }

    @Test func aBadFilterIsExplainedAndNotApplied() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 100, height: 12)
        d.press(.char("F"))
        d.type("since:someday")
        d.press(.enter)
        #expect(d.screen.contains("'someday' is not a date"))
        d.press(.escape)
        #expect(d.screen.contains("3 entries"))
    }
}
