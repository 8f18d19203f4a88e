import DebriefCore

/// Someone from the journal that Tab offers in a name field, with what their last entry said
/// about them, so completing the name also fills the level.
public struct KnownPerson: Hashable, Sendable, ExpressibleByStringLiteral {
    public var name: String
    /// The level the most recent entry naming them gives, if any.
    public var level: String?

    public init(name: String, level: String? = nil) {
        self.name = name
        self.level = level
    }

    public init(stringLiteral name: String) {
        self.init(name: name)
    }

    /// Whether `typed` starts the name or any word of it, ignoring case and accents ("hen" finds
    /// "Dr. Henrike Vogel", "zoe" finds "Zoë Brandt"). `typed` is already folded.
    func matches(folded typed: String) -> Bool {
        let name = self.name.folded
        if name.hasPrefix(typed) { return true }
        let words = name.split { !$0.isLetter && !$0.isNumber }
        return words.contains { $0.hasPrefix(typed) }
    }

    /// The names matching what was typed: those the whole name starts with first, then those
    /// with a word that does, each group in the order given (people met most often first).
    static func completions(for typed: String, in people: [KnownPerson]) -> [KnownPerson] {
        let query = typed.folded
        guard !query.isEmpty else { return people }
        let whole = people.filter { $0.name.folded.hasPrefix(query) }
        let word = people.filter { !$0.name.folded.hasPrefix(query) && $0.matches(folded: query) }
        return whole + word
    }
}
