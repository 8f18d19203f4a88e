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
    /// follow-ups the review shows. Sorted, once, here: ``blobs(of:keeping:)`` walks them beside an
    /// entry's sorted answers, and the index's decoder key spells them in order.
    public static func promptIDs(_ catalog: Catalog) -> [String] {
        var ids: Set<String> = ["title", "date", "people", "follow-ups"]
        for pitfall in catalog.pitfalls {
            for signal in pitfall.signals { ids.formUnion(signal.condition.promptIDs) }
        }
        return ids.sorted()
    }

    /// `entry` reduced to what the review reads: its id, creation time, flow, event key and the
    /// answers of ``promptIDs(_:)`` (`ids`); `updated` is the creation time, as nothing reviewed
    /// reads it.
    public static func reduced(_ entry: Entry, keeping ids: some Sequence<String>) -> Entry {
        let kept = Set(ids)
        return reduced(entry, answers: entry.answers.filter { kept.contains($0.key) })
    }

    /// The ``EntryBlob`` of `entry` and that of ``reduced(_:keeping:)`` of it, for the index:
    /// `ids` is ``promptIDs(_:)`` (or any ids sorted as it sorts them). Its answers are sorted
    /// once for both blobs, and the kept ones picked from them by walking the two sorted lists
    /// (filtering the answers hashed every prompt id of every entry, and each blob sorted them
    /// again: 0.4 G instructions of `doctor` at 10,000 entries, and as much of a cold build).
    public static func blobs(of entry: Entry, keeping ids: [String]) -> (whole: [UInt8], reduced: [UInt8]) {
        let answers = EntryBlob.sortedAnswers(of: entry)
        var kept: [(key: String, value: Answer)] = []
        kept.reserveCapacity(min(answers.count, ids.count))
        var k = ids.startIndex
        for answer in answers {
            while k < ids.endIndex, ids[k] < answer.key { k += 1 }
            guard k < ids.endIndex else { break }
            if ids[k] == answer.key { kept.append(answer) }
        }
        return (EntryBlob.encode(entry, sortedAnswers: answers), EntryBlob.encode(reduced(entry, answers: [:]), sortedAnswers: kept))
    }

    /// `entry` reduced to what the review reads, with `answers`.
    private static func reduced(_ entry: Entry, answers: [String: Answer]) -> Entry {
        Entry(id: entry.id, created: entry.created, updated: entry.created, answers: answers, flow: entry.flow, event: entry.event)
    }
}
