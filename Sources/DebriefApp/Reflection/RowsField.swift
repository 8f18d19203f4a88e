import DebriefCore
import DebriefUI

/// A list answer edited as rows (people, follow-up actions): a small form adds a row, and the
/// rows above it can be selected to edit or remove.
///
/// The form is walked with Enter, so typing a name, Enter, a level letter, Enter… adds a person
/// without leaving the keyboard's home row; Enter on an empty first field lets the prompt move on.
struct RowsField: Sendable {
    enum ColumnKind: Hashable, Sendable {
        case text
        /// One of these values; a letter picks, Left/Right cycle.
        case choice([String])
        /// A day typed in words; empty means `fallback`.
        case day(fallback: Day)
    }

    struct Column: Hashable, Sendable {
        var label: String
        var kind: ColumnKind
    }

    /// One row's visible values, and the item it came from so unknown keys and `done` survive.
    struct Row: Hashable, Sendable {
        var values: [String]
        var original: Original?
    }

    enum Original: Hashable, Sendable {
        case person(Person)
        case followUp(FollowUp)
    }

    enum Focus: Hashable, Sendable {
        case row(Int)
        case field(Int)
    }

    var columns: [Column]
    var rows: [Row]
    var form: [TextEditor]
    var focus: Focus = .field(0)
    /// The row the form is editing, or nil when it adds a new one.
    var editing: Int?
    /// Names Tab offers in the first column.
    var completions: [String]
    /// Whether Tab on an empty first field offers every completion (follow-ups: pick among people).
    var completesEmpty: Bool
    /// For people: the column set to `existing` when a known name is picked.
    var relationColumn: Int?
    /// A problem with the form, shown under it until the next key.
    var problem: String?
    /// Shown while there are no rows.
    var emptyText = "None yet. Fill in the fields below; Enter on an empty first field moves on."
    /// Parses typed due dates.
    var clock: Clock

    init(columns: [Column], rows: [Row], completions: [String], completesEmpty: Bool, relationColumn: Int?, clock: Clock) {
        self.columns = columns
        self.rows = rows
        self.form = columns.map { _ in TextEditor(multiline: false) }
        self.completions = completions
        self.completesEmpty = completesEmpty
        self.relationColumn = relationColumn
        self.clock = clock
    }

    /// Whether any form field has text.
    var formIsEmpty: Bool { form.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }

    // MARK: - Keys

    /// Returns whether the key was used; Enter on an empty form, Up above the first row and
    /// Tab without a completion are left to the caller.
    mutating func handle(_ key: Key) -> Bool {
        problem = nil
        switch focus {
        case .row(let r): return handleRow(r, key)
        case .field(let f): return handleField(f, key)
        }
    }

    private mutating func handleRow(_ r: Int, _ key: Key) -> Bool {
        switch key {
        case .up:
            guard r > 0 else { return false }
            focus = .row(r - 1)
        case .down:
            focus = r + 1 < rows.count ? .row(r + 1) : .field(0)
        case .enter, .char("e"):
            editing = r
            for (i, value) in rows[r].values.enumerated() where i < form.count { form[i] = TextEditor(text: value, multiline: false) }
            focus = .field(0)
        case .backspace, .delete, .char("d"):
            rows.remove(at: r)
            if editing == r { editing = nil }
            focus = rows.isEmpty ? .field(0) : .row(min(r, rows.count - 1))
        default:
            return false
        }
        return true
    }

    private mutating func handleField(_ f: Int, _ key: Key) -> Bool {
        switch key {
        case .enter:
            if f == 0, formIsEmpty, editing == nil { return false }
            if f + 1 < columns.count { focus = .field(f + 1) } else { commitForm() }
            return true
        case .down:
            guard f + 1 < columns.count else { return false }
            focus = .field(f + 1)
            return true
        case .up:
            if f > 0 { focus = .field(f - 1); return true }
            guard !rows.isEmpty else { return false }
            focus = .row(rows.count - 1)
            return true
        case .tab:
            return f == 0 && complete()
        default:
            break
        }
        if case .choice(let options) = columns[f].kind {
            var picker = OptionsField(options: options, selected: options.firstIndex(of: form[f].text), horizontal: true)
            guard picker.handle(key) else { return false }
            form[f] = TextEditor(text: picker.value ?? "", multiline: false)
            return true
        }
        return form[f].handle(key)
    }

    /// Tab in the first column: the next known name starting with what is typed, ignoring case,
    /// accents and spacing as the people index does ("zoe" completes "Zoë Brandt").
    private mutating func complete() -> Bool {
        let typed = form[0].text
        if typed.isEmpty && !completesEmpty { return false }
        let prefix = typed.folded
        let matches = completions.filter { $0.folded.hasPrefix(prefix) && $0 != typed }
        let pick: String
        if let exact = completions.firstIndex(of: typed), completesEmpty || !matches.isEmpty {
            // Already a full name: Tab cycles to the next one.
            pick = completions[(exact + 1) % completions.count]
            if pick == typed { return false }
        } else if let first = matches.first {
            pick = first
        } else {
            return false
        }
        form[0] = TextEditor(text: pick, multiline: false)
        if let relationColumn, relationColumn < form.count {
            form[relationColumn] = TextEditor(text: "existing", multiline: false)
        }
        return true
    }

    /// Turns the form into a row (or updates the row being edited) and clears it.
    mutating func commitForm() {
        let values = form.map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard !values[0].isEmpty else {
            problem = "The first field (\(columns[0].label.lowercased())) needs a value."
            focus = .field(0)
            return
        }
        var stored = values
        for (i, column) in columns.enumerated() {
            guard case .day(let fallback) = column.kind else { continue }
            if values[i].isEmpty {
                stored[i] = fallback.iso
            } else if let day = DateInput.day(values[i], clock: clock, direction: .future) {
                stored[i] = day.iso
            } else {
                problem = "I can't read “\(values[i])” as a date; try “fri”, “+3d” or 2026-12-01."
                focus = .field(i)
                return
            }
        }
        if let editing, editing < rows.count {
            rows[editing].values = stored
        } else {
            rows.append(Row(values: stored, original: nil))
        }
        editing = nil
        form = columns.map { _ in TextEditor(multiline: false) }
        focus = .field(0)
    }

    /// The rows including a filled-in form that was not yet committed, so nothing typed is lost.
    func collected() -> Result<[Row], ReflectionProblem> {
        guard !formIsEmpty else { return .success(rows) }
        var copy = self
        copy.commitForm()
        if let problem = copy.problem { return .failure(ReflectionProblem(problem)) }
        return .success(copy.rows)
    }
}
