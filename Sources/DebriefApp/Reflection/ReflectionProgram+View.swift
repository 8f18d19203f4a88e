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
        case .chooseFlow:
            program.drawFlowChoice(into: &buffer)
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
        if mode == .chooseFlow { return Self.flowChoiceKeys }
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
        let progress = self.progress
        drawHeader(into: &buffer, area: area, right: progress.text, fraction: progress.fraction)
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


    /// The summary at this size: what the save drops or keeps, one row per prompt asked (short
    /// catalog labels), the pitfalls (titles and reasons always shown, the advice when there is
    /// room), and the Save row. The answers scroll; the pitfalls and Save stay in view.
    private func drawSummary(into buffer: inout ScreenBuffer) {
        let area = Self.content(width: buffer.width, height: buffer.height)
        drawHeader(into: &buffer, area: area, right: "Summary", fraction: 1)
        let footer = footerRect(area)
        drawFooter(into: &buffer, area: footer)
        let top = area.row + 3
        let saveRow = footer.row - 1
        var notice: [(text: String, style: Style)] = []
        let hidden = hiddenAnswers
        if !hidden.dropped.isEmpty {
            let names = hidden.dropped.map { $0.shortLabel }.joined(separator: ", ")
            for l in wrap("Not saved, no longer asked: \(names).", width: area.width) { notice.append((l, Style.role(.warning).bolded())) }
        }
        if !hidden.kept.isEmpty {
            let names = hidden.kept.map { $0.shortLabel }.joined(separator: ", ")
            for l in wrap("Kept as the file has them, not asked now: \(names).", width: area.width) { notice.append((l, .role(.muted))) }
        }
        let room = max(0, saveRow - 1 - top)
        // The pitfalls' titles and reasons always show; their advice only while five answer rows
        // still fit above them.
        let pitfalls = pitfallLines(width: area.width, room: max(2, room - notice.count - 6))
        var row = top
        for line in notice.prefix(max(0, room - pitfalls.count - 1)) {
            buffer.put(line.text, row: row, col: area.col, style: line.style, maxWidth: area.width)
            row += 1
        }
        let listHeight = max(1, saveRow - 1 - pitfalls.count - (pitfalls.isEmpty ? 0 : 1) - row)
        drawSummaryRows(into: &buffer, rect: Rect(row: row, col: area.col, width: area.width, height: listHeight))
        row += listHeight + 1
        for line in pitfalls where row < saveRow {
            buffer.put(line.text, row: row, col: area.col, style: line.style, maxWidth: area.width)
            row += 1
        }
        let onSave = summarySelection >= summarySaveRow
        let save = onSave ? "▸ Save this reflection (Enter)" : "  Save this reflection (Ctrl-S)"
        buffer.put(save, row: saveRow, col: area.col, style: onSave ? AnswerFieldView.selected : Style.plain.bolded(), maxWidth: area.width)
    }

    /// The answer rows, scrolled so the selected one shows.
    private func drawSummaryRows(into buffer: inout ScreenBuffer, rect: Rect) {
        let rows = summaryPrompts
        let labelWidth = min((rows.map { $0.shortLabel.displayWidth }.max() ?? 0) + 2, max(8, rect.width / 3))
        // On Save the list shows from the top; on a row, scrolled the least that shows it.
        let offset = summarySelection < rows.count ? max(0, summarySelection - rect.height + 1) : 0
        // What the save writes, defaults included (a date never shown is saved as now).
        let saved = entry
        for (i, p) in rows.enumerated().dropFirst(offset).prefix(rect.height) {
            let label = p.shortLabel.truncated(toWidth: labelWidth - 2).padded(toWidth: labelWidth)
            let value = saved[p.id].map { Self.summaryText($0, type: p.type) } ?? "—"
            let isSelected = i == summarySelection
            let text = (isSelected ? "▸ " : "  ") + label + value
            buffer.put(text.truncated(toWidth: rect.width), row: rect.row + i - offset, col: rect.col,
                       style: isSelected ? AnswerFieldView.selected : (saved[p.id] == nil ? .role(.muted) : .plain))
        }
    }

    /// The pitfalls the reflection shows, each title with its reasons; the advice is added under
    /// each while the lines fit in `room`; then what a shorter flow could not judge, and the week
    /// so far when there is room.
    private func pitfallLines(width: Int, room: Int) -> [(text: String, style: Style)] {
        typealias Line = (text: String, style: Style)
        let detector = Detector(catalog: setup.catalog)
        let entry = self.entry
        let judgement = detector.judge(entry, asOf: setup.clock.today)
        var flags: [(head: [Line], advice: [Line])] = []
        for flag in judgement.flags {
            let pitfall = setup.catalog.pitfall(flag.pitfallID)
            let head = wrap("• " + (pitfall?.title ?? flag.pitfallID) + ": " + flag.reasons.joined(separator: "; "), width: width - 2)
                .enumerated().map { (($0.offset == 0 ? "" : "  ") + $0.element, Style.plain.bolded()) }
            let advice = (pitfall?.instead).map { wrap("Instead: " + $0, width: width - 2).map { ("  " + $0, Style.plain) } } ?? []
            flags.append((head, advice))
        }
        // A pitfall judged in part (a quick reflection's low talk share, with no answer about a
        // favour) is said apart, as the review does: it was not left unjudged, nor fully cleared.
        var unjudged: [Line] = []
        if !judgement.unjudged.isEmpty, flow != nil {
            func names(inPart: Bool) -> String {
                judgement.unjudged.filter { $0.inPart == inPart }
                    .compactMap { setup.catalog.pitfall($0.pitfallID)?.title.lowercased() }.joined(separator: "; ")
            }
            let sentences = [
                (names(inPart: false), "Not judged, this flow does not ask about it: "),
                (names(inPart: true), "Judged only in part, from what this flow asks: "),
            ].filter { !$0.0.isEmpty }.map { $0.1 + $0.0 + "." }
            unjudged = wrap(sentences.joined(separator: " "), width: width).map { ($0, .role(.muted)) }
        }
        let clean = unjudged.isEmpty ? "No networking pitfalls show in this reflection. Nicely done."
            : "No networking pitfalls show in what this reflection asked."
        let heading: Line = flags.isEmpty ? (clean, .role(.success)) : ("Pitfalls this reflection shows", Style.role(.warning).bolded())
        var lines: [Line] = wrap(heading.text, width: width).map { ($0, heading.style) }
        var budget = room - lines.count - flags.reduce(0) { $0 + $1.head.count } - unjudged.count
        for flag in flags {
            lines += flag.head
            if flag.advice.count <= budget {
                lines += flag.advice
                budget -= flag.advice.count
            }
        }
        lines += unjudged
        let week = weekSoFarLines(detector, entry, width: width)
        if lines.count + week.count <= room { lines += week }
        return lines
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

    /// The choice at the start: the whole reflection or a shorter flow, the remembered one selected.
    private func drawFlowChoice(into buffer: inout ScreenBuffer) {
        let options = flowOptions
        var lines: [String] = [setup.editing == nil ? "How much do you want to answer?" : "This is a \(setup.catalog.flow(flow ?? "")?.title.lowercased() ?? "short reflection").", ""]
        // Hanging indent under the title, at the width the dialog wraps to.
        let textWidth = min(buffer.width - 4, 64) - 4
        for (i, option) in options.enumerated() {
            let wrapped = wrap("\(option.title): \(option.detail)", width: max(1, textWidth - 5))
            for (n, line) in wrapped.enumerated() {
                lines.append(n == 0 ? "\(i == flowSelection ? "▸" : " ") \(option.letter)  \(line)" : "     " + line)
            }
        }
        lines += ["", "Enter starts the selected one; a letter picks."]
        drawDialog(into: &buffer, title: setup.editing == nil ? "New reflection" : "Edit", lines: lines)
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
