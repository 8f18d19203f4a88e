import DebriefCore
import DebriefUI

/// A person's open follow-ups, acted on in place: Space marks the selected one done today (or
/// open again), `s` asks for a new due date, `D` for the day it was done, through the screens'
/// one ``FollowUpEditor``.
extension PeopleProgram {
    mutating func followUpKey(_ action: PeopleAction, page: PersonPage) -> [Command<Message>] {
        guard let shown = page.selectedFollowUp, let entry = content?.entries[shown.entryID],
              entry.followUps.indices.contains(shown.n - 1), let act = action.followUpAct else {
            status = "Select one of the follow-ups (↓) first"
            return []
        }
        // As the entry holds it now (a mark since the read changed only the entry).
        let item = FollowUpItem(entry: entry, n: shown.n, followUp: entry.followUps[shown.n - 1])
        return apply(editor.begin(act, on: item, entry: entry, reading: reading, store: cache.store, clock: clock))
    }

    /// A key while the editor asks for a day.
    mutating func followUpPromptKey(_ key: Key) -> [Command<Message>] {
        let entries = content?.entries ?? [:]
        return apply(editor.promptKey(key, entry: { entries[$0] }, reading: reading, store: cache.store, clock: clock))
    }

    private mutating func apply(_ step: FollowUpEditor.Step) -> [Command<Message>] {
        if let text = step.status { status = text }
        return [step.command.map(Message.followUp)]
    }

    /// What came of an edit: the entry as written replaces the one read and the page is laid
    /// out again from it (the row changes in place); the one refresh rule decides when the
    /// journal is read again instead.
    mutating func edited(_ message: FollowUpEditor.Message) -> [Command<Message>] {
        let (text, refresh) = FollowUpEditor.finished(message, today: clock.today)
        status = text
        switch refresh {
        case .inPlace(let entry):
            content?.entries[entry.id] = entry
            layOutPage()
            return []
        case .reread:
            return read()
        case .nothing:
            return []
        }
    }
}
