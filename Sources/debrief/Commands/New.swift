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
    static func run(_ setup: ReflectionSetup, environment: [String: String]) throws {
        let code = MainActor.assumeIsolated {
            TerminalRunner.run(ReflectionProgram(setup), environment: environment)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the flow, then says where the answers went: the saved entry's id and path on stdout,
    /// or a note on stderr that they wait in a draft. Used by `new` and `edit`, not by home and
    /// browse, which come back to their own screens.
    ///
    /// An edit counts as saved when its draft is gone and the file's bytes differ from those the
    /// edit started from. Not by `updated`: two saves within the same second (or under a fixed
    /// clock) leave it equal; and not when the draft is still there, as after a save refused
    /// because someone else changed the file, which changes the bytes too.
    static func runReporting(_ setup: ReflectionSetup, _ context: Context) throws {
        let store = context.store
        let before = Set(store.refs().map(\.id))
        try run(setup, environment: context.screenEnvironment)
        // A resumed draft keeps its own name, which is not the one a fresh run would write.
        let draftLeft = [setup.draftName, setup.resumable?.name].compactMap { $0 }
            .contains { (try? store.readDraft($0)) != nil }
        if let ref = store.refs().first(where: { !before.contains($0.id) }) {
            Output.print(ref.id)
            Output.print(ref.path)
        } else if draftLeft {
            Output.note(setup.editing.map { "Your answers wait in a draft; `debrief edit \($0.id)` offers to resume it." }
                ?? "Your answers wait in a draft; `debrief new` offers to resume it.")
        } else if let editing = setup.editing, let ref = store.canonicalRef(for: editing.id),
                  let now = try? store.read(ref), now.source?.fingerprint != editing.source?.fingerprint {
            Output.print(now.id)
            Output.print(ref.path)
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
    private static func knownPeopleLoader(_ context: Context, cache: JournalCache?) -> @Sendable () -> [String] {
        let source = cache ?? JournalCache(store: context.store)
        return { ReflectionSetup.knownPeople(in: source.snapshot().entries) }
    }
}
