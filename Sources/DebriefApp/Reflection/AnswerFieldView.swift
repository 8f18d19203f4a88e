import DebriefCore
import DebriefUI

/// Draws an answer widget into a rectangle and says where the cursor belongs.
///
/// Focus and selection always use reverse or bold as well as a colour role, so they stay
/// visible under `NO_COLOR` and on monochrome terminals.
enum AnswerFieldView {
    static let selected = Style.role(.highlight).reversed().bolded()

    static func draw(_ field: inout AnswerField, prompt: Prompt, clock: Clock, into buffer: inout ScreenBuffer, rect: Rect) -> Position? {
        switch field {
        case .text(var editor):
            let multiline = prompt.type == .text
            let height = multiline ? max(1, rect.height - 1) : 1
            let editorRect = Rect(row: rect.row, col: rect.col, width: rect.width, height: height)
            let cursor = editor.render(into: &buffer, rect: editorRect, style: .plain, placeholder: placeholder(for: prompt, clock: clock))
            if !multiline {
                buffer.put(String(repeating: "─", count: rect.width), row: rect.row + 1, col: rect.col, style: .role(.muted))
                if let feedback = feedback(for: prompt, text: editor.text, clock: clock) {
                    buffer.put(feedback.text.truncated(toWidth: rect.width), row: rect.row + 2, col: rect.col, style: feedback.style)
                }
            }
            field = .text(editor)
            return cursor
        case .options(let options):
            if options.horizontal {
                var col = rect.col
                for (i, option) in options.options.enumerated() {
                    let isSelected = i == options.selected
                    let label = isSelected ? "[\(option)]" : " \(option) "
                    col = buffer.put(label, row: rect.row, col: col, style: isSelected ? selected : .plain) + 2
                }
                buffer.put("←/→ or y/n", row: rect.row + 2, col: rect.col, style: .role(.muted))
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
        case .rows(var rows):
            let cursor = drawRows(&rows, into: &buffer, rect: rect)
            field = .rows(rows)
            return cursor
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
            case .dateTime(let ts)?: return ("→ \(ts.display)", .role(.success))
            case .day(let day)?: return ("→ \(day.iso), start of the day (add a time like 18:30)", .role(.success))
            case nil: return ("not a date yet: try “today 18:30”, “yesterday”, “mon”", .role(.warning))
            }
        case .number:
            guard !trimmed.isEmpty, Int(trimmed) == nil else { return nil }
            return ("a whole number, please", .role(.warning))
        case .tags:
            let tags = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
            let value = picker.value.map { "\($0)%" } ?? "—"
            let label = value.padded(toWidth: 5)
            buffer.put(label, row: rect.row, col: rect.col, style: picker.value == nil ? .role(.muted) : selected)
            let bar = Rect(row: rect.row, col: rect.col + 6, width: min(40, rect.width - 6), height: 1)
            ProgressBar(fraction: Double(picker.value ?? 0) / 100).render(into: &buffer, rect: bar)
            buffer.put("←/→ by 5, or type digits", row: rect.row + 2, col: rect.col, style: .role(.muted))
        }
    }

    /// Rows above, the form below; returns the cursor in the focused text field.
    private static func drawRows(_ rows: inout RowsField, into buffer: inout ScreenBuffer, rect: Rect) -> Position? {
        var row = rect.row
        let formHeight = rows.columns.count + 2
        let listHeight = max(0, rect.height - formHeight)
        let firstRow: Int
        if case .row(let r) = rows.focus, r >= listHeight { firstRow = r - listHeight + 1 } else { firstRow = max(0, rows.rows.count - listHeight) }
        for (i, item) in rows.rows.enumerated().dropFirst(firstRow).prefix(listHeight) {
            let text = item.values.filter { !$0.isEmpty }.joined(separator: " · ")
            let isSelected = rows.focus == .row(i)
            let mark = rows.editing == i ? "✎ " : (isSelected ? "› " : "• ")
            buffer.put((mark + text).truncated(toWidth: rect.width), row: row, col: rect.col, style: isSelected ? selected : .plain)
            row += 1
        }
        if rows.rows.isEmpty {
            buffer.put(rows.emptyText.truncated(toWidth: rect.width), row: row, col: rect.col, style: .role(.muted))
            row += 1
        }
        row += 1
        let labelWidth = (rows.columns.map(\.label.displayWidth).max() ?? 0) + 1
        var cursor: Position?
        for (i, column) in rows.columns.enumerated() where row < rect.bottom {
            let focused = rows.focus == .field(i)
            buffer.put(column.label, row: row, col: rect.col, style: focused ? Style.role(.accent).bolded().reversed() : .role(.muted))
            let valueRect = Rect(row: row, col: rect.col + labelWidth, width: rect.width - labelWidth, height: 1)
            switch column.kind {
            case .choice(let options):
                var col = valueRect.col
                for option in options {
                    let chosen = rows.form[i].text == option
                    col = buffer.put(chosen ? "[\(option)]" : " \(option) ", row: row, col: col,
                                     style: chosen ? selected : (focused ? .plain : .role(.muted))) + 1
                }
            case .text, .day:
                if focused {
                    cursor = rows.form[i].render(into: &buffer, rect: valueRect, style: Style.plain.underlined())
                } else {
                    var editor = rows.form[i]
                    editor.render(into: &buffer, rect: valueRect)
                }
                if case .day(let fallback) = column.kind {
                    let text = rows.form[i].text.trimmingCharacters(in: .whitespaces)
                    let shown: String
                    if text.isEmpty { shown = "→ \(fallback.iso) (in 3 days)" } else if let d = DateInput.day(text, clock: rows.clock, direction: .future) { shown = "→ \(d.iso)" } else { shown = "not a date yet" }
                    let col = valueRect.col + max(rows.form[i].text.displayWidth + 2, 16)
                    buffer.put(shown, row: row, col: col, style: .role(.muted), maxWidth: max(0, rect.right - col))
                }
            }
            row += 1
        }
        return cursor
    }
}
