import DebriefCore
import DebriefUI

/// Acting on home's due follow-ups in place: ↑/↓ select, Space marks done today (or open
/// again), `s` asks for a new due date, `D` for the day it was done, Enter opens the entry.
/// Writes go out as commands through ``FollowUpWrite``; `update` itself touches no file.
extension HomeProgram {
    /// How many due follow-ups home lists at its height (capped so the recent reflections show).
    var shownDueCount: Int {
        min(content?.due.count ?? 0, max(1, min(Self.maxDueLines, height - 16)))
    }

    /// The listed follow-up at `index`, with the task as lists name it.
    func dueItem(_ index: Int) -> HomeContent.DueFollowUp? {
        guard let due = content?.due, index < shownDueCount, due.indices.contains(index) else { return nil }
        return due[index]
    }

    mutating func handleFollowUpKey(_ action: Action) -> [Command<Message>] {
        let count = shownDueCount
        guard count > 0, let item = dueItem(selected) else {
            if content != nil, [.toggle, .reschedule, .doneOn, .open].contains(action) {
                status = "Nothing due to act on; f lists every follow-up"
            }
            return []
        }
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(count - 1, selected + 1)
        case .pageUp, .first: selected = 0
        case .pageDown, .last: selected = count - 1
        case .toggle: return write(item.followUp.isOpen ? .done(today) : .reopen, index: selected)
        case .reschedule, .doneOn:
            let task = AnswerText.task(who: item.followUp.who, action: item.followUp.action)
            datePrompt = AskingDay(prompt: DatePrompt(action == .reschedule ? .reschedule : .doneOn, task: task), target: selected)
        case .open:
            return [.open(.entry(item.entryID))]
        default: break
        }
        return []
    }

    /// The write of `edit` to the listed follow-up at `index`.
    func write(_ edit: FollowUpEdit, index: Int) -> [Command<Message>] {
        guard let item = dueItem(index), let entry = content?.dueEntries[item.entryID] else { return [] }
        return [FollowUpWrite.command(edit, n: item.n, of: entry, store: cache.store, now: clock.timestamp) {
            .edited(index: index, edit, $0)
        }]
    }

    /// What came of an edit: the row changes in place and the status line says what happened; a
    /// refusal reads the journal again so the list shows the file as it is now.
    mutating func edited(_ index: Int, _ edit: FollowUpEdit, _ outcome: Result<FollowUpEditOutcome, StoreError>) -> [Command<Message>] {
        guard let item = content?.due.indices.contains(index) == true ? content?.due[index] : nil else { return [] }
        status = FollowUpWrite.status(outcome, edit: edit, task: AnswerText.task(who: item.followUp.who, action: item.followUp.action),
                                      today: today)
        switch outcome {
        case .success(.written(let entry, let n, _)):
            if n == item.n, entry.followUps.count == content?.dueEntries[entry.id]?.followUps.count {
                content?.replace(entry)
                return []
            }
            return reread()
        case .failure(.followUpChanged), .failure(.changedOnDisk):
            return reread()
        default:
            return []
        }
    }

    /// The whole journal read again in the background, as on a return from another screen.
    private func reread() -> [Command<Message>] {
        let cache = self.cache, catalog = self.catalog, clock = self.clock
        return [.background { .loaded(HomeContent(snapshot: cache.snapshot(), catalog: catalog, clock: clock)) }]
    }
}
