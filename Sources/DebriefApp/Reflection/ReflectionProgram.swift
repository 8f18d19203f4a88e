import DebriefCore
import DebriefUI

/// The guided post-event reflection (`debrief new`, `debrief edit`): one prompt in focus at a
/// time, a summary with the pitfalls the answers show, and a draft written after every answer so
/// that a crash or a closed terminal loses at most the answer being typed.
///
/// What it is doing is one value, ``Phase``, and each phase has its own file with its keys (a
/// key map) and its drawing: the offer to resume a draft (`+Resume`), the choice of how much to
/// answer (`+FlowChoice`), the prompts (`+Prompting`), the summary (`+Summary`) and the dialog
/// on leaving (`+Leaving`). Which prompts are asked is `+Flow`; the frame around them `+View`.
public struct ReflectionProgram: Program {
    public enum Message: Sendable {
        /// A draft write finished; the error text when it failed.
        case draftWritten(String?)
        /// The draft was written and the person asked to leave.
        case leaveAfterDraft(String?)
        /// The entry was saved under this id.
        case saved(String)
        case saveFailed(String, changedOnDisk: Bool)
        case edited(EditorOutcome)
        case discarded
        /// The draft the person chose to discard at the start is gone.
        case draftDiscarded
        /// People from the journal, read in the background at start.
        case knownPeople([KnownPerson])
        /// The journal's entries, read in the background at start, for the week's habits.
        case journal([Entry])
    }

    /// What the reflection is doing, as tests and callers see it.
    public enum Mode: Equatable, Sendable {
        /// Asking whether to resume an unfinished draft.
        case resumeOffer
        /// Asking how much to answer: the whole reflection or a shorter flow of the catalog.
        case chooseFlow
        case prompting
        case summary
        /// Esc / Ctrl-C: save the draft and quit, discard, or go on.
        case confirmLeave
        case finished
    }

    /// What the reflection is doing, with what that needs to remember: the one piece of state
    /// that says which keys apply and what is drawn.
    indirect enum Phase: Sendable {
        /// Offering to resume an unfinished draft (``ReflectionSetup/resumable``).
        case resuming
        /// Asking how much to answer; `selection` indexes ``ReflectionProgram/flowOptions``.
        case choosingFlow(selection: Int)
        /// Answering the prompt at ``ReflectionProgram/index``; `backToSummary` when it was
        /// opened from its summary row, so accepting returns there.
        case prompting(backToSummary: Bool)
        /// The summary before saving, with the row selected and the verdicts computed for it.
        case summary(Summary)
        /// The dialog Esc opens, over what was being done.
        case leaving(from: Phase)
        /// Saved, discarded or left: the runtime closes the screen.
        case finished

        var mode: Mode {
            switch self {
            case .resuming: return .resumeOffer
            case .choosingFlow: return .chooseFlow
            case .prompting: return .prompting
            case .summary: return .summary
            case .leaving: return .confirmLeave
            case .finished: return .finished
            }
        }

        /// The phase a prompt is answered in (directly, or under the leave dialog).
        var isPrompting: Bool {
            switch self {
            case .prompting: return true
            case .leaving(let from): return from.isPrompting
            default: return false
            }
        }
    }

    /// A message under the prompt: what just happened or what needs fixing. Shown whole,
    /// wrapped over as many lines as it needs.
    struct Status: Equatable, Sendable {
        var text: String
        var role: ColorRole
    }

    var setup: ReflectionSetup
    /// The time as of the event being handled (``Program/clock``): the setup's, which the
    /// widgets and the saved entry read.
    public var clock: Clock {
        get { setup.clock }
        set { setup.clock = newValue }
    }
    var phase: Phase
    /// Index of the prompt in focus, in catalog order.
    public internal(set) var index = 0
    public internal(set) var answers: [String: Answer]
    /// Widgets by prompt id, kept so returning to a prompt restores text and cursor.
    var fields: [String: AnswerField] = [:]
    var status: Status?
    var showsHelp = false
    /// The text of an event date in the future that the last Enter warned about: Enter again on
    /// the same text keeps it.
    var futureWarned: String?
    public internal(set) var draftName: String
    /// When this reflection was started: a new entry's `created`, kept by a resumed draft.
    public internal(set) var started: Timestamp
    /// Last known screen size; the editor's wrap width follows it.
    var width = 80
    var height = 24
    /// The id of the saved entry, once saved.
    public private(set) var savedID: String?
    /// People offered by Tab: the setup's, then the background read's.
    var knownPeople: [KnownPerson]
    /// The flow being asked: nil for the whole reflection, or a catalog flow (`quick`).
    public internal(set) var flow: String?
    /// The calendar event this new reflection is about, and its location: the setup's, or a
    /// resumed draft's.
    var event: String?
    var location: String?
    /// The journal as read in the background; nil until it arrives (the summary then leaves out
    /// the week so far).
    var journal: [Entry]?
    /// "Event · 1 of 3" and the bar's share for the prompt in focus, as of the last event
    /// (which prompts are asked depends on the answers, so it is worked out in `update`).
    var progressShown: (text: String, fraction: Double) = ("", 0)
    /// The existing people behind a "reconnected" answer the reflection gave from the people
    /// list (``suggestReconnection()``); nil once the person answered it themselves.
    var suggestedReconnection: [String]?

    /// What the reflection is doing.
    public var mode: Mode { phase.mode }

    public init(_ setup: ReflectionSetup) {
        self.setup = setup
        self.answers = setup.prefill
        self.knownPeople = setup.knownPeople
        self.draftName = setup.draftName
        self.started = setup.clock.timestamp
        self.flow = Self.normalised(setup.flow)
        self.event = setup.event
        self.location = setup.location
        self.phase = .prompting(backToSummary: false)
        if setup.resumable != nil {
            phase = .resuming
        } else {
            begin()
        }
        if phase.isPrompting { progressShown = progress }
    }

    /// Starts answering: with the flow choice first when the setup offers one.
    mutating func begin() {
        if setup.offersFlowChoice, !flowOptions.isEmpty {
            phase = .choosingFlow(selection: flowOptions.firstIndex { $0.id == (flow ?? Flow.full) } ?? 0)
        } else {
            phase = .prompting(backToSummary: false)
            enter(0)
        }
    }

    /// Every prompt of the catalog, in order; ``index`` points into it.
    var prompts: [Prompt] { setup.catalog.prompts }
    var prompt: Prompt { prompts[min(index, prompts.count - 1)] }

    /// The widget of the prompt in focus.
    var field: AnswerField {
        get { fields[prompt.id] ?? AnswerField.make(for: prompt, answer: answers[prompt.id], context: fieldContext) }
        set { fields[prompt.id] = newValue }
    }

    var fieldContext: AnswerField.Context {
        AnswerField.Context(clock: setup.clock, knownPeople: knownPeople,
                            peopleHere: (answers["people"]?.people ?? []).map(\.name), entryCreated: setup.editing?.created)
    }

    /// Reads the journal's names in the background, so a large journal does not delay the first prompt.
    public mutating func start() -> [Command<Message>] {
        var commands: [Command<Message>] = []
        if let load = setup.loadKnownPeople { commands.append(.background { .knownPeople(load()) }) }
        if let load = setup.loadJournal { commands.append(.background { .journal(load()) }) }
        return commands
    }

    // MARK: - Update

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        let commands = handle(event)
        fitField()
        if phase.isPrompting { progressShown = progress }
        refreshSummary()
        return commands
    }

    private mutating func handle(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            return []
        case .terminal(.signal(let signal)):
            if case .prompting = phase { storeCurrent(strict: false) }
            return [draftCommand(), .exitOnSignal(signal)]
        case .terminal(.tick):
            return []
        case .terminal(.key(let key)):
            if showsHelp {
                showsHelp = false
                return []
            }
            switch phase {
            case .resuming: return resumeKey(key)
            case .choosingFlow(let selection): return flowKey(key, selection: selection)
            case .prompting(let backToSummary): return promptKey(key, backToSummary: backToSummary)
            case .summary(let summary): return summaryKey(key, summary)
            case .leaving(let from): return leaveKey(key, from: from)
            case .finished: return []
            }
        case .message(let message):
            return handle(message)
        }
    }

    /// Tells the widget in focus the size it is drawn at (its scrolling follows the keys, never
    /// the drawing) and the time of the event just handled.
    mutating func fitField() {
        guard phase.isPrompting else { return }
        let layout = promptLayout(width: width, height: height)
        var f = field
        f.use(setup.clock)
        f.resize(width: layout.input.width, height: AnswerFieldView.editorHeight(for: prompt, in: layout.input),
                 formFieldWidth: AnswerFieldView.formFieldWidth(f, in: layout.input))
        field = f
    }

    private mutating func handle(_ message: Message) -> [Command<Message>] {
        switch message {
        case .draftWritten(let error):
            if let error { status = Status(text: "Could not write the draft: \(error)", role: .danger) }
            return []
        case .draftDiscarded:
            return []
        case .leaveAfterDraft(let error):
            return leftAfterDraft(error)
        case .discarded:
            phase = .finished
            return [.back]
        case .journal(let entries):
            journal = entries
            return []
        case .knownPeople(let people):
            knownPeople = people
            // A people widget made before the names arrived offers them from now on
            // (the follow-ups widget takes them each time it is entered).
            for p in prompts where p.type == .people {
                if case .rows(var rows)? = fields[p.id] {
                    rows.completions = people
                    fields[p.id] = .rows(rows)
                }
            }
            return []
        case .saved(let id):
            savedID = id
            phase = .finished
            return [.back]
        case .saveFailed(let text, let changedOnDisk):
            // How to pick the draft up is said on stderr once the screen has closed, where it
            // stays readable.
            status = Status(text: changedOnDisk
                ? "The entry changed on disk meanwhile, so nothing was overwritten; your answers are kept in the draft."
                : "Could not save: \(text). Your answers are kept in the draft.", role: .danger)
            return []
        case .edited(let outcome):
            switch outcome {
            case .edited(let text):
                var f = field
                f.setText(text)
                field = f
                status = Status(text: "Took the text back from your editor.", role: .success)
            case .failed(let reason):
                status = Status(text: reason, role: .warning)
            }
            return []
        }
    }

    // MARK: - Saving

    /// The entry the answers make, over the edited entry when there is one: the answers of the
    /// prompts asked; for a prompt not asked (hidden by its condition, or outside the flow), the
    /// edited file's answer, kept, and nothing else (an answer given in this session to a prompt
    /// that is now hidden is dropped). Marked with the flow: no `flow` key for the whole
    /// reflection, so a quick entry answered in full becomes a full one.
    var entry: Entry {
        let now = setup.clock.timestamp
        var entry = setup.editing ?? Entry(id: "", created: started, updated: now)
        let asked = Set(askedPrompts.map(\.id))
        for p in prompts {
            entry[p.id] = asked.contains(p.id) ? answers[p.id] : setup.editing?[p.id]
        }
        if setup.editing == nil, entry["date"] == nil, setup.catalog.prompt("date")?.defaultValue == "now" {
            entry["date"] = .timestamp(now)
        }
        if !(setup.editing?.isImported ?? false) { entry.flow = flow }
        if setup.editing == nil {
            entry.event = event
            entry.location = location
        }
        return entry
    }

    /// An edited entry's follow-ups with `added` set on the rows this save creates (docs/FORMAT.md,
    /// "Follow-up rows"), so a due date changed within a day of adding a row to an old entry is a
    /// correction too. A row is new when the entry had no row with its id (or, for rows without
    /// one, with its who and action). A new entry's rows need nothing: they were created with it.
    static func markingAddedFollowUps(_ entry: Entry, editing: Entry?, now: Timestamp) -> Entry {
        guard let editing else { return entry }
        let before = editing.followUps
        var rows = entry.followUps
        var changed = false
        for i in rows.indices where rows[i].added == nil {
            let existed = rows[i].id.map { id in before.contains { $0.id == id } }
                ?? before.contains { $0.id == nil && $0.who == rows[i].who && $0.action == rows[i].action }
            if !existed {
                rows[i].added = now
                changed = true
            }
        }
        guard changed else { return entry }
        var marked = entry
        marked["follow-ups"] = .followUps(rows)
        return marked
    }

    mutating func save() -> [Command<Message>] {
        // The same rules reading the file applies: nothing is written that could not be read
        // back, and the person is taken to what needs fixing.
        let entry = self.entry
        if let problem = AnswerRules.problems(in: entry.answers, catalog: setup.catalog, asked: askedPrompts).first {
            show(problem)
            return []
        }
        let saving = Self.markingAddedFollowUps(entry, editing: setup.editing, now: setup.clock.timestamp).assigningFollowUpIDs()
        let store = setup.store
        let name = draftName
        let now = setup.clock.timestamp
        let isEdit = setup.editing != nil
        return [draftCommand(), .perform {
            do throws(StoreError) {
                let saved = isEdit ? try store.saveMoving(saving, now: now) : try store.create(saving)
                store.removeDraft(name)
                return .saved(saved.id)
            } catch {
                if case .changedOnDisk = error { return .saveFailed(error.description, changedOnDisk: true) }
                return .saveFailed(error.description, changedOnDisk: false)
            }
        }]
    }

    /// Writes every answer so far to the draft (atomically, via the store); reports with `then`.
    func draftCommand(then: @escaping @Sendable (String?) -> Message = { .draftWritten($0) }) -> Command<Message> {
        var draft = ReflectionDraft(name: draftName, answers: answers, draftOf: setup.editing?.id,
                                    base: setup.editing?.source?.fingerprint.description, savedAt: setup.clock.timestamp,
                                    created: started)
        draft.flow = flow
        draft.event = event
        draft.location = location
        let text = draft.encode(with: setup.store.codec)
        let store = setup.store
        let name = draftName
        return .perform {
            do throws(StoreError) {
                try store.writeDraft(name, text: text)
                return then(nil)
            } catch {
                return then(error.description)
            }
        }
    }
}
