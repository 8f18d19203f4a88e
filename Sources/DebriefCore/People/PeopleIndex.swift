/// Everyone named in any reflection, merged by folded name, most recently met first.
///
/// A pure value built from loaded entries, so `debrief people`, the TUI's people screen, the
/// name completion of `debrief new` and the weekly review share one set of merge rules.
public struct PeopleIndex: Sendable {
    /// Sorted by last met, newest first; ties by name.
    public let people: [PersonSummary]

    public init(entries: [Entry]) {
        self.init(entries: entries, followUps: FollowUpIndex(entries: entries))
    }

    /// Builds the index reusing an already built follow-up index.
    public init(entries: [Entry], followUps: FollowUpIndex) {
        // Newest first, so the first sighting of a name gives its spelling, level and relation.
        let ordered = entries.sorted { a, b in
            a.eventTime != b.eventTime ? a.eventTime > b.eventTime : a.id > b.id
        }
        var byKey: [String: PersonSummary] = [:]
        var order: [String] = []
        for entry in ordered {
            let day = entry.eventTime.day
            var seenHere = Set<String>()
            for person in entry.people {
                let key = person.name.folded
                guard !key.isEmpty else { continue }
                let firstInEntry = seenHere.insert(key).inserted
                var summary = byKey[key] ?? {
                    order.append(key)
                    return PersonSummary(key: key, name: person.name.trimmingCharacters(in: .whitespaces), met: 0,
                                         firstMet: day, lastMet: day, lastMetTime: entry.eventTime, lastMentioned: day)
                }()
                if firstInEntry {
                    summary.met += 1
                    summary.firstMet = day
                    summary.entryIDs.append(entry.id)
                }
                if summary.level == nil { summary.level = person.level }
                if summary.relation == nil { summary.relation = person.relation }
                if person.relation == "existing" { summary.everExisting = true }
                if let note = person.note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    summary.notes.append(PersonNote(text: note, entryID: entry.id, entryTitle: entry.title, day: day))
                }
                byKey[key] = summary
            }
        }
        // A follow-up action naming someone is a mention too: the user was thinking of them.
        for item in followUps.items {
            let key = item.who.folded
            guard var summary = byKey[key] else { continue }
            summary.lastMentioned = max(summary.lastMentioned, item.eventTime.day)
            if item.isOpen { summary.openFollowUps.append(item) }
            byKey[key] = summary
        }
        people = order.compactMap { byKey[$0] }.sorted { a, b in
            a.lastMetTime != b.lastMetTime ? a.lastMetTime > b.lastMetTime : a.key < b.key
        }
    }

    /// The person whose folded name is `name`'s, if anyone.
    public func person(named name: String) -> PersonSummary? {
        let key = name.folded
        return people.first { $0.key == key }
    }

    /// How long without a mention makes a known person cold, unless the user says otherwise.
    public static let defaultColdDays = 90

    /// People the user already knows whom no reflection has mentioned for at least `days` days
    /// as of `today`, the longest silent first: the list to reconnect with.
    public func cold(asOf today: Day, days: Int = PeopleIndex.defaultColdDays) -> [PersonSummary] {
        people.filter { $0.isKnown && $0.daysSinceMentioned(asOf: today) >= days }.sorted { a, b in
            if a.lastMentioned != b.lastMentioned { return a.lastMentioned < b.lastMentioned }
            if a.lastMetTime != b.lastMetTime { return a.lastMetTime < b.lastMetTime }
            return a.key < b.key
        }
    }

    /// Up to `limit` cold names (display spellings), longest silent first, for the weekly review's
    /// `ignoring-existing-network` advice.
    public static func coldNames(in entries: [Entry], asOf today: Day, days: Int = PeopleIndex.defaultColdDays,
                                 limit: Int = 3) -> [String] {
        Array(PeopleIndex(entries: entries).cold(asOf: today, days: days).prefix(max(0, limit)).map(\.name))
    }
}
