/// What marking an action done or open came to.
public enum FollowUpChange: Equatable, Sendable {
    /// The entry with the action changed; give it to `JournalStore.save` to write it.
    case updated(Entry)
    /// The action was already done on that day; nothing to write.
    case alreadyDone(Day)
    /// The action was already open; nothing to write.
    case alreadyOpen
}

/// N does not name an action of the entry.
public struct FollowUpOutOfRange: Error, Equatable, Sendable, CustomStringConvertible {
    public var entryID: String
    public var n: Int
    /// How many actions the entry has.
    public var count: Int

    public init(entryID: String, n: Int, count: Int) {
        self.entryID = entryID
        self.n = n
        self.count = count
    }

    public var description: String {
        switch count {
        case 0: return "\(entryID) has no follow-up actions"
        case 1: return "\(entryID) has 1 follow-up action, so N must be 1, not \(n)"
        default: return "\(entryID) has \(count) follow-up actions, so N must be from 1 to \(count), not \(n)"
        }
    }
}

extension Entry {
    /// Marks the `n`-th follow-up action (counted from 1) done on `day`, or open again when `day`
    /// is nil.
    ///
    /// Only that action's `done` changes, so the codec rewrites only the `follow-ups` field and,
    /// for a file in debrief's own layout, only that action's `done:` line. An action already in
    /// the asked state is reported rather than rewritten, so running `debrief done` twice does not
    /// touch the file or move the first day.
    public func markingFollowUp(_ n: Int, done day: Day?) throws(FollowUpOutOfRange) -> FollowUpChange {
        var actions = followUps
        guard actions.indices.contains(n - 1) else {
            throw FollowUpOutOfRange(entryID: id, n: n, count: actions.count)
        }
        switch (actions[n - 1].done, day) {
        case (let current?, .some): return .alreadyDone(current)
        case (nil, nil): return .alreadyOpen
        default: break
        }
        actions[n - 1].done = day
        var entry = self
        entry["follow-ups"] = .followUps(actions)
        return .updated(entry)
    }

    /// Space in the TUI: the `n`-th action (from 1) done `today` when open, open again when done.
    /// The same single-line change as ``markingFollowUp(_:done:)``; always a change to write.
    public func togglingFollowUp(_ n: Int, today: Day) throws(FollowUpOutOfRange) -> Entry {
        let isOpen = followUps.indices.contains(n - 1) && followUps[n - 1].done == nil
        guard case .updated(let entry) = try markingFollowUp(n, done: isOpen ? today : nil) else {
            // Unreachable: the asked state is always the other one.
            return self
        }
        return entry
    }
}
