import DebriefCore
import DebriefUI

/// Everyone named in the journal, most recently met first, as `debrief people` lists them: `c`
/// switches to the cold list (people you know whom no reflection mentioned for `coldDays`), `/`
/// finds a name as you type, Enter opens a person's entries and open follow-ups, and Enter there
/// opens an entry; Space, `s` and `D` there mark or move a follow-up in place
/// (`PeopleProgram+FollowUps.swift`).
///
/// The journal is read in the background through the session's cache as `debrief people` reads
/// it (from the index's people rows), so the screen draws at once and says it is reading; coming
/// back from an entry reads it again, keeping the screen, the person and the selection. The
/// screen holds no entries: Space, `s` and `D` on a person's page read the one they change first
/// (``Message/entry(_:n:_:)``), `R` and `M` the ones they plan over, in their commands.
public struct PeopleProgram: Program {
    public enum Message: Sendable {
        /// What the journal says about everyone, and which read gave it (``PeopleProgram/reads``
        /// when it was asked for).
        case loaded(PeopleContent, read: Int)
        /// The entry of follow-up `n` read for Space, `s` or `D` on a person's page, or why not.
        case entry(FollowUpEditor.Act, n: Int, Result<Entry, StoreError>)
        /// What came of Space, `s` or `D` on a person's page.
        case followUp(FollowUpEditor.Message)
        /// `R` or `M` wrote (or could not write) the files of a rename.
        case renamed(NameChange, Result<NameChangeOutcome, StoreError>)
        /// The cold list's days were remembered in the state file, or why not.
        case remembered(days: Int, error: String?)
    }

    enum Screen: Equatable {
        case list
        case person(PersonPage)
    }

    let cache: JournalCache
    public var clock: Clock
    /// Nil until the journal has been read once.
    var content: PeopleContent?
    var reading = false
    /// How many reads were asked for: only the last one's content is shown (reads run on threads
    /// of their own and may arrive in any order).
    var reads = 0
    /// The entry the date prompt (`s`, `D`) is asking about, read when the key was pressed: its
    /// write needs it.
    var asked: Entry?
    var screen = Screen.list
    /// The cold list instead of everyone.
    var showCold = false
    /// The name being looked for ("" for everyone).
    var query = ""
    /// The `/` prompt while it is open.
    var search: TextEditor?
    /// The people the list shows, in order.
    var visible: [PersonSummary] = []
    var list = ListState(count: 0)
    var showHelp = false
    var status: String?
    /// People marked with Space for `M` (their folded names).
    var marked: Set<String> = []
    /// The new name `R` or `M` is asking for.
    var namePrompt: NamePrompt?
    /// The person the next read selects (a rename or merge's new name), else the selection stays.
    var selectAfterRead: String?
    /// How long without a mention makes someone cold: the run's setting (from the state file or
    /// the config), changed with `+`/`-`, which the runtime remembers for the screens opened
    /// later and in the state file (never the config).
    var coldDays: Int
    /// Space, `s` and `D` on a person's page (the day `s` or `D` asks for).
    var editor = FollowUpEditor()
    var width = 80
    var height = 24

    public init(cache: JournalCache, clock: Clock, coldDays: Int = PeopleIndex.defaultColdDays) {
        self.cache = cache
        self.clock = clock
        self.coldDays = coldDays
    }

    /// Reads the journal in the background.
    public mutating func start() -> [Command<Message>] {
        read()
    }

    /// Back from an entry, which may have changed the journal: read it again, keeping the
    /// screen, the person and the selection.
    public mutating func resume() -> [Command<Message>] {
        read()
    }

    /// The journal read in the background through the session's cache.
    mutating func read() -> [Command<Message>] {
        reading = true
        reads += 1
        let cache = self.cache, number = reads
        return [.background {
            let (people, sightings, problems) = cache.peopleIndex()
            return .loaded(PeopleContent(people: people, sightings: sightings, problems: problems.count), read: number)
        }]
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            list.scrollToSelection(height: listHeight)
            // Notes wrap to the width: lay the page out again, keeping the selected row.
            layOutPage()
            return []
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.key(let key)):
            if PeopleKeys.list.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            status = nil
            if namePrompt != nil { return handleNamePromptKey(key) }
            if editor.isAsking { return followUpPromptKey(key) }
            if search != nil { return handleSearchKey(key) }
            switch screen {
            case .list: return handleListKey(key)
            case .person(let page): return handlePersonKey(key, page: page)
            }
        case .terminal(.tick):
            return []
        case .message(.loaded(let loaded, let number)):
            // An earlier read: the last one asked for is under way and is the one shown.
            guard number == reads else { return [] }
            content = loaded
            reading = false
            refilter(keeping: selectAfterRead ?? selectedPerson?.key)
            selectAfterRead = nil
            marked = marked.filter { key in loaded.index.people.contains { $0.key == key } }
            if case .person(let page) = screen, !layOutPage() {
                screen = .list
                status = "\(page.name) is no longer named in the journal"
            }
            if let warning = UnreadFiles.warning(loaded.problems) { status = warning }
            return []
        case .message(.followUp(let message)):
            return edited(message)
        case .message(.entry(let act, let n, let outcome)):
            return entryRead(act, n: n, outcome)
        case .message(.renamed(let change, let outcome)):
            return renamed(change, outcome)
        case .message(.remembered(let days, let error)):
            status = error.map { "Cold after \(days) days for now; not remembered: \($0)" }
                ?? "Cold after \(days) days without a mention (remembered for next time)"
            return []
        }
    }

    // MARK: - Keys

    private mutating func handleListKey(_ key: Key) -> [Command<Message>] {
        guard let action = PeopleKeys.list.action(for: key) else { return [] }
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: list.move(action, height: listHeight)
        case .open:
            guard let person = selectedPerson, let content else { return [] }
            screen = .person(PersonPage(person, content: content, today: clock.today, width: width))
        case .search:
            search = TextEditor(text: query, multiline: false, width: width)
        case .cold:
            showCold.toggle()
            refilter(keeping: selectedPerson?.key)
        case .help: showHelp = true
        case .back:
            // Esc first clears a name being looked for; q always leaves.
            if key == .escape, !query.isEmpty {
                query = ""
                refilter(keeping: selectedPerson?.key)
                return []
            }
            return [.back]
        case .interrupt: return [.quit(Interrupt.status)]
        case .mark:
            guard let person = selectedPerson else { return [] }
            if marked.remove(person.key) == nil { marked.insert(person.key) }
            list.move(PeopleAction.down, height: listHeight)
        case .rename, .merge:
            startNameChange(merging: action == .merge)
        case .moreColdDays, .fewerColdDays:
            return changeColdDays(longer: action == .moreColdDays)
        case .toggle, .reschedule, .doneOn: break
        }
        return []
    }

    private mutating func handlePersonKey(_ key: Key, page: PersonPage) -> [Command<Message>] {
        guard let action = PeopleKeys.person.action(for: key) else { return [] }
        var page = page
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last: page.move(action, height: pageHeight)
        case .open:
            guard let id = page.selectedEntryID else { return [] }
            return [.open(.entry(id, followUp: page.selectedFollowUp?.n))]
        case .toggle, .reschedule, .doneOn:
            return followUpKey(action, page: page)
        case .help: showHelp = true
        case .back:
            screen = .list
            return []
        case .search, .cold, .mark, .rename, .merge, .moreColdDays, .fewerColdDays: break
        case .interrupt: return [.quit(Interrupt.status)]
        }
        screen = .person(page)
        return []
    }

    /// The `/` prompt: every keystroke narrows the list; Enter keeps the name, Esc drops it.
    private mutating func handleSearchKey(_ key: Key) -> [Command<Message>] {
        guard var editor = search else { return [] }
        switch key {
        case .enter:
            search = nil
        case .escape:
            search = nil
            query = ""
            refilter(keeping: selectedPerson?.key)
        case .up, .down:
            search = nil
            return handleListKey(key)
        default:
            editor.handle(key)
            search = editor
            query = editor.text
            refilter(keeping: selectedPerson?.key)
        }
        return []
    }

    // MARK: - Filtering

    /// Everyone (most recently met first) or the cold list (longest silent first), narrowed to
    /// names containing the query once both are folded, so "zoe" finds "Zoë Brandt".
    mutating func refilter(keeping key: String?) {
        guard let content else { return }
        let people = showCold ? content.index.cold(asOf: clock.today, days: coldDays) : content.index.people
        let wanted = query.folded
        visible = wanted.isEmpty ? people : people.filter { EntryQuery.name(folded: $0.key, matches: wanted) }
        list = ListState(count: visible.count)
        list.select(key.flatMap { key in visible.firstIndex { $0.key == key } } ?? 0, height: listHeight)
    }

    /// Lays the open person's page out again from the model (after a read, a resize or an
    /// edit), keeping the selected row; false when the last read no longer names them.
    @discardableResult
    mutating func layOutPage() -> Bool {
        guard case .person(var page) = screen else { return true }
        guard let content, let person = content.index.people.first(where: { $0.key == page.key }) else { return false }
        page.refresh(from: PersonPage(person, content: content, today: clock.today, width: width), height: pageHeight)
        page.list.scrollToSelection(height: pageHeight)
        screen = .person(page)
        return true
    }

    // MARK: - Lookups

    var selectedPerson: PersonSummary? {
        guard let s = list.selected, s < visible.count else { return nil }
        return visible[s]
    }

    /// Rows between the column header and the status line.
    var listHeight: Int { max(1, height - 4) }

    /// Rows between the person's name and the status line.
    var pageHeight: Int { max(1, height - 3) }
}
