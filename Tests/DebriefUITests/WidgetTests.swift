import Testing
@testable import DebriefUI

@Suite("Widgets")
struct WidgetTests {
    @Test func progressBar() {
        #expect(ProgressBar(fraction: 0.5).text(width: 10) == "━━━━━─────")
        #expect(ProgressBar(fraction: 0.5, ascii: true).text(width: 10) == "#####-----")
        #expect(ProgressBar(fraction: 1.2).text(width: 4) == "━━━━")
        #expect(ProgressBar(fraction: .nan).text(width: 3) == "───")
        #expect(ProgressBar(fraction: 0.99).filledCells(width: 10) == 9)
        var buffer = ScreenBuffer(width: 4, height: 1)
        ProgressBar(fraction: 0.5, ascii: true).render(into: &buffer, rect: buffer.area)
        #expect(buffer.rows == ["##--"])
        #expect(buffer.style(row: 0, col: 1)?.role == .accent)
        #expect(buffer.style(row: 0, col: 2)?.role == .muted)
    }

    @Test func listStateKeepsSelectionVisible() {
        var list = ListState(count: 100)
        for _ in 0..<12 { list.moveDown(height: 10) }
        #expect(list.selected == 12)
        #expect(list.offset == 3)
        list.pageDown(height: 10)
        #expect(list.selected == 21)
        #expect(list.offset == 12)
        list.moveToLast(height: 10)
        #expect(list.selected == 99)
        #expect(list.offset == 90)
        #expect(list.visibleRange(height: 10) == 90..<100)
        list.pageUp(height: 10)
        #expect(list.selected == 90)
        #expect(list.offset == 90)
        list.moveUp(height: 10)
        #expect(list.offset == 89)
        list.moveToFirst(height: 10)
        #expect(list.selected == 0)
        #expect(list.offset == 0)
        list.moveUp(height: 10)
        #expect(list.selected == 0)
    }

    @Test func listStateClampsWhenCountChanges() {
        var list = ListState(count: 20)
        list.moveToLast(height: 5)
        list.count = 3
        #expect(list.selected == 2)
        list.scrollToSelection(height: 5)
        #expect(list.offset == 0)
        list.count = 0
        #expect(list.selected == nil)
        #expect(ListState(count: 0).selected == nil)
    }

    @Test func flexibleColumnsShareByWhatTheyNeed() {
        let table = Table(columns: [.init("#", width: 3), .init("What"), .init("From")], rows: [])
        // 40 columns less 3 fixed and 4 of gaps leave 33: without needs each gets 16.
        #expect(table.columnWidths(totalWidth: 40) == [3, 16, 16])
        // From needs 6, so What gets the other 27.
        #expect(table.columnWidths(totalWidth: 40, needs: [nil, 40, 6]) == [3, 27, 6])
        // Both need more than half: an equal split, the odd column to the first.
        #expect(table.columnWidths(totalWidth: 40, needs: [nil, 40, 30]) == [3, 17, 16])
        // Both need little: What takes what nobody needs.
        #expect(table.columnWidths(totalWidth: 40, needs: [nil, 5, 6]) == [3, 27, 6])
        #expect(table.format(["[ ]", "Send the link", "Coffee"], widths: [3, 27, 6], totalWidth: 40)
            == "[ ]  Send the link                Coffee")
    }

    @Test func tableTruncatesByDisplayWidth() {
        let table = Table(columns: [.init("Name", width: 6), .init("Where"), .init("#", width: 2, alignment: .right)],
                          rows: [["李雷李雷", "Berlin", "3"], ["Zoë", "a very long venue name", "12"]])
        #expect(table.format(table.rows[0], totalWidth: 24) == "李雷…   Berlin         3")
        var buffer = ScreenBuffer(width: 24, height: 4)
        var state = ListState(count: 2)
        state.select(1, height: 3)
        table.render(into: &buffer, rect: buffer.area, state: state)
        #expect(buffer.rows == [
            "Name    Where          #",
            "李雷…   Berlin         3",
            "Zoë     a very long…  12",
            "                        ",
        ])
        #expect(buffer.style(row: 2, col: 0)?.reverse == true)
        #expect(buffer.style(row: 1, col: 0)?.reverse == false)
    }

    @Test func boxDrawsBorderAndTitle() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        let inner = Box(title: "Hi", symbols: .ascii).render(into: &buffer, rect: buffer.area)
        #expect(buffer.rows == ["+- Hi ---+", "|        |", "+--------+"])
        #expect(inner == Rect(row: 1, col: 1, width: 8, height: 1))
        var unicode = ScreenBuffer(width: 4, height: 3)
        Box().render(into: &unicode, rect: unicode.area)
        #expect(unicode.rows == ["╭──╮", "│  │", "╰──╯"])
    }
}
