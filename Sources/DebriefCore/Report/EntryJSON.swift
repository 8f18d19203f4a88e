/// The JSON shapes of entries that scripts rely on (`list` and `show --format json`).
public enum EntryJSON {
    /// One answer as JSON: text, booleans, numbers, ISO dates, arrays of objects for people and
    /// follow-ups (`done` is null while open). `complete` adds each follow-up's `id`, `first-due`
    /// and `postponed`, for exports that must read back the same.
    public static func answer(_ answer: Answer, complete: Bool = false) -> JSONValue {
        switch answer {
        case .text(let s), .choice(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .timestamp(let ts): return .string(ts.iso)
        case .tags(let t): return .array(t.map { .string($0) })
        case .people(let people):
            return .array(people.map { p in
                // `email` only when a person has one, so existing scripts see the same objects.
                .object([("name", .string(p.name)), ("level", .optional(p.level)),
                         ("relation", .optional(p.relation)), ("note", .optional(p.note))]
                        + (p.email.map { [("email", JSONValue.string($0))] } ?? []))
            })
        case .followUps(let actions):
            return .array(actions.map { a in
                var pairs: [(String, JSONValue)] = [("who", .string(a.who)), ("action", .string(a.action)),
                                                    ("due", .optional(a.due?.iso)), ("done", .optional(a.done?.iso))]
                if complete {
                    pairs += [("id", .optional(a.id)), ("first-due", .optional(a.firstDue?.iso)), ("postponed", .number(a.postponed))]
                }
                return .object(pairs)
            })
        }
    }

    /// The answers `list` reads of an entry: its line and ``summary(_:pitfalls:)``, the pitfalls
    /// judged (``Detector/promptIDs``) and every filter of ``EntryMatcher`` but the text. An entry
    /// rebuilt with only these is listed as the whole entry is (``EntryBlob/decode(_:source:keeping:)``).
    public static func listedPromptIDs(_ catalog: Catalog) -> Set<String> {
        Detector(catalog: catalog).promptIDs.union(["title", "date", "kind", "people", "tags", "follow-ups"])
    }

    /// The summary `list` prints for each entry.
    public static func summary(_ entry: Entry, pitfalls: [String]) -> JSONValue {
        .object([
            ("id", .string(entry.id)),
            ("path", .optional(entry.source?.path)),
            ("title", .string(entry.title)),
            ("date", .string(entry.eventTime.iso)),
            ("kind", .optional(entry.kind)),
            ("people", .array(entry.people.map { .string($0.name) })),
            ("tags", .array(entry.tags.map { .string($0) })),
            ("pitfalls", .array(pitfalls.map { .string($0) })),
            ("open_follow_ups", .number(entry.followUps.filter(\.isOpen).count)),
        ])
    }

    /// Every answer in catalog order plus `id`, `path`, `created`, `updated` and `pitfalls`.
    public static func full(_ entry: Entry, catalog: Catalog, pitfalls: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(entry.id)),
            ("path", .optional(entry.source?.path)),
            ("created", .string(entry.created.iso)),
            ("updated", .string(entry.updated.iso)),
        ]
        for prompt in catalog.prompts {
            if let a = entry[prompt.id] { pairs.append((prompt.id, answer(a))) }
        }
        pairs.append(("pitfalls", .array(pitfalls.map { .string($0) })))
        return .object(pairs)
    }
}
