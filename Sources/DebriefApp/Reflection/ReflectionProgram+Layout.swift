import DebriefCore
import DebriefUI

/// Where the parts of a prompt screen go. Computed from the state and the size alone, so the
/// update (which tells the widget its size) and the view (which draws) agree.
struct PromptLayout: Equatable {
    var area: Rect
    var question: [String]
    var hint: [String]
    /// Where the answer widget is drawn.
    var input: Rect
    /// The message, wrapped whole: never cut.
    var status: [String]
    /// The status lines and the help bar under them.
    var footer: Rect
}

extension ReflectionProgram {
    /// The smallest screen the flow can be drawn on.
    static let minimumWidth = 40
    static let minimumHeight = 12

    /// The column the content uses: the whole width less a margin, capped so lines stay readable
    /// on very wide terminals.
    static func content(width: Int, height: Int) -> Rect {
        let w = min(width - 4, 100)
        return Rect(row: 0, col: (width - w) / 2, width: max(1, w), height: height)
    }

    /// The status wrapped to the content width; a message is never cut.
    func statusLines(width: Int) -> [String] {
        guard let status else { return [] }
        return wrap(status.text, width: max(1, width))
    }

    /// Rows the answer widget needs at least: a line, its rule and its feedback (and the accepted
    /// date forms under a date); for a list, its form and up to five of its rows (the hint's
    /// lines give way first).
    var minimumInputHeight: Int {
        if case .rows(let rows) = field { return rows.columns.count + 3 + min(max(1, rows.rows.count), 5) }
        return prompt.type == .datetime ? 4 : 3
    }

    /// The prompt screen at this size: header (two rows and a blank), the question and hint (up
    /// to three lines each), the widget, then the whole message and the help bar. When room is
    /// short the hint's last lines go first, then question lines beyond the first.
    func promptLayout(width: Int, height: Int) -> PromptLayout {
        let area = Self.content(width: width, height: height)
        let status = statusLines(width: area.width)
        let footerHeight = min(status.count + 1, max(1, area.height - 5))
        let footer = Rect(row: area.bottom - footerHeight, col: area.col, width: area.width, height: footerHeight)
        var question = Array(wrap(prompt.question + (prompt.required ? " (required)" : ""), width: area.width).prefix(3))
        var hint = Array(wrap(prompt.hint, width: area.width).prefix(3))
        let top = area.row + 3
        func inputHeight() -> Int { footer.row - 1 - (top + question.count + hint.count + 1) }
        let fullHint = hint.count
        while inputHeight() < minimumInputHeight, !hint.isEmpty { hint.removeLast() }
        while inputHeight() < minimumInputHeight, question.count > 1 { question.removeLast() }
        // A hint cut short says so.
        if hint.count < fullHint, let last = hint.indices.last {
            hint[last] = (hint[last] + "…").truncated(toWidth: area.width)
        }
        let inputTop = top + question.count + hint.count + 1
        let input = Rect(row: inputTop, col: area.col + 2, width: max(1, area.width - 2), height: max(1, footer.row - 1 - inputTop))
        return PromptLayout(area: area, question: question, hint: hint, input: input, status: status, footer: footer)
    }
}
