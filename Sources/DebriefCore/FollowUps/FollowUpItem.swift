/// One follow-up action as the tracker lists it: the action itself plus where it came from.
///
/// A plain value, so the CLI, the TUI's follow-up screen and the weekly review can all hold and
/// sort it without going back to the store. `n` is what `debrief done ENTRY-ID N` takes.
public struct FollowUpItem: Hashable, Sendable {
    /// The id of the entry that holds the action.
    public var entryID: String
    public var entryTitle: String
    /// When the source event took place, to order actions that share a due day.
    public var eventTime: Timestamp
    /// Position within the entry's `follow-ups`, counted from 1.
    public var n: Int
    public var who: String
    public var action: String
    public var due: Day?
    /// The day it was done; nil while it is open.
    public var done: Day?
    /// The due date before the first postponement, and how often it was pushed back.
    public var firstDue: Day?
    public var postponed: Int

    public init(entryID: String, entryTitle: String, eventTime: Timestamp, n: Int, who: String, action: String,
                due: Day? = nil, done: Day? = nil, firstDue: Day? = nil, postponed: Int = 0) {
        self.entryID = entryID
        self.entryTitle = entryTitle
        self.eventTime = eventTime
        self.n = n
        self.who = who
        self.action = action
        self.due = due
        self.done = done
        self.firstDue = firstDue
        self.postponed = postponed
    }

    /// The N-th action of `entry` (1-based), as an item.
    public init(entry: Entry, n: Int, followUp: FollowUp) {
        self.init(entryID: entry.id, entryTitle: entry.title, eventTime: entry.eventTime, n: n,
                  who: followUp.who, action: followUp.action, due: followUp.due, done: followUp.done,
                  firstDue: followUp.firstDue, postponed: followUp.postponed)
    }

    public var isOpen: Bool { done == nil }

    /// Open and due before `today`: an action due today is not overdue yet.
    public func isOverdue(on today: Day) -> Bool {
        guard done == nil, let due else { return false }
        return due < today
    }

    /// Soonest due first, undated last; then the older event first, then the entry's own order.
    ///
    /// The tie-breakers make the order total, so two runs over the same journal print the same list.
    public static func soonestDueFirst(_ a: FollowUpItem, _ b: FollowUpItem) -> Bool {
        switch (a.due, b.due) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.eventTime != b.eventTime { return a.eventTime < b.eventTime }
        if a.entryID != b.entryID { return a.entryID < b.entryID }
        return a.n < b.n
    }
}
