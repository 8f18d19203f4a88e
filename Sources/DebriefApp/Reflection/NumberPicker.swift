import DebriefUI

/// A scale (1–5) or percent (0–100) answer: Left/Right step, digits type a value directly.
///
/// Up and Down are deliberately not used, so Up still means "previous prompt" everywhere.
struct NumberPicker: Hashable, Sendable {
    var range: ClosedRange<Int>
    var step: Int
    var value: Int?
    /// Written after the number where it is shown and in messages: "%" for a percent.
    var unit = ""
    /// Digits typed since the last arrow, so "4" then "0" makes 40 rather than 4 then 0. They
    /// may be out of range ("150"): then they stay shown with ``problem`` and ``value`` is nil
    /// until corrected, so Enter cannot keep a number the person did not type (150 used to
    /// become 15).
    var typed = ""

    /// Why the typed digits are not a value, for as long as they are shown.
    var problem: String? {
        guard let n = Int(typed), !range.contains(n) else { return nil }
        return "\(typed)\(unit) is out of range: type a number from \(range.lowerBound) to \(range.upperBound)\(unit) (Backspace to correct)."
    }

    /// What the picker shows: the typed digits while they are out of range, else the value.
    var shown: String? {
        problem != nil ? typed : value.map(String.init)
    }

    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .right:
            value = min(range.upperBound, (value ?? (range.lowerBound - step)) + step)
            typed = ""
        case .left:
            value = max(range.lowerBound, (value ?? (range.lowerBound + step)) - step)
            typed = ""
        case .backspace:
            if typed.isEmpty {
                value = nil
            } else {
                typed.removeLast()
                value = Int(typed).flatMap { range.contains($0) ? $0 : nil }
            }
        case .char(let c) where c.isASCII && c.isNumber:
            type(c)
        default:
            return false
        }
        return true
    }

    /// A digit: appended to those typed. On a one-digit scale a digit that goes past the range
    /// starts again ("4" then "3" is 3); elsewhere the out-of-range number stays shown with
    /// its reason and no value, so 150 never becomes 15, 0 or 100 without the person seeing it.
    private mutating func type(_ c: Character) {
        let next = String((typed + String(c)).prefix(6))
        if let n = Int(next), range.contains(n) {
            typed = next
            value = n
        } else if range.upperBound < 10, let n = Int(String(c)), range.contains(n) {
            typed = String(c)
            value = n
        } else {
            typed = next
            value = nil
        }
    }
}
