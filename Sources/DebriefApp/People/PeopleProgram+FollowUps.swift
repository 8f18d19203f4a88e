import DebriefCore
import DebriefUI

/// A person's open follow-ups, acted on in place: Space marks the selected one done today (or
/// open again), `s` asks for a new due date, `D` for the day it was done. Writes go out as
/// commands through ``FollowUpWrite``.
extension PeopleProgram {
    mutating func followUpKey(_ action: PeopleAction, page: PersonPage) -> [Command<Message>] {
        guard let target = page.selectedFollowUp, let entry = content?.entries[target.entryID],
              entry.followUps.indices.contains(target.n - 1) else {
            status = "Select one of the follow-ups (↓) first"
            return []
        }
        let row = entry.followUps[target.n - 1]
        let task = AnswerText.task(who: row.who, action: row.action)
        switch action {
        case .toggle:
            return write(row.isOpen ? .done(clock.today) : .reopen, entry: entry, n: target.n, task: task)
        case .reschedule, .doneOn:
            datePrompt = (DatePrompt(action == .reschedule ? .reschedule : .doneOn, task: task), target.entryID, target.n)
        default: break
        }
        return []
    }

    /// Keys while `s` or `D` asks for a day: Enter writes, Esc closes the prompt.
    mutating func handlePromptKey(_ key: Key, _ prompt: DatePrompt, entryID: String, n: Int) -> [Command<Message>] {
        var prompt = prompt
        switch prompt.handle(key, clock: clock) {
        case .editing:
            datePrompt = (prompt, entryID, n)
            return []
        case .cancelled:
            datePrompt = nil
            return []
        case .chosen(let edit):
            datePrompt = nil
            guard let entry = content?.entries[entryID] else { return [] }
            return write(edit, entry: entry, n: n, task: prompt.task)
        }
    }

    private func write(_ edit: FollowUpEdit, entry: Entry, n: Int, task: String) -> [Command<Message>] {
        [FollowUpWrite.command(edit, n: n, of: entry, store: cache.store, now: clock.timestamp) {
            .edited(entryID: entry.id, n: n, edit, task: task, $0)
        }]
    }

    /// What came of an edit: the page's row changes in place; anything that moved rows in the
    /// file, or a refusal, reads the journal again.
    mutating func edited(entryID: String, n: Int, _ edit: FollowUpEdit, task: String,
                         _ outcome: Result<FollowUpEditOutcome, StoreError>) -> [Command<Message>] {
        status = FollowUpWrite.status(outcome, edit: edit, task: task, today: clock.today)
        switch outcome {
        case .success(.written(let entry, let now, _)):
            let before = content?.entries[entry.id]?.followUps.count
            content?.entries[entry.id] = entry
            guard now == n, before == entry.followUps.count else { return read() }
            if case .person(var page) = screen {
                page.replace(entry, today: clock.today)
                screen = .person(page)
            }
            return []
        case .failure(.followUpChanged), .failure(.changedOnDisk):
            return read()
        default:
            return []
        }
    }
}
