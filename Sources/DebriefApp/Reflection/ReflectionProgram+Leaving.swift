import DebriefCore
import DebriefUI

/// The dialog Esc (or Ctrl-C) opens over a prompt or the summary: `s` saves the draft and
/// leaves, `d` discards the reflection and leaves, `g` goes back to what was being done; the
/// dialog lists exactly the keys of ``leaveKeys``.
extension ReflectionProgram {
    mutating func askToLeave() -> [Command<Message>] {
        if case .prompting = phase { storeCurrent(strict: false) }
        phase = .leaving(from: phase)
        return []
    }

    mutating func leaveKey(_ key: Key, from: Phase) -> [Command<Message>] {
        switch Self.leaveKeys.action(for: key) {
        case .save?:
            return [draftCommand(then: { .leaveAfterDraft($0) })]
        case .discard?:
            let store = setup.store
            let name = draftName
            return [.perform { store.removeDraft(name); return .discarded }]
        case .goOn?:
            phase = from
            return []
        default:
            return []
        }
    }

    /// The draft written (or not) after `s`: leave, or say why not and go back to answering.
    mutating func leftAfterDraft(_ error: String?) -> [Command<Message>] {
        if let error {
            status = Status(text: "Could not write the draft: \(error). Nothing was lost yet; try again.", role: .danger)
            if case .leaving(let from) = phase { phase = from }
            return []
        }
        phase = .finished
        return [.back]
    }

    func drawLeaveDialog(into buffer: inout ScreenBuffer) {
        drawDialog(into: &buffer, title: "Leave?", lines: ["Your answers so far can wait in a draft.", ""] + Self.dialogLines(Self.leaveKeys))
    }
}
