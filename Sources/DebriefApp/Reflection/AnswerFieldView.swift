import DebriefCore
import DebriefUI

/// Draws an answer widget into a rectangle and says where the cursor belongs.
///
/// Focus and selection always use reverse or bold as well as a colour role, so they stay
/// visible under `NO_COLOR` and on monochrome terminals.
enum AnswerFieldView {
    static let selected = Style.role(.highlight).reversed().bolded()

    /// Rows a text answer is drawn on in `rect`: all but one for multi-line text, else one.
    static func editorHeight(for prompt: Prompt, in rect: Rect) -> Int {
        prompt.type == .text ? max(1, rect.height - 1) : 1
    }

    /// The width of the form's text fields of a rows widget drawn in `rect`.
    static func formFieldWidth(_ field: AnswerField, in rect: Rect) -> Int {
        guard case .rows(let rows) = field else { return rect.width }
        return max(1, rect.width - labelWidth(rows))
    }

    /// The widest label, with the `*` of a required field, and a space.
    private static func labelWidth(_ rows: RowsField) -> Int {
        (rows.columns.map { $0.label.displayWidth + ($0.required ? 1 : 0) }.max() ?? 0) + 1
    }

    static func draw(_ field: AnswerField, prompt: Prompt, clock: Clock, into buffer: inout ScreenBuffer, rect: Rect) -> Position? {
        switch field {
        case .text(let editor):
            let multiline = prompt.type == .text
            let editorRect = Rect(row: rect.row, col: rect.col, width: rect.width, height: editorHeight(for: prompt, in: rect))
            let cursor = editor.render(into: &buffer, rect: editorRect, style: .plain, placeholder: placeholder(for: prompt, clock: clock))
            if !multiline {
                buffer.put(String(repeating: "─", count: rect.width), row: rect.row + 1, col: rect.col, style: .role(.muted))
                if let feedback = feedback(for: prompt, text: editor.text, clock: clock) {
                    buffer.put(feedback.text, row: rect.row + 2, col: rect.col, style: feedback.style, maxWidth: rect.width)
                }
                if prompt.type == .datetime, rect.height > 3 {
                    for (i, line) in wrap("Forms: " + DateInput.formsHelp, width: rect.width).prefix(rect.height - 3).enumerated() {
                        buffer.put(line, row: rect.row + 3 + i, col: rect.col, style: .role(.muted))
                    }
                }
            }
            return cursor
        case .options(let options):
            if options.horizontal {
                var col = rect.col
                for (i, option) in options.options.enumerated() {
                    let isSelected = i == options.selected
                    let label = isSelected ? "[\(option)]" : " \(option) "
                    col = buffer.put(label, row: rect.row, col: col, style: isSelected ? selected : .plain) + 2
                }
                var row = rect.row + 2
                if let note = options.note {
                    for line in wrap(note, width: rect.width).prefix(max(0, rect.height - 3)) {
                        buffer.put(line, row: row, col: rect.col, style: .role(.success))
                        row += 1
                    }
                }
                buffer.put("←/→ or y/n", row: row, col: rect.col, style: .role(.muted))
            } else {
                for (i, option) in options.options.enumerated() where i < rect.height {
                    let mark = i == options.selected ? "› " : "  "
                    buffer.put(mark + option, row: rect.row + i, col: rect.col, style: i == options.selected ? selected : .plain)
                }
            }
            return nil
        case .number(let picker):
            drawNumber(picker, type: prompt.type, into: &buffer, rect: rect)
            return nil
        case .rows(let rows):
            return drawRows(rows, into: &buffer, rect: rect)
        }
    }

    /// What an empty text field shows.
    private static func placeholder(for prompt: Prompt, clock: Clock) -> String? {
        switch prompt.type {
        case .datetime where prompt.defaultValue == "now": return "now (\(clock.timestamp.display)); or type a date"
        case .tags: return "e.g. swift, hiring"
        case .number: return "a whole number"
        default: return nil
        }
    }

    /// The parsed value shown back under dates and numbers, before Enter accepts it.
    private static func feedback(for prompt: Prompt, text: String, clock: Clock) -> (text: String, style: Style)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch prompt.type {
        case .datetime:
            guard !trimmed.isEmpty else { return ("→ \(clock.timestamp.display) (now)", .role(.success)) }
            switch DateInput.parse(trimmed, clock: clock, direction: .past) {
            case .dateTime(let ts)? where ts > clock.timestamp: return (FutureEventDate.note(ts), .role(.warning))
            case .day(let day)? where Timestamp(day: day, hour: 0, minute: 0, in: clock.timeZone).map({ $0 > clock.timestamp }) ?? false:
                return ("→ \(day.iso), start of the day, in the future", .role(.warning))
            case .dateTime(let ts)?:
                // The weekday and week, as the due field shows them: `tue 9:00` is checked at a glance.
                let words = DayInWords.relation(of: ts.day, to: clock.today)
                return ("→ \(ts.display), \(DayInWords.weekdays[ts.day.isoWeekday - 1]) (\(words))", .role(.success))
            case .day(let day)?: return ("→ \(day.iso), start of the day (add a time like 18:30)", .role(.success))
            case nil: return ("not a date yet (the forms are listed below)", .role(.warning))
            }
        case .number:
            guard !trimmed.isEmpty, Int(trimmed) == nil else { return nil }
            return ("a whole number, please", .role(.warning))
        case .tags:
            let tags = TagSpelling.parse(trimmed)
            return tags.isEmpty ? nil : ("→ " + tags.map { "#" + $0 }.joined(separator: " "), .role(.muted))
        default:
            return nil
        }
    }

    private static func drawNumber(_ picker: NumberPicker, type: PromptType, into buffer: inout ScreenBuffer, rect: Rect) {
        if type == .scale {
            var col = rect.col
            for n in picker.range {
                let isSelected = n == picker.value
                col = buffer.put(isSelected ? "[\(n)]" : " \(n) ", row: rect.row, col: col, style: isSelected ? selected : .plain) + 1
            }
            buffer.put("←/→ or 1–5", row: rect.row + 2, col: rect.col, style: .role(.muted))
        } else {
            let value = picker.shown.map { "\($0)%" } ?? "—"
            let label = value.padded(toWidth: 5)
            let style: Style = picker.problem != nil ? Style.role(.danger).bolded().reversed() : picker.value == nil ? .role(.muted) : selected
            let end = buffer.put(label, row: rect.row, col: rect.col, style: style)
            let bar = Rect(row: rect.row, col: max(end, rect.col + 5) + 1, width: min(40, rect.right - max(end, rect.col + 5) - 1), height: 1)
            ProgressBar(fraction: Double(picker.value ?? 0) / 100).render(into: &buffer, rect: bar)
            buffer.put("←/→ by 5, or type digits", row: rect.row + 2, col: rect.col, style: .role(.muted))
        }
        // An out-of-range number keeps its reason in view under it, whatever the status line shows.
        if let problem = picker.problem {
            for (i, line) in wrap(problem, width: rect.width).prefix(max(0, rect.height - 2)).enumerated() {
                buffer.put(line, row: rect.row + 2 + i, col: rect.col, style: .role(.warning))
            }
        }
    }

    /// Rows above, the form below; returns the cursor in the focused text field.
    private static func drawRows(_ rows: RowsField, into buffer: inout ScreenBuffer, rect: Rect) -> Position? {
        var row = rect.row
        let formHeight = rows.columns.count + 3
        let listHeight = max(0, rect.height - formHeight)
        let firstRow: Int
        if case .row(let r) = rows.focus, r >= listHeight { firstRow = r - listHeight + 1 } else { firstRow = max(0, rows.rows.count - listHeight) }
        for (i, item) in rows.rows.enumerated().dropFirst(firstRow).prefix(listHeight) {
            let text = rows.rowText(item)
            let isSelected = rows.focus == .row(i)
            let mark = rows.editing == i ? "✎ " : (isSelected ? "› " : "• ")
            buffer.put((mark + text).truncated(toWidth: rect.width), row: row, col: rect.col, style: isSelected ? selected : .plain)
            row += 1
        }
        if rows.rows.isEmpty {
            let lines = wrap(rows.emptyText, width: rect.width)
            let shown = lines.count <= max(1, listHeight) ? lines : [lines[0].truncated(toWidth: rect.width - 1) + "…"]
            for line in shown {
                buffer.put(line, row: row, col: rect.col, style: .role(.muted), maxWidth: rect.width)
                row += 1
            }
        }
        row += 1
        let labelWidth = labelWidth(rows)
        var cursor: Position?
        for (i, column) in rows.columns.enumerated() where row < rect.bottom {
            let focused = rows.focus == .field(i)
            let label = column.label + (column.required ? "*" : "")
            buffer.put(label, row: row, col: rect.col, style: focused ? Style.role(.accent).bolded().reversed() : .role(.muted))
            let valueRect = Rect(row: row, col: rect.col + labelWidth, width: max(1, rect.width - labelWidth), height: 1)
            switch column.kind {
            case .choice(let options):
                var col = valueRect.col
                let implied = rows.form[i].text.isEmpty ? impliedChoice(rows, column: column) : nil
                for option in options {
                    let chosen = rows.form[i].text == option
                    let style: Style = chosen ? selected : option == implied ? Style.role(.muted).underlined() : (focused ? .plain : .role(.muted))
                    col = buffer.put(chosen || option == implied ? "[\(option)]" : " \(option) ", row: row, col: col, style: style) + 1
                }
            case .text:
                let style = focused ? Style.plain.underlined() : Style.plain
                let at = rows.form[i].render(into: &buffer, rect: valueRect, style: style, focused: focused)
                if focused { cursor = at }
            case .day:
                let text = rows.form[i].text
                let shown: (String, Style)
                switch rows.dueFeedback(text) {
                case .none: shown = ("→ no due date", .role(.muted))
                case .day(let d, let past):
                    shown = past
                        ? (rows.pastWarned == text.trimmingCharacters(in: .whitespaces) ? PastDueDate.warning(d) : PastDueDate.note(d), .role(.warning))
                        : ("→ " + DayInWords.resolved(d, today: rows.clock.today), .role(.muted))
                case .unreadable: shown = ("not a date yet: try fri, +3d, nov 6", .role(.warning))
                }
                let fieldWidth = min(valueRect.width, max(text.displayWidth + 1, 12))
                let style = focused && rows.showsSelectedOffer ? Style.role(.highlight).reversed()
                    : focused ? Style.plain.underlined() : Style.plain
                let at = rows.form[i].render(into: &buffer, rect: Rect(row: row, col: valueRect.col, width: fieldWidth, height: 1),
                                             style: style, focused: focused)
                if focused { cursor = at }
                let col = valueRect.col + fieldWidth + 1
                buffer.put(shown.0, row: row, col: col, style: shown.1, maxWidth: max(0, rect.right - col))
            }
            row += 1
        }
        if row < rect.bottom, let hint = formHint(rows) {
            buffer.put(hint, row: row, col: rect.col, style: .role(.muted), maxWidth: rect.width)
        }
        return cursor
    }

    /// The choice a row gets when the field is left empty: `existing` for someone from the
    /// journal, `new` for anyone else, once a name is typed.
    private static func impliedChoice(_ rows: RowsField, column: RowsField.Column) -> String? {
        guard column.key == "relation", let name = rows.column("name") else { return nil }
        let typed = rows.form[name].text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return nil }
        return rows.known(typed) == nil ? "new" : "existing"
    }

    /// What Enter does now, under the form.
    private static func formHint(_ rows: RowsField) -> String? {
        if rows.showsSelectedOffer, case .field(let f) = rows.focus {
            return "Typing replaces “\(rows.form[f].text)” · Backspace: no due date · Enter keeps it"
        }
        if let offered = rows.replacedOffer { return "Esc puts back “\(offered)” · Enter adds this row" }
        if rows.formIsEmpty, rows.editing == nil { return nil }
        let missing = rows.columns.indices.first { rows.columns[$0].required && rows.form[$0].text.trimmingCharacters(in: .whitespaces).isEmpty }
        if let missing {
            // Said where the cursor is too: "Enter: on to What" while already on What explained nothing.
            let label = rows.columns[missing].label
            return rows.focus == .field(missing) ? "\(label) is needed: type it, then Enter adds this row · ↓/↑ other fields"
                : "Enter: on to \(label) · ↓/↑ other fields"
        }
        if let due = rows.columns.firstIndex(where: { if case .day = $0.kind { return true } else { return false } }),
           rows.pastWarned == rows.form[due].text.trimmingCharacters(in: .whitespaces) {
            return "Enter again keeps the date already past · change it above"
        }
        return rows.editing == nil ? "Enter adds this row · ↓/↑ other fields" : "Enter updates the row · ↓/↑ other fields"
    }
}
