/// Which follow-up actions to list. `open` is the default everywhere: it is the to-do list.
public enum FollowUpFilter: String, CaseIterable, Sendable {
    /// Open and due before today.
    case overdue
    /// Not done yet, due or not.
    case open
    /// Marked done.
    case done
    /// Everything.
    case all

    /// Whether every action this filter keeps is open (``FollowUpItem/isOpen``): then the done
    /// ones need not be read at all (``JournalStore/followUpIndex(for:)``).
    public var keepsOnlyOpen: Bool { self == .open || self == .overdue }

    /// Whether `item` belongs in this list on `today`.
    public func includes(_ item: FollowUpItem, today: Day) -> Bool {
        switch self {
        case .overdue: return item.isOverdue(on: today)
        case .open: return item.isOpen
        case .done: return !item.isOpen
        case .all: return true
        }
    }
}
