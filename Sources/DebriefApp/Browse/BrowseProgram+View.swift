import DebriefCore
import DebriefUI

/// Drawing: the list or the entry inside the shared ``ScreenChrome``, with a status line that
/// doubles as the search, filter and confirmation prompt.
extension BrowseProgram {
    public func view(width: Int, height: Int) -> Frame {
        let keys: KeyMap<BrowseAction>
        switch screen {
        case .list: keys = BrowseKeys.list
        case .detail: keys = BrowseKeys.detail
        }
        return ScreenChrome.frame(width: width, height: height, keys: keys, showHelp: showHelp, message: message, drawBody: { buffer, body in
            switch screen {
            case .list: drawList(into: &buffer, area: body)
            case .detail(let state): drawDetail(state, into: &buffer, area: body)
            }
        }, drawStatus: { buffer, row, width in
            drawStatus(into: &buffer, row: row, width: width)
        })
    }

    private func drawList(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        let all = entries.count + pending.count
        let total = (all == 1 ? "1 entry" : "\(all) entries") + (pending.isEmpty ? "" : " (reading \(entries.count)…)")
        let count = filter.isEmpty ? total : "\(visible.count) of \(total)"
        ScreenChrome.drawTitle("Debrief · browse · " + count, into: &buffer, row: area.row, width: area.width)
        var rest = area.inset(top: 1)
        if !filter.isEmpty, rest.height > 0 {
            buffer.put(("Filter: " + filter.text + "   (x clears)").truncated(toWidth: area.width), row: rest.row, col: 0,
                       style: Style.role(.warning).bolded())
            rest = rest.inset(top: 1)
        }
        guard rest.height > 0 else { return }
        buffer.put(BrowseRow.headerLine(width: area.width), row: rest.row, col: 0, style: Style.role(.muted).bolded())
        let rowsArea = rest.inset(top: 1)
        if entries.isEmpty {
            buffer.put("The journal is empty. Write a reflection with `debrief new`.", row: rowsArea.row, col: 1, style: .role(.muted))
            return
        }
        if visible.isEmpty {
            buffer.put("No entry matches the filter; x clears it.", row: rowsArea.row, col: 1, style: .role(.muted))
            return
        }
        var state = list
        state.scrollToSelection(height: rowsArea.height)
        for (line, position) in state.visibleRange(height: rowsArea.height).enumerated() {
            let row = rows[visible[position]]
            let selected = position == state.selected
            let text = row.line(width: area.width)
            let style = selected ? ScreenChrome.selectedStyle : Style.plain
            buffer.put(text, row: rowsArea.row + line, col: 0, style: style)
            highlightMatches(in: text, row: rowsArea.row + line, area: rowsArea, base: style, into: &buffer)
        }
    }

    /// Underlines the words the committed search matches in a drawn line (list row or detail line).
    private func highlightMatches(in text: String, row y: Int, area: Rect, base: Style, into buffer: inout ScreenBuffer) {
        guard !query.folded.isEmpty else { return }
        for hit in SearchMatch.highlights(in: text, query: query) {
            var highlight = ScreenChrome.matchStyle
            if base.reverse { highlight = highlight.reversed() }
            buffer.setStyle(Rect(row: y, col: hit.col, width: hit.width, height: 1).intersection(area), style: highlight)
        }
    }

    private func drawDetail(_ state: DetailState, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, let i = index(of: state.id) else { return }
        let entry = entries[i]
        ScreenChrome.drawTitle(entry.displayTitle, into: &buffer, row: area.row, width: area.width)
        let lines = detailLines(for: entry, width: buffer.width)
        let body = area.inset(top: 1)
        let scroll = min(state.scroll, max(0, lines.count - body.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            let y = body.row + offset
            let style: Style
            switch line.kind {
            case .heading: style = Style.role(.accent).bolded()
            case .label: style = Style().bolded()
            case .tableHeader: style = Style.role(.muted).underlined()
            case .followUp(let n): style = n == state.followUp ? ScreenChrome.selectedStyle : .plain
            case .text: style = .plain
            }
            buffer.put(line.text, row: y, col: 0, style: style, maxWidth: body.width)
            highlightMatches(in: line.text, row: y, area: body, base: style, into: &buffer)
        }
        if lines.count > body.height, body.width > 8 {
            let position = "\(min(100, (scroll + body.height) * 100 / max(1, lines.count)))%"
            buffer.put(position, row: area.row, col: area.width - position.count - 1, style: ScreenChrome.titleStyle)
        }
    }

    /// The last message or a refused edit's explanation, wrapped whole by the chrome when long;
    /// nil while a prompt has the status line.
    private var message: ScreenChrome.Message? {
        switch prompt {
        case .invalidEdit(_, let problem)?:
            return ScreenChrome.Message(text: "e edit again · r restore the previous version — the edited file does not read: \(problem)",
                                        style: Style.role(.danger).bolded().reversed())
        case nil: return editor.isAsking ? nil : .status(status)
        default: return nil
        }
    }

    /// The status line: an open prompt (with the cursor), else the search hint, else the warning
    /// about files that could not be read, shown from the first frame.
    private func drawStatus(into buffer: inout ScreenBuffer, row: Int, width: Int) -> Position? {
        if editor.isAsking { return editor.drawPrompt(into: &buffer, row: row, width: width) }
        switch prompt {
        case .search(let editor, _)?:
            let end = buffer.put("/" + editor.text, row: row, col: 0, style: Style().bolded(), maxWidth: width)
            if let status, end + 3 < width {
                buffer.put(status, row: row, col: end + 2, style: .role(.danger), maxWidth: width - end - 2)
            }
            return Position(row: row, col: min(end, width - 1))
        case .filter(let editor, let error)?:
            let end = buffer.put("Filter: " + editor.text, row: row, col: 0, style: Style().bolded(), maxWidth: width)
            let hint = error ?? "person: tag: kind: pitfall: since: until:  Enter applies, Esc cancels"
            if end + 3 < width {
                buffer.put(hint, row: row, col: end + 2, style: .role(error == nil ? .muted : .danger), maxWidth: width - end - 2)
            }
            return Position(row: row, col: min(end, width - 1))
        case .confirmDelete(let id)?:
            let title = index(of: id).map { entries[$0].title } ?? id
            buffer.put("Move “\(title)” to trash? y/n", row: row, col: 0, style: Style.role(.danger).bolded(), maxWidth: width)
        case .invalidEdit?:
            break
        case nil:
            if !query.isEmpty {
                buffer.put("/\(query)  (n/N next/previous)", row: row, col: 0, style: .role(.muted), maxWidth: width)
            } else if let warning = UnreadFiles.warning(problems) {
                buffer.put(warning, row: row, col: 0, style: .role(.warning), maxWidth: width)
            }
        }
        return nil
    }
}
