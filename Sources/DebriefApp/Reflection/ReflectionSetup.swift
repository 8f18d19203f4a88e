import DebriefCore

/// Everything the guided reflection needs from outside: the catalog, where to save, the clock,
/// and what to start from. The command builds it; tests build it with a temp journal and a fixed clock.
public struct ReflectionSetup: Sendable {
    public var catalog: Catalog
    public var store: JournalStore
    public var clock: Clock
    /// People already in the journal, offered by Tab.
    public var knownPeople: [KnownPerson]
    /// Reads the names when reading them is slow (the whole journal): the flow starts at once
    /// and the names arrive from a background read, replacing ``knownPeople``.
    public var loadKnownPeople: (@Sendable () -> [KnownPerson])?
    /// Reads the journal's entries in the background, so the summary can say how the event's week
    /// stands so far on the habit pitfalls (judged over the whole week, never on one entry).
    public var loadJournal: (@Sendable () -> [Entry])?
    /// Answers to start with (`--title`, `--kind`, `--date`, or the entry being edited).
    public var prefill: [String: Answer]
    /// The calendar event a new reflection is about (`debrief new --event KEY`): its key and
    /// location go into the saved entry's front matter (`event`, `location`).
    public var event: String?
    public var location: String?
    /// The entry `debrief edit` works on; nil for a new reflection.
    public var editing: Entry?
    /// An unfinished draft to offer before starting.
    public var resumable: ReflectionDraft?
    /// The draft this run writes to.
    public var draftName: String
    /// The flow asked: nil for the whole reflection, or a catalog flow such as `quick`. With
    /// ``offersFlowChoice``, the one preselected at the start.
    public var flow: String?
    /// Whether the reflection starts by asking how much to answer: `debrief new` without
    /// `--quick`/`--full`, and `debrief edit` of a quick reflection (keep it quick, or answer the
    /// rest). The pick of a new reflection is remembered as the run's setting
    /// (``SettingChange/reflectionFlow(_:)``, also written to debrief's state file).
    public var offersFlowChoice = false

    public init(catalog: Catalog, store: JournalStore, clock: Clock, knownPeople: [KnownPerson] = [],
                loadKnownPeople: (@Sendable () -> [KnownPerson])? = nil, loadJournal: (@Sendable () -> [Entry])? = nil, prefill: [String: Answer] = [:], editing: Entry? = nil, resumable: ReflectionDraft? = nil,
                draftName: String? = nil) {
        self.catalog = catalog
        self.store = store
        self.clock = clock
        self.knownPeople = knownPeople
        self.loadKnownPeople = loadKnownPeople
        self.loadJournal = loadJournal
        self.prefill = prefill
        self.editing = editing
        self.resumable = resumable
        self.draftName = draftName
            ?? editing.map { ReflectionDraft.editName(for: $0.id) }
            ?? ReflectionDraft.newName(at: clock.timestamp)
    }

    /// Everyone in the journal for Tab completion, merged and spelled as the people index has
    /// them ("Zoë Brandt" and "zoe  brandt" are one name, in its most recent spelling), so
    /// completion offers what `debrief people` lists, with the level their last entry gives.
    /// People met most often come first, and among them the most recently met.
    public static func knownPeople(in entries: [Entry]) -> [KnownPerson] {
        PeopleIndex(entries: entries).people.enumerated()
            .sorted { $0.element.met != $1.element.met ? $0.element.met > $1.element.met : $0.offset < $1.offset }
            .map { KnownPerson(name: $0.element.name, level: $0.element.level) }
    }
}
