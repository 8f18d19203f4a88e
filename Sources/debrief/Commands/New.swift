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

    @Option(name: .long, help: "Prefill the kind of event (see `debrief prompts show`).", completion: JournalCompletion.kinds)
    var kind: String?

    @Option(name: .long, help: "Prefill when it started: 'today 18:30', 'yesterday', 'mon', ISO 8601…")
    var date: String?

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            var prefill: [String: Answer] = [:]
            for (id, value) in [("title", title), ("date", date), ("kind", kind)] {
                guard let value else { continue }
                do throws(YAMLProblem) {
                    prefill[id] = try AnswerInput.single(value, for: id, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.usage("--\(id): \(error.message)")
                }
            }
            defer { context.noteIfJournalCreated() }
            try ReflectionCommand.runReporting(ReflectionCommand.newSetup(context, prefill: prefill), context)
        }
    }
}

/// What `new`, `edit`, home and browse share: setting up the flow and running it on the terminal.
enum ReflectionCommand {
    /// Runs the flow on a terminal of its own; returns the id of the entry it saved, if any.
    static func run(_ setup: ReflectionSetup, environment: [String: String]) throws -> String? {
        let (code, savedID) = MainActor.assumeIsolated { () -> (Int32, String?) in
            guard let terminal = TerminalRunner.open(environment: environment) else { return (Exit.usage, nil) }
            defer { terminal.close() }
            let (status, program) = TerminalRunner.run(ReflectionProgram(setup), on: terminal, environment: environment,
                                                       scratch: setup.store.draftsDirectory)
            return (status, program.savedID)
        }
        if code != 0 { throw ExitCode(code) }
        return savedID
    }

    /// Runs the flow, then says where the answers went: the saved entry's id and path on stdout
    /// (the id the program saved under, which an edit that moved the entry changes), or a note on
    /// stderr that they wait in a draft. Used by `new` and `edit`, not by home and browse, which
    /// come back to their own screens.
    static func runReporting(_ setup: ReflectionSetup, _ context: Context) throws {
        let store = context.store
        let savedID = try run(setup, environment: context.screenEnvironment)
        if let savedID, let ref = try? store.find(savedID) {
            Output.print(ref.id)
            Output.print(ref.path)
            return
        }
        // A resumed draft keeps its own name, which is not the one a fresh run would write.
        let draftLeft = [setup.draftName, setup.resumable?.name].compactMap { $0 }
            .contains { (try? store.readDraft($0)) != nil }
        if draftLeft {
            Output.note(setup.editing.map { "Your answers wait in a draft; `debrief edit \($0.id)` offers to resume it." }
                ?? "Your answers wait in a draft; `debrief new` offers to resume it.")
        }
    }

    /// A new reflection, offering to resume an unfinished one. Known names are read in the
    /// background, through the TUI session's cache when there is one.
    static func newSetup(_ context: Context, cache: JournalCache? = nil, prefill: [String: Answer] = [:]) -> ReflectionSetup {
        ReflectionSetup(
            catalog: context.catalog, store: context.store, clock: context.clock,
            loadKnownPeople: knownPeopleLoader(context, cache: cache), loadJournal: journalLoader(context, cache: cache),
            prefill: prefill, resumable: ReflectionDraft.latestNew(in: context.store))
    }

    /// The flow prefilled with an entry's answers, resuming an unfinished edit of it.
    static func editSetup(_ context: Context, cache: JournalCache? = nil, id: String) throws -> ReflectionSetup {
        let entry = try context.store.read(try context.store.find(id))
        let draftName = ReflectionDraft.editName(for: entry.id)
        return ReflectionSetup(
            catalog: context.catalog, store: context.store, clock: context.clock,
            loadKnownPeople: knownPeopleLoader(context, cache: cache), loadJournal: journalLoader(context, cache: cache),
            prefill: entry.answers, editing: entry,
            resumable: ReflectionDraft.read(draftName, from: context.store), draftName: draftName)
    }

    /// Reads every entry, for the summary's week so far; run off the main thread by the flow.
    private static func journalLoader(_ context: Context, cache: JournalCache?) -> @Sendable () -> [Entry] {
        let source = cache ?? JournalCache(store: context.store)
        return { source.snapshot().entries }
    }

    /// Reads every name in the journal; run off the main thread by the flow.
    private static func knownPeopleLoader(_ context: Context, cache: JournalCache?) -> @Sendable () -> [KnownPerson] {
        let source = cache ?? JournalCache(store: context.store)
        return { ReflectionSetup.knownPeople(in: source.snapshot().entries) }
    }
}
