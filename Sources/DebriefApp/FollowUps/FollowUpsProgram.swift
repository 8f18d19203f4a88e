import DebriefCore
import DebriefUI

/// Every follow-up action across the journal, soonest due first, as `debrief followups` lists
/// them: Space marks one done today (or open again), Enter opens the entry it came from.
///
/// The journal is read in the background through the session's cache, so the screen draws at
/// once and says it is reading; coming back from an entry reads only the files that changed.
/// A mark writes through ``JournalStore/editFollowUp(_:of:_:now:)``, which rewrites only that
/// action's `done:` line (and `updated:`) and applies it again to a file changed meanwhile when
/// the action itself is unchanged.
public struct FollowUpsProgram: Program, HandsOff {
    public enum Message: Sendable {
        case loaded(FollowUpsContent)
        /// A mark of `item` (as it was before) was written, or refused.
        case saved(FollowUpItem, Result<Entry, StoreError>)
    }

    /// The order Tab steps through the filters, the to-do list first.
    static let filters: [FollowUpFilter] = [.open, .overdue, .done, .all]

    public internal(set) var handoff: Handoff?
    let cache: JournalCache
    let clock: Clock
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
    var width = 80
    var height = 24

    public init(cache: JournalCache, clock: Clock) {
        self.cache = cache
        self.clock = clock
    }

    /// Reads the journal in the background; runs again on every return from an entry, which may
    /// have changed it (the detail view toggles follow-ups too).
    public mutating func start() -> [Command<Message>] {
        handoff = nil
        return read()
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
        case .message(.saved(let item, .success(let entry))):
            content?.replace(entry)
            let what = Self.describe(item)
            status = item.isOpen ? "Done: \(what) (Space again reopens)" : "Open again: \(what)"
            return []
        case .message(.saved(let item, .failure(.changedOnDisk))):
            status = "Nothing written: “\(item.entryTitle)” changed on disk since it was read. Read again; press Space to retry."
            return read()
        case .message(.saved(let item, .failure(.followUpChanged(_, let why)))):
            status = "Nothing written to “\(item.entryTitle)”: \(why). Read again."
            return read()
        case .message(.saved(_, .failure(let error))):
            status = "Not saved: \(error.description)"
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [Command<Message>] {
        guard var action = FollowUpsKeys.map.action(for: key) else { return [] }
        if action == .nextFilter, key == .backTab { action = .previousFilter }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: list.move(action, height: listHeight)
        case .toggle: return toggleSelected()
        case .open:
            guard let item = selectedItem else { return [] }
            handoff = .entry(item.entryID)
            return [.quit(0)]
        case .nextFilter, .previousFilter:
            let i = Self.filters.firstIndex(of: filter) ?? 0
            let step = action == .nextFilter ? 1 : Self.filters.count - 1
            show(Self.filters[(i + step) % Self.filters.count])
        case .show(let wanted): show(wanted)
        case .help: showHelp = true
        case .back: return [.quit(0)]
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

    /// Space: done today when open, open again when done.
    private mutating func toggleSelected() -> [Command<Message>] {
        guard let item = selectedItem else { return [] }
        guard !reading else {
            status = "Still reading the journal; press Space again in a moment"
            return []
        }
        guard let entry = content?.entries[item.entryID] else { return [] }
        let edit: FollowUpEdit
        do throws(FollowUpOutOfRange) {
            edit = try entry.toggleEdit(item.n, today: clock.today)
        } catch {
            status = "Not saved: \(error.description)"
            return []
        }
        let store = cache.store
        let now = clock.timestamp
        return [.perform {
            .saved(item, Result { () throws(StoreError) -> Entry in
                switch try store.editFollowUp(item.n, of: entry, edit, now: now) {
                case .written(let written, _, _): return written
                case .unchanged: return entry
                }
            })
        }]
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

    /// `Ana Li: Intro to Marc`, for the status line.
    static func describe(_ item: FollowUpItem) -> String {
        AnswerText.task(who: item.who, action: item.action)
    }
}
