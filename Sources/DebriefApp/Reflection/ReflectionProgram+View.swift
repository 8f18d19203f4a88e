import DebriefCore
import DebriefUI

/// The frame every part of the reflection shares: the size check, the header with its progress
/// bar, the message and help bar at the bottom, dialogs and the `?` overlay; each phase draws
/// its own body (see its file). Drawing reads the state only: what a frame shows that needs
/// working out (the summary's verdicts) was worked out in `update`.
extension ReflectionProgram {
    /// The width text answers wrap at; key handling uses the same value as drawing.
    var inputWidth: Int { promptLayout(width: width, height: height).input.width }

    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let lines = wrap("Debrief needs at least \(Self.minimumWidth)×\(Self.minimumHeight) to draw this screen; please enlarge the terminal. Your answers are safe.", width: max(1, width - 2))
            for (i, line) in lines.prefix(height).enumerated() { buffer.put(line, row: i, col: 1) }
            return Frame(buffer: buffer)
        }
        var program = self
        program.width = width
        program.height = height
        var cursor = program.draw(phase, into: &buffer)
        if showsHelp {
            helpKeys.renderHelpOverlay(into: &buffer, area: buffer.area.inset(by: 1), title: "Keys")
            cursor = nil
        }
        return Frame(buffer: buffer, cursor: cursor)
    }

    /// Draws what `phase` shows and returns where the cursor goes.
    private func draw(_ phase: Phase, into buffer: inout ScreenBuffer) -> Position? {
        switch phase {
        case .resuming, .finished:
            drawResumeOffer(into: &buffer)
        case .choosingFlow(let selection):
            drawFlowChoice(into: &buffer, selection: selection)
        case .prompting:
            return drawPrompt(into: &buffer)
        case .summary(let summary):
            drawSummary(summary, into: &buffer)
        case .leaving(let from):
            _ = draw(from, into: &buffer)
            drawLeaveDialog(into: &buffer)
        }
        return nil
    }

    /// The key map in force, for the help bar and overlay.
    var helpKeys: KeyMap<ReflectionAction> {
        switch phase {
        case .summary, .leaving(from: .summary): return Self.summaryKeys
        case .choosingFlow: return Self.flowChoiceKeys
        case .resuming: return resumeKeys
        default: break
        }
        let f = field
        var isRows = false
        if case .rows = f { isRows = true }
        return Self.promptKeys(textInput: f.focusedEditor != nil, multiline: prompt.type == .text, rows: isRows,
                               offerReplaced: f.replacedOffer)
    }

    // MARK: - Header and footer

    func drawHeader(into buffer: inout ScreenBuffer, area: Rect, right: String, fraction: Double) {
        let heading = setup.editing == nil ? "Debrief · new reflection" : "Debrief · editing “\(setup.editing?.title ?? "")”"
        let rightWidth = right.displayWidth
        buffer.put(heading.truncated(toWidth: max(0, area.width - rightWidth - 2)), row: area.row, col: area.col,
                   style: Style.role(.accent).bolded())
        buffer.put(right, row: area.row, col: area.right - rightWidth, style: .role(.muted))
        ProgressBar(fraction: fraction).render(into: &buffer, rect: Rect(row: area.row + 1, col: area.col, width: area.width, height: 1))
    }

    /// The message, whole and wrapped, above the help bar at the bottom of `area`.
    func drawFooter(into buffer: inout ScreenBuffer, area: Rect) {
        let lines = statusLines(width: area.width)
        let shown = lines.suffix(max(0, area.height - 1))
        if let status {
            for (i, line) in shown.enumerated() {
                buffer.put(line, row: area.bottom - 1 - shown.count + i, col: area.col, style: Style.role(status.role).bolded())
            }
        }
        buffer.put(helpKeys.helpBar(width: area.width), row: area.bottom - 1, col: area.col, style: .role(.muted))
    }

    /// The footer of a screen whose message is as long as `statusLines` says.
    func footerRect(_ area: Rect) -> Rect {
        let height = min(statusLines(width: area.width).count + 1, max(1, area.height - 5))
        return Rect(row: area.bottom - height, col: area.col, width: area.width, height: height)
    }

    // MARK: - Dialogs

    /// A box in the middle of the screen, its lines wrapped to it.
    func drawDialog(into buffer: inout ScreenBuffer, title: String, lines: [String]) {
        let width = min(buffer.width - 4, 64)
        var wrapped = lines.flatMap { $0.isEmpty ? [""] : wrap($0, width: width - 4) }
        // On a small screen the spacing goes first, so the keys at the bottom stay visible.
        if wrapped.count + 2 > buffer.height { wrapped.removeAll { $0.isEmpty } }
        let box = buffer.area.centered(width: width, height: wrapped.count + 2)
        let inner = Box(title: title, titleStyle: Style.role(.accent).bolded()).render(into: &buffer, rect: box, clear: true)
        for (i, line) in wrapped.prefix(inner.height).enumerated() {
            buffer.put(line, row: inner.row + i, col: inner.col + 1, maxWidth: inner.width - 2)
        }
    }
}
