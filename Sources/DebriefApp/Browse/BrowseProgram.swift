import DebriefCore
import DebriefUI

/// `debrief browse`: the journal as a list, newest first, with a detail view per entry, search,
/// filters, follow-up toggling, editing in `$EDITOR`, and delete with undo.
///
/// A value in the Elm shape: keys and I/O results come in through `update`, every read and write
/// of the journal goes out as a `.perform` command, so tests drive it with `ProgramDriver` over a
/// temporary journal and read the frames.
public struct BrowseProgram: Program {
    /// Results of the I/O the program asked for.
    public enum Message: Sendable {
        /// The journal read again (through the session's cache: only changed files are read).
        case loaded(JournalSnapshot)
        case saved(Result<Entry, StoreError>)
        /// What came of Space, `s` or `D` in the detail view.
        case followUp(FollowUpEditor.Message)
        /// The one entry of a standalone detail, read again after another screen.
        case refreshed(Result<Entry, StoreError>)
        case trashed(Result<TrashRecord, StoreError>)
        case restored(Result<String, StoreError>)
        case readForEdit(Result<PendingEdit, StoreError>)
        case edited(PendingEdit, EditorOutcome)
        case checked(PendingEdit, Result<Entry, StoreError>)
        case restoredPrevious(PendingEdit, Result<Entry, StoreError>)
        /// Entries read on an idle tick or after a key: the files `refs` (the first pending ones
        /// when asked for).
        case chunk(JournalSnapshot, of: [EntryRef])
        /// The rest of the journal (`refs`), read before `key`, which needs all of it (search,
        /// filter, end).
        case rest(JournalSnapshot, of: [EntryRef], then: Key)
    }

    /// An entry moved to `trash/`, remembered so `u` can put it back.
    public struct TrashRecord: Sendable, Equatable {
        public var id: String
        public var title: String
        public var trashPath: String
        public var originalPath: String
    }

    /// An external edit in progress: the bytes before it, kept in memory so a broken edit can be
    /// undone, and the fingerprint of the file as the edit left it, so undoing it never
    /// overwrites a version written meanwhile by another program.
    public struct PendingEdit: Sendable, Equatable {
        public var id: String
        public var path: String
        public var previous: [UInt8]
        /// The file as last read after the editor closed; nil before.
        public var edited: Fingerprint?

        var ref: EntryRef { EntryRef(id: id, path: path) }
    }

    enum Screen: Equatable {
        case list
        case detail(DetailState)
    }

    /// The verdicts of the entry in the detail view, and what they were judged from.
    struct DetailFlags: Equatable {
        var entry: Entry
        var today: Day
        var flags: [PitfallFlag]
    }

    struct DetailState: Equatable {
        var id: String
        var scroll = 0
        /// The follow-up Space acts on, `n` from 1 as everywhere a follow-up is named.
        var followUp: Int?
        /// The detail row n/N last jumped to, so repeated jumps advance even when the last rows
        /// cannot scroll to the top.
        var match: Int?
    }

    enum Prompt: Equatable {
        case search(TextEditor, origin: Int?)
        case filter(TextEditor, error: String?)
        case confirmDelete(String)
        case invalidEdit(PendingEdit, problem: String)
    }

    // MARK: - State

    let store: JournalStore
    /// The session's journal cache, for reading the journal again after another screen.
    let cache: JournalCache
    /// A row and what it was made from: the entry's bytes and the day its pitfalls were judged on.
    struct CachedRow: Equatable {
        var fingerprint: Fingerprint
        var today: Day
        var row: BrowseRow
    }

    /// Rows by entry id, so reading the journal again judges only the entries that changed.
    var rowCache: [String: CachedRow] = [:]
    let catalog: Catalog
    public var clock: Clock
    let detector: Detector

    /// Every entry, newest first, with its row.
    var entries: [Entry] = []
    var rows: [BrowseRow] = []
    /// Folded search text per entry, built on the first search.
    var haystacks: [String]?
    /// Indices into `entries` that pass the filter, in order.
    var visible: [Int] = []
    var list = ListState(count: 0)
    var filter = BrowseFilter()
    /// The committed search query ("" when none).
    var query = ""
    var screen = Screen.list
    var prompt: Prompt?
    /// The pitfalls the entry in the detail view shows, judged in `update` when it opens or
    /// changes (or the day does), so drawing it never runs the detector.
    var detailFlags: DetailFlags?
    /// Space, `s` and `D` on the follow-up Tab selected in the detail view (`s` and `D` ask for
    /// a day on the status line).
    var editor = FollowUpEditor()
    var showHelp = false
    var status: String?
    var problems = 0
    var undo: [TrashRecord] = []
    /// Entry files not read yet (newest first); see `BrowseProgram+Loading.swift`.
    var pending: [EntryRef] = []
    var width = 80
    var height = 24
    /// Opened on one entry by another screen (follow-ups, people): leaving the detail view
    /// leaves the program, back to that screen.
    var standalone = false

    /// A browser over an already loaded snapshot (loading before the first frame keeps the first
    /// paint a complete list instead of a "loading" screen; see the measured cost in the issue).
    ///
    /// Every initialiser starts at 80×24; the runtime sends the real size before the first frame.
    public init(store: JournalStore, catalog: Catalog, clock: Clock, snapshot: JournalSnapshot, cache: JournalCache? = nil) {
        self.init(store: store, catalog: catalog, clock: clock, loading: (), cache: cache)
        apply(snapshot)
    }

    /// An empty browser; the public initialisers fill it.
    init(store: JournalStore, catalog: Catalog, clock: Clock, loading: Void, cache: JournalCache? = nil) {
        self.store = store
        self.cache = cache ?? JournalCache(store: store)
        self.catalog = catalog
        self.clock = clock
        self.detector = Detector(catalog: catalog)
    }

    /// Loads the journal and makes a browser; for tests and callers that do not time the load.
    public init(store: JournalStore, catalog: Catalog, clock: Clock) {
        self.init(store: store, catalog: catalog, clock: clock, snapshot: store.loadAll())
    }

    /// A detail view of one entry, for screens that list follow-ups or people: only that entry
    /// is read, when the screen starts (an id that no longer reads says so on the status line).
    /// `followUp` (its `n`, from 1) is selected and scrolled into view once the entry is read,
    /// so Space, `s` and `D` act on the follow-up the list was on.
    public init(store: JournalStore, catalog: Catalog, clock: Clock, entryID: String, followUp: Int? = nil,
                cache: JournalCache? = nil) {
        self.init(store: store, catalog: catalog, clock: clock, loading: (), cache: cache)
        standalone = true
        screen = .detail(DetailState(id: entryID, followUp: followUp))
    }

    // MARK: - Update

    /// A browser shows what its initialiser read; an entry's detail reads its entry.
    public mutating func start() -> [Command<Message>] {
        guard standalone, case .detail(let state) = screen else { return [] }
        return readEntry(state.id)
    }

    /// Back from the guided edit or another screen: re-read what may have changed meanwhile.
    public mutating func resume() -> [Command<Message>] {
        if standalone, case .detail(let state) = screen { return readEntry(state.id) }
        return reload()
    }

    /// The one entry of a standalone detail, read through the store (by its id: an edit may
    /// have moved its file).
    private func readEntry(_ id: String) -> [Command<Message>] {
        let store = self.store
        return [.perform {
            guard let ref = store.canonicalRef(for: id) else { return .refreshed(.failure(.notFound(id))) }
            return .refreshed(Result { () throws(StoreError) in try store.read(ref) })
        }]
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        let commands = handle(event)
        judgeDetail()
        return commands
    }

    private mutating func handle(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            list.scrollToSelection(height: listHeight)
            return []
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.tick):
            return loadNextChunk()
        case .terminal(.key(let key)):
            if BrowseKeys.list.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            if editor.isAsking { return followUpPromptKey(key) }
            if prompt != nil { return handlePromptKey(key) }
            status = nil
            if !pending.isEmpty, case .list = screen, let action = BrowseKeys.list.action(for: key),
               [.search, .filter, .last, .nextMatch].contains(action) {
                // The key needs the whole journal: ask for the rest, and handle the key when it
                // has arrived (`R` reads the whole journal anyway).
                return readRest(then: key)
            }
            let commands: [Command<Message>]
            switch screen {
            case .list: commands = handleListKey(key)
            case .detail(let state): commands = handleDetailKey(key, state: state)
            }
            // Keys held down leave no idle time for ticks, so every key also asks for one chunk:
            // a chunk is more than a page, so moving down never reaches the unread part.
            return commands + loadNextChunk()
        case .message(let message):
            return handle(message)
        }
    }

    // MARK: - Lookups

    var selectedEntryIndex: Int? {
        guard let s = list.selected, s < visible.count else { return nil }
        return visible[s]
    }

    func index(of id: String) -> Int? { entries.firstIndex { $0.id == id } }

    /// Rows the list has between its header and the status line.
    var listHeight: Int { max(1, height - 4 - (filter.isEmpty ? 0 : 1)) }

    /// Rows the detail view has between its title and the status line.
    var detailHeight: Int { max(1, height - 3) }
}
