import DebriefCore
import DebriefUI

/// Every follow-up action across the journal, soonest due first, as `debrief followups` lists
/// them: Space marks one done today (or open again), `s` asks for a new due date, `D` for the day
/// it was done, Enter opens the entry it came from at that follow-up, selected.
///
/// The actions are read in the background through the session's cache as `debrief followups`
/// reads them (from the index's follow-up rows, no entry rebuilt), so the screen draws at once
/// and says it is reading. The screen holds no entries: Space, `s` and `D` read the one they
/// change first (``Message/entry(_:n:_:)``), check that its follow-up is the row shown, and go to
/// the screens' one ``FollowUpEditor`` (a row patch: only that action's lines and `updated:`).
public struct FollowUpsProgram: Program {
    public enum Message: Sendable {
        /// The actions, and which read gave them (``FollowUpsProgram/reads`` when it was asked for).
        case loaded(FollowUpsContent, read: Int)
        /// The entry of follow-up `n` read for Space, `s` or `D` (the act), or why not.
        case entry(FollowUpEditor.Act, n: Int, Result<Entry, StoreError>)
        /// What came of Space, `s` or `D`: written, nothing to do, or refused.
        case followUp(FollowUpEditor.Message)
    }

    /// The order Tab steps through the filters, the to-do list first.
    static let filters: [FollowUpFilter] = [.open, .overdue, .done, .all]

    let cache: JournalCache
    public var clock: Clock
    /// Nil until the journal has been read once.
    var content: FollowUpsContent?
    /// A read is under way (the first one, or a refresh after another screen).
    var reading = false
    /// How many reads were asked for: only the last one's actions are shown. Reads run on threads
    /// of their own and may arrive in any order (one begun before a mark, arriving after one begun
    /// since, would put the mark's row back as it was).
    var reads = 0
    /// The entry the date prompt (`s`, `D`) is asking about, read when the key was pressed: its
    /// write needs it.
    var asked: Entry?
    /// Whether reads ask for every action, not only the open ones: from the first time the filter
    /// shows done or all actions on (``FollowUpsContent/complete``).
    var complete = false
    /// The action selected when the screen dropped its open actions to read every one, selected
    /// again when they arrive.
    var keeping: FollowUpItem?
    var filter = FollowUpFilter.open
    /// Indices into `content.items` that the filter kept, in order.
    var visible: [Int] = []
    var list = ListState(count: 0)
    var showHelp = false
    var status: String?
    /// Space, `s` and `D` on the selected action (the day `s` or `D` asks for).
    var editor = FollowUpEditor()
    var width = 80
    var height = 24

    public init(cache: JournalCache, clock: Clock) {
        self.cache = cache
        self.clock = clock
    }

    /// Reads the journal in the background.
    public mutating func start() -> [Command<Message>] {
        read()
    }

    /// Back from an entry, which may have changed the journal (the detail view toggles
    /// follow-ups too): read it again.
    public mutating func resume() -> [Command<Message>] {
        read()
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            list.scrollToSelection(height: listHeight)
            return []
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.key(let key)):
            if FollowUpsKeys.map.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            status = nil
            if editor.isAsking {
                let asked = self.asked
                return apply(editor.promptKey(key, entry: { id in asked?.id == id ? asked : nil }, reading: reading,
                                              store: cache.store, clock: clock))
            }
            return handle(key)
        case .terminal(.tick):
            return []
        case .message(.loaded(let loaded, let number)):
            // An earlier read: the last one asked for is under way and is the one shown.
            guard number == reads else { return [] }
            let selected = selectedItem ?? keeping
            keeping = nil
            content = loaded
            reading = false
            refilter(keeping: selected)
            if let warning = UnreadFiles.warning(loaded.problems) { status = warning }
            return []
        case .message(.followUp(let message)):
            let (text, refresh) = FollowUpEditor.finished(message, today: clock.today)
            status = text
            switch refresh {
            case .inPlace(let entry):
                content?.replace(entry)
                return []
            case .reread: return read()
            case .nothing: return []
            }
        case .message(.entry(let act, let n, let outcome)):
            // The rows come from the index and the entry from its file, read now: nothing is
            // written to a follow-up other than the row on screen; the list is read again to show
            // the file as it is.
            let items = content?.items ?? []
            switch FollowUpEditor.checked(outcome, n: n, shown: { id in items.first { $0.entryID == id && $0.n == n } }) {
            case .refused(let text):
                status = text
                return read()
            case .ready(let item, let entry):
                if act != .toggle { asked = entry }
                return apply(editor.begin(act, on: item, entry: entry, reading: reading, store: cache.store, clock: clock))
            }
        }
    }

    private mutating func handle(_ key: Key) -> [Command<Message>] {
        guard var action = FollowUpsKeys.map.action(for: key) else { return [] }
        if action == .nextFilter, key == .backTab { action = .previousFilter }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: list.move(action, height: listHeight)
        case .toggle, .reschedule, .doneOn:
            guard let item = selectedItem, let act = action.followUpAct else { return [] }
            // The screen holds no entries: the one changed is read first, whole, from its file.
            let store = cache.store, id = item.entryID, n = item.n
            return [.perform { .entry(act, n: n, FollowUpEditor.read(id, in: store)) }]
        case .open:
            guard let item = selectedItem else { return [] }
            return [.open(.entry(item.entryID, followUp: item.n))]
        case .nextFilter, .previousFilter:
            let i = Self.filters.firstIndex(of: filter) ?? 0
            let step = action == .nextFilter ? 1 : Self.filters.count - 1
            return show(Self.filters[(i + step) % Self.filters.count])
        case .show(let wanted): return show(wanted)
        case .help: showHelp = true
        case .back: return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        }
        return []
    }

    // MARK: - Reading and filtering

    /// Reads the actions the filter needs (``complete``) in the background.
    private mutating func read() -> [Command<Message>] {
        reading = true
        reads += 1
        complete = complete || !filter.keepsOnlyOpen
        let cache = self.cache, number = reads, complete = self.complete
        return [.background {
            let (followUps, problems) = cache.followUpIndex(for: complete ? .all : .open)
            return .loaded(FollowUpsContent(followUps: followUps, problems: problems.count, complete: complete), read: number)
        }]
    }

    /// Shows the actions `wanted` keeps: at once from those read, or, when it keeps done ones and
    /// only the open ones were read, once every one is read (the list says it is reading meanwhile).
    private mutating func show(_ wanted: FollowUpFilter) -> [Command<Message>] {
        guard wanted != filter else { return [] }
        filter = wanted
        if !wanted.keepsOnlyOpen, !complete {
            keeping = selectedItem ?? keeping
            content = nil
            visible = []
            list = ListState(count: 0)
            return read()
        }
        refilter(keeping: selectedItem)
        return []
    }

    /// Applies the filter afresh (the core's rule, on today), keeping the selected action when it
    /// is still listed: the same action of the same entry (found at another position when rows
    /// were added or moved in the file meanwhile), else the one at its position. Rows marked since
    /// the last filter leave only now, so Space can be undone.
    private mutating func refilter(keeping item: FollowUpItem?) {
        let previous = list.selected ?? 0
        let today = clock.today
        let items = content?.items ?? []
        visible = items.indices.filter { filter.includes(items[$0], today: today) }
        list = ListState(count: visible.count)
        let kept = item.flatMap { item in
            visible.firstIndex { items[$0].entryID == item.entryID && items[$0].who == item.who && items[$0].action == item.action }
                ?? visible.firstIndex { items[$0].entryID == item.entryID && items[$0].n == item.n }
        }
        list.select(kept ?? min(previous, max(0, visible.count - 1)), height: listHeight)
    }

    // MARK: - Marking

    /// What the editor asked for, and its status line when it has one.
    private mutating func apply(_ step: FollowUpEditor.Step) -> [Command<Message>] {
        if let text = step.status { status = text }
        return [step.command.map(Message.followUp)]
    }

    // MARK: - Lookups

    var selectedItem: FollowUpItem? {
        guard let s = list.selected, s < visible.count, let content else { return nil }
        return content.items[visible[s]]
    }

    /// How many listed actions the filter keeps now: a row marked since the last filter stays
    /// listed (so Space can undo it) but no longer counts, so "open · 6" becomes "open · 5".
    var matching: Int {
        guard let content else { return 0 }
        let today = clock.today
        return visible.filter { filter.includes(content.items[$0], today: today) }.count
    }

    /// Rows between the column header and the status line.
    var listHeight: Int { max(1, height - 4) }
}
