/// One change to one follow-up row: what `debrief done`, `undone` and `reschedule` and the
/// screens' keys ask for. The store writes it as a row patch (see
/// ``JournalStore/editFollowUp(_:of:_:now:)``), so only that row's changed lines and `updated:`
/// change, and it can be applied again to a file that changed meanwhile.
public enum FollowUpEdit: Hashable, Sendable {
    /// Done on that day.
    case done(Day)
    /// Open again.
    case reopen
    /// Due on that day instead; later than the current due date counts as a postponement, unless
    /// it is a correction (``FollowUp/correctionWindow``).
    case reschedule(Day)
}

/// Why an edit changes nothing, so nothing is written and the caller can say so.
public enum FollowUpUnchanged: Error, Hashable, Sendable {
    /// Done already, on that day (`done` and `reschedule` leave a done action alone).
    case alreadyDone(Day)
    /// Open already (`undone`).
    case alreadyOpen
    /// Due on that day already (`reschedule`).
    case alreadyDue(Day)
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

extension FollowUp {
    /// The row after `edit`, or why nothing changes: an action in the asked state already is
    /// reported rather than rewritten, so running `debrief done` twice neither touches the file
    /// nor moves the first day. `createdAt` is when the row was created (``createdAt(in:)``) and
    /// `now` the moment of the edit: a new due date within a day of the creation is a correction.
    public func applying(_ edit: FollowUpEdit, createdAt: Timestamp, now: Timestamp) -> Result<FollowUp, FollowUpUnchanged> {
        var row = self
        switch edit {
        case .done(let day):
            if let current = done { return .failure(.alreadyDone(current)) }
            row.done = day
        case .reopen:
            guard done != nil else { return .failure(.alreadyOpen) }
            row.done = nil
        case .reschedule(let day):
            if let current = done { return .failure(.alreadyDone(current)) }
            if due == day { return .failure(.alreadyDue(day)) }
            row = rescheduled(to: day, createdAt: createdAt, now: now)
        }
        return .success(row)
    }

    /// Seconds after the save that created a follow-up during which a new due date is a
    /// correction, not a postponement: someone who wrote `next fri`, saw it meant this Friday and
    /// moved it a week the same day did not put anything off.
    public static let correctionWindow = 86_400

    /// Due on `day` instead. A later date than the current one is a postponement: the first due
    /// date is kept in `firstDue` (written once, at the first postponement) and `postponed`
    /// counts up, so the review can tell a follow-up pushed back again and again. An earlier date,
    /// a first date or none is not a postponement, and neither is a correction: any change made
    /// within ``correctionWindow`` (24 hours of real time) of `createdAt`, the save that created
    /// the row, changes the date and counts nothing. The one rule for `reschedule`, the screens
    /// and the guided edit.
    public func rescheduled(to day: Day?, createdAt: Timestamp, now: Timestamp) -> FollowUp {
        var row = self
        row.due = day
        if now.seconds - createdAt.seconds <= Self.correctionWindow { return row }
        if let old = due, let day, day > old {
            if row.firstDue == nil { row.firstDue = old }
            row.postponed += 1
        }
        return row
    }

    /// How the row differs from `other`, in words, for a refusal ("it was marked done on
    /// 2026-11-25"); nil when they are the same. Public for the screens, which refuse in these
    /// words when the row they show is not the row read from the file (``JournalStore/editFollowUp(_:of:_:now:)``
    /// refuses so when the file changed after it was read).
    public func change(since other: FollowUp) -> String? {
        var parts: [String] = []
        if done != other.done {
            parts.append(done.map { "it was marked done on \($0.iso)" } ?? "it was marked open again")
        }
        if due != other.due { parts.append(due.map { "its due date is now \($0.iso)" } ?? "its due date was removed") }
        if who != other.who || action != other.action { parts.append("its text changed") }
        if parts.isEmpty, self != other { parts.append("its row changed") }
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}

extension Entry {
    /// The `n`-th follow-up (counted from 1), or why N does not name one.
    public func followUp(_ n: Int) throws(FollowUpOutOfRange) -> FollowUp {
        let rows = followUps
        guard rows.indices.contains(n - 1) else { throw FollowUpOutOfRange(entryID: id, n: n, count: rows.count) }
        return rows[n - 1]
    }

    /// Space on a screen: done `today` when open, open again when done.
    public func toggleEdit(_ n: Int, today: Day) throws(FollowUpOutOfRange) -> FollowUpEdit {
        try followUp(n).isOpen ? .done(today) : .reopen
    }

    /// The entry with row `index` (from 0) replaced.
    func replacingFollowUp(at index: Int, with row: FollowUp) -> Entry {
        var rows = followUps
        rows[index] = row
        var entry = self
        entry["follow-ups"] = .followUps(rows)
        return entry
    }
}
