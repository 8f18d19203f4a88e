import DebriefCore
import DebriefUI

/// Answering the prompt in focus: the widget gets each key first, then the prompt's key map
/// (``promptKeys(textInput:multiline:rows:offerReplaced:)``); Enter or Tab keeps the answer and moves on to the
/// next prompt asked (or back to the summary it was opened from), Shift-Tab goes back, Ctrl-S
/// opens the summary, Esc the leave dialog.
extension ReflectionProgram {
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

    mutating func promptKey(_ key: Key, backToSummary: Bool) -> [Command<Message>] {
        var f = field
        let isText = f.focusedEditor != nil
        let isRows: Bool
        if case .rows = f { isRows = true } else { isRows = false }
        let multiline = prompt.type == .text
        let keys = Self.promptKeys(textInput: isText, multiline: multiline, rows: isRows, offerReplaced: f.replacedOffer)
        // Keys that mean the same everywhere come first; the widget never sees them.
        switch keys.action(for: key) {
        case .save?: return toSummary()
        case .leave?: return askToLeave()
        case .restoreOffer?:
            if f.restoreOffer() { field = f }
            status = nil
            return []
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
            return accept(backToSummary: backToSummary)
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
            if prompt.id == "people" { suggestReconnection() }
            if prompt.id == "reconnected" { suggestedReconnection = nil }
            return true
        }
    }

    /// "Did you catch up with someone you already knew?" answered from the people list: yes when
    /// someone there is `existing`, with the names shown under it, changeable like any answer.
    /// Only while the person has not answered it themselves; a suggestion follows the list when
    /// it changes (no existing person left: unanswered again).
    mutating func suggestReconnection() {
        let id = "reconnected"
        guard answers[id] == nil || suggestedReconnection != nil else { return }
        let known = (answers["people"]?.people ?? []).filter { $0.relation == "existing" }.map(\.name)
        guard !known.isEmpty else {
            if suggestedReconnection != nil {
                answers[id] = nil
                fields[id] = nil
                suggestedReconnection = nil
            }
            return
        }
        suggestedReconnection = known
        answers[id] = .bool(true)
        var options = OptionsField(options: ["yes", "no"], selected: 0, horizontal: true)
        options.note = "Yes, from the people you listed: you met \(known.joined(separator: ", ")) again (existing). ←/→ changes it."
        fields[id] = .options(options)
    }

    /// Why Enter (or saving) did nothing on an empty required answer.
    static func requiredText(_ prompt: Prompt, before what: String) -> String {
        prompt.id == "title"
            ? "A title is needed before \(what), so you can find this reflection again; a few words are enough."
            : "“\(prompt.question)” needs an answer before \(what): the prompt catalog marks it required."
    }

    /// Enter or Tab on a prompt: keeps the answer and moves to the next prompt that will be
    /// asked given the answers now (an answer just changed may show or hide later prompts), or to
    /// the summary after the last, or back to it when the prompt was opened from there.
    private mutating func accept(backToSummary: Bool) -> [Command<Message>] {
        guard storeCurrent(strict: true), confirmsFutureDate() else { return [] }
        status = nil
        if backToSummary {
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
        phase = .prompting(backToSummary: false)
        enter(previous)
        return [draftCommand()]
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

    /// Opens the prompt an answer problem is in, with the focus on the row and field at fault,
    /// and says in full what to fix.
    mutating func show(_ problem: AnswerProblem) {
        guard let i = prompts.firstIndex(where: { $0.id == problem.promptID }) else {
            status = Status(text: "Not saved: \(problem.message).", role: .warning)
            return
        }
        phase = .prompting(backToSummary: false)
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

    /// Draws the prompt in focus and returns where the cursor goes.
    func drawPrompt(into buffer: inout ScreenBuffer) -> Position? {
        let layout = promptLayout(width: buffer.width, height: buffer.height)
        let area = layout.area
        let progress = progressShown
        drawHeader(into: &buffer, area: area, right: progress.text, fraction: progress.fraction)
        drawFooter(into: &buffer, area: layout.footer)
        var row = area.row + 3
        for line in layout.question {
            buffer.put(line, row: row, col: area.col, style: Style.plain.bolded())
            row += 1
        }
        for line in layout.hint {
            buffer.put(line, row: row, col: area.col, style: .role(.muted))
            row += 1
        }
        return AnswerFieldView.draw(field, prompt: prompt, clock: setup.clock, into: &buffer, rect: layout.input)
    }
}
