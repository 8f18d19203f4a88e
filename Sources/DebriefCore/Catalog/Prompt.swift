/// One question of the guided reflection.
public struct Prompt: Hashable, Sendable {
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

    public init(id: String, type: PromptType, question: String, hint: String = "", options: [String] = [],
                levels: [String] = [], relations: [String] = [], defaultValue: String? = nil,
                required: Bool = false, isBody: Bool = false) {
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
    }
}

/// A titled group of prompts ("Reciprocity").
public struct Section: Hashable, Sendable {
    public var id: String
    public var title: String
    public var prompts: [Prompt]

    public init(id: String, title: String, prompts: [Prompt]) {
        self.id = id
        self.title = title
        self.prompts = prompts
    }
}
