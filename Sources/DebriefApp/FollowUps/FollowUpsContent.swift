import DebriefCore
import DebriefUI

/// What the follow-up screen needs from the journal: the actions in the core's order, as
/// `debrief followups` lists them (from the index's follow-up rows; no entry is held: Space, `s`
/// and `D` read the one they change). Built off the main thread.
///
/// Only the open actions while the screen shows open or overdue ones (its first frame: a tenth of
/// the rows to read on a journal of 10,000 entries), every one once it shows done or all.
public struct FollowUpsContent: Sendable {
    /// The actions, soonest due first (``FollowUpIndex``'s order).
    var items: [FollowUpItem]
    /// Whether `items` holds every action, or only the open ones (when the read was asked for
    /// those; an action marked done on the screen since stays until the next read).
    var complete: Bool
    /// Files that could not be read.
    var problems: Int
    /// The widest action and entry title, so the table gives the action the room the titles do
    /// not need (measured once per read, not per frame).
    var widestAction = 0
    var widestTitle = 0

    /// The actions of `followUps`, only the open ones unless `complete` (an index may give more
    /// than asked for: the store gives every action when it reads the files).
    init(followUps: FollowUpIndex, problems: Int, complete: Bool) {
        items = complete ? followUps.items : followUps.items.filter(\.isOpen)
        self.complete = complete
        for item in items {
            widestAction = max(widestAction, item.action.displayWidth)
            widestTitle = max(widestTitle, item.entryTitle.displayWidth)
        }
        self.problems = problems
    }

    /// Takes in an entry just written: its actions change in place, so the rows keep their order
    /// (marking done never changes a due day) and nothing is read again.
    mutating func replace(_ entry: Entry) {
        for i in items.indices where items[i].entryID == entry.id {
            let n = items[i].n
            guard n <= entry.followUps.count else { continue }
            items[i] = FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1])
        }
    }
}
