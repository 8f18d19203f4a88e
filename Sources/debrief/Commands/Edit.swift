import ArgumentParser
import DebriefApp
import DebriefCore

/// `debrief edit ID`: the guided reflection over an existing entry.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Go through an entry's reflection again and save the changes.",
        discussion: """
        ID is an entry id or a unique prefix of one (see `debrief list`). The answers are kept in a \
        draft while you work; if the file changes on disk meanwhile, nothing is overwritten and the \
        draft keeps your answers for the next `debrief edit`, which says the entry changed since \
        and resumes the draft (to save it over those changes) only when you press r.
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: "The entry's id, or a unique prefix.", completion: JournalCompletion.entryIDs) var id: String

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreen() }
    }

    @MainActor
    private func runScreen() throws {
        try runReportingErrors {
            let session = Session(try Context(journal))
            try ReflectionCommand.runReporting(try ReflectionCommand.editSetup(session.context, cache: session.cache, id: id), session)
        }
    }
}
