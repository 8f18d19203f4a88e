import DebriefUI

/// What a key means in the reflection. Bindings are data so the help bar and the `?` overlay are
/// generated from the same values that dispatch keys.
public enum ReflectionAction: Hashable, Sendable {
    case accept, forward, back, save, leave, help, openEditor, newline, open, select
}

extension ReflectionProgram {
    /// The keys of the prompt being answered. `?` only means help where it cannot be typed.
    static func promptKeys(textInput: Bool, multiline: Bool, rows: Bool) -> KeyMap<ReflectionAction> {
        var bindings: [KeyBinding<ReflectionAction>] = [
            KeyBinding(.enter, label: "Enter", help: rows ? "add row / go on" : "accept", action: .accept),
            KeyBinding(.tab, label: "Tab", help: rows ? "complete name" : "next", action: .forward),
            KeyBinding(.backTab, label: "S-Tab", help: "back", action: .back),
            KeyBinding(.ctrl("s"), help: "save", action: .save),
        ]
        if multiline { bindings.append(KeyBinding(.ctrl("j"), help: "new line", action: .newline)) }
        if textInput && !rows { bindings.append(KeyBinding([.function(2), .ctrl("o")], label: "F2", help: "editor", action: .openEditor)) }
        if rows {
            bindings.append(KeyBinding([.up, .down], label: "↑/↓", help: "fields and rows", action: .select, showsInHelpBar: false))
            bindings.append(KeyBinding([.char("e"), .char("d")], label: "e/d", help: "edit/remove selected row", action: .select, showsInHelpBar: false))
        }
        bindings.append(KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "leave", action: .leave))
        bindings.append(KeyBinding(textInput ? [.function(1)] : [.char("?"), .function(1)], help: "keys", action: .help))
        return KeyMap(bindings)
    }

    /// The keys of the summary screen. No bare letter does anything here, so stray typing
    /// cannot open an answer or save.
    static let summaryKeys = KeyMap<ReflectionAction>([
        KeyBinding([.up, .down], label: "↑/↓", help: "select", action: .select),
        KeyBinding(.enter, label: "Enter", help: "change the answer / save", action: .open),
        KeyBinding(.ctrl("s"), help: "save", action: .save),
        KeyBinding([.backTab, .left], label: "S-Tab", help: "back to the last question", action: .back, showsInHelpBar: false),
        KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "leave", action: .leave),
        KeyBinding([.char("?"), .function(1)], label: "?", help: "keys", action: .help),
    ])

    /// The keys of the choice at the start.
    static let flowChoiceKeys = KeyMap<ReflectionAction>([
        KeyBinding([.up, .down], label: "↑/↓", help: "select", action: .select),
        KeyBinding(.enter, label: "Enter", help: "start", action: .accept),
        KeyBinding([], label: "letter", help: "pick that one", action: .open),
        KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "leave", action: .leave),
        KeyBinding([.char("?"), .function(1)], label: "?", help: "keys", action: .help),
    ])
}
