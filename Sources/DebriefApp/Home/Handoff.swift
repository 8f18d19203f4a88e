/// A screen another part of debrief owns, which a program asks the executable to run next.
///
/// Programs cannot start each other (each is run by the executable's loop), so a program that
/// wants the guided flow or another screen sets its `handoff` and quits with status 0; the
/// executable reads it, runs that screen, and can come back afterwards.
public enum Handoff: Hashable, Sendable {
    /// The guided reflection for a new entry (`debrief new`).
    case newReflection
    /// The guided reflection, prefilled with this entry's answers.
    case editEntry(String)
    /// `debrief browse`.
    case browse
    /// The weekly review screen.
    case review
    /// Every follow-up action, soonest due first.
    case followUps
    /// Everyone named in the journal.
    case people
    /// One entry's detail view; closing it returns to the screen that asked for it.
    case entry(String)
}

/// A program that can ask for another screen when it quits.
public protocol HandsOff {
    var handoff: Handoff? { get }
}
