import DebriefCore

/// What every screen that lists follow-ups does with their keys: one command that applies an
/// edit to one row through the store (``JournalStore/editFollowUp(_:of:_:now:)``, a row patch
/// applied again when the file changed but the follow-up did not), and one wording for what came
/// of it, so home, the follow-up list, an entry and a person's page say the same thing.
enum FollowUpWrite {
    typealias Outcome = Result<FollowUpEditOutcome, StoreError>

    /// The I/O, as a command whose result comes back through `then`.
    static func command<Message: Sendable>(
        _ edit: FollowUpEdit, n: Int, of entry: Entry, store: JournalStore, now: Timestamp,
        then: @escaping @Sendable (Outcome) -> Message
    ) -> Command<Message> {
        .perform { then(Result { () throws(StoreError) in try store.editFollowUp(n, of: entry, edit, now: now) }) }
    }

    /// The status line after `edit` of `task` (`Ana Li: Send the link`).
    static func status(_ outcome: Outcome, edit: FollowUpEdit, task: String, today: Day) -> String {
        switch outcome {
        case .success(.written(let entry, let n, _)):
            switch edit {
            case .done(let day):
                return day == today ? "Done: \(task) (Space again reopens)" : "Done on \(day.iso): \(task) (Space reopens)"
            case .reopen: return "Open again: \(task)"
            case .reschedule(let day):
                let row = entry.followUps.indices.contains(n - 1) ? entry.followUps[n - 1] : nil
                let history = row.flatMap(AnswerText.postponements).map { "; " + $0 } ?? ""
                return "Due \(day.iso): \(task)\(history)"
            }
        case .success(.unchanged(.alreadyDone(let day), _)):
            return "Already done on \(day.iso): \(task); Space opens it again"
        case .success(.unchanged(.alreadyOpen, _)):
            return "Already open: \(task)"
        case .success(.unchanged(.alreadyDue(let day), _)):
            return "Already due \(day.iso): \(task)"
        case .failure(.followUpChanged(_, let why)):
            return "Nothing written: \(why)"
        case .failure(.changedOnDisk):
            return "Nothing written: the entry changed on disk since it was read"
        case .failure(let error):
            return "Not saved: \(error.description)"
        }
    }
}
