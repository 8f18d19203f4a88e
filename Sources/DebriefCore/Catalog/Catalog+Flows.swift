extension Catalog {
    /// The prompt ids that flow `flow` asks: every prompt for the full reflection (`nil`), and nil
    /// (not known) for any other flow until the catalog defines flows.
    ///
    /// This is the one place that answers "which prompts did this entry's flow ask"; the pitfall
    /// evaluator and the reflection flow both go through it, so a flow added to the catalog
    /// changes what is judged everywhere at once.
    public func promptIDs(askedBy flow: String?) -> Set<String>? {
        guard flow != nil else { return Set(prompts.map(\.id)) }
        return nil
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
}
