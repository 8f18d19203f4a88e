import DebriefCore
import DebriefUI

/// A list answer edited as rows (people, follow-up actions): a small form adds a row, and the
/// rows above it can be selected to edit or remove.
///
/// The form starts on the field a row cannot do without (a person's name, a follow-up's
/// action: the first column), so what is typed first goes where it belongs. Enter adds the row
/// as soon as the required fields are filled, else moves to the one still empty and says why;
/// ↓ and ↑ reach the optional fields. Tab completes the name column (``nameColumn``) from the
/// people offered, also from the first field when the name column comes later, so an action,
/// Tab (who) and Enter add a follow-up for someone just met, due on the offered day. Enter on
/// an empty form lets the prompt move on.
struct RowsField: Sendable {
    enum ColumnKind: Hashable, Sendable {
        case text
        /// One of these values; a letter picks, Left/Right cycle.
        case choice([String])
        /// A due day typed in words. A new row offers `offered` (e.g. "in 3 days"), which the
        /// person keeps or clears: an empty field means no due date.
        case day(offered: String)
    }

    struct Column: Hashable, Sendable {
        var label: String
        /// The row key the column fills (`name`, `level`, `action`, `due`…).
        var key: String
        var kind: ColumnKind
        /// A row cannot be added without it.
        var required = false
    }

    /// One row's values in column order, and the item it came from so unknown keys and `done` survive.
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

    /// The name Tab is cycling through: what was typed, and the names it matched.
    struct Completion: Hashable, Sendable {
        var matches: [KnownPerson]
        var index: Int
    }

    var columns: [Column]
    var rows: [Row]
    var form: [TextEditor]
    var focus: Focus = .field(0)
    /// The row the form is editing, or nil when it adds a new one.
    var editing: Int?
    /// Names Tab offers in the first column.
    var completions: [KnownPerson]
    /// Whether Tab on an empty first field offers every completion (follow-ups: pick among people).
    var completesEmpty: Bool
    var completion: Completion?
    /// A problem with the form, shown under it until the next key.
    var problem: String?
    /// Shown while there are no rows.
    var emptyText = "None yet. Fill in the fields below; Enter on an empty first field moves on."
    /// Parses typed due dates.
    var clock: Clock
    /// A due date in the past that the person was warned about: Enter again with the same text keeps it.
    var pastWarned: String?
    /// The `created` of the entry being edited, when the row of a follow-up written with it was
    /// created (a changed due date within a day of it is a correction); nil for a new entry.
    var entryCreated: Timestamp?
    /// Whether a new row's offered due day ("in 3 days") is still as offered and selected, the
    /// way a selected default behaves: the first character typed replaces it (typing `fri` used
    /// to make "in 3 daysfri"), Backspace clears it, a cursor key keeps it to edit, and Esc
    /// restores it after it was replaced (``restoreOffer()``).
    var offerSelected = true

    init(columns: [Column], rows: [Row], completions: [KnownPerson], completesEmpty: Bool, clock: Clock) {
        self.columns = columns
        self.rows = rows
        self.form = []
        self.completions = completions
        self.completesEmpty = completesEmpty
        self.clock = clock
        self.form = freshForm()
    }

    /// The form of a new row: empty, but for the due date it offers.
    func freshForm() -> [TextEditor] {
        columns.map { column in
            if case .day(let offered) = column.kind { return TextEditor(text: offered, multiline: false) }
            return TextEditor(multiline: false)
        }
    }

    /// Whether nothing was typed in the form (an offered due date left as it is counts as nothing).
    var formIsEmpty: Bool {
        zip(form, freshForm()).allSatisfy { $0.text.trimmingCharacters(in: .whitespaces) == $1.text }
    }

    func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// The column Tab completes from ``completions``: a person's name or a follow-up's who.
    var nameColumn: Int { column("name") ?? column("who") ?? 0 }

    /// A row as the list above the form shows it: the name first (who it is about), then the
    /// other values in column order, empty ones left out.
    func rowText(_ row: Row) -> String {
        let order = [nameColumn] + columns.indices.filter { $0 != nameColumn }
        return order.compactMap { row.values.indices.contains($0) && !row.values[$0].isEmpty ? row.values[$0] : nil }.joined(separator: " · ")
    }

    /// Gives the form's text fields the width they are drawn at.
    mutating func resize(fieldWidth: Int) {
        for i in form.indices { form[i].resize(width: fieldWidth) }
    }

    // MARK: - Keys

    /// Returns whether the key was used; Enter on an empty form, Up above the first row and
    /// Tab on an empty name with nothing to offer are left to the caller.
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
            edit(row: r, focusing: 0)
        case .backspace, .delete, .char("d"):
            rows.remove(at: r)
            if editing == r { editing = nil }
            focus = rows.isEmpty ? .field(0) : .row(min(r, rows.count - 1))
        default:
            return false
        }
        return true
    }

    /// Loads row `r` into the form to edit it, with the focus on field `f`.
    mutating func edit(row r: Int, focusing f: Int) {
        guard r < rows.count else { return }
        editing = r
        offerSelected = false
        for (i, value) in rows[r].values.enumerated() where i < form.count { form[i].text = value; form[i].cursor = value.count }
        focus = .field(min(f, columns.count - 1))
        completion = nil
    }

    private mutating func handleField(_ f: Int, _ key: Key) -> Bool {
        switch key {
        case .enter:
            if formIsEmpty, editing == nil { return false }
            submit(from: f)
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
            if f == nameColumn || f == 0 {
                // With text typed, Tab completes or does nothing: it never leaves the question
                // with half a row.
                if formIsEmpty, editing == nil, !completesEmpty { return false }
                complete()
                return true
            }
            if f + 1 < columns.count { focus = .field(f + 1) }
            return true
        case .backTab:
            guard f > 0 else { return false }
            focus = .field(f - 1)
            return true
        default:
            break
        }
        if case .choice(let options) = columns[f].kind {
            var picker = OptionsField(options: options, selected: options.firstIndex(of: form[f].text), horizontal: true)
            guard picker.handle(key) else { return false }
            form[f].text = picker.value ?? ""
            return true
        }
        if case .day(let offered) = columns[f].kind, offerSelected {
            offerSelected = false
            if form[f].text == offered {
                switch key {
                case .char:
                    form[f].text = ""
                    form[f].cursor = 0
                case .backspace, .delete:
                    form[f].text = ""
                    form[f].cursor = 0
                    return true
                default:
                    break
                }
            }
        }
        let used = form[f].handle(key)
        if used, f == nameColumn { completion = nil }
        return used
    }

    /// Enter in field `f`: add the row, or, with a required field still empty, the focus on
    /// it and why nothing was added (Enter on a name without an action used to move silently).
    private mutating func submit(from f: Int) {
        if let missing = columns.indices.first(where: { columns[$0].required && value(at: $0).isEmpty }) {
            focus = .field(missing)
            problem = Self.missingText(columns[missing])
            return
        }
        commitForm()
    }

    private func value(at i: Int) -> String { form[i].text.trimmingCharacters(in: .whitespaces) }

    static func missingText(_ column: Column) -> String {
        switch column.key {
        case "action": return "Every follow-up needs an action: type what you will do (Enter on an empty form moves on)."
        case "name": return "A person needs a name (Enter on an empty form moves on)."
        default: return "\(column.label) needs a value."
        }
    }

    // MARK: - Completion

    /// Tab in the name column (or the first): the next known name matching what is typed in the
    /// name column (any word of it, ignoring case and accents). Picking a person from the journal also fills the level their
    /// last entry gave and sets the relation to `existing`: someone in an earlier reflection is
    /// someone you already know. No match: nothing changes.
    private mutating func complete() {
        let typed = form[nameColumn].text
        var next: Completion
        if var current = completion, current.matches.indices.contains(current.index), current.matches[current.index].name == typed {
            guard current.matches.count > 1 else { return }
            current.index = (current.index + 1) % current.matches.count
            next = current
        } else {
            let matches = KnownPerson.completions(for: typed.trimmingCharacters(in: .whitespaces), in: completions)
            guard !matches.isEmpty else { return }
            let start = matches.first?.name == typed && matches.count > 1 ? 1 : 0
            next = Completion(matches: matches, index: start)
        }
        completion = next
        fill(with: next.matches[next.index])
    }

    private mutating func fill(with person: KnownPerson) {
        form[nameColumn].text = person.name
        form[nameColumn].cursor = person.name.count
        if let level = column("level"), let known = person.level, case .choice(let options) = columns[level].kind, options.contains(known) {
            form[level].text = known
        }
        if let relation = column("relation") { form[relation].text = "existing" }
    }

    /// The person in the journal a typed name is, if any.
    func known(_ name: String) -> KnownPerson? {
        let key = name.folded
        guard !key.isEmpty else { return nil }
        return completions.first { $0.name.folded == key }
    }

    // MARK: - Rows

    /// Turns the form into a row (or updates the row being edited) and clears it; false, with
    /// ``problem`` set and the focus on the field at fault, when it cannot.
    @discardableResult
    mutating func commitForm() -> Bool {
        var stored = form.map { $0.text.trimmingCharacters(in: .whitespaces) }
        if let missing = columns.indices.first(where: { columns[$0].required && stored[$0].isEmpty }) {
            problem = Self.missingText(columns[missing])
            focus = .field(missing)
            return false
        }
        for (i, column) in columns.enumerated() {
            guard case .day = column.kind, !stored[i].isEmpty else { continue }
            switch dueFeedback(stored[i]) {
            case .day(let day, let past):
                // A past date is kept after a warning, unless it is the date the row already had.
                let unchanged = editing.map { $0 < rows.count && rows[$0].values[i] == day.iso } ?? false
                if past, !unchanged, pastWarned != stored[i] {
                    pastWarned = stored[i]
                    problem = PastDueDate.warning(day)
                    focus = .field(i)
                    return false
                }
                stored[i] = day.iso
            case .unreadable:
                problem = "I can't read “\(stored[i])” as a date; try \(DateInput.formsHelp)."
                focus = .field(i)
                return false
            case .none:
                break
            }
        }
        // A name from the journal is someone already known; another is, unless said, someone new.
        if let name = column("name"), let person = known(stored[name]) {
            if let level = column("level"), stored[level].isEmpty, let known = person.level,
               case .choice(let options) = columns[level].kind, options.contains(known) { stored[level] = known }
            if let relation = column("relation"), stored[relation].isEmpty { stored[relation] = "existing" }
        } else if let relation = column("relation"), stored[relation].isEmpty, case .choice(let options) = columns[relation].kind,
                  options.contains("new") {
            stored[relation] = "new"
        }
        if let editing, editing < rows.count {
            rows[editing].values = stored
        } else {
            rows.append(Row(values: stored, original: nil))
        }
        editing = nil
        form = freshForm()
        offerSelected = true
        focus = .field(0)
        completion = nil
        pastWarned = nil
        return true
    }

    /// The offered day the focused field was given, when what it holds now is something else.
    var replacedOffer: String? {
        guard editing == nil, case .field(let f) = focus, case .day(let offered) = columns[f].kind,
              form[f].text != offered else { return nil }
        return offered
    }

    /// Esc in a new row's due field holding something else than the offered day: the offer back,
    /// selected again. False when there is nothing to restore (Esc then means leaving).
    mutating func restoreOffer() -> Bool {
        guard let offered = replacedOffer, case .field(let f) = focus else { return false }
        form[f].text = offered
        form[f].cursor = offered.count
        offerSelected = true
        problem = nil
        return true
    }

    /// Whether the focused field is a new row's offered day, selected (drawn reversed).
    var showsSelectedOffer: Bool {
        guard offerSelected, editing == nil, case .field(let f) = focus, case .day(let offered) = columns[f].kind else { return false }
        return form[f].text == offered
    }

    /// What a typed due date resolves to.
    enum DueFeedback: Equatable {
        case none
        case day(Day, past: Bool)
        case unreadable
    }

    func dueFeedback(_ text: String) -> DueFeedback {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .none }
        guard let day = DateInput.day(trimmed, clock: clock, direction: .future) else { return .unreadable }
        return .day(day, past: day < clock.today)
    }

    /// The rows including a filled-in form that was not yet committed, so nothing typed is lost.
    func collected() -> Result<[Row], ReflectionProblem> {
        guard !formIsEmpty else { return .success(rows) }
        var copy = self
        guard copy.commitForm() else { return .failure(ReflectionProblem(copy.problem ?? "")) }
        return .success(copy.rows)
    }
}
