import Testing
@testable import DebriefUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test func wideCharacterTakesTwoCells() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        let next = buffer.put("ab李", row: 0, col: 0)
        #expect(next == 4)
        #expect(buffer.rows == ["ab李 "])
        #expect(buffer[0, 3]?.isContinuation == true)
    }

    @Test func wideCharacterAtRightEdgeBecomesSpace() {
        var buffer = ScreenBuffer(width: 5, height: 2)
        buffer.put("abcd李", row: 0, col: 0)
        buffer.put("👋👋👋", row: 1, col: 0)
        #expect(buffer.rows == ["abcd ", "👋👋 "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var left = ScreenBuffer(width: 4, height: 1)
        left.put("李雷", row: 0, col: 0)
        left.put("x", row: 0, col: 1)
        #expect(left.rows == [" x雷"])

        var right = ScreenBuffer(width: 4, height: 1)
        right.put("李雷", row: 0, col: 0)
        right.put("y", row: 0, col: 2)
        #expect(right.rows == ["李y "])
    }

    @Test func skipsControlCharactersAndHonoursMaxWidth() {
        var buffer = ScreenBuffer(width: 6, height: 2)
        buffer.put("a\u{7}b\u{1B}c", row: 0, col: 0)
        buffer.put("hello", row: 1, col: 1, maxWidth: 3)
        #expect(buffer.rows == ["abc   ", " hel  "])
        #expect(buffer.trimmedRows == ["abc", " hel"])
    }

    @Test func writesOutsideTheBufferAreClipped() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.put("abcdef", row: 0, col: 1)
        buffer.put("zzz", row: 5, col: 0)
        buffer.put("xy", row: 0, col: -1)
        #expect(buffer.rows == ["yab"])
    }

    @Test func stylesAreRecordedPerCell() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        let bold = Style.role(.accent).bolded()
        buffer.put("ab", row: 0, col: 0, style: bold)
        buffer.put("cd", row: 0, col: 2)
        #expect(buffer.style(row: 0, col: 1) == bold)
        #expect(buffer.style(row: 0, col: 2) == .plain)
        #expect(buffer.styledRuns(row: 0).map(\.text) == ["ab", "cd  "])
        buffer.setStyle(Rect(row: 0, col: 2, width: 2, height: 1), style: Style.plain.reversed())
        #expect(buffer.style(row: 0, col: 3)?.reverse == true)
        #expect(buffer.rows == ["abcd  "])
    }

    @Test func fillClearsARectangle() {
        var buffer = ScreenBuffer(width: 4, height: 3)
        for row in 0..<3 { buffer.put("xxxx", row: row, col: 0) }
        buffer.fill(Rect(row: 1, col: 1, width: 2, height: 5), symbol: ".")
        #expect(buffer.rows == ["xxxx", "x..x", "x..x"])
    }

    @Test func changesListOnlyChangedRuns() {
        var before = ScreenBuffer(width: 6, height: 2)
        before.put("abcdef", row: 0, col: 0)
        var after = before
        after.put("X", row: 0, col: 2)
        after.put("李", row: 1, col: 4)
        #expect(after.changes(since: before) == [
            .init(row: 0, col: 2, text: "X", style: .plain, width: 1),
            .init(row: 1, col: 4, text: "李", style: .plain, width: 2),
        ])
        #expect(after.changes(since: after).isEmpty)
    }

    @Test func changingOnlyAContinuationRewritesTheWideCharacter() {
        var before = ScreenBuffer(width: 4, height: 1)
        before.put("李雷", row: 0, col: 0)
        var after = before
        after.put("z", row: 0, col: 3)
        #expect(after.rows == ["李 z"])
        #expect(after.changes(since: before) == [.init(row: 0, col: 2, text: " z", style: .plain, width: 2)])
    }

    @Test func differentSizeIsAFullRedraw() {
        var before = ScreenBuffer(width: 3, height: 1)
        before.put("abc", row: 0, col: 0)
        var after = ScreenBuffer(width: 4, height: 2)
        after.put("abc", row: 0, col: 0)
        let runs = after.changes(since: before)
        #expect(runs.map(\.text) == ["abc ", "    "])
        #expect(after.changes(since: nil).count == 2)
    }

    @Test func rectLayoutHelpers() {
        let area = Rect(width: 80, height: 24)
        let (body, status) = area.splitRows(bottom: 1)
        #expect(body == Rect(row: 0, col: 0, width: 80, height: 23))
        #expect(status == Rect(row: 23, col: 0, width: 80, height: 1))
        #expect(area.inset(by: 1) == Rect(row: 1, col: 1, width: 78, height: 22))
        #expect(area.splitColumns([.fixed(20), .fill, .fill]).map(\.width) == [20, 30, 30])
        #expect(area.splitRows([.fixed(2), .fill, .fixed(1)]).map(\.row) == [0, 2, 23])
        #expect(area.centered(width: 10, height: 4) == Rect(row: 10, col: 35, width: 10, height: 4))
        #expect(Rect(width: 1, height: 1).inset(by: 2).isEmpty)
    }
}
