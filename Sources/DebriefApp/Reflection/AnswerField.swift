import DebriefCore
import DebriefUI

/// The input widget for one prompt, chosen by its answer type.
///
/// Kept per prompt while the flow runs, so going back to a prompt finds the text and cursor
/// exactly as they were left.
enum AnswerField: Sendable {
    /// line, text, number, datetime, tags: typed text, parsed on accept.
    case text(TextEditor)
    /// yesno, choice.
    case options(OptionsField)
    /// scale, percent.
    case number(NumberPicker)
    /// people, follow-ups.
    case rows(RowsField)

    /// What the widget needs beyond the prompt and its answer.
    struct Context: Sendable {
        var clock: Clock
        /// People from the journal, offered by Tab in the people widget.
        var knownPeople: [KnownPerson]
        /// Names entered in this reflection, offered for follow-ups.
        var peopleHere: [String]
        /// The `created` of the entry being edited (nil for a new one): when its follow-ups were
        /// created, unless a row says otherwise (`added`).
        var entryCreated: Timestamp? = nil
    }

    /// A widget showing `answer` (or the prompt's default).
    static func make(for prompt: Prompt, answer: Answer?, context: Context) -> AnswerField {
        switch prompt.type {
        case .line, .text, .number, .datetime, .tags:
            let text = answer.map { AnswerText.plain($0, type: prompt.type) } ?? ""
            return .text(TextEditor(text: text, multiline: prompt.type == .text))
        case .yesno:
            var field = OptionsField(options: ["yes", "no"], selected: nil, horizontal: true)
            if let b = answer?.bool { field.selected = b ? 0 : 1 } else if let d = prompt.defaultValue { field.selected = field.options.firstIndex(of: d) }
            return .options(field)
        case .choice:
            let current = answer?.choice ?? prompt.defaultValue
            return .options(OptionsField(options: prompt.options, selected: current.flatMap { prompt.options.firstIndex(of: $0) }, horizontal: false))
        case .scale, .percent:
            let range = prompt.type.range ?? 0...100
            return .number(NumberPicker(range: range, step: prompt.type == .percent ? 5 : 1,
                                        value: answer?.number ?? prompt.defaultValue.flatMap { Int($0) },
                                        unit: prompt.type == .percent ? "%" : ""))
        case .people:
            let columns = [
                RowsField.Column(label: "Name", key: "name", kind: .text, required: true),
                RowsField.Column(label: "Level", key: "level", kind: .choice(prompt.levels)),
                RowsField.Column(label: "Relation", key: "relation", kind: .choice(prompt.relations)),
                RowsField.Column(label: "Note", key: "note", kind: .text),
            ]
            let rows = (answer?.people ?? []).map {
                RowsField.Row(values: [$0.name, $0.level ?? "", $0.relation ?? "", $0.note ?? ""], original: .person($0))
            }
            var field = RowsField(columns: columns, rows: rows, completions: context.knownPeople, completesEmpty: false, clock: context.clock)
            field.emptyText = "Nobody yet. A name and Enter adds someone (↓ for level, relation, note); Enter on an empty name moves on."
            return .rows(field)
        case .followUps:
            // What first: the action is the one field a follow-up needs, and typing into Who
            // first sent an action into the name.
            let columns = [
                RowsField.Column(label: "What", key: "action", kind: .text, required: true),
                RowsField.Column(label: "Who", key: "who", kind: .text),
                RowsField.Column(label: "Due", key: "due", kind: .day(offered: "in 3 days")),
            ]
            let rows = (answer?.followUps ?? []).map {
                RowsField.Row(values: [$0.action, $0.who, $0.due?.iso ?? ""], original: .followUp($0))
            }
            var field = RowsField(columns: columns, rows: rows, completions: followUpNames(context), completesEmpty: !context.peopleHere.isEmpty,
                                  clock: context.clock)
            field.entryCreated = context.entryCreated
            field.emptyText = "No actions yet. Type what you will do; Tab picks who (someone you met). Enter on an empty form moves on."
            return .rows(field)
        }
    }

    /// Names offered for a follow-up's Who: the people of this reflection first, then the journal's.
    static func followUpNames(_ context: Context) -> [KnownPerson] {
        var names = context.peopleHere.map { KnownPerson(name: $0) }
        let here = Set(context.peopleHere.map(\.folded))
        for person in context.knownPeople where !here.contains(person.name.folded) { names.append(KnownPerson(name: person.name)) }
        return names
    }

    /// Passes a key to the widget; false when the widget leaves it to the flow.
    mutating func handle(_ key: Key) -> Bool {
        switch self {
        case .text(var editor):
            if key == .tab || key == .enter { return false }
            let used = editor.handle(key)
            self = .text(editor)
            return used
        case .options(var field):
            let used = field.handle(key)
            self = .options(field)
            return used
        case .number(var picker):
            let used = picker.handle(key)
            self = .number(picker)
            return used
        case .rows(var rows):
            let used = rows.handle(key)
            self = .rows(rows)
            return used
        }
    }

    /// What the widget refused about the last key, to show under it.
    var problem: String? {
        switch self {
        case .rows(let rows): return rows.problem
        case .number(let picker): return picker.problem
        default: return nil
        }
    }

    /// The text editor being typed into, if the focus is on one.
    var focusedEditor: TextEditor? {
        switch self {
        case .text(let editor): return editor
        case .rows(let rows):
            if case .field(let f) = rows.focus, case .choice = rows.columns[f].kind { return nil }
            if case .field(let f) = rows.focus { return rows.form[f] }
            return nil
        default: return nil
        }
    }

    /// The text handed to `$EDITOR`: the answer and a final line break, as a text file ends, so
    /// whatever the editor appends starts on a line of its own.
    var editorText: String? {
        guard case .text(let editor) = self else { return nil }
        return editor.text + "\n"
    }

    /// Replaces the text of the focused editor (after `$EDITOR`), less the file's final line break.
    mutating func setText(_ text: String) {
        guard case .text(var editor) = self else { return }
        editor.text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        editor.cursor = editor.characters.count
        self = .text(editor)
    }

    /// The offered due day of a new follow-up, when the focus is on it and it was typed over.
    var replacedOffer: String? {
        guard case .rows(let rows) = self else { return nil }
        return rows.replacedOffer
    }

    /// Esc in a new follow-up's due field holding something else than the offered day: the offer
    /// back (``RowsField/restoreOffer()``); false when there is nothing to restore.
    mutating func restoreOffer() -> Bool {
        guard case .rows(var rows) = self, rows.restoreOffer() else { return false }
        self = .rows(rows)
        return true
    }

    /// Inserts a line break in multi-line text; false elsewhere.
    mutating func insertNewline() -> Bool {
        guard case .text(var editor) = self else { return false }
        let done = editor.insertNewline()
        self = .text(editor)
        return done
    }

    /// Gives editors the size they are drawn at, so Up/Down/Home/End and scrolling match the
    /// screen. Called from the update, never while drawing.
    mutating func resize(width: Int, height: Int, formFieldWidth: Int) {
        switch self {
        case .text(var editor):
            editor.resize(width: width, height: editor.multiline ? height : 1)
            self = .text(editor)
        case .rows(var rows):
            rows.resize(fieldWidth: formFieldWidth)
            self = .rows(rows)
        default:
            break
        }
    }

    /// Gives a list widget the time of the key being handled, so a typed due date ("in 3 days",
    /// "fri") resolves from today even when the widget was made before midnight.
    mutating func use(_ clock: Clock) {
        guard case .rows(var rows) = self else { return }
        rows.clock = clock
        self = .rows(rows)
    }

    /// The answer as it stands: nil when empty, or a message saying what cannot be read.
    func value(for prompt: Prompt, clock: Clock) -> Result<Answer?, ReflectionProblem> {
        switch self {
        case .text(let editor):
            let raw = editor.text
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch prompt.type {
            case .number:
                guard !trimmed.isEmpty else { return .success(nil) }
                guard let n = Int(trimmed), prompt.type.range?.contains(n) ?? true else {
                    return .failure(ReflectionProblem("Please type a whole number, like 3."))
                }
                return .success(.number(n))
            case .datetime:
                if trimmed.isEmpty {
                    return .success(prompt.defaultValue == "now" ? .timestamp(clock.timestamp) : nil)
                }
                guard let ts = DateInput.timestamp(trimmed, clock: clock, direction: .past) else {
                    return .failure(ReflectionProblem("I can't read “\(trimmed)” as a date. Try “today 18:30”, “yesterday”, “mon” or 2026-11-24 19:00."))
                }
                return .success(.timestamp(ts))
            case .tags:
                let tags = TagSpelling.parse(trimmed)
                return .success(tags.isEmpty ? nil : .tags(tags))
            case .line:
                return .success(trimmed.isEmpty ? nil : .text(trimmed))
            default:
                return .success(trimmed.isEmpty ? nil : .text(raw))
            }
        case .options(let field):
            guard let v = field.value else { return .success(nil) }
            return .success(prompt.type == .yesno ? .bool(v == "yes") : .choice(v))
        case .number(let picker):
            if let problem = picker.problem { return .failure(ReflectionProblem(problem)) }
            return .success(picker.value.map(Answer.number))
        case .rows(let field):
            let rows: [RowsField.Row]
            switch field.collected() {
            case .success(let r): rows = r
            case .failure(let problem): return .failure(problem)
            }
            func value(_ row: RowsField.Row, _ key: String) -> String {
                field.column(key).map { row.values[$0] } ?? ""
            }
            if prompt.type == .people {
                let people = rows.map { row -> Person in
                    var p: Person
                    if case .person(let original) = row.original { p = original } else { p = Person(name: "") }
                    p.name = value(row, "name")
                    for (key, path) in [("level", \Person.level), ("relation", \Person.relation), ("note", \Person.note)] {
                        let v = value(row, key)
                        p[keyPath: path] = v.isEmpty ? nil : v
                    }
                    return p
                }
                return .success(people.isEmpty ? nil : .people(people))
            }
            let items = rows.map { row -> FollowUp in
                var f: FollowUp
                if case .followUp(let original) = row.original { f = original } else { f = FollowUp(who: "", action: "") }
                f.who = value(row, "who")
                f.action = value(row, "action")
                // From the row as read, so collecting again (each draft save) counts a move once;
                // a later date is a postponement, as with `debrief reschedule`, unless it corrects
                // a row created within the day (a new row has nothing to postpone).
                let now = field.clock.timestamp
                return f.rescheduled(to: Day(iso: value(row, "due")), createdAt: f.added ?? field.entryCreated ?? now, now: now)
            }
            return .success(items.isEmpty ? nil : .followUps(items))
        }
    }
}

/// Something about an answer the person should fix, in words meant for them.
struct ReflectionProblem: Error, Equatable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
