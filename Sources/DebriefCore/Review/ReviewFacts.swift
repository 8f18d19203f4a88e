/// What the weekly review reads of an entry, and nothing else: the facts the derived index stores
/// per entry so that `debrief review` judges the journal without rebuilding every entry whole
/// (issue 23). Facts, never verdicts: the one evaluator (``Detector``) judges them when asked.
///
/// Why this is enough: the evaluator reads an entry only through `entry[id]` for the prompts its
/// pitfalls' conditions name (``Condition/promptIDs``) and through `entry.flow` (which prompts were
/// asked, ``Catalog/asked(_:in:)``, reads the same answers and the flow); the review itself shows
/// the id, title, event time, creation time, flow, people and follow-ups; its calendar part
/// matches reflections to events by event key, day, time, title and people. A reduced entry
/// keeping exactly those is judged and reviewed as the whole entry is (``ReviewFactsTests``).
/// The one thing it does not carry is the text mentions read, so the review's cold contacts come
/// from the people index, not from these entries.
public enum ReviewFacts {
    /// The answers kept: every prompt a pitfall's condition reads, and the title, date, people and
    /// follow-ups the review shows.
    public static func promptIDs(_ catalog: Catalog) -> Set<String> {
        var ids: Set<String> = ["title", "date", "people", "follow-ups"]
        for pitfall in catalog.pitfalls {
            for signal in pitfall.signals { ids.formUnion(signal.condition.promptIDs) }
        }
        return ids
    }

    /// `entry` reduced to what the review reads: its id, creation time, flow, event key and the
    /// answers of ``promptIDs(_:)`` (`ids`); `updated` is the creation time, as nothing reviewed
    /// reads it.
    public static func reduced(_ entry: Entry, keeping ids: Set<String>) -> Entry {
        Entry(id: entry.id, created: entry.created, updated: entry.created, answers: entry.answers.filter { ids.contains($0.key) },
              flow: entry.flow, event: entry.event)
    }
}
