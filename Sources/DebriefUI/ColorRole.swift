/// What a piece of text *means*, not which colour it is.
///
/// Screens pick roles; the terminal maps them to default-palette colours that read on both dark
/// and light backgrounds, or ignores them under `NO_COLOR` / on monochrome terminals. Anything
/// that must stay visible without colour (focus, selection) should also use bold or reverse.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    /// The terminal's own foreground.
    case normal
    /// Titles, focused labels, key hints.
    case accent
    /// Secondary text: hints, timestamps, placeholders.
    case muted
    /// Saved, done, good.
    case success
    /// Needs attention but is not an error.
    case warning
    /// Errors and destructive actions.
    case danger
    /// Matches and the current item.
    case highlight
}
