/// One thing the user promised to do after an event, as one row of the `follow-ups` answer.
public struct FollowUp: Hashable, Sendable {
    public var who: String
    public var action: String
    public var due: Day?
    /// The day it was done; nil while it is open.
    public var done: Day?
    /// A short id that stays with this follow-up for good (row key `id`): a calendar UID, an edit
    /// re-applied after the file changed, survive a renamed entry or a reordered list because
    /// they are not derived from a file name or a position. Nil for rows written before ids
    /// existed or by hand; see ``Entry/assigningFollowUpIDs()``.
    public var id: String?
    /// The due date it had before it was first postponed (row key `first-due`), written once.
    public var firstDue: Day?
    /// How many times the due date was moved later (row key `postponed`; 0 is not written).
    public var postponed: Int
    /// When the row was first saved into an entry that already existed (row key `added`, written
    /// by `debrief edit`); nil for a row written with its entry, whose creation is the entry's
    /// `created`. See ``createdAt(in:)``.
    public var added: Timestamp?
    public var extras: [ExtraField]

    public init(who: String, action: String, due: Day? = nil, done: Day? = nil, id: String? = nil,
                firstDue: Day? = nil, postponed: Int = 0, added: Timestamp? = nil, extras: [ExtraField] = []) {
        self.who = who
        self.action = action
        self.due = due
        self.done = done
        self.id = id
        self.firstDue = firstDue
        self.postponed = postponed
        self.added = added
        self.extras = extras
    }

    public var isOpen: Bool { done == nil }

    /// When the save that created this follow-up happened: its `added`, else the `created` of the
    /// entry it is in (docs/FORMAT.md, "Follow-up rows").
    public func createdAt(in entry: Entry) -> Timestamp { added ?? entry.created }

    /// Open and due before `today`.
    public func isOverdue(on today: Day) -> Bool {
        guard done == nil, let due else { return false }
        return due < today
    }
}
