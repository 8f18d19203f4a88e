import ArgumentParser
import DebriefApp
import DebriefCore

/// `debrief new`: the guided reflection, right after an event.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reflect on an event, one calm question at a time.",
        discussion: """
        Walks through the reflection prompts (see `debrief prompts show`) in a full-screen view. Every \
        answer is kept in a draft at once, so nothing is lost if the terminal closes; the next \
        `debrief new` offers to resume it. Needs a terminal; for scripts use `debrief add`.

        Examples:
          debrief new
          debrief new --title "Swift meetup Berlin" --kind meetup --date "today 18:30"
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(name: .long, help: "Prefill the event's title.")
    var title: String?

    @Option(name: .long, help: "Prefill the kind of event (see `debrief prompts show`).")
    var kind: String?

    @Option(name: .long, help: "Prefill when it started: 'today 18:30', 'yesterday', 'mon', ISO 8601…")
    var date: String?

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            var prefill: [String: Answer] = [:]
            for (id, value) in [("title", title), ("date", date), ("kind", kind)] {
                guard let value else { continue }
                do throws(YAMLProblem) {
                    prefill[id] = try AnswerInput.single(value, for: id, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.data("--\(id): \(error.message)")
                }
            }
            let setup = ReflectionSetup(
                catalog: context.catalog, store: context.store, clock: context.clock,
                knownPeople: ReflectionSetup.knownPeople(in: context.store.loadAll().entries),
                prefill: prefill, resumable: ReflectionDraft.latestNew(in: context.store))
            try ReflectionCommand.run(setup, environment: context.environment)
        }
    }
}

/// What `new` and `edit` share: running the flow on the terminal and passing on its exit status.
enum ReflectionCommand {
    static func run(_ setup: ReflectionSetup, environment: [String: String]) throws {
        let code = MainActor.assumeIsolated {
            TerminalRunner.run(ReflectionProgram(setup), environment: environment)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
