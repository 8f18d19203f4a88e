import DebriefCore

/// The words for a due date already past, which is kept only on a second Enter with the same
/// text (the reflection's follow-up rows and the screens' date prompt alike).
enum PastDueDate {
    /// What the field shows beside such a date before the first Enter.
    static func note(_ day: Day) -> String { "→ \(day.iso), already past" }

    /// What the first Enter says.
    static func warning(_ day: Day) -> String { note(day) + " — Enter again to keep" }
}
