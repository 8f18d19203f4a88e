import DebriefCore
import DebriefUI

/// What the summary shows, worked out in `update` (never while drawing) and kept until what it
/// was worked out from changes: the prompts asked (its rows), the entry a save writes, the
/// pitfalls that entry shows, how the event's week stands on the habits, and the answers a save
/// drops or keeps. Judging builds an evaluator and filters the whole journal for the week, which
/// a frame must not pay for.
struct SummaryVerdicts: Sendable {
    /// What they were worked out from.
    var answers: [String: Answer]
    var flow: String?
    var now: Timestamp
    var journalCount: Int?

    /// The summary's rows: the prompts asked.
    var rows: [Prompt]
    /// What the save writes, defaults included (a date never shown is saved as now).
    var entry: Entry
    /// The pitfalls this reflection shows, and what its flow could not judge.
    var judgement: Judgement
    /// The habits over every reflection of the event's week (none before the journal is read).
    var weekSoFar: [PitfallFlag]
    /// Whether that week is this one.
    var weekIsCurrent: Bool
    /// Answers to prompts no longer asked: given in this session (dropped) or in the file (kept).
    var dropped: [Prompt]
    var kept: [Prompt]

    init(_ program: ReflectionProgram) {
        answers = program.answers
        flow = program.flow
        now = program.setup.clock.timestamp
        journalCount = program.journal?.count
        rows = program.askedPrompts
        let entry = program.entry
        self.entry = entry
        let today = program.setup.clock.today
        let detector = Detector(catalog: program.setup.catalog)
        judgement = detector.judge(entry, asOf: today)
        weekSoFar = program.journal.map { detector.weekSoFar(with: entry, among: $0, today: today).flags } ?? []
        weekIsCurrent = ISOWeek(containing: entry.eventTime.day) == ISOWeek(containing: today)
        (dropped, kept) = program.hiddenAnswers
    }

    /// Whether `program` has changed since these were worked out (an answer, the flow, the
    /// journal's arrival, or the time a save would stamp).
    func isCurrent(for program: ReflectionProgram) -> Bool {
        answers == program.answers && flow == program.flow && now == program.setup.clock.timestamp
            && journalCount == program.journal?.count
    }
}

/// The summary before saving: one row per prompt asked, the pitfalls the answers show, and a
/// Save row. Changing an answer is deliberate (move to its row, Enter); saving is Enter on Save,
/// where the summary opens, or Ctrl-S. Every key goes through ``summaryKeys``.
extension ReflectionProgram {
    /// The summary's state: the row selected (Save is the row after the answers) and its verdicts.
    struct Summary: Sendable {
        var selection: Int
        var verdicts: SummaryVerdicts
    }

    /// Shows the summary with the row of catalog prompt `i` selected, or Save when nil.
    mutating func openSummary(at i: Int?) {
        let verdicts = SummaryVerdicts(self)
        let rows = verdicts.rows
        let selection = i.flatMap { i in rows.firstIndex { $0.id == prompts[i].id } } ?? rows.count
        phase = .summary(Summary(selection: selection, verdicts: verdicts))
    }

    /// Works the summary's verdicts out again after an event that changed what they come from
    /// (the journal arriving, the clock moving on); called by `update` after every event.
    mutating func refreshSummary() {
        switch phase {
        case .summary(var summary) where !summary.verdicts.isCurrent(for: self):
            summary.verdicts = SummaryVerdicts(self)
            phase = .summary(summary)
        case .leaving(from: .summary(var summary)) where !summary.verdicts.isCurrent(for: self):
            summary.verdicts = SummaryVerdicts(self)
            phase = .leaving(from: .summary(summary))
        default:
            break
        }
    }

    mutating func summaryKey(_ key: Key, _ summary: Summary) -> [Command<Message>] {
        var summary = summary
        let rows = summary.verdicts.rows
        switch Self.summaryKeys.action(for: key) {
        case .save?: return save()
        case .leave?: return askToLeave()
        case .help?: showsHelp = true
        case .select?:
            summary.selection = key == .up ? max(0, min(summary.selection, rows.count) - 1) : min(rows.count, summary.selection + 1)
        case .first?: summary.selection = 0
        case .last?: summary.selection = rows.count
        case .open?:
            guard summary.selection < rows.count else { return save() }
            let id = rows[summary.selection].id
            guard let i = prompts.firstIndex(where: { $0.id == id }) else { return [] }
            phase = .prompting(backToSummary: true)
            enter(i)
            return []
        case .back?:
            guard let last = askedIndices.last else { return [] }
            phase = .prompting(backToSummary: false)
            enter(last)
            return []
        default:
            return []
        }
        if case .summary = phase { phase = .summary(summary) }
        return []
    }

    /// How the event's week stands so far on the habit pitfalls, once the journal has been read:
    /// said for the week, never marked on this reflection ("This week so far: all 3 people you met
    /// this week were senior or executive").
    func weekSoFarLines(_ verdicts: SummaryVerdicts, width: Int) -> [(text: String, style: Style)] {
        let flags = verdicts.weekSoFar
        guard !flags.isEmpty else { return [] }
        var lines: [(text: String, style: Style)] = [("", .plain)]
        lines.append((verdicts.weekIsCurrent ? "This week so far, over all its reflections" : "That week, over all its reflections",
                      Style.role(.warning).bolded()))
        for flag in flags {
            lines.append(("• " + setup.catalog.title(of: flag), Style.plain.bolded()))
            for l in wrap(flag.reasons.joined(separator: "; "), width: width - 4) { lines.append(("    " + l, .role(.muted))) }
            let instead = setup.catalog.instead(of: flag)
            if !instead.isEmpty {
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
    func drawSummary(_ summary: Summary, into buffer: inout ScreenBuffer) {
        let verdicts = summary.verdicts
        let area = Self.content(width: buffer.width, height: buffer.height)
        drawHeader(into: &buffer, area: area, right: "Summary", fraction: 1)
        let footer = footerRect(area)
        drawFooter(into: &buffer, area: footer)
        let top = area.row + 3
        let saveRow = footer.row - 1
        var notice: [(text: String, style: Style)] = []
        if !verdicts.dropped.isEmpty {
            let names = verdicts.dropped.map { $0.shortLabel }.joined(separator: ", ")
            for l in wrap("Not saved, no longer asked: \(names).", width: area.width) { notice.append((l, Style.role(.warning).bolded())) }
        }
        if !verdicts.kept.isEmpty {
            let names = verdicts.kept.map { $0.shortLabel }.joined(separator: ", ")
            for l in wrap("Kept as the file has them, not asked now: \(names).", width: area.width) { notice.append((l, .role(.muted))) }
        }
        let room = max(0, saveRow - 1 - top)
        // The pitfalls' titles and reasons always show; their advice only while five answer rows
        // (or all of the selected answer's lines, everyone met or every follow-up) still fit.
        let layout = summaryLayout(summary, width: area.width)
        let selectedLines = summary.selection < layout.blocks.count ? layout.blocks[summary.selection].count : 0
        let pitfalls = pitfallLines(verdicts, width: area.width, room: max(2, room - notice.count - 1 - max(5, selectedLines)))
        var row = top
        for line in notice.prefix(max(0, room - pitfalls.count - 1)) {
            buffer.put(line.text, row: row, col: area.col, style: line.style, maxWidth: area.width)
            row += 1
        }
        let listHeight = max(1, saveRow - 1 - pitfalls.count - (pitfalls.isEmpty ? 0 : 1) - row)
        drawSummaryRows(summary, layout, into: &buffer, rect: Rect(row: row, col: area.col, width: area.width, height: listHeight))
        row += listHeight + 1
        for line in pitfalls where row < saveRow {
            buffer.put(line.text, row: row, col: area.col, style: line.style, maxWidth: area.width)
            row += 1
        }
        let onSave = summary.selection >= verdicts.rows.count
        let save = onSave ? "▸ Save this reflection (Enter)" : "  Save this reflection (Ctrl-S)"
        buffer.put(save, row: saveRow, col: area.col, style: onSave ? AnswerFieldView.selected : Style.plain.bolded(), maxWidth: area.width)
    }

    /// The answer rows, scrolled so the selected one shows. Everyone met and every follow-up
    /// has a line of its own, wrapped under the value column, so none hides behind the first;
    /// other answers take one line.
    private func drawSummaryRows(_ summary: Summary, _ layout: (labelWidth: Int, blocks: [[String]]), into buffer: inout ScreenBuffer,
                                 rect: Rect) {
        let rows = summary.verdicts.rows
        let summarySelection = summary.selection
        let (labelWidth, blocks) = layout
        let saved = summary.verdicts.entry
        // On Save the list shows from the top; on a row, scrolled the least that shows it (its
        // first line when it is taller than the list).
        var offset = 0
        if summarySelection < rows.count {
            let start = blocks.prefix(summarySelection).reduce(0) { $0 + $1.count }
            let end = start + blocks[summarySelection].count
            offset = min(start, max(0, end - rect.height))
        }
        var line = 0
        for (i, p) in rows.enumerated() {
            let isSelected = i == summarySelection
            let style = isSelected ? AnswerFieldView.selected : (saved[p.id] == nil ? .role(.muted) : .plain)
            for (n, value) in blocks[i].enumerated() {
                defer { line += 1 }
                guard line >= offset, line - offset < rect.height else { continue }
                let head = n > 0 ? String(repeating: " ", count: 2 + labelWidth)
                    : (isSelected ? "▸ " : "  ") + p.shortLabel.truncated(toWidth: labelWidth - 2).padded(toWidth: labelWidth)
                buffer.put((head + value).truncated(toWidth: rect.width), row: rect.row + line - offset, col: rect.col, style: style)
            }
        }
    }

    /// The label column's width and each answer row's lines at `width`. What the save writes is
    /// shown, defaults included (a date never shown is saved as now).
    private func summaryLayout(_ summary: Summary, width: Int) -> (labelWidth: Int, blocks: [[String]]) {
        let rows = summary.verdicts.rows
        let labelWidth = min((rows.map { $0.shortLabel.displayWidth }.max() ?? 0) + 2, max(8, width / 3))
        let valueWidth = max(1, width - 2 - labelWidth)
        let saved = summary.verdicts.entry
        return (labelWidth, rows.map { p in saved[p.id].map { Self.summaryLines($0, type: p.type, width: valueWidth) } ?? ["—"] })
    }

    /// An answer as the summary's lines at `width`: one item a line (wrapped) for people and
    /// follow-ups, else one line.
    static func summaryLines(_ answer: Answer, type: PromptType, width: Int) -> [String] {
        let items: [String]
        switch answer {
        case .people(let people): items = people.map(AnswerText.person)
        case .followUps(let rows): items = rows.map(AnswerText.followUp)
        default: return [summaryText(answer, type: type)]
        }
        guard !items.isEmpty else { return [summaryText(answer, type: type)] }
        return items.flatMap { wrap($0, width: width) }
    }

    /// The pitfalls the reflection shows, each title with its reasons; the advice is added under
    /// each while the lines fit in `room`; then what a shorter flow could not judge, and the week
    /// so far when there is room.
    private func pitfallLines(_ verdicts: SummaryVerdicts, width: Int, room: Int) -> [(text: String, style: Style)] {
        typealias Line = (text: String, style: Style)
        let judgement = verdicts.judgement
        var flags: [(head: [Line], advice: [Line])] = []
        for flag in judgement.flags {
            let head = wrap("• " + setup.catalog.title(of: flag) + ": " + flag.reasons.joined(separator: "; "), width: width - 2)
                .enumerated().map { (($0.offset == 0 ? "" : "  ") + $0.element, Style.plain.bolded()) }
            let instead = setup.catalog.instead(of: flag)
            let advice = instead.isEmpty ? [] : wrap("Instead: " + instead, width: width - 2).map { ("  " + $0, Style.plain) }
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
        let week = weekSoFarLines(verdicts, width: width)
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
}
