import DebriefCore
import DebriefUI

/// A person's open follow-ups, acted on in place: Space marks the selected one done today (or
/// open again), `s` asks for a new due date, `D` for the day it was done, through the screens'
/// one ``FollowUpEditor``. The screen holds no entries: the key reads the one it changes first,
/// and nothing is written unless its follow-up is the row shown.
extension PeopleProgram {
    mutating func followUpKey(_ action: PeopleAction, page: PersonPage) -> [Command<Message>] {
        guard let shown = page.selectedFollowUp, let act = action.followUpAct else {
            status = "Select one of the follow-ups (↓) first"
            return []
        }
        let store = cache.store, id = shown.entryID, n = shown.n
        return [.perform { .entry(act, n: n, FollowUpEditor.read(id, in: store)) }]
    }

    /// The entry read for a follow-up key: checked against the row the page shows (the rows
    /// come from the index, the entry from its file, read now), then handed to the editor.
    mutating func entryRead(_ act: FollowUpEditor.Act, n: Int, _ outcome: Result<Entry, StoreError>) -> [Command<Message>] {
        let page: PersonPage? = if case .person(let page) = screen { page } else { nil }
        let shown = { (id: String) in page?.lines.lazy.compactMap(\.followUp).first { $0.entryID == id && $0.n == n } }
        switch FollowUpEditor.checked(outcome, n: n, shown: shown) {
        case .refused(let text):
            status = text
            return read()
        case .ready(let item, let entry):
            if act != .toggle { asked = entry }
            return apply(editor.begin(act, on: item, entry: entry, reading: reading, store: cache.store, clock: clock))
        }
    }

    /// A key while the editor asks for a day.
    mutating func followUpPromptKey(_ key: Key) -> [Command<Message>] {
        let asked = self.asked
        return apply(editor.promptKey(key, entry: { id in asked?.id == id ? asked : nil }, reading: reading,
                                      store: cache.store, clock: clock))
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
            content?.written[entry.id] = entry
            layOutPage()
            return []
        case .reread:
            return read()
        case .nothing:
            return []
        }
    }
}
