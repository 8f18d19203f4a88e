import DebriefCore

/// What the people screen needs from the journal: the core's people index and the day and title
/// of each entry naming someone, so a person's view can list where they were met, as `debrief
/// people` reads them (``JournalStore/peopleIndex(upTo:)``: from the index's people rows, only
/// the entries that may mention someone rebuilt). No entry is held: a person's follow-up keys
/// read the one they change, a rename the ones it plans over. Built off the main thread.
public struct PeopleContent: Sendable {
    /// An entry as a person's view lists it.
    struct Headline: Equatable, Sendable {
        var day: Day
        var title: String
    }

    var index: PeopleIndex
    var headlines: [String: Headline]
    /// The entries written by a mark or a move on a person's page since the read: the one source
    /// of those follow-ups' state until the next read (``current(_:)``).
    var written: [String: Entry] = [:]
    /// Files that could not be read.
    var problems: Int

    init(people: PeopleIndex, sightings: [PersonSighting], problems: Int) {
        index = people
        var headlines: [String: Headline] = [:]
        headlines.reserveCapacity(sightings.count)
        for sighting in sightings {
            headlines[sighting.id] = Headline(day: sighting.eventTime.day, title: sighting.displayTitle)
        }
        self.headlines = headlines
        self.problems = problems
    }

    /// `item` as its entry now holds it. The index lists a person's follow-ups as they were
    /// read; a mark or a move since then changed only `written`, so every view of a follow-up
    /// (its row, a page's count, the list's Open column) asks here, and a resize or going back
    /// never shows the state of the last read.
    func current(_ item: FollowUpItem) -> FollowUpItem {
        guard let entry = written[item.entryID], entry.followUps.indices.contains(item.n - 1) else { return item }
        return FollowUpItem(entry: entry, n: item.n, followUp: entry.followUps[item.n - 1])
    }
}
