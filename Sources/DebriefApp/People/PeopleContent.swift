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
    /// Files that could not be read.
    var problems: Int

    init(snapshot: JournalSnapshot) {
        index = PeopleIndex(entries: snapshot.entries)
        var headlines: [String: Headline] = [:]
        for entry in snapshot.entries {
            headlines[entry.id] = Headline(day: entry.eventTime.day, title: entry.displayTitle)
        }
        self.headlines = headlines
        problems = snapshot.problems.count
    }
}
