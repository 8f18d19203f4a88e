/// The JSON shapes of entries that scripts rely on (`list` and `show --format json`).
public enum EntryJSON {
    /// One answer as JSON: text, booleans, numbers, ISO dates, arrays of objects for people and
    /// follow-ups (`done` is null while open). `complete` adds each follow-up's `id`, `first-due`
    /// and `postponed`, for exports that must read back the same.
    public static func answer(_ answer: Answer, complete: Bool = false, into w: inout JSONWriter) {
        switch answer {
        case .text(let s), .choice(let s): w.string(s)
        case .bool(let b): w.bool(b)
        case .number(let n): w.number(n)
        case .timestamp(let ts): w.timestamp(ts)
        case .tags(let t): w.strings(t)
        case .people(let people):
            w.array { w in
                for p in people {
                    w.object { w in
                        w.field("name", p.name)
                        w.field("level", p.level)
                        w.field("relation", p.relation)
                        w.field("note", p.note)
                        // `email` only when a person has one, so existing scripts see the same objects.
                        if let email = p.email { w.field("email", email) }
                    }
                }
            }
        case .followUps(let actions):
            w.array { w in
                for a in actions {
                    w.object { w in
                        w.field("who", a.who)
                        w.field("action", a.action)
                        w.field("due", day: a.due)
                        w.field("done", day: a.done)
                        if complete {
                            w.field("id", a.id)
                            w.field("first-due", day: a.firstDue)
                            w.field("postponed", a.postponed)
                        }
                    }
                }
            }
        }
    }

    /// The answers `list` reads of an entry: its line and ``summary(_:pitfalls:into:)``, the pitfalls
    /// judged (``Detector/promptIDs``) and every filter of ``EntryMatcher`` but the text. An entry
    /// rebuilt with only these is listed as the whole entry is (``EntryBlob/decode(_:source:keeping:)``).
    public static func listedPromptIDs(_ catalog: Catalog) -> Set<String> {
        Detector(catalog: catalog).promptIDs.union(["title", "date", "kind", "people", "tags", "follow-ups"])
    }

    /// The summary `list` prints for each entry.
    public static func summary(_ entry: Entry, pitfalls: [String], into w: inout JSONWriter) {
        w.object { w in
            w.field("id", entry.id)
            w.field("path", entry.source?.path)
            w.field("title", entry.title)
            w.field("date", timestamp: entry.eventTime)
            w.field("kind", entry.kind)
            w.field("people", strings: entry.people.lazy.map(\.name))
            w.field("tags", strings: entry.tags)
            w.field("pitfalls", strings: pitfalls)
            w.field("open_follow_ups", entry.followUps.reduce(0) { $0 + ($1.isOpen ? 1 : 0) })
        }
    }

    /// Every answer in catalog order plus `id`, `path`, `created`, `updated` and `pitfalls`.
    public static func full(_ entry: Entry, catalog: Catalog, pitfalls: [String], into w: inout JSONWriter) {
        w.object { w in
            w.field("id", entry.id)
            w.field("path", entry.source?.path)
            w.field("created", timestamp: entry.created)
            w.field("updated", timestamp: entry.updated)
            for prompt in catalog.prompts {
                if let a = entry[prompt.id] {
                    w.key(prompt.id)
                    answer(a, into: &w)
                }
            }
            w.field("pitfalls", strings: pitfalls)
        }
    }
}
