import DebriefCore
import DebriefUI

/// The guided post-event reflection (`debrief new`, `debrief edit`): one prompt in focus at a
/// time, a summary with the pitfalls the answers show, and a draft written after every answer so
/// that a crash or a closed terminal loses at most the answer being typed.
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
        /// People from the journal, read in the background at start.
        case knownPeople([KnownPerson])
        /// The journal's entries, read in the background at start, for the week's habits.
        case journal([Entry])
    }

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

    /// A message under the prompt: what just happened or what needs fixing. Shown whole,
    /// wrapped over as many lines as it needs.
    struct Status: Equatable, Sendable {
        var text: String
        var role: ColorRole
    }

    let setup: ReflectionSetup
    public internal(set) var mode: Mode
    /// Index of the prompt in focus, in catalog order.
    public private(set) var index = 0
    public private(set) var answers: [String: Answer]
    /// Widgets by prompt id, kept so returning to a prompt restores text and cursor.
    var fields: [String: AnswerField] = [:]
    var status: Status?
    var showsHelp = false
    /// Set when a prompt was opened from the summary: accepting returns there.
    var returnToSummary = false
    /// The text of an event date in the future that the last Enter warned about: Enter again on
    /// the same text keeps it.
    var futureWarned: String?
    var summarySelection = 0
    var modeBeforeLeave: Mode = .prompting
    public private(set) var draftName: String
    /// When this reflection was started: a new entry's `created`, kept by a resumed draft.
    public private(set) var started: Timestamp
    /// Last known screen size; the editor's wrap width follows it.
    var width = 80
    var height = 24
    /// The id of the saved entry, once saved.
    public private(set) var savedID: String?
    /// People offered by Tab: the setup's, then the background read's.
    var knownPeople: [KnownPerson]
    /// The flow being asked: nil for the whole reflection, or a catalog flow (`quick`).
    public internal(set) var flow: String?
    /// The option selected on the flow choice (an index into ``flowOptions``).
    var flowSelection = 0
    /// The journal as read in the background; nil until it arrives (the summary then leaves out
    /// the week so far).
    var journal: [Entry]?

    public init(_ setup: ReflectionSetup) {
        self.setup = setup
        self.answers = setup.prefill
        self.knownPeople = setup.knownPeople
        self.draftName = setup.draftName
        self.started = setup.clock.timestamp
        self.flow = Self.normalised(setup.flow)
        self.mode = .prompting
        if setup.resumable != nil {
            mode = .resumeOffer
        } else {
            begin()
        }
    }

    /// Starts answering: with the flow choice first when the setup offers one.
    private mutating func begin() {
        if setup.offersFlowChoice, !flowOptions.isEmpty {
            mode = .chooseFlow
            flowSelection = flowOptions.firstIndex { $0.id == (flow ?? Flow.full) } ?? 0
        } else {
            mode = .prompting
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
                            peopleHere: (answers["people"]?.people ?? []).map(\.name))
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
        return commands
    }

    private mutating func handle(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
            return []
        case .terminal(.signal(let signal)):
            if mode == .prompting { storeCurrent(strict: false) }
            return [draftCommand(), .exitOnSignal(signal)]
        case .terminal(.tick):
            return []
        case .terminal(.key(let key)):
            if showsHelp {
                showsHelp = false
                return []
            }
            switch mode {
            case .resumeOffer: return resumeKey(key)
            case .chooseFlow: return flowKey(key)
            case .prompting: return promptKey(key)
            case .summary: return summaryKey(key)
            case .confirmLeave: return leaveKey(key)
            case .finished: return []
            }
        case .message(let message):
            return handle(message)
        }
    }

    /// Tells the widget in focus the size it is drawn at (its scrolling follows the keys, never
    /// the drawing).
    private mutating func fitField() {
        guard mode == .prompting || (mode == .confirmLeave && modeBeforeLeave == .prompting) else { return }
        let layout = promptLayout(width: width, height: height)
        var f = field
        f.resize(width: layout.input.width, height: AnswerFieldView.editorHeight(for: prompt, in: layout.input),
                 formFieldWidth: AnswerFieldView.formFieldWidth(f, in: layout.input))
        field = f
    }

    private mutating func handle(_ message: Message) -> [Command<Message>] {
        switch message {
        case .draftWritten(let error):
            if let error { status = Status(text: "Could not write the draft: \(error)", role: .danger) }
            return []
        case .leaveAfterDraft(let error):
            if let error {
                status = Status(text: "Could not write the draft: \(error). Nothing was lost yet; try again.", role: .danger)
                mode = modeBeforeLeave
                return []
            }
            mode = .finished
            return [.quit(0)]
        case .discarded:
            mode = .finished
            return [.quit(0)]
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
            mode = .finished
            return [.quit(0)]
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

    // MARK: - Resume offer

    /// Whether the offered draft edits an older version of the entry than the one on disk now.
    var resumableIsStale: Bool { setup.resumable?.isStale(against: setup.editing) ?? false }

    /// r resumes, d discards, n (new reflections only) keeps the draft and starts afresh.
    ///
    /// An edit has one draft name per entry, so "keep it and start again" would overwrite the
    /// draft with the first answer: edits offer no `n`, and Esc leaves the draft for later.
    /// Over a stale edit draft Enter does nothing: resuming it replaces changes made to the entry
    /// since, so it takes the `r` the warning names.
    private mutating func resumeKey(_ key: Key) -> [Command<Message>] {
        guard let draft = setup.resumable else { mode = .prompting; return [] }
        switch key {
        case .char("r"), .enter:
            if key == .enter, resumableIsStale { return [] }
            answers = draft.answers
            draftName = draft.name
            flow = Self.normalised(draft.flow)
            if setup.editing == nil { started = draft.created }
            mode = .prompting
            let asked = askedPrompts
            let first = asked.first { answers[$0.id] == nil } ?? asked.first
            enter(first.flatMap { p in prompts.firstIndex { $0.id == p.id } } ?? 0)
            status = resumableIsStale
                ? Status(text: "Resumed your draft; saving puts it over the entry's newer changes.", role: .warning)
                : Status(text: "Welcome back. Your earlier answers are all here.", role: .success)
            return []
        case .char("d"):
            begin()
            let store = setup.store
            let name = draft.name
            return [.perform { store.removeDraft(name); return .draftWritten(nil) }]
        case .char("n"), .char("k"):
            guard setup.editing == nil else { return [] }
            begin()
            return []
        case .escape, .ctrl("c"):
            mode = .finished
            return [.quit(0)]
        default:
            return []
        }
    }

    // MARK: - Prompts

    /// Moves the focus to prompt `i` and prepares its widget.
    mutating func enter(_ i: Int) {
        index = max(0, min(i, prompts.count - 1))
        if prompt.type == .followUps, case .rows(var rows)? = fields[prompt.id] {
            // People may have changed since this widget was made.
            rows.completions = AnswerField.followUpNames(fieldContext)
            rows.completesEmpty = !fieldContext.peopleHere.isEmpty
            fields[prompt.id] = .rows(rows)
        }
        fitField()
    }

    private mutating func promptKey(_ key: Key) -> [Command<Message>] {
        var f = field
        let isText = f.focusedEditor != nil
        let isRows: Bool
        if case .rows = f { isRows = true } else { isRows = false }
        let multiline = prompt.type == .text
        let keys = Self.promptKeys(textInput: isText, multiline: multiline, rows: isRows)
        // Keys that mean the same everywhere come first; the widget never sees them.
        switch keys.action(for: key) {
        case .save?: return toSummary()
        case .leave?: return askToLeave()
        case .help?:
            showsHelp = true
            return []
        case .newline?:
            if f.insertNewline() { field = f }
            return []
        case .openEditor?:
            guard let text = f.editorText else { return [] }
            return [.editText(text, fileSuffix: ".md", then: { .edited($0) })]
        default:
            break
        }
        if status?.role != .success { status = nil }
        if f.handle(key) {
            field = f
            if let problem = f.problem { status = Status(text: problem, role: .warning) }
            return []
        }
        field = f
        switch key {
        case .enter, .tab:
            return accept()
        case .backTab, .up:
            return goBack()
        default:
            return []
        }
    }

    /// Stores the widget's answer. Strict: refuses unreadable text and an empty required answer,
    /// explaining why; loose (going back, leaving): keeps whatever can be read.
    @discardableResult
    mutating func storeCurrent(strict: Bool) -> Bool {
        switch field.value(for: prompt, clock: setup.clock) {
        case .failure(let problem):
            if strict { status = Status(text: problem.message, role: .warning) }
            return false
        case .success(let answer):
            if strict, prompt.required, answer == nil {
                status = Status(text: Self.requiredText(prompt, before: "moving on"), role: .warning)
                return false
            }
            answers[prompt.id] = answer
            return true
        }
    }

    /// Why Enter (or saving) did nothing on an empty required answer.
    static func requiredText(_ prompt: Prompt, before what: String) -> String {
        prompt.id == "title"
            ? "A title is needed before \(what), so you can find this reflection again; a few words are enough."
            : "“\(prompt.question)” needs an answer before \(what): the prompt catalog marks it required."
    }

    /// Enter or Tab on a prompt: keeps the answer and moves to the next prompt that will be
    /// asked given the answers now (an answer just changed may show or hide later prompts), or to
    /// the summary after the last.
    private mutating func accept() -> [Command<Message>] {
        guard storeCurrent(strict: true), confirmsFutureDate() else { return [] }
        status = nil
        if returnToSummary {
            openSummary(at: index)
        } else if let next = nextAskedIndex(after: index) {
            enter(next)
        } else {
            openSummary(at: nil)
        }
        return [draftCommand()]
    }

    /// An event date later than now is kept on a second Enter with the same text; the first says
    /// it is in the future (``FutureEventDate``). Any other answer passes.
    private mutating func confirmsFutureDate() -> Bool {
        guard prompt.type == .datetime, case .success(.timestamp(let ts)?) = field.value(for: prompt, clock: setup.clock),
              ts > setup.clock.timestamp else {
            futureWarned = nil
            return true
        }
        let text = field.editorText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if futureWarned == text { return true }
        futureWarned = text
        status = Status(text: FutureEventDate.warning(ts), role: .warning)
        return false
    }

    /// Shift-Tab or Up at the top: back to the previous prompt that is asked.
    private mutating func goBack() -> [Command<Message>] {
        storeCurrent(strict: false)
        guard let previous = previousAskedIndex(before: index) else { return [] }
        returnToSummary = false
        enter(previous)
        return [draftCommand()]
    }

    // MARK: - Saving and leaving

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
        return entry
    }

    /// Ctrl-S on a prompt: keeps what was typed and shows the summary, where saving is one more
    /// Enter (or Ctrl-S); never straight to saving without it.
    private mutating func toSummary() -> [Command<Message>] {
        if !storeCurrent(strict: false), case .failure(let p) = field.value(for: prompt, clock: setup.clock) {
            status = Status(text: p.message, role: .warning)
            return []
        }
        status = nil
        openSummary(at: nil)
        return [draftCommand()]
    }

    mutating func save() -> [Command<Message>] {
        // The same rules reading the file applies: nothing is written that could not be read
        // back, and the person is taken to what needs fixing.
        let entry = self.entry
        if let problem = AnswerRules.problems(in: entry.answers, catalog: setup.catalog, asked: askedPrompts).first {
            show(problem)
            return []
        }
        let saving = entry.assigningFollowUpIDs()
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

    /// Opens the prompt an answer problem is in, with the focus on the row and field at fault,
    /// and says in full what to fix.
    private mutating func show(_ problem: AnswerProblem) {
        guard let i = prompts.firstIndex(where: { $0.id == problem.promptID }) else {
            status = Status(text: "Not saved: \(problem.message).", role: .warning)
            return
        }
        mode = .prompting
        returnToSummary = false
        enter(i)
        let p = prompts[i]
        switch problem.kind {
        case .required:
            status = Status(text: Self.requiredText(p, before: "saving"), role: .warning)
        case .missingField, .invalidValue:
            if let row = problem.row, case .rows(var rows) = field {
                rows.edit(row: row, focusing: problem.field.flatMap { rows.column($0) } ?? 0)
                field = .rows(rows)
            }
            let what = problem.row.map { "\(p.type == .people ? "Person" : "Follow-up") \($0 + 1) (open below)" } ?? "This answer"
            let fix = problem.field == "action" ? "needs an action: type what you will do, then save again."
                : problem.field == "name" ? "needs a name: type it, then save again."
                : "cannot be saved as it is (\(problem.message)); correct it, then save again."
            status = Status(text: "Not saved. \(what) \(fix)", role: .warning)
        }
    }

    mutating func askToLeave() -> [Command<Message>] {
        if mode == .prompting { storeCurrent(strict: false) }
        modeBeforeLeave = mode
        mode = .confirmLeave
        return []
    }

    private mutating func leaveKey(_ key: Key) -> [Command<Message>] {
        switch key {
        case .char("s"), .enter:
            let command = draftCommand()
            guard case .perform(let write) = command else { return [] }
            return [.perform {
                if case .draftWritten(let error) = write() { return .leaveAfterDraft(error) }
                return .leaveAfterDraft(nil)
            }]
        case .char("d"):
            let store = setup.store
            let name = draftName
            return [.perform { store.removeDraft(name); return .discarded }]
        case .char("g"), .escape, .ctrl("c"):
            mode = modeBeforeLeave
            return []
        default:
            return []
        }
    }

    /// Writes every answer so far to the draft (atomically, via the store).
    func draftCommand() -> Command<Message> {
        var draft = ReflectionDraft(name: draftName, answers: answers, draftOf: setup.editing?.id,
                                    base: setup.editing?.source?.fingerprint.description, savedAt: setup.clock.timestamp,
                                    created: started)
        draft.flow = flow
        let text = draft.encode(with: setup.store.codec)
        let store = setup.store
        let name = draftName
        return .perform {
            do throws(StoreError) {
                try store.writeDraft(name, text: text)
                return .draftWritten(nil)
            } catch {
                return .draftWritten(error.description)
            }
        }
    }
}
