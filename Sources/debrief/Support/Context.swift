import ArgumentParser
import DebriefCore
import DebriefPrompts
import Foundation

/// `--journal DIR`, accepted by every command.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The journal folder.", discussion:
        "Default: $DEBRIEF_JOURNAL, else $XDG_DATA_HOME/debrief, else ~/.local/share/debrief.", valueName: "dir"))
    var journal: String?
}

/// Everything a command needs, resolved once from the options and the environment.
///
/// `DEBRIEF_NOW` (an ISO 8601 date-time) fixes the clock and `TZ` the zone, so tests never depend
/// on the real date.
struct Context {
    var environment: [String: String]
    var clock: Clock
    var catalog: Catalog
    var store: JournalStore

    init(_ options: JournalOptions) throws {
        environment = ProcessInfo.processInfo.environment
        clock = try Self.clock(environment)
        catalog = try Self.catalog(environment)
        guard let root = JournalLocation.journal(option: options.journal, environment: environment) else {
            throw CLIError.usage("cannot tell where the journal is: set HOME, DEBRIEF_JOURNAL or --journal")
        }
        store = JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: clock.timeZone))
    }

    static func clock(_ environment: [String: String]) throws -> Clock {
        let zone = environment["TZ"].flatMap { TimeZone(identifier: $0.hasPrefix(":") ? String($0.dropFirst()) : $0) } ?? .current
        guard let fixed = environment["DEBRIEF_NOW"], !fixed.isEmpty else { return Clock(timeZone: zone) }
        guard let ts = Timestamp(iso: fixed) else {
            throw CLIError.usage("DEBRIEF_NOW must be an ISO 8601 date-time like 2026-11-26T10:00:00+01:00, not '\(fixed)'")
        }
        return Clock.fixed(ts.date, timeZone: zone)
    }

    /// The embedded defaults with the user's overrides applied.
    static func catalog(_ environment: [String: String]) throws -> Catalog {
        try CatalogLoader.load(defaultFiles + CatalogLoader.overrideFiles(in: JournalLocation.promptsDirectory(environment: environment)))
    }

    static var defaultFiles: [CatalogFile] {
        [CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
         CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self))]
    }

    var detector: Detector { Detector(catalog: catalog) }

    /// Pitfall ids an entry shows today.
    func pitfallIDs(_ entry: Entry) -> [String] {
        detector.flags(for: entry, asOf: clock.today).map(\.pitfallID)
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

/// Output formats shared by the commands.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}
