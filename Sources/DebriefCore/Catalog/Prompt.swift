/// One question of the guided reflection.
public struct Prompt: Hashable, Sendable, Codable {
    /// Stable id: the front-matter key the answer is stored under.
    public var id: String
    public var type: PromptType
    /// The question, as it should read to someone who has just left an event.
    public var question: String
    /// One line on why the question matters.
    public var hint: String
    /// The choices of a `choice` prompt.
    public var options: [String]
    /// For `people`: the levels and relations a row may take.
    public var levels: [String]
    public var relations: [String]
    /// A default shown prefilled: `now` for a date-time, an option, a number, `yes`/`no`.
    public var defaultValue: String?
    /// Whether an empty answer is refused.
    public var required: Bool
    /// Whether the answer is the file's Markdown body rather than a front-matter key.
    public var isBody: Bool
    /// When the prompt is asked (catalog key `when`, a condition on earlier answers, read by the
    /// pitfall evaluator): nil for always. A prompt whose condition does not hold is skipped, and
    /// its answer is not written.
    public var condition: Condition?
    /// A short name for the summary and reports (catalog key `label`), e.g. "Talk share".
    public var label: String?

    /// The label, or the id made readable ("talk-share" → "Talk share") when the catalog gives none.
    public var shortLabel: String {
        if let label, !label.isEmpty { return label }
        let words = id.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    public init(id: String, type: PromptType, question: String, hint: String = "", options: [String] = [],
                levels: [String] = [], relations: [String] = [], defaultValue: String? = nil,
                required: Bool = false, isBody: Bool = false, condition: Condition? = nil, label: String? = nil) {
        self.id = id
        self.type = type
        self.question = question
        self.hint = hint
        self.options = options
        self.levels = levels
        self.relations = relations
        self.defaultValue = defaultValue
        self.required = required
        self.isBody = isBody
        self.condition = condition
        self.label = label
    }
}

/// A titled group of prompts ("Reciprocity").
public struct Section: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var prompts: [Prompt]

    public init(id: String, title: String, prompts: [Prompt]) {
        self.id = id
        self.title = title
        self.prompts = prompts
    }
}

/// A named subset of the prompts, asked instead of the whole reflection (catalog `flows:`), such
/// as `quick`. The prompts keep the catalog's order and their conditions; an entry saved from it
/// is marked with the flow's id (front-matter `flow`).
public struct Flow: Hashable, Sendable, Codable {
    public var id: String
    /// How the choice at the start of `debrief new` names it ("Quick reflection").
    public var title: String
    public var promptIDs: [String]

    public init(id: String, title: String, promptIDs: [String]) {
        self.id = id
        self.title = title
        self.promptIDs = promptIDs
    }

    /// The id of the whole reflection, which has no `flow` key.
    public static let full = "full"
}
