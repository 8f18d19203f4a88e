import DebriefCore
import DebriefUI

/// Drawing: the actions as a table inside the shared ``ScreenChrome``, titled with the active
/// filter. Overdue rows are bold in the danger colour and the selection is reverse video, so
/// both show without colour.
extension FollowUpsProgram {
    /// The table at `width`, Due and Who as wide as their widest cell in the rows listed,
    /// "What" and "From" sharing the rest; who and what share one column when the screen is
    /// narrow. Marking never changes a name, and Due always has room for "done 2026-11-26"
    /// (Space can turn any row into that), so a mark moves no column.
    static func table(width: Int, content: FollowUpsContent?, listed: [Int], today: Day) -> Table {
        let items = listed.compactMap { i in content.map { $0.items[i] } }
        let due = items.reduce(max("Due".count, doneWidth)) { max($0, when($1, today: today).displayWidth) }
        let who = min(maxWhoWidth, items.reduce("Who".count) { max($0, $1.who.displayWidth) })
        let columns: [Table.Column] = width >= 72
            ? [.init("", width: 3), .init("Due", width: due), .init("Who", width: who), .init("What"), .init("From")]
            : [.init("", width: 3), .init("Due", width: due), .init("What")]
        return Table(columns: columns, rows: [])
    }

    /// "done 2026-11-26": what Due says once a row is marked.
    static let doneWidth = "done 0000-00-00".count
    /// A long name is cut at this width so it cannot squeeze the action out; the selected row's
    /// task is shown whole below the list.
    static let maxWhoWidth = 14

    /// What the flexible columns need: the widest action and entry title, so "What" takes the
    /// room "From" does not use. On a narrow screen the one flexible column takes everything.
    static func needs(_ table: Table, _ content: FollowUpsContent?) -> [Int?] {
        guard let content, table.columns.count == 5 else { return [] }
        return [nil, nil, nil, max(content.widestAction, 4), max(content.widestTitle, 4)]
    }

    /// "6 days overdue", "no due date", "done 2026-11-12": the Due cell.
    static func when(_ item: FollowUpItem, today: Day) -> String {
        item.done.map { "done " + $0.iso } ?? AnswerText.due(item.due, today: today)
    }

    /// One action's cells for `table(width:content:today:)`.
    static func cells(_ item: FollowUpItem, today: Day, width: Int) -> [String] {
        let mark = item.isOpen ? "[ ]" : "[x]"
        let when = when(item, today: today)
        return width >= 72 ? [mark, when, item.who, item.action, item.entryTitle] : [mark, when, FollowUpEditor.task(item)]
    }

    /// The selected follow-up written whole ("Ana Li: Send the deck · from Swift meetup"), when
    /// its row cuts who, what or where it is from; nil when the row shows it all.
    func selectedWhole(table: Table, widths: [Int]) -> String? {
        guard let item = selectedItem else { return nil }
        let cells = Self.cells(item, today: clock.today, width: width)
        let cut = zip(cells, widths).contains { $0.displayWidth > $1 }
        guard cut else { return nil }
        return FollowUpEditor.task(item) + " · from " + TerminalSafe.line(item.entryTitle)
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
        let table = Self.table(width: width, content: content, listed: visible, today: clock.today)
        let widths = table.columnWidths(totalWidth: width, needs: Self.needs(table, content))
        // While `s` or `D` asks for a day the prompt has the status line; otherwise the last
        // message, else the selected follow-up whole when its row is cut.
        let whole = selectedWhole(table: table, widths: widths).map { ScreenChrome.Message(text: $0, style: .plain) }
        let message = editor.isAsking ? nil : ScreenChrome.Message.status(status) ?? whole
        return ScreenChrome.frame(width: width, height: height, keys: FollowUpsKeys.map, showHelp: showHelp,
                                  message: message,
                                  drawBody: { buffer, body in
            drawList(into: &buffer, area: body, table: table, widths: widths)
        }, drawStatus: { buffer, row, width in
            editor.drawPrompt(into: &buffer, row: row, width: width)
        })
    }

    private func drawList(into buffer: inout ScreenBuffer, area: Rect, table: Table, widths: [Int]) {
        guard area.height > 0 else { return }
        var title = "Debrief · follow-ups · " + filter.rawValue
        if content != nil { title += " · \(matching)" }
        if reading { title += " · reading…" }
        ScreenChrome.drawTitle(title, into: &buffer, row: area.row, width: area.width)
        let rest = area.inset(top: 1)
        guard rest.height > 0 else { return }
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
