import DebriefCore
import DebriefUI

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
        var cursor: Position?
        switch mode {
        case .resumeOffer, .finished:
            program.drawResumeOffer(into: &buffer)
        case .prompting:
            cursor = program.drawPrompt(into: &buffer)
        case .summary:
            program.drawSummary(into: &buffer)
        case .confirmLeave:
            if modeBeforeLeave == .summary { program.drawSummary(into: &buffer) } else { _ = program.drawPrompt(into: &buffer) }
        }
        if mode == .confirmLeave {
            drawLeaveDialog(into: &buffer)
            cursor = nil
        }
        if showsHelp {
            helpKeys.renderHelpOverlay(into: &buffer, area: buffer.area.inset(by: 1), title: "Keys")
            cursor = nil
        }
        return Frame(buffer: buffer, cursor: cursor)
    }

    /// The key map in force, for the help bar and overlay.
    var helpKeys: KeyMap<ReflectionAction> {
        if mode == .summary || (mode == .confirmLeave && modeBeforeLeave == .summary) { return Self.summaryKeys }
        let f = field
        var isRows = false
        if case .rows = f { isRows = true }
        return Self.promptKeys(textInput: f.focusedEditor != nil, multiline: prompt.type == .text, rows: isRows)
    }

    // MARK: - Header and footer

    private func drawHeader(into buffer: inout ScreenBuffer, area: Rect, right: String, fraction: Double) {
        let heading = setup.editing == nil ? "Debrief · new reflection" : "Debrief · editing “\(setup.editing?.title ?? "")”"
        let rightWidth = right.displayWidth
        buffer.put(heading.truncated(toWidth: max(0, area.width - rightWidth - 2)), row: area.row, col: area.col,
                   style: Style.role(.accent).bolded())
        buffer.put(right, row: area.row, col: area.right - rightWidth, style: .role(.muted))
        ProgressBar(fraction: fraction).render(into: &buffer, rect: Rect(row: area.row + 1, col: area.col, width: area.width, height: 1))
    }

    /// The message, whole and wrapped, above the help bar at the bottom of `area`.
    private func drawFooter(into buffer: inout ScreenBuffer, area: Rect) {
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

    // MARK: - Prompt

    /// Draws the prompt in focus and returns where the cursor goes.
    private func drawPrompt(into buffer: inout ScreenBuffer) -> Position? {
        let layout = promptLayout(width: buffer.width, height: buffer.height)
        let area = layout.area
        let section = setup.catalog.section(of: prompt.id)
        let inSection = section?.prompts.firstIndex { $0.id == prompt.id } ?? 0
        let progress = "\(section?.title ?? "") · \(inSection + 1) of \(section?.prompts.count ?? 1)"
        drawHeader(into: &buffer, area: area, right: progress, fraction: Double(index) / Double(max(1, prompts.count)))
        drawFooter(into: &buffer, area: layout.footer)
        var row = area.row + 3
        for line in layout.question {
            buffer.put(line, row: row, col: area.col, style: Style.plain.bolded())
            row += 1
        }
        for line in layout.hint {
            buffer.put(line, row: row, col: area.col, style: .role(.muted))
            row += 1
        }
        return AnswerFieldView.draw(field, prompt: prompt, clock: setup.clock, into: &buffer, rect: layout.input)
    }

    // MARK: - Summary

    /// How the event's week stands so far on the habit pitfalls, once the journal has been read:
    /// said for the week, never marked on this reflection ("This week so far: all 3 people you met
    /// this week were senior or executive").
    func weekSoFarLines(_ detector: Detector, _ entry: Entry, width: Int) -> [(text: String, style: Style)] {
        guard let journal else { return [] }
        let today = setup.clock.today
        let flags = detector.weekSoFar(with: entry, among: journal, today: today).flags
        guard !flags.isEmpty else { return [] }
        let current = ISOWeek(containing: entry.eventTime.day) == ISOWeek(containing: today)
        var lines: [(text: String, style: Style)] = [("", .plain)]
        lines.append((current ? "This week so far, over all its reflections" : "That week, over all its reflections",
                      Style.role(.warning).bolded()))
        for flag in flags {
            let pitfall = setup.catalog.pitfall(flag.pitfallID)
            lines.append(("• " + (pitfall?.title ?? flag.pitfallID), Style.plain.bolded()))
            for l in wrap(flag.reasons.joined(separator: "; "), width: width - 4) { lines.append(("    " + l, .role(.muted))) }
            if let instead = pitfall?.instead, !instead.isEmpty {
                for (n, l) in wrap("Instead: " + instead, width: width - 4).enumerated() {
                    lines.append(((n == 0 ? "  " : "    ") + l, .plain))
                }
            }
        }
        return lines
    }


    /// One summary row per prompt, then the pitfalls with their advice.
    private func drawSummary(into buffer: inout ScreenBuffer) {
        let area = Self.content(width: buffer.width, height: buffer.height)
        drawHeader(into: &buffer, area: area, right: "Summary", fraction: 1)
        let footer = footerRect(area)
        drawFooter(into: &buffer, area: footer)
        var lines: [(text: String, style: Style)] = []
        let labelWidth = min(30, area.width / 2)
        var selectedLine = 0
        for (i, p) in prompts.enumerated() {
            let letter = i < Self.jumpLetters.count ? String(Self.jumpLetters[i]) : " "
            let label = p.question.truncated(toWidth: labelWidth - 1).padded(toWidth: labelWidth)
            let value = answers[p.id].map { Self.summaryText($0, type: p.type) } ?? "—"
            let selected = i == summarySelection
            if selected { selectedLine = lines.count }
            lines.append(("\(letter)  \(label)\(value)", selected ? Style.role(.highlight).reversed().bolded() : .plain))
        }
        lines.append(("", .plain))
        let detector = Detector(catalog: setup.catalog)
        let entry = self.entry
        let flags = detector.flags(for: entry, asOf: setup.clock.today)
        if flags.isEmpty {
            lines.append(("No networking pitfalls show in this reflection. Nicely done.", .role(.success)))
        } else {
            lines.append(("Pitfalls this reflection shows", Style.role(.warning).bolded()))
            for flag in flags {
                let pitfall = setup.catalog.pitfall(flag.pitfallID)
                lines.append(("• " + (pitfall?.title ?? flag.pitfallID), Style.plain.bolded()))
                for reason in flag.reasons {
                    for l in wrap(reason, width: area.width - 4) { lines.append(("    " + l, .role(.muted))) }
                }
                if let instead = pitfall?.instead, !instead.isEmpty {
                    for (n, l) in wrap("Instead: " + instead, width: area.width - 4).enumerated() {
                        lines.append(((n == 0 ? "  " : "    ") + l, .plain))
                    }
                }
            }
        }
        lines += weekSoFarLines(detector, entry, width: area.width)
        let list = Rect(row: area.row + 3, col: area.col, width: area.width, height: max(1, footer.row - area.row - 4))
        var offset = 0
        if summarySelection >= prompts.count {
            offset = max(0, lines.count - list.height)
        } else if selectedLine >= list.height {
            offset = selectedLine - list.height + 1
        }
        for (i, line) in lines.dropFirst(offset).prefix(list.height).enumerated() {
            let text = line.text.truncated(toWidth: list.width)
            buffer.put(text, row: list.row + i, col: list.col, style: line.style)
        }
    }

    /// An answer on one summary line.
    static func summaryText(_ answer: Answer, type: PromptType) -> String {
        switch answer {
        case .people(let people): return people.map(AnswerText.person).joined(separator: "; ")
        case .followUps(let items): return items.map(AnswerText.followUp).joined(separator: "; ")
        case .text(let text): return text.replacingOccurrences(of: "\n", with: " ⏎ ")
        default: return AnswerText.inline(answer, type: type)
        }
    }

    // MARK: - Dialogs

    private func drawResumeOffer(into buffer: inout ScreenBuffer) {
        guard let draft = setup.resumable else { return }
        let title = draft.title.isEmpty ? "an untitled event" : "“\(draft.title)”"
        let text = "Resume the unfinished reflection on \(title) from \(draft.savedAt.display)?"
        let lines: [String]
        if setup.editing == nil {
            lines = [text, "",
                     "r  resume where you left off",
                     "d  discard it and start a new one",
                     "n  keep it and start a new one"]
        } else if resumableIsStale {
            lines = [text, "",
                     "The entry changed after this draft was written. Saving the draft puts it over those changes.", "",
                     "r    resume anyway",
                     "d    discard it, edit the entry",
                     "Esc  decide later (keeps it)"]
        } else {
            lines = [text, "",
                     "r    resume where you left off",
                     "d    discard it, edit the entry",
                     "Esc  decide later (keeps it)"]
        }
        drawDialog(into: &buffer, title: "Unfinished reflection", lines: lines)
    }

    private func drawLeaveDialog(into buffer: inout ScreenBuffer) {
        drawDialog(into: &buffer, title: "Leave?", lines: [
            "Your answers so far can wait in a draft.", "",
            "s  save the draft and quit",
            "d  discard this reflection and quit",
            "g  go on answering"])
    }

    private func drawDialog(into buffer: inout ScreenBuffer, title: String, lines: [String]) {
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
