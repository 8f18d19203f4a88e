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
    /// The entries as read, then as written by a mark or a move on a person's page: the one
    /// source of a follow-up's state until the next read (``current(_:)``).
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

    /// `item` as its entry now holds it. The index lists a person's follow-ups as they were
    /// read; a mark or a move since then changed only `entries`, so every view of a follow-up
    /// (its row, a page's count, the list's Open column) asks here, and a resize or going back
    /// never shows the state of the last read.
    func current(_ item: FollowUpItem) -> FollowUpItem {
        guard let entry = entries[item.entryID], entry.followUps.indices.contains(item.n - 1) else { return item }
        return FollowUpItem(entry: entry, n: item.n, followUp: entry.followUps[item.n - 1])
    }
}
