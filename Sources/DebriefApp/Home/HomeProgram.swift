import DebriefCore
import DebriefUI

/// `debrief` with no arguments: "what should I do now" — follow-ups that are overdue or due soon,
/// the last few reflections, this week's pitfalls, and the keys to every other screen.
///
/// Home is a place to act: the due follow-ups are a list with a selection (↑/↓), and Space marks
/// the selected one done (again, open), `s` moves its due date, `D` marks it done on another
/// day, Enter opens its entry, all without leaving home (see `HomeProgram+FollowUps.swift`).
///
/// The first frame never waits for the journal: the newest few files are read before it (the
/// newest month folders listed, as `list --limit` lists them, and ten reads; never the whole
/// folder), and the follow-ups and the week's pitfalls arrive from a
/// background read through the session's cache (``HomeContent/read(cache:catalog:clock:calendar:skipStamp:)``:
/// the index's rows and the few entries each line needs, never the whole journal).
///
/// The other screens are separate programs; a key that opens one asks the runtime to open it
/// over home (``Command/open(_:)``), and home resumes, reading the journal again, when it goes back.
public struct HomeProgram: Program {
    public enum Message: Sendable {
        /// Whether the journal has any entry file, and the newest few, read before the first frame.
        case glance(hasEntries: Bool, recent: [Entry])
        case loaded(HomeContent)
        /// The background read has read this many of the files it reads (a cold index build).
        case reading(done: Int, total: Int)
        /// The entry of follow-up `n` read for Space, `s` or `D` (the act), or why not.
        case entry(FollowUpEditor.Act, n: Int, Result<Entry, StoreError>)
        /// What came of Space, `s` or `D` on a listed follow-up.
        case followUp(FollowUpEditor.Message)
        /// What came of `x` (skipped: true) or `u` on an event awaiting a reflection: nil when
        /// the skip file was written (or already said so), else why not.
        case skip(PendingEvent, skipped: Bool, failure: String?)
    }

    enum Action: Sendable, Equatable, ListMovement, FollowUpActions {
        case new, browse, review, followUps, people, help, quit, interrupt
        case up, down, pageUp, pageDown, first, last
        case toggle, reschedule, doneOn, open
        /// On an event: `x` skips it, `u` takes back the last skip; Enter (``open``) on an event
        /// starts its reflection, on the next meeting its brief (``reflect`` and ``brief`` only
        /// name that in the help).
        case skip, unskip, reflect, brief
    }

    static let keys = KeyMap<Action>([
        KeyBinding(.char("n"), help: "new reflection", action: .new),
        KeyBinding(.char("b"), help: "browse", action: .browse),
        KeyBinding(.char("r"), help: "review", action: .review),
        KeyBinding(.char("f"), help: "follow-ups", action: .followUps),
        KeyBinding(.char("p"), help: "people", action: .people),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "quit", action: .quit),
        Interrupt.binding(.interrupt),
        // The follow-up keys are listed beside the follow-ups (``followUpHints``), not in the bar.
    ] + Action.followUpBindings(showsInHelpBar: false) + [
        KeyBinding([.enter], label: "Enter", help: "open its entry", action: .open, showsInHelpBar: false),
        // The event keys are listed beside "Awaiting a reflection" (``eventHints``). Enter's
        // first binding above dispatches; these two say what it does on an event.
        KeyBinding([.enter], label: "Enter", help: "reflect on it", action: .reflect, showsInHelpBar: false),
        KeyBinding([.enter], label: "Enter", help: "its brief", action: .brief, showsInHelpBar: false),
        KeyBinding(.char("x"), help: "skip event", action: .skip, showsInHelpBar: false),
        KeyBinding(.char("u"), help: "undo skip", action: .unskip, showsInHelpBar: false),
    ] + Action.movementBindings())

    /// Keys shown beside "Awaiting a reflection".
    static let eventActions: [Action] = [.reflect, .skip, .unskip]

    /// Events awaiting a reflection listed at most (the count says how many more).
    static let maxWaitingLines = 3

    /// Keys shown beside "Follow-ups due": how to act on the selected one (↑/↓ move the selection,
    /// which shows in reverse video) without leaving home.
    static let followUpActions: [Action] = [.toggle, .reschedule, .doneOn, .open]

    /// Follow-ups listed at most, however many are due.
    static let maxDueLines = 8

    let cache: JournalCache
    let catalog: Catalog
    /// The calendars, when `calendars:` lists some.
    let calendar: CalendarAgenda.Source?
    public var clock: Clock
    /// Whether the last glance found an entry file (false: a first run, which shows the intro);
    /// nil before the first one.
    var hasEntries: Bool?
    var recent: [HomeContent.Recent] = []
    /// Nil until the whole journal has been read once.
    var content: HomeContent?
    /// How far a long background read has come, shown as a bar until `content` arrives.
    var reading: (done: Int, total: Int)?
    /// The journal is being read again (back from another screen, or after an edit that needs
    /// it); what is shown stays until it arrives.
    var rereading = false
    var showHelp = false
    /// The selected row of home's one list: the next meeting (when shown), then the events
    /// awaiting a reflection, then the due follow-ups (see ``HomeRow``).
    var selected = 0
    /// Events `x` skipped on this screen, latest last: `u` takes back the last.
    var skippedHere: [PendingEvent] = []
    /// Events `u` brought back on this screen.
    var unskippedHere: [PendingEvent] = []
    /// Skips and undos asked for so far; a read stamped with fewer began before the last one.
    var skipWrites = 0
    /// A message about the last follow-up edit, on the line above the help bar.
    var status: String?
    /// Space, `s` and `D` on the selected follow-up (the day `s` or `D` asks for).
    var editor = FollowUpEditor()
    /// The entry the date prompt (`s`, `D`) is asking about, read when the key was pressed: its
    /// write needs it (home holds no entries).
    var asked: Entry?
    var width = 80
    var height = 24

    public init(cache: JournalCache, catalog: Catalog, clock: Clock, calendar: CalendarAgenda.Source? = nil) {
        self.cache = cache
        self.catalog = catalog
        self.clock = clock
        self.calendar = calendar
    }

    /// Today as of the key being handled: home left open past midnight acts on the new day.
    var today: Day { clock.today }

    /// Glances at the newest files before the first frame, then reads everything in the background.
    public mutating func start() -> [Command<Message>] {
        read()
    }

    /// Back from another screen, which may have changed the journal: read it again.
    public mutating func resume() -> [Command<Message>] {
        read()
    }

    private mutating func read() -> [Command<Message>] {
        status = nil
        editor = FollowUpEditor()
        asked = nil
        rereading = content != nil
        let cache = self.cache, catalog = self.catalog, clock = self.clock, calendar = self.calendar, stamp = skipWrites
        return [
            .perform {
                // Only the newest month folders, on the main thread before the first frame:
                // listing the whole journal to count it cost that frame a walk of every file (the
                // background read walks them again). A walk that stops early has found entries.
                let wanted = HomeContent.recentCount * 2
                let refs = (cache.store.scanNewest(atLeast: wanted) ?? cache.store.scan()).refs
                let batch = cache.store.load(Array(refs.prefix(wanted)))
                return .glance(hasEntries: !refs.isEmpty, recent: HomeContent.newest(batch.entries))
            },
            .background { .loaded(HomeContent.read(cache: cache, catalog: catalog, clock: clock, calendar: calendar, skipStamp: stamp)) },
        ]
    }

    public func readProgress(done: Int, total: Int) -> Message? {
        content == nil ? .reading(done: done, total: total) : nil
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            selected = min(selected, max(0, rowCount - 1))
            return []
        case .terminal(.key(let key)):
            if Self.keys.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            if editor.isAsking { return followUpPromptKey(key) }
            status = nil
            guard let action = Self.keys.action(for: key) else { return [] }
            switch action {
            case .new: return [.open(.newReflection)]
            case .browse: return [.open(.browse)]
            case .review: return [.open(.review)]
            case .followUps: return [.open(.followUps)]
            case .people: return [.open(.people)]
            case .help: showHelp = true
            case .quit: return [.back]
            case .interrupt: return [.quit(Interrupt.status)]
            case .up, .down, .pageUp, .pageDown, .first, .last, .toggle, .reschedule, .doneOn, .open, .reflect, .brief:
                return handleListKey(action)
            case .skip, .unskip:
                return handleEventKey(action)
            }
            return []
        case .terminal:
            return []
        case .message(.glance(let found, let newest)):
            hasEntries = found
            recent = newest.map(HomeContent.Recent.init)
            return []
        case .message(.reading(let done, let total)):
            reading = (done, total)
            return []
        case .message(.loaded(let loaded)):
            content = correctingSkips(loaded)
            reading = nil
            rereading = false
            recent = loaded.recent
            selected = min(selected, max(0, rowCount - 1))
            return []
        case .message(.entry(let act, let n, let outcome)):
            return entryRead(act, n: n, outcome)
        case .message(.followUp(let message)):
            return edited(message)
        case .message(.skip(let event, let skipped, let failure)):
            return skipWritten(event, skipped: skipped, failure: failure)
        }
    }
}
