import DebriefCore
import DebriefUI

/// What the follow-up screen needs from the journal: every action in the core's order, and the
/// entries they came from (as read, with their fingerprints, so a mark is refused when the file
/// changed on disk since). Built off the main thread.
public struct FollowUpsContent: Sendable {
    /// Every action, soonest due first (``FollowUpIndex``'s order).
    var items: [FollowUpItem]
    var entries: [String: Entry]
    /// Files that could not be read.
    var problems: Int
    /// The widest action and entry title, so the table gives the action the room the titles do
    /// not need (measured once per read, not per frame).
    var widestAction = 0
    var widestTitle = 0

    init(snapshot: JournalSnapshot) {
        items = FollowUpIndex(entries: snapshot.entries).items
        for item in items {
            widestAction = max(widestAction, item.action.displayWidth)
            widestTitle = max(widestTitle, item.entryTitle.displayWidth)
        }
        entries = Dictionary(snapshot.entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        problems = snapshot.problems.count
    }

    /// Takes in an entry just written: its actions change in place, so the rows keep their order
    /// (marking done never changes a due day) and nothing is read again.
    mutating func replace(_ entry: Entry) {
        entries[entry.id] = entry
        for i in items.indices where items[i].entryID == entry.id {
            let n = items[i].n
            guard n <= entry.followUps.count else { continue }
            items[i] = FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1])
        }
    }
}
