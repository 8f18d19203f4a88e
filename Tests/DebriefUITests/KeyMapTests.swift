import Testing
@testable import DebriefUI

@Suite("Keys and key maps")
struct KeyMapTests {
    enum Action: Equatable, Sendable { case save, quit, help, next, previous }

    let map = KeyMap<Action>([
        KeyBinding(.ctrl("s"), help: "save", action: .save),
        KeyBinding(.ctrl("q"), help: "quit", action: .quit),
        KeyBinding([.function(1), .char("?")], help: "help", action: .help),
        KeyBinding([.tab, .down], label: "Tab", help: "next", action: .next),
        KeyBinding(.backTab, help: "previous", action: .previous, showsInHelpBar: false),
    ])

    @Test func displayNames() {
        #expect(Key.ctrl("s").displayName == "^S")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.escape.displayName == "Esc")
        #expect(Key.up.displayName == "↑")
        #expect(Key.function(12).displayName == "F12")
        #expect(Key.char(" ").displayName == "Space")
        #expect(Key.alt("x").displayName == "M-x")
    }

    @Test func dispatchesFromTheSameBindings() {
        #expect(map.action(for: .ctrl("s")) == .save)
        #expect(map.action(for: .char("?")) == .help)
        #expect(map.action(for: .down) == .next)
        #expect(map.action(for: .char("x")) == nil)
    }

    @Test func helpBarShowsHintsThatFit() {
        #expect(map.helpBar(width: 80) == "^S save  ^Q quit  F1/? help  Tab next")
        // The help hint keeps its room and the others give way first (a hint that does not fit
        // is skipped, a later one may still show): help lists what has no room.
        #expect(map.helpBar(width: 20) == "^S save  F1/? help")
        #expect(map.helpBar(width: 26) == "^S save  F1/? help")
        #expect(map.helpBar(width: 28) == "^S save  ^Q quit  F1/? help")
        // Hints after the help one show once there is room for them too.
        #expect(map.helpBar(width: 36) == "^S save  ^Q quit  F1/? help")
        #expect(map.helpBar(width: 37) == "^S save  ^Q quit  F1/? help  Tab next")
        #expect(map.helpBar(width: 3) == "")
        for width in 0...40 { #expect(map.helpBar(width: width).displayWidth <= width) }
    }

    @Test func helpOverlayListsEveryBinding() {
        let small = KeyMap<Action>([
            KeyBinding(.ctrl("s"), help: "save", action: .save),
            KeyBinding(.ctrl("q"), help: "quit", action: .quit),
        ])
        var buffer = ScreenBuffer(width: 20, height: 6)
        buffer.put("background", row: 2, col: 0)
        small.renderHelpOverlay(into: &buffer, area: buffer.area, symbols: .ascii)
        #expect(buffer.trimmedRows == [
            "",
            "    +- Keys ---+",
            "back| ^S  save |",
            "    | ^Q  quit |",
            "    +----------+",
            "",
        ])
        #expect(map.helpLines().count == map.bindings.count)
        #expect(map.helpLines().last == "S-Tab  previous")
    }

    /// A list taller than the screen flows into a second column instead of hiding keys behind
    /// "… N more" (browse's 23 keys at 50×20 hid three).
    @Test func aTallHelpListFlowsIntoColumns() {
        let keys: [Key] = (0..<7).map { .char(Character(String($0))) }
        let tall = KeyMap<Int>(keys.enumerated().map { KeyBinding($0.element, help: "action \($0.offset)", action: $0.offset) })
        var buffer = ScreenBuffer(width: 40, height: 6)
        tall.renderHelpOverlay(into: &buffer, area: buffer.area, symbols: .ascii)
        #expect(buffer.trimmedRows == [
            "      +- Keys -------------------+",
            "      | 0  action 0  4  action 4 |",
            "      | 1  action 1  5  action 5 |",
            "      | 2  action 2  6  action 6 |",
            "      | 3  action 3              |",
            "      +--------------------------+",
        ])
        // Too narrow even for two columns of 16: cut, saying how many are left out.
        var narrow = ScreenBuffer(width: 30, height: 6)
        tall.renderHelpOverlay(into: &narrow, area: narrow.area, symbols: .ascii)
        #expect(narrow.trimmedRows[4].contains("… 4 more"))
    }
}

@Suite("Escape sequences")
struct EscapeSequenceTests {
    @Test func csiDialects() {
        #expect(EscapeSequence.key(csi: "1", final: "~") == .home)
        #expect(EscapeSequence.key(csi: "", final: "H") == .home)
        #expect(EscapeSequence.key(csi: "4", final: "~") == .end)
        #expect(EscapeSequence.key(csi: "", final: "F") == .end)
        #expect(EscapeSequence.key(csi: "3", final: "~") == .delete)
        #expect(EscapeSequence.key(csi: "5", final: "~") == .pageUp)
        #expect(EscapeSequence.key(csi: "1;5", final: "A") == .up)
        #expect(EscapeSequence.key(csi: "", final: "Z") == .backTab)
        #expect(EscapeSequence.key(csi: "15", final: "~") == .function(5))
        #expect(EscapeSequence.key(csi: "24", final: "~") == .function(12))
        #expect(EscapeSequence.key(csi: "2", final: "~") == nil)
        #expect(EscapeSequence.key(ss3: "P") == .function(1))
        #expect(EscapeSequence.key(ss3: "H") == .home)
    }

    @Test func controlBytes() {
        #expect(EscapeSequence.key(control: 13) == .enter)
        #expect(EscapeSequence.key(control: 10) == .ctrl("j"))
        #expect(EscapeSequence.key(control: 9) == .tab)
        #expect(EscapeSequence.key(control: 127) == .backspace)
        #expect(EscapeSequence.key(control: 19) == .ctrl("s"))
        #expect(EscapeSequence.key(control: 3) == .ctrl("c"))
        #expect(EscapeSequence.key(control: 27) == nil)
    }
}
