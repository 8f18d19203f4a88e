import DebriefCore
import DebriefUI

/// Every follow-up action across the journal, soonest due first, as `debrief followups` lists
/// them: Space marks one done today (or open again), `s` asks for a new due date, `D` for the day
/// it was done, Enter opens the entry it came from at that follow-up, selected.
///
/// The journal is read in the background through the session's cache, so the screen draws at
/// once and says it is reading; coming back from an entry reads only the files that changed.
/// Space, `s` and `D` go to the screens' one ``FollowUpEditor`` (a row patch: only that action's
/// lines and `updated:`, applied again to a file changed meanwhile when the action itself is
/// unchanged).
public struct FollowUpsProgram: Program {
    public enum Message: Sendable {
        case loaded(FollowUpsContent)
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
                let entries = content?.entries ?? [:]
                return apply(editor.promptKey(key, entry: { entries[$0] }, reading: reading, store: cache.store, clock: clock))
            }
            return handle(key)
        case .terminal(.tick):
            return []
        case .message(.loaded(let loaded)):
            let selected = selectedItem
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
        }
    }

    private mutating func handle(_ key: Key) -> [Command<Message>] {
        guard var action = FollowUpsKeys.map.action(for: key) else { return [] }
        if action == .nextFilter, key == .backTab { action = .previousFilter }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: list.move(action, height: listHeight)
        case .toggle, .reschedule, .doneOn:
            guard let item = selectedItem, let act = action.followUpAct else { return [] }
            return apply(editor.begin(act, on: item, entry: content?.entries[item.entryID], reading: reading, store: cache.store,
                                      clock: clock))
        case .open:
            guard let item = selectedItem else { return [] }
            return [.open(.entry(item.entryID, followUp: item.n))]
        case .nextFilter, .previousFilter:
            let i = Self.filters.firstIndex(of: filter) ?? 0
            let step = action == .nextFilter ? 1 : Self.filters.count - 1
            show(Self.filters[(i + step) % Self.filters.count])
        case .show(let wanted): show(wanted)
        case .help: showHelp = true
        case .back: return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        }
        return []
    }

    // MARK: - Reading and filtering

    private mutating func read() -> [Command<Message>] {
        reading = true
        let cache = self.cache
        return [.background { .loaded(FollowUpsContent(snapshot: cache.snapshot())) }]
    }

    private mutating func show(_ wanted: FollowUpFilter) {
        guard wanted != filter else { return }
        filter = wanted
        refilter(keeping: selectedItem)
    }

    /// Applies the filter afresh (the core's rule, on today), keeping the selected action when it
    /// is still listed. Rows marked since the last filter leave only now, so Space can be undone.
    private mutating func refilter(keeping item: FollowUpItem?) {
        let previous = list.selected ?? 0
        let today = clock.today
        let items = content?.items ?? []
        visible = items.indices.filter { filter.includes(items[$0], today: today) }
        list = ListState(count: visible.count)
        let kept = item.flatMap { item in
            visible.firstIndex { items[$0].entryID == item.entryID && items[$0].n == item.n }
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
