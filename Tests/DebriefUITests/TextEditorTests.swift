import Testing
@testable import DebriefUI

@Suite("Text editor")
struct TextEditorTests {
    /// An editor with `text` and the cursor at `cursor` (end when nil), wrapping at `width`.
    func editor(_ text: String, cursor: Int? = nil, width: Int = 80, multiline: Bool = true) -> TextEditor {
        var editor = TextEditor(text: text, multiline: multiline, width: width)
        if let cursor { editor.cursor = cursor }
        return editor
    }

    @Test func typingInsertsAtTheCursor() {
        var e = editor("hllo", cursor: 1)
        do { let consumed = e.handle(.char("e")); #expect(consumed) }
        #expect(e.text == "hello")
        #expect(e.cursor == 2)
        do { let consumed = e.handle(.char("\u{7}")); #expect(consumed == false) }
        #expect(e.text == "hello")
    }

    @Test func separatelyTypedCombiningMarksJoinTheirBase() {
        var e = editor("ab", cursor: 1)
        e.handle(.char("e"))
        e.handle(.char("\u{301}"))
        #expect(e.characters == ["a", "e\u{301}", "b"])
        #expect(e.cursor == 2)
        e.handle(.char("👍"))
        e.handle(.char("🏽"))
        #expect(e.characters == ["a", "e\u{301}", "👍🏽", "b"])
        #expect(e.cursor == 3)
    }

    @Test func leftAndRightMoveByGrapheme() {
        var e = editor("a👍🏽b")
        #expect(e.cursor == 3)
        do { let consumed = e.handle(.left); #expect(consumed) }
        do { let consumed = e.handle(.left); #expect(consumed) }
        #expect(e.cursor == 1)
        do { let consumed = e.handle(.left); #expect(consumed) }
        do { let consumed = e.handle(.left); #expect(consumed == false) }
        do { let consumed = e.handle(.right); #expect(consumed) }
        #expect(e.cursor == 1)
        e.cursor = 3
        do { let consumed = e.handle(.right); #expect(consumed == false) }
    }

    @Test func backspaceAndDeleteRemoveWholeGraphemes() {
        var e = editor("x👨‍👩‍👧y", cursor: 2)
        do { let consumed = e.handle(.backspace); #expect(consumed) }
        #expect(e.text == "xy")
        #expect(e.cursor == 1)
        do { let consumed = e.handle(.delete); #expect(consumed) }
        #expect(e.text == "x")
        do { let consumed = e.handle(.delete); #expect(consumed) }
        #expect(e.text == "x")
        e.cursor = 0
        do { let consumed = e.handle(.backspace); #expect(consumed) }
        #expect(e.text == "x")
    }

    @Test func ctrlWDeletesTheWordAndSpacesBeforeIt() {
        var e = editor("hello big  world")
        do { let consumed = e.handle(.ctrl("w")); #expect(consumed) }
        #expect(e.text == "hello big  ")
        do { let consumed = e.handle(.ctrl("w")); #expect(consumed) }
        #expect(e.text == "hello ")
        e = editor("foo bar   ")
        e.handle(.ctrl("w"))
        #expect(e.text == "foo ")
        e = editor("one\ntwo", cursor: 4)
        e.handle(.ctrl("w"))
        #expect(e.text == "onetwo")
        #expect(e.cursor == 3)
    }

    @Test func ctrlUAndCtrlKKillToLogicalLineEdges() {
        var e = editor("line1\nabc def")
        do { let consumed = e.handle(.ctrl("u")); #expect(consumed) }
        #expect(e.text == "line1\n")
        #expect(e.cursor == 6)
        e = editor("abc def\nnext", cursor: 3)
        do { let consumed = e.handle(.ctrl("k")); #expect(consumed) }
        #expect(e.text == "abc\nnext")
        do { let consumed = e.handle(.ctrl("k")); #expect(consumed) }
        #expect(e.text == "abcnext")
        #expect(e.cursor == 3)
    }

    @Test func pasteIsInsertedIntact() {
        var e = editor("ab", cursor: 1)
        do { let consumed = e.handle(.paste("李\r\nZoë 👋\tx")); #expect(consumed) }
        #expect(e.text == "a李\nZoë 👋    xb")
        #expect(e.cursor == 13)
        var single = editor("", multiline: false)
        single.handle(.paste("one\ntwo\r\nthree"))
        #expect(single.text == "one two three")
    }

    @Test func newlineOnlyInMultilineMode() {
        var e = editor("ab", cursor: 1)
        do { let consumed = e.insertNewline(); #expect(consumed) }
        #expect(e.text == "a\nb")
        var single = editor("ab", multiline: false)
        do { let consumed = single.insertNewline(); #expect(consumed == false) }
        #expect(single.text == "ab")
        do { let consumed = single.handle(.up); #expect(consumed == false) }
        do { let consumed = single.handle(.down); #expect(consumed == false) }
        do { let consumed = e.handle(.enter); #expect(consumed == false) }
        do { let consumed = e.handle(.tab); #expect(consumed == false) }
        do { let consumed = e.handle(.escape); #expect(consumed == false) }
    }

    @Test func upAndDownMoveBetweenVisualLines() {
        // Lays out as "the quick " / "brown fox " / "jumps".
        var e = editor("the quick brown fox jumps", width: 10)
        #expect(e.layout(width: 10).map(\.range) == [0..<10, 10..<20, 20..<25])
        #expect(e.cursorPosition(width: 10) == Position(row: 2, col: 5))
        #expect(e.isCursorOnFirstVisualLine(width: 10) == false)
        do { let consumed = e.handle(.up); #expect(consumed) }
        #expect(e.cursor == 15)
        do { let consumed = e.handle(.up); #expect(consumed) }
        #expect(e.cursor == 5)
        #expect(e.isCursorOnFirstVisualLine(width: 10))
        do { let consumed = e.handle(.up); #expect(consumed == false) }
        do { let consumed = e.handle(.down); #expect(consumed) }
        do { let consumed = e.handle(.down); #expect(consumed) }
        #expect(e.cursor == 25)
        do { let consumed = e.handle(.down); #expect(consumed == false) }
    }

    @Test func verticalMovesKeepTheColumnAcrossShortLines() {
        var e = editor("abcdef\nab\nabcdef")
        do { let consumed = e.handle(.up); #expect(consumed) }
        #expect(e.cursor == 9)
        do { let consumed = e.handle(.up); #expect(consumed) }
        #expect(e.cursor == 6)
    }

    @Test func wideCharactersKeepColumnsAligned() {
        var e = editor("abcd\n李雷", cursor: 3)
        do { let consumed = e.handle(.down); #expect(consumed) }
        #expect(e.cursor == 6)
        #expect(e.cursorPosition(width: 80) == Position(row: 1, col: 2))
        e.cursor = 1
        do { let consumed = e.handle(.down); #expect(consumed) }
        #expect(e.cursorPosition(width: 80) == Position(row: 1, col: 0))
        let wide = editor("李雷李雷李", width: 5)
        #expect(wide.layout(width: 5).map(\.range) == [0..<2, 2..<4, 4..<5])
        #expect(wide.cursorPosition(width: 5) == Position(row: 2, col: 2))
    }

    @Test func homeAndEndUseTheVisualLine() {
        var e = editor("the quick brown fox jumps", cursor: 15, width: 10)
        do { let consumed = e.handle(.home); #expect(consumed) }
        #expect(e.cursor == 10)
        do { let consumed = e.handle(.end); #expect(consumed) }
        #expect(e.cursor == 19)
        do { let consumed = e.handle(.ctrl("a")); #expect(consumed) }
        #expect(e.cursor == 10)
        e.cursor = 22
        do { let consumed = e.handle(.ctrl("e")); #expect(consumed) }
        #expect(e.cursor == 25)
    }

    @Test func fullLastLineGivesTheCursorTheNextRow() {
        let e = editor("abcd", width: 4)
        #expect(e.cursorPosition(width: 4) == Position(row: 1, col: 0))
        #expect(e.isCursorOnLastVisualLine(width: 4))
    }

    @Test func resizeKeepsTextAndCursorIndex() {
        var e = editor("Met 李雷 at the mixer and we talked about tooling", cursor: 20, width: 40)
        var buffer = ScreenBuffer(width: 12, height: 10)
        e.resize(width: 12, height: 10)
        let narrow = e.render(into: &buffer, rect: buffer.area)
        #expect(e.width == 12)
        #expect(e.cursor == 20)
        #expect(narrow == e.cursorPosition(width: 12))
        var wide = ScreenBuffer(width: 30, height: 10)
        let widePosition = e.render(into: &wide, rect: wide.area)
        #expect(e.text == "Met 李雷 at the mixer and we talked about tooling")
        #expect(e.cursor == 20)
        #expect(widePosition == Position(row: 0, col: 22))
        #expect(narrow == Position(row: 2, col: 0))
    }

    @Test func keysScrollTheLeastNeededAndDrawingOnlyReadsIt() {
        var e = editor((1...10).map(String.init).joined(separator: "\n"))
        var buffer = ScreenBuffer(width: 6, height: 5)
        let rect = Rect(row: 1, col: 1, width: 4, height: 3)
        e.resize(width: 4, height: 3)
        let cursor = e.render(into: &buffer, rect: rect)
        #expect(buffer.trimmedRows == ["", " 8", " 9", " 10", ""])
        #expect(cursor == Position(row: 3, col: 3))
        // Up within the view moves the cursor, not the text.
        e.handle(.up)
        #expect(e.scrollOffset == 7)
        buffer = ScreenBuffer(width: 6, height: 5)
        #expect(e.render(into: &buffer, rect: rect) == Position(row: 2, col: 2))
        #expect(buffer.trimmedRows == ["", " 8", " 9", " 10", ""])
        for _ in 0..<4 { e.handle(.up) }
        buffer = ScreenBuffer(width: 6, height: 5)
        let moved = e.render(into: &buffer, rect: rect)
        #expect(buffer.trimmedRows == ["", " 5", " 6", " 7", ""])
        #expect(moved == Position(row: 1, col: 2))
        #expect(e.scrollOffset == 4)
    }

    /// A one-line field longer than its width: while editing, the part around the cursor;
    /// otherwise the beginning, cut with "…". Moving the cursor scrolls it in update.
    @Test func longOneLineFieldsShowThePartAroundTheCursor() {
        var e = editor("Leads the platform team at Zoë's company", multiline: false)
        e.resize(width: 12)
        var buffer = ScreenBuffer(width: 12, height: 1)
        let end = e.render(into: &buffer, rect: buffer.area)
        #expect(buffer.trimmedRows == ["ë's company"])
        #expect(end == Position(row: 0, col: 11))
        e.handle(.home)
        #expect(e.firstVisible == 0)
        buffer = ScreenBuffer(width: 12, height: 1)
        #expect(e.render(into: &buffer, rect: buffer.area) == Position(row: 0, col: 0))
        #expect(buffer.trimmedRows == ["Leads the pl"])
        e.handle(.end)
        buffer = ScreenBuffer(width: 12, height: 1)
        e.render(into: &buffer, rect: buffer.area, focused: false)
        #expect(buffer.trimmedRows == ["Leads the p…"])
    }

    /// A field exactly as wide as its text is never drawn blank, focused or not (the cursor
    /// after the last character needs one more column, so the text shifts by one).
    @Test func aFieldExactlyFullIsNeverBlank() {
        var e = editor("abcdefghij", multiline: false)
        e.resize(width: 10)
        var buffer = ScreenBuffer(width: 10, height: 1)
        let cursor = e.render(into: &buffer, rect: buffer.area)
        #expect(buffer.trimmedRows == ["bcdefghij"])
        #expect(cursor == Position(row: 0, col: 9))
        buffer = ScreenBuffer(width: 10, height: 1)
        e.render(into: &buffer, rect: buffer.area, focused: false)
        #expect(buffer.trimmedRows == ["abcdefghij"])
        // Multi-line text whose last row is full, in a one-row view, shows that row.
        var m = editor("abcd", width: 4)
        m.resize(width: 4, height: 1)
        buffer = ScreenBuffer(width: 4, height: 1)
        m.render(into: &buffer, rect: buffer.area, focused: false)
        #expect(buffer.trimmedRows == ["abcd"])
    }

    @Test func placeholderShowsWhenEmpty() {
        var e = editor("")
        var buffer = ScreenBuffer(width: 10, height: 1)
        let cursor = e.render(into: &buffer, rect: buffer.area, placeholder: "Who?")
        #expect(buffer.trimmedRows == ["Who?"])
        #expect(buffer.style(row: 0, col: 0)?.role == .muted)
        #expect(cursor == Position(row: 0, col: 0))
    }

    /// A long text takes every edit and draws after each one. (How fast is a benchmark's question,
    /// never a test's: this test once asserted a wall-clock limit and failed under a loaded CI.)
    @Test func largeTextTakesEveryEditAndDraws() {
        var e = editor(String(repeating: "word 李雷 👋 ", count: 400))
        var buffer = ScreenBuffer(width: 60, height: 10)
        for _ in 0..<50 {
            e.handle(.up)
            e.handle(.char("x"))
            e.render(into: &buffer, rect: buffer.area)
        }
        #expect(e.characters.count == 4000 + 50)
        #expect(e.characters.filter { $0 == "x" }.count == 50)
        #expect(buffer.rows.contains { $0.contains("x") })
    }
}
