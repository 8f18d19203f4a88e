import ArgumentParser
import DebriefCore
import DebriefIndex
import DebriefPrompts
import Foundation

/// `--journal DIR`, accepted by every command.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal folder.", discussion:
        "Default: $DEBRIEF_JOURNAL, else `journal:` in config.yaml, else $XDG_DATA_HOME/debrief, else ~/.local/share/debrief.", valueName: "dir"))
    var journal: String?
}

/// What a command does with the journal folder, which decides what a missing one means.
enum JournalAccess {
    /// The command reads: a journal folder that is missing or not a folder is an error (exit 66,
    /// naming the path), never an empty journal, so a typo in a path is not mistaken for no entries.
    case read
    /// The command may write (`new`, `add`, `import`, the home screen): a missing folder is created
    /// by the first write, and the command says on stderr where (``Context/noteIfJournalCreated()``).
    case write
    /// The command reads the calendars beside the journal (`pending`, `brief`): a journal folder
    /// that does not exist yet is one with no entries (a calendar user's first command may come
    /// before any entry: nothing is reflected, nobody known), and a read never creates it. A path
    /// that is not a folder is still an error.
    case calendarRead
}

/// Everything a command needs, resolved once from the options, the environment, the user's config
/// file and debrief's state file.
///
/// `DEBRIEF_NOW` (an ISO 8601 date-time) fixes the clock and `TZ` the zone, so tests never depend
/// on the real date.
///
/// Settings follow one precedence: a flag, then an environment variable of debrief's own
/// (`DEBRIEF_JOURNAL`), then what debrief remembered in its state file (for choices it remembers),
/// then the config file, then variables every program reads (`NO_COLOR`, `VISUAL`, `EDITOR`),
/// then the built-in default.
struct Context {
    var environment: [String: String]
    var clock: Clock
    var catalog: Catalog
    var store: JournalStore
    /// The user's settings (read-only for debrief); problems in the file were reported on stderr.
    var config: DebriefConfig
    /// Choices debrief remembered between runs.
    var state: DebriefState
    /// Whether the journal folder existed when the command started.
    let journalExisted: Bool

    init(_ options: JournalOptions, access: JournalAccess = .read) throws {
        environment = ProcessInfo.processInfo.environment
        clock = try Self.clock(environment)
        catalog = try Self.catalog(environment)
        let loaded = DebriefConfig.load(path: DebriefConfig.path(environment: environment), home: environment["HOME"],
                                        flows: catalog.flows.map(\.id))
        for problem in loaded.problems { Output.error(problem.description) }
        config = loaded.config
        state = Self.state(environment)
        guard let root = JournalLocation.journal(option: options.journal, environment: environment, configured: config.journal) else {
            throw CLIError.usage("cannot tell where the journal is: set HOME, DEBRIEF_JOURNAL or --journal")
        }
        switch JournalLocation.presence(of: root) {
        case .folder:
            journalExisted = true
        case .unreadable(let why):
            throw CLIError(message: "cannot read the journal folder \(root): \(why); check its permissions (and those of the folders above it)",
                           code: Exit.noInput)
        case .notAFolder:
            throw CLIError(message: "\(root) is not a folder, so it cannot be the journal; "
                           + "give the journal folder with --journal, DEBRIEF_JOURNAL or `journal:` in \(Self.configName(environment))",
                           code: Exit.noInput)
        case .danglingLink(let target):
            // Every access: a write would otherwise create the folder through the link (or fail
            // on its lock file), and a calendar read would take an unmounted journal for an empty one.
            throw CLIError(message: "the journal \(root) is a symbolic link to \(target), which does not exist (a drive not mounted, "
                           + "a folder moved?); mount or create it, or give the journal folder with --journal, DEBRIEF_JOURNAL "
                           + "or `journal:` in \(Self.configName(environment))",
                           code: Exit.noInput)
        case .missing:
            if access == .read {
                throw CLIError(message: "no journal at \(root): the folder does not exist; check --journal, DEBRIEF_JOURNAL "
                               + "or `journal:` in \(Self.configName(environment)), or write a first entry with `debrief new` or `debrief add`",
                               code: Exit.noInput)
            }
            journalExisted = false
        }
        store = JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: clock.timeZone))
        store.index = Self.index(for: root, environment: environment)
        Trace.mark("context: catalog, config and journal resolved")
    }

    /// The derived index under the cache folder, unless `DEBRIEF_INDEX=off` asks to read the files
    /// directly (every answer is the same either way; only the time differs). On a terminal, a
    /// read of many files shows a progress bar on stderr after about a second (``StderrProgress``).
    /// `progress: false` for shell completion, whose terminal belongs to the shell.
    static func index(for root: String, environment: [String: String], progress showing: Bool = true) -> JournalIndex? {
        guard environment["DEBRIEF_INDEX"] != "off", let location = IndexLocation.forJournal(root, environment: environment) else {
            return nil
        }
        let index = JournalIndex(location: location)
        if showing, let progress = StderrProgress(environment: environment) {
            index.onProgress { done, total in progress.report(done: done, total: total) }
        }
        return index
    }

    /// The config file's path as messages show it.
    static func configName(_ environment: [String: String]) -> String {
        DebriefConfig.path(environment: environment) ?? "config.yaml"
    }

    /// The entry an id (or a unique prefix of one) names, also by an id it had before
    /// `debrief edit` moved it: then a note on stderr names the id it has now.
    func entry(_ id: String) throws -> Entry {
        let (ref, formerID) = try store.locate(id)
        if let formerID { Output.note("\(formerID) was moved to \(ref.id) (its new date or title); showing \(ref.id)") }
        return try store.read(ref)
    }

    /// Says on stderr that the command created the journal folder, when it did.
    func noteIfJournalCreated() {
        if !journalExisted, JournalLocation.presence(of: store.root) == .folder {
            Output.note("Created the journal folder \(store.root)")
        }
    }

    // MARK: - Settings

    private static func state(_ environment: [String: String]) -> DebriefState {
        DebriefState.load(path: DebriefState.path(environment: environment))
    }

    /// Whether stdout may carry colour: `flag` (`--color`), else the config's `color`, else
    /// auto: a terminal without `NO_COLOR`.
    func useColor(flag: DebriefConfig.ColorChoice? = nil) -> Bool {
        switch flag ?? config.color ?? .auto {
        case .always: return true
        case .never: return false
        case .auto: return Output.colorAllowed(environment: environment)
        }
    }

    /// The editor for long answers: the config's `editor`, else `$VISUAL`, else `$EDITOR`, else vi.
    var editor: String {
        [config.editor, environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }

    /// The environment the screens run with: the settled editor as `VISUAL`, and `NO_COLOR` set
    /// or cleared by the config's `color` (a config or flag overrides `NO_COLOR`, as no-color.org asks).
    var screenEnvironment: [String: String] {
        var env = environment
        env["VISUAL"] = editor
        switch config.color ?? .auto {
        case .never: env["NO_COLOR"] = "1"
        case .always: env["NO_COLOR"] = nil
        case .auto: break
        }
        return env
    }

    /// Days without a mention before someone is on the cold list: `flag`, else the state file,
    /// else the config's `cold-days`, else 90.
    func coldDays(flag: Int? = nil) -> Int {
        flag ?? state.coldDays ?? config.coldDays ?? PeopleIndex.defaultColdDays
    }

    /// The flow `debrief new` starts with: `flag`, else the state file, else the config's
    /// `reflection-flow`, else `full` (the whole guided reflection).
    func reflectionFlow(flag: String? = nil) -> String {
        flag ?? state.reflectionFlow ?? config.reflectionFlow ?? "full"
    }

    /// The calendars of `calendars:`, read through the index when there is one.
    var calendarSet: CalendarSet {
        CalendarSet(calendars: config.calendars, store: store)
    }

    /// How many days back an event waits for a reflection: `pending-days`, else 14.
    var pendingDays: Int { config.pendingDays ?? 14 }

    /// What home reads of the calendars; nil without `calendars:`.
    var agendaSource: CalendarAgenda.Source? {
        config.calendars.isEmpty ? nil
            : CalendarAgenda.Source(calendars: calendarSet, rules: catalog.events, me: config.me, days: pendingDays)
    }

    /// The zone `TZ` names (`Europe/Berlin` or POSIX's `:Europe/Berlin`), else the system's.
    static func timeZone(_ environment: [String: String]) -> TimeZone {
        environment["TZ"].flatMap { TimeZone(identifier: $0.hasPrefix(":") ? String($0.dropFirst()) : $0) } ?? .current
    }

    static func clock(_ environment: [String: String]) throws -> Clock {
        let zone = timeZone(environment)
        guard let fixed = environment["DEBRIEF_NOW"], !fixed.isEmpty else { return Clock(timeZone: zone) }
        guard let ts = Timestamp(iso: fixed) else {
            throw CLIError.usage("DEBRIEF_NOW must be an ISO 8601 date-time like 2026-11-26T10:00:00+01:00, not '\(fixed)'")
        }
        return Clock.fixed(ts.date, timeZone: zone)
    }

    /// The embedded defaults with the user's overrides applied.
    static func catalog(_ environment: [String: String]) throws -> Catalog {
        try CatalogLoader.load(defaultFiles + CatalogLoader.overrideFiles(in: JournalLocation.promptsDirectory(environment: environment)),
                               compact: DefaultCatalog.compactForm)
    }

    static var defaultFiles: [CatalogFile] {
        [CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
         CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
         CatalogFile(name: "Prompts/calendar.yaml", text: String(decoding: DefaultCatalog.calendarYAML, as: UTF8.self))]
    }

    var detector: Detector { Detector(catalog: catalog) }

    /// Pitfall ids an entry shows today.
    func pitfallIDs(_ entry: Entry) -> [String] {
        detector.flags(for: entry, asOf: clock.today).map(\.pitfallID)
    }

    /// `--since` and `--until` read as days looking back, refused when the range is empty.
    func dayRange(since: String?, until: String?) throws -> (since: Day?, until: Day?) {
        let from = try since.map { try day($0, option: "--since", direction: .past) }
        let to = try until.map { try day($0, option: "--until", direction: .past) }
        if let from, let to, from > to { throw CLIError.usage("--since \(from) is after --until \(to)") }
        return (from, to)
    }

    /// Parses a date typed on the command line through the one date reader, or fails with a
    /// usage error naming the option. `direction` says which way `fri` or `nov 6` points: back for
    /// dates of things done (`--since`, `--on`), forward for things still to do (a due date).
    func day(_ text: String, option: String, direction: DateDirection) throws -> Day {
        guard let d = DateInput.day(text, clock: clock, direction: direction) else {
            throw CLIError.usage("\(option): '\(text)' is not a date; try \(DateInput.formsHelp)")
        }
        return d
    }
}

extension DebriefConfig.ColorChoice: ExpressibleByArgument {}

/// Output formats shared by the commands.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}
