import DebriefCore
import DebriefUI

/// Acting on home's due follow-ups in place: ↑/↓ select, Space marks done today (or open
/// again), `s` asks for a new due date, `D` for the day it was done, Enter opens the entry.
/// Home holds no entries: Space, `s` and `D` read the one they change first (in a command), and
/// nothing is written unless its follow-up is the row shown; then they go to the screens' one
/// ``FollowUpEditor``. `update` itself touches no file.
extension HomeProgram {
    /// How many due follow-ups home lists at its height (capped so the recent reflections show,
    /// with the calendar's lines above them).
    var shownDueCount: Int {
        min(content?.due.count ?? 0, max(1, min(Self.maxDueLines, height - 16 - agendaLineCount)))
    }

    /// The listed follow-up at `index` of the due list.
    func dueItem(_ index: Int) -> FollowUpItem? {
        guard let due = content?.due, index >= 0, index < shownDueCount, due.indices.contains(index) else { return nil }
        return due[index]
    }

    /// The selectable rows: the next meeting, the events awaiting a reflection, the due follow-ups.
    var rowCount: Int { dueOffset + shownDueCount }

    /// Where the due follow-ups start among the rows.
    var dueOffset: Int { comingUpCount + shownWaitingCount }

    /// Moving the selection through home's one list, and Enter and the follow-up keys on the row
    /// it is on.
    mutating func handleListKey(_ action: Action) -> [Command<Message>] {
        let count = rowCount
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            guard count > 0 else { return [] }
            switch action {
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(count - 1, selected + 1)
            case .pageUp, .first: selected = 0
            default: selected = count - 1
            }
            return []
        case .open, .reflect, .brief:
            if let open = openSelectedEvent() { return open }
        default:
            if selected < dueOffset {
                status = "Space, s and D act on follow-ups; ↓ moves to them"
                return []
            }
        }
        guard let item = dueItem(selected - dueOffset) else {
            if content != nil, [.toggle, .reschedule, .doneOn, .open].contains(action) {
                status = "Nothing due to act on; f lists every follow-up"
            }
            return []
        }
        switch action {
        case .toggle, .reschedule, .doneOn:
            guard let act = action.followUpAct else { return [] }
            let store = cache.store, id = item.entryID, n = item.n
            return [.perform { .entry(act, n: n, FollowUpEditor.read(id, in: store)) }]
        case .open:
            return [.open(.entry(item.entryID, followUp: item.n))]
        default: break
        }
        return []
    }

    /// The entry read for a follow-up key: checked against the row home lists (the rows come
    /// from the index, the entry from its file, read now), then handed to the editor.
    mutating func entryRead(_ act: FollowUpEditor.Act, n: Int, _ outcome: Result<Entry, StoreError>) -> [Command<Message>] {
        let due = content?.due ?? []
        switch FollowUpEditor.checked(outcome, n: n, shown: { id in due.first { $0.entryID == id && $0.n == n } }) {
        case .refused(let text):
            status = text
            return reread()
        case .ready(let item, let entry):
            if act != .toggle { asked = entry }
            return apply(editor.begin(act, on: HomeContent.titled(item), entry: entry, reading: reading != nil || rereading,
                                      store: cache.store, clock: clock))
        }
    }

    /// A key while the editor asks for a day.
    mutating func followUpPromptKey(_ key: Key) -> [Command<Message>] {
        let asked = self.asked
        return apply(editor.promptKey(key, entry: { id in asked?.id == id ? asked : nil }, reading: reading != nil || rereading,
                                      store: cache.store, clock: clock))
    }

    private mutating func apply(_ step: FollowUpEditor.Step) -> [Command<Message>] {
        if let text = step.status { status = text }
        return [step.command.map(Message.followUp)]
    }

    /// What came of an edit: the row changes in place and the status line says what happened;
    /// anything else the one refresh rule asks for reads the journal again.
    mutating func edited(_ message: FollowUpEditor.Message) -> [Command<Message>] {
        let (text, refresh) = FollowUpEditor.finished(message, today: today)
        status = text
        switch refresh {
        case .inPlace(let entry):
            content?.replace(entry)
            return []
        case .reread:
            return reread()
        case .nothing:
            return []
        }
    }

    /// The whole journal read again in the background, as on a return from another screen.
    private mutating func reread() -> [Command<Message>] {
        rereading = true
        let cache = self.cache, catalog = self.catalog, clock = self.clock, calendar = self.calendar, stamp = skipWrites
        return [.background { .loaded(HomeContent.read(cache: cache, catalog: catalog, clock: clock, calendar: calendar, skipStamp: stamp)) }]
    }
}
