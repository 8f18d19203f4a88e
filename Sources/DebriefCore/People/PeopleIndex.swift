import Foundation

/// Everyone named in any reflection, merged by folded name, most recently met first, each shown
/// in the spelling most entries use, with the entries that mention them without listing them
/// (``MentionFinder``): mentions never add a person, so completion and the lists know only
/// people a reflection lists, and they never change a verdict (only the cold list and the pages
/// read them).
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
        self.init(sightings: entries.map(PersonSighting.init(entry:)), mentioning: entries, followUps: followUps)
    }

    /// Builds the index from the people each entry lists (in the journal's order, as
    /// ``init(entries:followUps:)`` gives them, so both build the same index) and the entries
    /// that may mention someone they do not list: every entry, or (from the index's facts,
    /// ``PeopleFacts``) only those holding a known name's words in a row or, imported, a tag
    /// made of them; ``MentionFinder`` decides on each, so leaving out entries that cannot
    /// mention anyone changes nothing.
    public init(sightings: [PersonSighting], mentioning: [Entry], followUps: FollowUpIndex) {
        self.init(sightings: sightings, mentioning: mentioning, openFollowUps: followUps.items.filter(\.isOpen),
                  lastNamed: Self.lastNamed(followUps.items))
    }

    /// As ``init(sightings:mentioning:followUps:)``, given of the follow-ups only what the index
    /// reads of them: the open ones, soonest due first (``FollowUpIndex``'s order), and
    /// ``lastNamed(_:)`` of all of them. The index's facts give both without reading the done
    /// actions, nine in ten of a journal's (``PeopleFacts``).
    public init(sightings: [PersonSighting], mentioning: [Entry], openFollowUps: [FollowUpItem], lastNamed: [String: Day]) {
        // Newest first, so the first sighting of a name gives its spelling, level and relation.
        func newestFirst(_ a: (eventTime: Timestamp, id: String), _ b: (eventTime: Timestamp, id: String)) -> Bool {
            a.eventTime != b.eventTime ? a.eventTime > b.eventTime : a.id > b.id
        }
        let ordered = sightings.sorted { newestFirst(($0.eventTime, $0.id), ($1.eventTime, $1.id)) }
        // Summaries are mutated in place by index: copying one out of a dictionary and back
        // copies its growing lists on every mention, which made 10,000 entries take seconds.
        var summaries: [PersonSummary] = []
        var indexByKey: [String: Int] = [:]
        // Names repeat across entries; folding is the expensive part, so fold each spelling once.
        var foldedNames: [String: String] = [:]
        func fold(_ name: String) -> String {
            if let known = foldedNames[name] { return known }
            let key = name.folded
            foldedNames[name] = key
            return key
        }
        // Each person's spellings (trimmed), in the order first met (newest first: the index is
        // the rank), in how many entries each, and the last entry counted (a name listed twice in
        // one entry counts once).
        var spellings: [[(spelling: String, count: Int, entry: Int)]] = []
        // Per name as listed, its person and its spelling among theirs: a name recurs in
        // thousands of entries, and one lookup of it replaces folding it, finding its person and
        // finding its spelling (four hashes a listed person were a tenth of `debrief people`).
        // Keyed as the dictionaries it replaces were (canonically equal names are one key).
        var byName: [String: (person: Int, spelling: Int)] = [:]
        // Per person, the last entry that counted them as met: no set of names per entry (10,000
        // entries made 20,000 sets and hashed every name twice more).
        var lastCounted: [Int] = []
        for (n, entry) in ordered.enumerated() {
            let day = entry.eventTime.day
            for person in entry.people {
                let i: Int, s: Int
                if let known = byName[person.name] {
                    (i, s) = known
                } else {
                    let key = fold(person.name)
                    guard !key.isEmpty else { continue }
                    let spelling = person.name.trimmingSpaces
                    if let known = indexByKey[key] {
                        i = known
                    } else {
                        i = summaries.count
                        indexByKey[key] = i
                        summaries.append(PersonSummary(key: key, name: spelling, met: 0,
                                                       firstMet: day, lastMet: day, lastMetTime: entry.eventTime, lastMentioned: day))
                        spellings.append([])
                        lastCounted.append(-1)
                    }
                    if let known = spellings[i].firstIndex(where: { $0.spelling == spelling }) {
                        s = known
                    } else {
                        s = spellings[i].count
                        spellings[i].append((spelling, 0, -1))
                    }
                    byName[person.name] = (i, s)
                }
                let firstInEntry = lastCounted[i] != n
                lastCounted[i] = n
                if spellings[i][s].entry != n {
                    spellings[i][s].count += 1
                    spellings[i][s].entry = n
                }
                if firstInEntry {
                    summaries[i].met += 1
                    summaries[i].firstMet = day
                    summaries[i].entryIDs.append(entry.id)
                }
                if summaries[i].level == nil { summaries[i].level = person.level }
                if summaries[i].relation == nil { summaries[i].relation = person.relation }
                if person.relation == "existing" { summaries[i].everExisting = true }
                if let note = person.note, !note.isBlank {
                    summaries[i].notes.append(PersonNote(text: note, entryID: entry.id, entryTitle: entry.title, day: day))
                }
            }
        }
        // The name shown is the spelling most entries use, the newest among equals: one typo
        // must not rename someone everywhere, and a corrected spelling wins once it is the usual one.
        for i in summaries.indices {
            // The first of the most frequent: the newest among equals.
            if let best = spellings[i].indices.max(by: { spellings[i][$0].count < spellings[i][$1].count
                                                        || (spellings[i][$0].count == spellings[i][$1].count && $0 > $1) }) {
                summaries[i].name = spellings[i][best].spelling.precomposedStringWithCanonicalMapping
            }
        }
        // Entries naming someone they do not list: their text, or an imported note's tags. Each
        // is a mention, and contact for the cold list (an imported note dated after the last
        // reflection with them is the latest news of them).
        let finder = MentionFinder(people: summaries.indices.map { (summaries[$0].key, spellings[$0].map(\.spelling)) })
        let mentioning = finder.isEmpty ? [] : mentioning.sorted { newestFirst(($0.eventTime, $0.id), ($1.eventTime, $1.id)) }
        for entry in mentioning {
            let listed = Set(entry.people.map { fold($0.name) })
            for hit in finder.mentions(in: entry) where !listed.contains(hit.key) {
                guard let i = indexByKey[hit.key] else { continue }
                let day = entry.eventTime.day
                summaries[i].mentions.append(PersonMention(entryID: entry.id, entryTitle: entry.displayTitle, day: day,
                                                           line: hit.line, imported: entry.isImported))
                summaries[i].lastMentioned = max(summaries[i].lastMentioned, day)
            }
        }
        // A follow-up action naming someone is a mention too: the user was thinking of them.
        for (key, day) in lastNamed {
            guard let i = indexByKey[key] else { continue }
            summaries[i].lastMentioned = max(summaries[i].lastMentioned, day)
        }
        for item in openFollowUps {
            guard let i = indexByKey[fold(item.who)] else { continue }
            summaries[i].openFollowUps.append(item)
        }
        people = summaries.sorted { a, b in
            a.lastMetTime != b.lastMetTime ? a.lastMetTime > b.lastMetTime : a.key < b.key
        }
    }

    /// Per folded `who` (``Swift/String/folded``), the latest event day of an entry whose follow-up
    /// names them: a follow-up counts as a mention of its `who`.
    public static func lastNamed(_ items: [FollowUpItem]) -> [String: Day] {
        var out: [String: Day] = [:]
        var folded: [String: String] = [:]
        for item in items {
            let key: String
            if let known = folded[item.who] {
                key = known
            } else {
                key = item.who.folded
                folded[item.who] = key
            }
            let day = item.eventTime.day
            if let seen = out[key], seen >= day { continue }
            out[key] = day
        }
        return out
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
        PeopleIndex(entries: entries).coldNames(asOf: today, days: days, limit: limit)
    }

    /// This index's first `limit` cold names (``coldNames(in:asOf:days:limit:)``).
    public func coldNames(asOf today: Day, days: Int = PeopleIndex.defaultColdDays, limit: Int = 3) -> [String] {
        Array(cold(asOf: today, days: days).prefix(max(0, limit)).map(\.name))
    }
}
