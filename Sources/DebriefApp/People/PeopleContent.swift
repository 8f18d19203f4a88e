import DebriefCore

/// What the people screen needs from the journal: the core's people index, and the day and
/// title of each entry so a person's view can list where they were met. Built off the main thread.
public struct PeopleContent: Sendable {
    /// An entry as a person's view lists it.
    struct Headline: Equatable, Sendable {
        var day: Day
        var title: String
    }

    var index: PeopleIndex
    var headlines: [String: Headline]
    /// The entries as read, so a follow-up on a person's page can be marked or moved in place.
    var entries: [String: Entry]
    /// Files that could not be read.
    var problems: Int

    init(snapshot: JournalSnapshot) {
        index = PeopleIndex(entries: snapshot.entries)
        var headlines: [String: Headline] = [:]
        var entries: [String: Entry] = [:]
        for entry in snapshot.entries {
            headlines[entry.id] = Headline(day: entry.eventTime.day, title: entry.displayTitle)
            entries[entry.id] = entry
        }
        self.headlines = headlines
        self.entries = entries
        problems = snapshot.problems.count
    }
}
