/// The active reflection flow and pitfall catalog: the defaults from `Prompts/`, with the user's
/// overrides from `$XDG_CONFIG_HOME/debrief/prompts/` applied on top.
public struct Catalog: Hashable, Sendable, Codable {
    public var sections: [Section]
    public var pitfalls: [Pitfall]
    /// Shorter flows than the whole reflection (`quick`), in catalog order.
    public var flows: [Flow]
    /// Which calendar events are worth a reflection, and the kind one starts with (`events:`).
    public var events: EventRules

    public init(sections: [Section], pitfalls: [Pitfall], flows: [Flow] = [], events: EventRules = EventRules()) {
        self.sections = sections
        self.pitfalls = pitfalls
        self.flows = flows
        self.events = events
    }

    /// Every prompt in flow order.
    public var prompts: [Prompt] { sections.flatMap(\.prompts) }

    public func prompt(_ id: String) -> Prompt? {
        for section in sections {
            if let p = section.prompts.first(where: { $0.id == id }) { return p }
        }
        return nil
    }

    /// The section a prompt belongs to.
    public func section(of promptID: String) -> Section? {
        sections.first { $0.prompts.contains { $0.id == promptID } }
    }

    public func pitfall(_ id: String) -> Pitfall? { pitfalls.first { $0.id == id } }

    /// The title to show for `flag`: its signal's when the signal gives one, else its pitfall's.
    public func title(of flag: PitfallFlag) -> String { flag.title ?? pitfall(flag.pitfallID)?.title ?? flag.pitfallID }

    /// The advice to show for `flag`: its signal's when the signal gives one, else its pitfall's.
    public func instead(of flag: PitfallFlag) -> String { flag.instead ?? pitfall(flag.pitfallID)?.instead ?? "" }

    /// The prompt whose answer is the Markdown body, if any.
    /// Looked for section by section, not in ``prompts`` (which joins every section's prompts
    /// into a new array): asked for every file read, it was a hundredth of `doctor`.
    public var bodyPrompt: Prompt? {
        for section in sections {
            if let i = section.prompts.firstIndex(where: \.isBody) { return section.prompts[i] }
        }
        return nil
    }

    /// Front-matter keys debrief writes itself, before the answers (`flow`, `source`, `event` and
    /// `location` only when set).
    public static let metadataKeys = ["schema", "id", "former-ids", "created", "updated", "flow", "source", "event", "location"]

    /// The prompts, ids and types the rest of debrief relies on; a catalog must keep them.
    public static let requiredPrompts: [(id: String, type: PromptType)] = [
        ("title", .line), ("date", .datetime), ("kind", .choice),
        ("purpose", .text), ("professional-topics", .yesno), ("purpose-met", .scale), ("horizon", .choice),
        ("people", .people), ("asked-about-them", .yesno), ("talk-share", .percent), ("asked-favor", .yesno),
        ("offered", .text), ("outreach-count", .number), ("outreach-personalized", .choice),
        ("follow-ups", .followUps), ("reconnected", .yesno), ("learned", .text), ("tags", .tags), ("notes", .text),
    ]

    /// Pitfall ids other tools read; the catalog must define each.
    public static let pitfallIDs = [
        "casual-socializing", "self-promotion", "generic-outreach", "only-high-profile",
        "no-follow-up", "ignoring-existing-network", "immediate-gratification",
    ]
}
