import ArgumentParser
import DebriefApp
import DebriefCore

/// `debrief new`: the guided reflection, right after an event.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Reflect on an event, one calm question at a time.",
        discussion: """
        Walks through the reflection prompts (see `debrief prompts show`) in a full-screen view. It \
        starts by asking how much to answer: the whole reflection, or the catalog's quick one (title, \
        when, kind, people, talk share, follow-ups); the choice is remembered for next time in \
        debrief's state file. `--quick` or `--full` skip the question. Every answer is kept in a \
        draft at once, so nothing is lost if the terminal closes; the next `debrief new` offers to \
        resume it. Needs a terminal; for scripts use `debrief add`.

        --event KEY starts from a calendar event (its key as `debrief pending` prints it): the title \
        from its summary, the date from its start, the kind from the catalog's guess, the people from \
        the attendees other than you (`me:`; people already in the journal recognised by name or \
        e-mail, with their last level). Every answer can be changed; the entry keeps the event's key \
        and location in its front matter, so the event no longer waits for a reflection.

        Examples:
          debrief new
          debrief new --quick --title "Coffee with Ana" --kind one-on-one
          debrief new --title "Swift meetup Berlin" --kind meetup --date "today 18:30"
          debrief new --event 0c1u9me2b6ol5ebq0pt6m7e1ra@google.com
        """
    )

    @OptionGroup var journal: JournalOptions

    @Option(name: .long, help: "Prefill the event's title.")
    var title: String?

    @Option(name: .long, help: "Prefill the kind of event (see `debrief prompts show`).", completion: JournalCompletion.kinds)
    var kind: String?

    @Option(name: .long, help: "Prefill when it started: 'today 18:30', 'yesterday', 'fri', 'nov 6 19:00', ISO 8601…")
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Start from a calendar event: its key, as `debrief pending` prints it.", valueName: "key"),
            completion: JournalCompletion.eventKeys)
    var event: String?

    @Flag(name: .long, help: "Answer the quick reflection (the catalog's `quick` flow) without being asked.")
    var quick = false

    @Flag(name: .long, help: "Answer the whole reflection without being asked.")
    var full = false

    func validate() throws {
        if quick && full { throw ValidationError("--quick and --full cannot be given together") }
    }

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreen() }
    }

    @MainActor
    private func runScreen() throws {
        try runReportingErrors {
            let context = try Context(journal, access: .write)
            if quick, context.catalog.flow("quick") == nil {
                throw CLIError.usage("--quick: the prompt catalog has no `quick` flow (see `debrief prompts show`)")
            }
            var prefill: [String: Answer] = [:]
            var fromEvent: EventPrefill?
            if let event {
                let found = try EventCommand.prefill(event, context: context)
                fromEvent = found
                prefill = found.answers
            }
            for (id, value) in [("title", title), ("date", date), ("kind", kind)] {
                guard let value else { continue }
                do throws(YAMLProblem) {
                    prefill[id] = try AnswerInput.single(value, for: id, catalog: context.catalog, clock: context.clock)
                } catch {
                    throw CLIError.usage("--\(id): \(error.message)")
                }
            }
            defer { context.noteIfJournalCreated() }
            let flag = quick ? "quick" : full ? Flow.full : nil
            let session = Session(context)
            var setup = ReflectionCommand.newSetup(context, cache: session.cache, settings: session.settings(flow: flag), prefill: prefill,
                                                   fixed: flag != nil)
            setup.event = fromEvent?.event
            setup.location = fromEvent?.location
            try ReflectionCommand.runReporting(setup, session)
        }
    }
}

/// What `new`, `edit`, home and browse share: setting up the flow and running it on the terminal.
enum ReflectionCommand {
    /// Runs the flow as the only screen of a session's run, then says where the answers went: the
    /// saved entry's id and path on stdout (the id the program saved under, which an edit that
    /// moved the entry changes), or a note on stderr that they wait in a draft. Used by `new` and
    /// `edit`, not by home and browse, which come back to their own screens.
    @MainActor
    static func runReporting(_ setup: ReflectionSetup, _ session: Session) throws {
        let context = session.context
        let store = context.store
        let ended = try session.run(Screen(ReflectionProgram(setup)))
        let savedID = ended.closedRoot?.program(as: ReflectionProgram.self)?.savedID
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
    /// background, through the TUI session's cache.
    ///
    /// The flow is the run's setting: with `fixed` (`--quick`/`--full`) it is taken as it is;
    /// otherwise the flow asks first, with that setting (debrief's state file, else the config's
    /// `reflection-flow`, else the full one, or what an earlier reflection of this run picked)
    /// selected, and the pick becomes the setting.
    static func newSetup(_ context: Context, cache: JournalCache, settings: AppSettings, prefill: [String: Answer] = [:],
                         fixed: Bool = false) -> ReflectionSetup {
        var setup = ReflectionSetup(
            catalog: context.catalog, store: context.store, clock: context.clock,
            loadKnownPeople: knownPeopleLoader(cache), loadJournal: journalLoader(cache),
            prefill: prefill, resumable: ReflectionDraft.latestNew(in: context.store))
        let preferred = settings.reflectionFlow ?? Flow.full
        setup.flow = preferred == Flow.full || context.catalog.flow(preferred) == nil ? nil : preferred
        setup.offersFlowChoice = !fixed && !context.catalog.flows.isEmpty
        return setup
    }

    /// The flow prefilled with an entry's answers, resuming an unfinished edit of it.
    static func editSetup(_ context: Context, cache: JournalCache, id: String) throws -> ReflectionSetup {
        let entry = try context.entry(id)
        let draftName = ReflectionDraft.editName(for: entry.id)
        var setup = ReflectionSetup(
            catalog: context.catalog, store: context.store, clock: context.clock,
            loadKnownPeople: knownPeopleLoader(cache), loadJournal: journalLoader(cache),
            prefill: entry.answers, editing: entry,
            resumable: ReflectionDraft.read(draftName, from: context.store), draftName: draftName)
        // A quick reflection can stay quick or get the rest of the questions.
        if let flow = entry.flow, context.catalog.flow(flow) != nil {
            setup.flow = flow
            setup.offersFlowChoice = true
        }
        return setup
    }

    /// Reads every entry, for the summary's week so far; run off the main thread by the flow.
    private static func journalLoader(_ cache: JournalCache) -> @Sendable () -> [Entry] {
        { cache.snapshot().entries }
    }

    /// Reads every name in the journal; run off the main thread by the flow.
    private static func knownPeopleLoader(_ cache: JournalCache) -> @Sendable () -> [KnownPerson] {
        { ReflectionSetup.knownPeople(in: cache.snapshot().entries) }
    }
}
