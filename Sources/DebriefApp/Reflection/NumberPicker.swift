import DebriefUI

/// A scale (1–5) or percent (0–100) answer: Left/Right step, digits type a value directly.
///
/// Up and Down are deliberately not used, so Up still means "previous prompt" everywhere.
struct NumberPicker: Hashable, Sendable {
    var range: ClosedRange<Int>
    var step: Int
    var value: Int?
    /// Digits typed since the last arrow, so "4" then "0" makes 40 rather than 4 then 0.
    var typed = ""

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
                value = Int(typed)
            }
        case .char(let c) where c.isASCII && c.isNumber:
            var next = typed + String(c)
            if let n = Int(next), n > range.upperBound { next = String(c) }
            guard let n = Int(next), range.contains(n) else { return true }
            typed = next
            value = n
        default:
            return false
        }
        return true
    }
}
