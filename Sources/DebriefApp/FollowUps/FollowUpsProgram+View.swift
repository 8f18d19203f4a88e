import DebriefCore
import DebriefUI

/// Drawing: the actions as a table inside the shared ``ScreenChrome``, titled with the active
/// filter. Overdue rows are bold in the danger colour and the selection is reverse video, so
/// both show without colour.
extension FollowUpsProgram {
    /// The table at `width`: who and what share one column when the screen is narrow.
    static func table(width: Int) -> Table {
        let columns: [Table.Column] = width >= 72
            ? [.init("", width: 3), .init("Due", width: 16), .init("Who", width: 16), .init("What"), .init("From")]
            : [.init("", width: 3), .init("Due", width: 16), .init("What")]
        return Table(columns: columns, rows: [])
    }

    /// What the flexible columns need: the widest action and entry title, so "What" takes the
    /// room "From" does not use. On a narrow screen the one flexible column takes everything.
    static func needs(_ table: Table, _ content: FollowUpsContent?) -> [Int?] {
        guard let content, table.columns.count == 5 else { return [] }
        return [nil, nil, nil, max(content.widestAction, 4), max(content.widestTitle, 4)]
    }

    /// One action's cells for `table(width:)`.
    static func cells(_ item: FollowUpItem, today: Day, width: Int) -> [String] {
        let when = item.done.map { "done " + $0.iso } ?? AnswerText.due(item.due, today: today)
        let mark = item.isOpen ? "[ ]" : "[x]"
        return width >= 72 ? [mark, when, item.who, item.action, item.entryTitle] : [mark, when, FollowUpEditor.task(item)]
    }

    /// What the list says when the filter keeps nothing.
    static func emptyMessage(_ filter: FollowUpFilter) -> String {
        switch filter {
        case .overdue: return "Nothing overdue. Well done."
        case .open: return "No open follow-ups."
        case .done: return "No follow-ups marked done yet."
        case .all: return "No follow-ups yet."
        }
    }

    public func view(width: Int, height: Int) -> Frame {
        // While `s` or `D` asks for a day the prompt has the status line.
        ScreenChrome.frame(width: width, height: height, keys: FollowUpsKeys.map, showHelp: showHelp,
                           message: editor.isAsking ? nil : .status(status),
                           drawBody: { buffer, body in
            drawList(into: &buffer, area: body)
        }, drawStatus: { buffer, row, width in
            editor.drawPrompt(into: &buffer, row: row, width: width)
        })
    }

    private func drawList(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        var title = "Debrief · follow-ups · " + filter.rawValue
        if content != nil { title += " · \(matching)" }
        if reading { title += " · reading…" }
        ScreenChrome.drawTitle(title, into: &buffer, row: area.row, width: area.width)
        let rest = area.inset(top: 1)
        guard rest.height > 0 else { return }
        let table = Self.table(width: rest.width)
        let widths = table.columnWidths(totalWidth: rest.width, needs: Self.needs(table, content))
        buffer.put(table.format(table.columns.map(\.title), widths: widths, totalWidth: rest.width), row: rest.row, col: 0,
                   style: Style.role(.muted).bolded())
        let rowsArea = rest.inset(top: 1)
        guard let content else {
            buffer.put("Reading the journal…", row: rowsArea.row, col: 1, style: .role(.muted), maxWidth: rowsArea.width - 1)
            return
        }
        if visible.isEmpty {
            let hint = filter == .all ? "" : "  Tab shows other follow-ups."
            buffer.put(Self.emptyMessage(filter) + hint, row: rowsArea.row, col: 1, style: .role(.muted), maxWidth: rowsArea.width - 1)
            return
        }
        let today = clock.today
        var state = list
        state.scrollToSelection(height: rowsArea.height)
        for (line, position) in state.visibleRange(height: rowsArea.height).enumerated() {
            let item = content.items[visible[position]]
            var style = item.isOverdue(on: today) ? Style.role(.danger).bolded() : item.isOpen ? .plain : .role(.muted)
            if position == state.selected { style = style.bolded().reversed() }
            let text = table.format(Self.cells(item, today: today, width: rowsArea.width), widths: widths, totalWidth: rowsArea.width)
            buffer.put(text.padded(toWidth: rowsArea.width), row: rowsArea.row + line, col: 0, style: style)
        }
    }
}
