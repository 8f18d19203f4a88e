import DebriefCore

/// The words for an event date later than now: a reflection is about what happened, so such a
/// date ("tomorrow 18:00", typed for a meeting not held yet) is kept only on a second Enter with
/// the same text, as a due date already past is (``PastDueDate``).
enum FutureEventDate {
    /// What the field shows beside such a date before the first Enter.
    static func note(_ ts: Timestamp) -> String { "→ \(ts.display), in the future" }

    /// What the first Enter says.
    static func warning(_ ts: Timestamp) -> String {
        note(ts) + " — Enter again to keep (a reflection is about what happened)"
    }
}
