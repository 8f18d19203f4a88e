import ArgumentParser
import DebriefCore

/// `debrief show ID`: one entry, for reading or for scripts.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entry.",
        discussion: "ID is an entry id or a unique prefix of one (see `debrief list`)."
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The entry's id, or a unique prefix.", completion: JournalCompletion.entryIDs) var id: String
    @Option(help: "Output format.") var format: Format = .text

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let entry = try context.entry(id)
            let flags = context.detector.flags(for: entry, asOf: context.clock.today)
            switch format {
            case .json:
                var writer = JSONWriter()
                EntryJSON.full(entry, catalog: context.catalog, pitfalls: flags.map(\.pitfallID), into: &writer)
                Output.json(writer.text)
            case .text, .markdown:
                Output.print(EntryReport.render(entry, catalog: context.catalog, flags: flags, style: format == .text ? .text : .markdown))
            }
        }
    }
}
