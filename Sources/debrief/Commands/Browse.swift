import ArgumentParser
import DebriefApp
import DebriefCore

/// `debrief browse`: past entries in the TUI.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Browse, search and edit past entries.",
        discussion: "Keys: / search, F filter, Enter open, Space marks a follow-up done, E edit the file, d delete, u undo, r the weekly review, ? help."
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreens() }
    }

    @MainActor
    private func runScreens() throws {
        try runReportingErrors {
            try Session(try Context(journal)).run(.browse)
        }
    }
}
