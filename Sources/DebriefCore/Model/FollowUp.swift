/// One thing the user promised to do after an event, as one row of the `follow-ups` answer.
public struct FollowUp: Hashable, Sendable {
    public var who: String
    public var action: String
    public var due: Day?
    /// The day it was done; nil while it is open.
    public var done: Day?
    public var extras: [ExtraField]

    public init(who: String, action: String, due: Day? = nil, done: Day? = nil, extras: [ExtraField] = []) {
        self.who = who
        self.action = action
        self.due = due
        self.done = done
        self.extras = extras
    }

    public var isOpen: Bool { done == nil }

    /// Open and due before `today`.
    public func isOverdue(on today: Day) -> Bool {
        guard done == nil, let due else { return false }
        return due < today
    }
}
