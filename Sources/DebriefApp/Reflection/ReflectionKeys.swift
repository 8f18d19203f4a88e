import DebriefUI

/// What a key means in the reflection. Bindings are data, one key map per thing the reflection
/// does (a prompt, the summary, each dialog), so the help bar, the `?` overlay and the dialogs'
/// lists of keys are generated from the same values that dispatch keys: no key works that is not
/// listed, and none is listed that does not work.
public enum ReflectionAction: Hashable, Sendable {
    case accept, forward, back, save, leave, help, openEditor, newline, open, select
    /// The summary's first answer and its Save row.
    case first, last
    /// The resume offer's choices.
    case resume, discard, keepDraft
    /// The leave dialog's way back to answering.
    case goOn
    /// Esc in a new follow-up's due field after its offered day was replaced: the offer back.
    case restoreOffer
}

extension ReflectionProgram {
    /// The keys of the prompt being answered. `?` only means help where it cannot be typed.
    /// `offerReplaced`: the offered due day (e.g. "in 3 days") of a new follow-up was typed over
    /// and the focus is on it, so Esc first puts it back (a second Esc leaves).
    static func promptKeys(textInput: Bool, multiline: Bool, rows: Bool, offerReplaced: String? = nil) -> KeyMap<ReflectionAction> {
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
        if let offered = offerReplaced {
            bindings.append(KeyBinding(.escape, label: "Esc", help: "put back “\(offered)”", action: .restoreOffer))
            bindings.append(KeyBinding(.ctrl("c"), help: "leave", action: .leave, showsInHelpBar: false))
        } else {
            bindings.append(KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "leave", action: .leave))
        }
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
        KeyBinding(.home, label: "Home", help: "first answer", action: .first, showsInHelpBar: false),
        KeyBinding(.end, label: "End", help: "Save", action: .last, showsInHelpBar: false),
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

    /// The keys of the offer to resume a draft: a new reflection's can also keep the draft and
    /// start afresh; an edit's (one draft per entry, which a fresh start would overwrite) cannot.
    /// Over a draft older than the entry on disk only `r` resumes, as the warning says.
    static func resumeKeys(editing: Bool, stale: Bool) -> KeyMap<ReflectionAction> {
        let resume = stale
            ? KeyBinding<ReflectionAction>(.char("r"), help: "resume anyway", action: .resume)
            : KeyBinding<ReflectionAction>([.char("r"), .enter], label: "r", help: "resume where you left off (or Enter)", action: .resume)
        guard editing else {
            return KeyMap([
                resume,
                KeyBinding(.char("d"), help: "discard it and start a new one", action: .discard),
                KeyBinding(.char("n"), help: "keep it and start a new one", action: .keepDraft),
                KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "leave (keeps it)", action: .leave),
            ])
        }
        return KeyMap([
            resume,
            KeyBinding(.char("d"), help: "discard it, edit the entry", action: .discard),
            KeyBinding([.escape, .ctrl("c")], label: "Esc", help: "decide later (keeps it)", action: .leave),
        ])
    }

    /// The keys of the dialog Esc opens.
    static let leaveKeys = KeyMap<ReflectionAction>([
        KeyBinding([.char("s"), .enter], label: "s", help: "save the draft and quit (or Enter)", action: .save),
        KeyBinding(.char("d"), help: "discard this reflection and quit", action: .discard),
        KeyBinding([.char("g"), .escape, .ctrl("c")], label: "g", help: "go on answering (or Esc)", action: .goOn),
    ])

    /// A dialog's keys as its lines: each label padded to the widest, then what it does.
    static func dialogLines(_ keys: KeyMap<ReflectionAction>) -> [String] {
        let width = keys.bindings.map(\.label.displayWidth).max() ?? 0
        return keys.bindings.map { $0.label.padded(toWidth: width) + "  " + $0.help }
    }
}
