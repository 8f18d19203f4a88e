import DebriefCore
import DebriefUI

/// Drawing: the people as a table (or one person's view) inside the shared ``ScreenChrome``,
/// with a title saying which list it is and a status line that doubles as the `/` prompt.
extension PeopleProgram {
    /// The list's table at `width`: level and relation only when there is room for them. The
    /// cold list shows how long each person has gone unmentioned instead of the last meeting.
    func table(width: Int) -> Table {
        let when = Table.Column(showCold ? "Silent" : "Last met", width: 10)
        let columns: [Table.Column] = width >= 64
            ? [.init("Name"), .init("Met", width: 4, alignment: .right), when, .init("Level", width: 9),
               .init("Relation", width: 8), .init("Open", width: 4, alignment: .right)]
            : [.init("Name"), .init("Met", width: 4, alignment: .right), when, .init("Open", width: 4, alignment: .right)]
        return Table(columns: columns, rows: [])
    }

    /// One person's cells for `table(width:)`.
    func cells(_ person: PersonSummary, today: Day, width: Int) -> [String] {
        let silent = person.daysSinceMentioned(asOf: today)
        let when = showCold ? "\(silent) day\(silent == 1 ? "" : "s")" : person.lastMet.iso
        // As written since the read: a follow-up marked on their page no longer counts.
        let count = content.map { content in person.openFollowUps.filter { content.current($0).isOpen }.count }
            ?? person.openFollowUps.count
        let open = count == 0 ? "" : String(count)
        // Marked for `M`: a star before the name, the other names moved over to stay aligned.
        let name = marked.isEmpty ? person.name : (marked.contains(person.key) ? "* " : "  ") + person.name
        return width >= 64
            ? [name, String(person.met), when, person.level ?? "", person.relation ?? "", open]
            : [name, String(person.met), when, open]
    }

    public func view(width: Int, height: Int) -> Frame {
        let keys: KeyMap<PeopleAction>
        switch screen {
        case .list: keys = PeopleKeys.list
        case .person: keys = PeopleKeys.person
        }
        return ScreenChrome.frame(width: width, height: height, keys: keys, showHelp: showHelp,
                                  message: search == nil && !editor.isAsking && namePrompt == nil ? .status(status) : nil,
                                  drawBody: { buffer, body in
            switch screen {
            case .list: drawList(into: &buffer, area: body)
            case .person(let page): drawPerson(page, into: &buffer, area: body)
            }
        }, drawStatus: { buffer, row, width in
            drawStatus(into: &buffer, row: row, width: width)
        })
    }

    private func titleBar(_ text: String, into buffer: inout ScreenBuffer, row: Int, width: Int) {
        let title = "Debrief · people · " + text + (reading ? " · reading…" : "")
        ScreenChrome.drawTitle(title, into: &buffer, row: row, width: width)
    }

    private func drawList(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        var title = showCold ? "cold (\(coldDays)+ days unmentioned)" : "everyone"
        if content != nil { title += " · \(visible.count)" }
        titleBar(title, into: &buffer, row: area.row, width: area.width)
        let rest = area.inset(top: 1)
        guard rest.height > 0 else { return }
        let table = table(width: rest.width)
        buffer.put(table.format(table.columns.map(\.title), totalWidth: rest.width), row: rest.row, col: 0,
                   style: Style.role(.muted).bolded())
        var rowsArea = rest.inset(top: 1)
        // A merge being asked for lists what it will do under the list, which gives way.
        let panel = namePrompt?.mergePanel(width: rowsArea.width - 1, height: rowsArea.height - 2) ?? []
        if !panel.isEmpty {
            let top = rowsArea.bottom - panel.count
            buffer.put(String(repeating: "─", count: rowsArea.width), row: top - 1, col: 0, style: .role(.muted))
            for (i, line) in panel.enumerated() {
                // The heading and what will happen in bold; the people listed (indented) plain.
                buffer.put(line, row: top + i, col: 1, style: line.hasPrefix("  ") ? .plain : Style().bolded())
            }
            rowsArea = Rect(row: rowsArea.row, col: rowsArea.col, width: rowsArea.width, height: rowsArea.height - panel.count - 1)
        }
        guard content != nil else {
            buffer.put("Reading the journal…", row: rowsArea.row, col: 1, style: .role(.muted), maxWidth: rowsArea.width - 1)
            return
        }
        if visible.isEmpty {
            let message: String
            if !query.isEmpty {
                message = "Nobody named like “\(query)”; Esc shows everyone."
            } else if showCold {
                message = "Nobody you know has gone unmentioned for \(coldDays) days or more."
            } else {
                message = "No people in the journal yet; name them under “people” in a reflection."
            }
            buffer.put(message, row: rowsArea.row, col: 1, style: .role(.muted), maxWidth: rowsArea.width - 1)
            return
        }
        let today = clock.today
        var state = list
        state.scrollToSelection(height: rowsArea.height)
        for (line, position) in state.visibleRange(height: rowsArea.height).enumerated() {
            let text = table.format(cells(visible[position], today: today, width: rowsArea.width), totalWidth: rowsArea.width)
            let style = position == state.selected ? ScreenChrome.selectedStyle : .plain
            buffer.put(text.padded(toWidth: rowsArea.width), row: rowsArea.row + line, col: 0, style: style)
        }
    }

    private func drawPerson(_ page: PersonPage, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        titleBar(page.name, into: &buffer, row: area.row, width: area.width)
        let body = area.inset(top: 1)
        var state = page.list
        state.scrollToSelection(height: body.height)
        for (offset, index) in state.visibleRange(height: body.height).enumerated() {
            let line = page.lines[index]
            var style: Style
            switch line.kind {
            case .heading: style = Style.role(.accent).bolded()
            case .muted: style = .role(.muted)
            case .text, .entry: style = .plain
            case .followUp(_, let overdue): style = overdue ? Style.role(.danger).bolded() : .plain
            }
            if index == state.selected, line.entryID != nil { style = style.bolded().reversed() }
            let text = line.text.truncated(toWidth: body.width)
            buffer.put(style.reverse ? text.padded(toWidth: body.width) : text, row: body.row + offset, col: 0, style: style)
        }
    }

    /// The `/` prompt with the cursor, else the last message, else the name being looked for.
    private func drawStatus(into buffer: inout ScreenBuffer, row: Int, width: Int) -> Position? {
        if editor.isAsking { return editor.drawPrompt(into: &buffer, row: row, width: width) }
        if let prompt = namePrompt { return prompt.line.draw(into: &buffer, row: row, width: width) }
        if let search {
            let end = buffer.put("/" + search.text, row: row, col: 0, style: Style().bolded(), maxWidth: width)
            if end + 3 < width {
                buffer.put("Enter keeps, Esc clears", row: row, col: end + 2, style: .role(.muted), maxWidth: width - end - 2)
            }
            return Position(row: row, col: min(end, width - 1))
        }
        if !query.isEmpty, screen == .list {
            buffer.put("Names like “\(query)” (Esc shows everyone)", row: row, col: 0, style: .role(.muted), maxWidth: width)
        }
        return nil
    }
}
