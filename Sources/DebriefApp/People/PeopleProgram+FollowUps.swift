import DebriefCore
import DebriefUI

/// A person's open follow-ups, acted on in place: Space marks the selected one done today (or
/// open again), `s` asks for a new due date, `D` for the day it was done. Writes go out as
/// commands through ``FollowUpWrite``.
extension PeopleProgram {
    /// Which follow-up a prompt or a write is for, and how lists name it.
    struct FollowUpTarget: Sendable, Equatable {
        var entryID: String
        var n: Int
        var task: String
    }

    mutating func followUpKey(_ action: PeopleAction, page: PersonPage) -> [Command<Message>] {
        guard let target = page.selectedFollowUp, let entry = content?.entries[target.entryID],
              entry.followUps.indices.contains(target.n - 1) else {
            status = "Select one of the follow-ups (↓) first"
            return []
        }
        let row = entry.followUps[target.n - 1]
        let task = AnswerText.task(who: row.who, action: row.action)
        let which = FollowUpTarget(entryID: target.entryID, n: target.n, task: task)
        switch action {
        case .toggle:
            return write(row.isOpen ? .done(clock.today) : .reopen, which)
        case .reschedule, .doneOn:
            datePrompt = AskingDay(prompt: DatePrompt(action == .reschedule ? .reschedule : .doneOn, task: task), target: which)
        default: break
        }
        return []
    }

    func write(_ edit: FollowUpEdit, _ target: FollowUpTarget) -> [Command<Message>] {
        guard let entry = content?.entries[target.entryID] else { return [] }
        return [FollowUpWrite.command(edit, n: target.n, of: entry, store: cache.store, now: clock.timestamp) {
            .edited(entryID: target.entryID, n: target.n, edit, task: target.task, $0)
        }]
    }

    /// What came of an edit: the entry as written replaces the one read and the page is laid
    /// out again from it (the row changes in place); anything that moved rows in the file, or a
    /// refusal, reads the journal again.
    mutating func edited(entryID: String, n: Int, _ edit: FollowUpEdit, task: String,
                         _ outcome: Result<FollowUpEditOutcome, StoreError>) -> [Command<Message>] {
        status = FollowUpWrite.status(outcome, edit: edit, task: task, today: clock.today)
        switch outcome {
        case .success(.written(let entry, let now, _)):
            let before = content?.entries[entry.id]?.followUps.count
            content?.entries[entry.id] = entry
            guard now == n, before == entry.followUps.count else { return read() }
            layOutPage()
            return []
        case .failure(.followUpChanged), .failure(.changedOnDisk):
            return read()
        default:
            return []
        }
    }
}
