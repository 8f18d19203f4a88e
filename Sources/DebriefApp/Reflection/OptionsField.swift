import DebriefUI

/// A pick-one answer (yes/no, or a prompt's options): arrows move, a letter picks the next option
/// starting with it, Backspace clears. Nothing is chosen until the person chooses, so an
/// unanswered question stays unanswered instead of silently becoming the first option.
struct OptionsField: Hashable, Sendable {
    var options: [String]
    var selected: Int?
    /// Yes/no is laid out on one line, so Left/Right move and Up/Down leave the prompt.
    var horizontal: Bool

    /// Returns whether the key was used; Up on the first option is left to the caller.
    mutating func handle(_ key: Key) -> Bool {
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
        case .char(let c):
            let letter = String(c).lowercased()
            let start = (selected ?? -1) + 1
            let order = Array(start..<options.count) + Array(0..<min(start, options.count))
            guard let hit = order.first(where: { options[$0].lowercased().hasPrefix(letter) }) else { return false }
            selected = hit
        default:
            return false
        }
        return true
    }

    var value: String? { selected.map { options[$0] } }
}
