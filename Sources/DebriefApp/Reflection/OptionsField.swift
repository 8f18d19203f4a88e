import DebriefCore
import DebriefUI

/// A pick-one answer (yes/no, or a prompt's options): arrows move, typed letters pick by prefix
/// of an option's words as they are typed (type-ahead, like a file manager's: `w` `o` is
/// "workplace", never "other"; the same letter again goes on to the next option it starts),
/// Backspace clears. Nothing is chosen until the person chooses, so an unanswered question
/// stays unanswered instead of silently becoming the first option.
struct OptionsField: Hashable, Sendable {
    var options: [String]
    var selected: Int?
    /// Yes/no is laid out on one line, so Left/Right move and Up/Down leave the prompt.
    var horizontal: Bool
    /// The letters typed since the last other key: the type-ahead prefix.
    var typed = ""
    /// Where a choice made for the person came from, shown under the options until they change it.
    var note: String?

    /// Returns whether the key was used; Up on the first option is left to the caller.
    mutating func handle(_ key: Key) -> Bool {
        let before = selected
        defer { if selected != before { note = nil } }
        if case .char(let c) = key, c != " " { return typeAhead(c) }
        typed = ""
        switch key {
        case .left where horizontal, .up where !horizontal:
            guard let s = selected, s > 0 else {
                if horizontal, selected == nil, !options.isEmpty { selected = 0; return true }
                return false
            }
            selected = s - 1
        case .right where horizontal, .down where !horizontal, .char(" "):
            selected = min(options.count - 1, (selected ?? -1) + 1)
        case .backspace, .delete:
            selected = nil
        default:
            return false
        }
        return true
    }

    /// A typed character: the option matching everything typed so far stays or becomes the
    /// choice (the selection first, then from the top); when nothing matches the longer prefix,
    /// the character starts again on its own, from the option after the selection, so pressing
    /// the same letter steps through the options it starts. Unused when it starts no option.
    private mutating func typeAhead(_ c: Character) -> Bool {
        let prefix = (typed + String(c)).folded
        if !typed.isEmpty, let hit = match(prefix, from: selected ?? 0) {
            typed += String(c)
            selected = hit
            return true
        }
        let letter = String(c).folded
        guard let hit = match(letter, from: (selected ?? -1) + 1) else {
            typed = ""
            return false
        }
        typed = String(c)
        selected = hit
        return true
    }

    /// The first option from `start` (wrapping round) with a word starting with `prefix`.
    private func match(_ prefix: String, from start: Int) -> Int? {
        guard !options.isEmpty, !prefix.isEmpty else { return nil }
        let first = min(max(0, start), options.count)
        let order = Array(first..<options.count) + Array(0..<first)
        return order.first { i in
            let option = options[i].folded
            return option.hasPrefix(prefix) || option.split { !$0.isLetter && !$0.isNumber }.contains { $0.hasPrefix(prefix) }
        }
    }

    var value: String? { selected.map { options[$0] } }
}
