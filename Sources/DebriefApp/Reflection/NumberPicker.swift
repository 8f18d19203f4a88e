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
    /// Digits typed since the last arrow, so "4" then "0" makes 40 rather than 4 then 0.
    var typed = ""
    /// Why the last digit was refused, shown until the next key.
    var problem: String?

    mutating func handle(_ key: Key) -> Bool {
        problem = nil
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
                value = Int(typed)
            }
        case .char(let c) where c.isASCII && c.isNumber:
            type(c)
        default:
            return false
        }
        return true
    }

    /// A digit: appended to those typed, unless that goes past the range. On a one-digit scale
    /// the digit then starts again ("4" then "3" is 3); elsewhere it is refused with a message,
    /// so 150 never becomes 0 or 100 without the person seeing it.
    private mutating func type(_ c: Character) {
        let next = typed + String(c)
        if let n = Int(next), range.contains(n) {
            typed = next
            value = n
        } else if range.upperBound < 10, let n = Int(String(c)), range.contains(n) {
            typed = String(c)
            value = n
        } else {
            problem = "\(next)\(unit) is out of range: type a number from \(range.lowerBound) to \(range.upperBound)\(unit) (Backspace to correct)."
        }
    }
}
