/// The kinds of answer a prompt can ask for. The raw values are what catalog files write.
public enum PromptType: String, CaseIterable, Sendable, Codable {
    /// One line of text.
    case line
    /// Several lines of text.
    case text
    case yesno
    /// A whole number from 1 to 5.
    case scale
    /// A whole number from 0 to 100.
    case percent
    /// One of the prompt's `options`.
    case choice
    /// A whole number, zero or more.
    case number
    case datetime
    /// Rows of name, level, relation and note.
    case people
    /// Rows of who, action, due date and done date.
    case followUps = "follow-ups"
    /// A list of short words.
    case tags

    /// The inclusive range a numeric type accepts.
    public var range: ClosedRange<Int>? {
        switch self {
        case .scale: return 1...5
        case .percent: return 0...100
        case .number: return 0...1_000_000
        default: return nil
        }
    }

    /// Whether answers are lists (for `count` conditions).
    public var isList: Bool { self == .people || self == .followUps || self == .tags }
}
