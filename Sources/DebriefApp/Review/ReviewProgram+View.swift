import DebriefCore
import DebriefUI

/// Drawing: a title bar with the week, the review's lines from `scroll` between margins, a status
/// line and the help bar; its own layout (the status line leaves the title row alone on tiny
/// screens), with the styles, help bar and overlay from ``ScreenChrome``.
extension ReviewProgram {
    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        // The runtime reports a new size before drawing at it, so the kept lines fit.
        let lines = width == self.width ? self.lines : Self.lines(of: review, width: width, unicode: unicode)
        let body = Rect(row: 1, col: 1, width: max(0, width - 2), height: max(0, height - 3))
        let scroll = max(0, min(self.scroll, lines.count - body.height))
        let title = " " + ReviewText.title(week, unicode: unicode)
        buffer.put(title.fitted(toWidth: width), row: 0, col: 0, style: ScreenChrome.titleStyle)
        // How far down the review is, where it does not cover the week.
        let position = "\(min(100, (scroll + body.height) * 100 / max(1, lines.count)))% "
        if lines.count > body.height, title.displayWidth + 1 + position.count <= width {
            buffer.put(position, row: 0, col: width - position.count, style: ScreenChrome.titleStyle)
        }
        if review == nil {
            let text = reading.map { ReadProgressLine.text(done: $0.done, total: $0.total, width: body.width, ascii: !unicode) }
            buffer.put(text ?? "Reading the journal…", row: body.row, col: body.col, style: .role(.muted), maxWidth: body.width)
        }
        let selectedRows = width == self.width ? selectedItem?.rows : nil
        for (offset, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            // The selected reason or follow-up in reverse video across the row, so it shows
            // without colour.
            let isSelected = selectedRows?.contains(scroll + offset) ?? false
            if isSelected {
                buffer.fill(Rect(row: body.row + offset, col: 0, width: width, height: 1), style: ScreenChrome.selectedStyle)
            }
            var col = body.col
            for span in line.spans {
                let style = isSelected ? ScreenChrome.selectedStyle : Self.style(span)
                col = buffer.put(span.text, row: body.row + offset, col: col, style: style, maxWidth: body.right - col)
            }
        }
        var cursor: Position?
        if height >= 3 {
            // While `s` or `D` asks for a day the prompt has the status line.
            cursor = editor.drawPrompt(into: &buffer, row: height - 2, width: width)
            if cursor == nil { drawStatus(into: &buffer, row: height - 2, width: width) }
        }
        return ScreenChrome.finish(&buffer, keys: ReviewKeys.map, showHelp: showHelp,
                                   helpBarRow: height >= 2 ? height - 1 : nil, cursor: cursor)
    }

    /// The last message, else a warning about files the review had to leave out.
    private func drawStatus(into buffer: inout ScreenBuffer, row: Int, width: Int) {
        if let status {
            buffer.put(status, row: row, col: 0, style: Style.role(.warning).bolded(), maxWidth: width)
        } else if let warning = UnreadFiles.warning(problems, .leftOutOfReview) {
            buffer.put(warning, row: row, col: 0, style: .role(.warning), maxWidth: width)
        }
    }

    /// The review's lines wrapped to the screen less a column of margin on each side, measured
    /// by display width so wide characters wrap too; none while the journal is being read.
    static func lines(of review: WeeklyReview?, width: Int, unicode: Bool) -> [ReviewText.Line] {
        guard let review else { return [] }
        let options = ReviewText.Options(color: false, unicode: unicode, width: max(1, width - 2),
                                         measure: { $0.displayWidth })
        return ReviewText.lines(review, options: options)
    }

    /// The screen's style for a run of the review: tones map to colour roles, strong to bold.
    static func style(_ span: ReviewText.Span) -> Style {
        let role: ColorRole
        switch span.tone {
        case .plain: role = .normal
        case .heading: role = .accent
        case .muted: role = .muted
        case .good: role = .success
        case .warning: role = .warning
        case .bad: role = .danger
        }
        return Style.role(role).bolded(span.strong)
    }
}
