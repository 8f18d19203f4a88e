extension Catalog {
    /// The prompt ids that flow `flow` asks: every prompt for the full reflection (`nil` or
    /// `full`), the listed ones for a catalog flow such as `quick`, and nil (not known) for any
    /// other flow (an imported note, a flow an override removed).
    ///
    /// This is the one place that answers "which prompts did this entry's flow ask"; the pitfall
    /// evaluator and the reflection flow both go through it, so a flow added to the catalog
    /// changes what is judged everywhere at once. A prompt a flow lists may still be skipped by
    /// its condition; that needs no marker, as the rules reading it need the answer that hid it.
    public func promptIDs(askedBy flow: String?) -> Set<String>? {
        guard let flow, flow != Flow.full else { return Set(prompts.map(\.id)) }
        return self.flow(flow).map { Set($0.promptIDs) }
    }

    /// Whether `entry`'s flow asked prompt `promptID`, so that its absence means "left empty".
    ///
    /// An answer that is there was asked, whatever the flow. Otherwise the flow decides; a flow the
    /// catalog does not know is treated conservatively: nothing it left out is taken as empty.
    public func asked(_ promptID: String, in entry: Entry) -> Bool {
        if entry[promptID] != nil { return true }
        // The full reflection asks every catalog prompt (what `promptIDs(askedBy: nil)` says),
        // without building that set for each of the journal's absent answers.
        guard let flow = entry.flow else { return prompt(promptID) != nil }
        return promptIDs(askedBy: flow)?.contains(promptID) ?? false
    }

    /// The catalog flow with this id (not `full`, which is every prompt).
    public func flow(_ id: String) -> Flow? { flows.first { $0.id == id } }

    /// The prompts a reflection in `flow` asks, in order, given `answers`: those of the flow whose
    /// `when` holds. Conditions read only the answers of prompts asked before them, so an answer
    /// left over from a prompt that is no longer asked hides what depended on it too.
    public func askedPrompts(flow: String?, answers: [String: Answer], asOf: Day) -> [Prompt] {
        let ids = promptIDs(askedBy: flow) ?? Set(prompts.map(\.id))
        let detector = Detector(catalog: self)
        var seen = Entry(id: "", created: Self.epoch, updated: Self.epoch, flow: flow)
        var asked: [Prompt] = []
        for prompt in prompts where ids.contains(prompt.id) {
            if let condition = prompt.condition, !detector.holds(condition, in: seen, asOf: asOf) { continue }
            asked.append(prompt)
            seen[prompt.id] = answers[prompt.id]
        }
        return asked
    }

    private static let epoch = Timestamp(seconds: 0, utcOffset: 0)
}
