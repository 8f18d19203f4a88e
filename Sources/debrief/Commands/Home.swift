import ArgumentParser
import DebriefApp

/// `debrief` with no arguments: the home screen, and the screens it leads to.
struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "home",
        abstract: "The home screen: follow-ups due, recent reflections and the week's pitfalls (the default).",
        shouldDisplay: false
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreens() }
    }

    @MainActor
    private func runScreens() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            // Runs after the terminal is restored, so the note is not drawn over.
            defer { context.noteIfJournalCreated() }
            try Session(context).run(.home)
        }
    }
}
