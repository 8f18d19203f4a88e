import DebriefCore
import DebriefUI

/// Drawing home: the title, the follow-ups due (the selected one in reverse video, with the keys
/// that act on it beside the heading), this week's pitfalls, the recent reflections, and a status
/// line for the follow-up keys above the help bar.
extension HomeProgram {
    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        // A first run still shows the calendar's events awaiting a reflection: for a calendar user
        // the first reflection is most often one of them.
        let lines = hasEntries == false
            ? agendaLines(width: width, heading: Style.role(.accent).bolded()) + introLines(width: width - 2)
            : journalLines(width: width, height: height)
        ScreenChrome.drawTitle("Debrief", into: &buffer, row: 0, width: width)
        // The lines above the help bar say what a follow-up key did (wrapped whole, as on every
        // screen), or ask for a day.
        let message = editor.isAsking ? [] : status.map { ScreenChrome.messageLines($0, width: width, height: height) } ?? []
        let statusHeight = editor.isAsking ? 1 : message.count
        let statusRow = statusHeight > 0 ? height - 1 - statusHeight : nil
        let bodyHeight = max(0, height - 2 - statusHeight)
        for (i, line) in lines.prefix(bodyHeight).enumerated() {
            let text = line.0.truncated(toWidth: width - 1)
            buffer.put(line.1.reverse ? text.padded(toWidth: width - 1) : text, row: 1 + i, col: 1, style: line.1)
        }
        var cursor: Position?
        if let statusRow, statusRow > 0 {
            if editor.isAsking {
                cursor = editor.drawPrompt(into: &buffer, row: statusRow, width: width)
            } else {
                for (i, line) in message.enumerated() {
                    buffer.put(line, row: statusRow + i, col: 0, style: Style.role(.muted).bolded(), maxWidth: width)
                }
            }
        }
        // Bold rather than muted: on this screen the keys are the way to everything else.
        return ScreenChrome.finish(&buffer, keys: Self.keys, showHelp: showHelp,
                                   helpBarRow: height >= 2 ? height - 1 : nil, helpBarStyle: Style().bolded(), cursor: cursor)
    }

    /// A first run: what Debrief is for, wrapped to the screen, and the key that matters (Enter
    /// when the calendar has events awaiting a reflection, else n).
    func introLines(width: Int) -> [(String, Style)] {
        let paragraphs = [
            "After an event, a short guided reflection asks whom you met, whether you listened as much as you talked, and what you promised to do. Over time, Debrief shows the habits that keep coming back and reminds you of follow-ups before they go stale.",
            "Your reflections will be kept as plain Markdown files in a folder you own: \(cache.store.root)",
        ]
        var lines: [(String, Style)] = [("Debrief helps you get more out of networking events.", Style().bolded()), ("", .plain)]
        for paragraph in paragraphs {
            lines += wrap(paragraph, width: max(20, width)).map { ($0, Style.plain) }
            lines.append(("", .plain))
        }
        let first = content?.agenda?.waiting.isEmpty == false
            ? "Press Enter to reflect on the selected event, or n to write your first reflection."
            : "Press n to write your first reflection."
        lines += wrap(first, width: max(20, width)).map { ($0, Style.role(.highlight).bolded()) }
        return lines
    }

    func journalLines(width: Int, height: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let heading = Style.role(.accent).bolded()
        lines += agendaLines(width: width, heading: heading)
        let keysHint = content.map { $0.due.isEmpty } == false ? "   " + followUpHints(width: width - 20) : ""
        lines.append(("Follow-ups due" + keysHint, heading))
        if let content {
            if content.due.isEmpty {
                lines.append(("  Nothing overdue or due this week.", .role(.muted)))
            }
            // A capped list, so the recent reflections always show too.
            let shown = content.due.prefix(shownDueCount)
            let whens = shown.map { item in
                item.done.map { $0 == today ? "done today" : "done " + $0.iso } ?? item.due.map { AnswerText.relativeDue($0, today: today) } ?? ""
            }
            let whenWidth = whens.map(\.displayWidth).max() ?? 0
            for (i, (item, when)) in zip(shown, whens).enumerated() {
                let mark = item.isOpen ? "[ ]" : "[x]"
                // A follow-up pushed back says how often, so home does not hide the slow pitfall.
                let pushed = item.isOpen && item.postponed > 0 ? "; postponed " + AnswerText.times(item.postponed) : ""
                let text = " " + mark + " " + when.fitted(toWidth: whenWidth) + "  " + FollowUpEditor.task(item)
                    + "  (from " + item.entryTitle + pushed + ")"
                var style = !item.isOpen ? Style.role(.muted) : item.isOverdue(on: today) ? Style.role(.danger).bolded() : .plain
                let isSelected = i + dueOffset == selected && (!editor.isAsking || editor.isAsking(about: item))
                if isSelected { style = style.bolded().reversed() }
                // The selected follow-up is shown whole, its rest on rows under the action (the
                // others stay one row each, so the list keeps its shape).
                let room = width - 2
                if isSelected, text.displayWidth > room {
                    let indent = String(repeating: " ", count: 1 + mark.count + 1 + whenWidth + 2)
                    let rows = wrap(String(text.dropFirst(indent.count)), width: max(10, room - indent.count))
                    for (n, row) in rows.enumerated() { lines.append(((n == 0 ? String(text.prefix(indent.count)) : indent) + row, style)) }
                } else {
                    lines.append((text, style))
                }
            }
            if content.due.count > shown.count {
                lines.append(("  … and \(content.due.count - shown.count) more (f shows every follow-up)", .role(.muted)))
            }
        } else if let reading {
            lines.append(("  " + ReadProgressLine.text(done: reading.done, total: reading.total, width: width - 2), .role(.muted)))
        } else {
            lines.append(("  Reading the journal…", .role(.muted)))
        }
        lines.append(("", .plain))
        lines.append(("This week", heading))
        lines += weekLines(width: width)
        lines.append(("", .plain))
        lines.append(("Recent reflections", heading))
        for r in recent {
            lines.append(("  " + r.day.iso + "  " + r.kind.fitted(toWidth: 11) + " " + r.title, .plain))
        }
        if let warning = UnreadFiles.warning(content?.problems ?? 0) {
            lines.append(("", .plain))
            lines.append((warning, .role(.warning)))
        }
        return lines
    }

    /// The calendar's lines above the follow-ups (``agendaLineCount`` of them): the next meeting
    /// and the events awaiting a reflection, each a row of home's one selection.
    func agendaLines(width: Int, heading: Style) -> [(String, Style)] {
        guard let agenda = content?.agenda else { return [] }
        var lines: [(String, Style)] = []
        func style(_ row: Int, _ base: Style) -> Style { row == selected && !editor.isAsking ? base.bolded().reversed() : base }
        if let next = agenda.comingUp {
            let hint = Self.keys.hints(width: max(0, width - 20)) { $0.action == .brief }
            lines.append((comingUpText(next), style(0, heading)))
            lines.append(("  " + hint, .role(.muted)))
            lines.append(("", .plain))
        }
        if let warning = agendaWarning(agenda) {
            lines.append((warning, .role(.warning)))
            lines.append(("", .plain))
        }
        guard !agenda.waiting.isEmpty else { return lines }
        let title = "Awaiting a reflection (\(agenda.waiting.count))"
        let hints = Self.keys.hints(width: max(0, width - title.displayWidth - 5)) { Self.eventActions.contains($0.action) }
        lines.append((title + "   " + hints, heading))
        for (i, event) in agenda.waiting.prefix(shownWaitingCount).enumerated() {
            lines.append((" " + waitingText(event), style(comingUpCount + i, .plain)))
        }
        if agenda.waiting.count > shownWaitingCount {
            lines.append(("  … and \(agenda.waiting.count - shownWaitingCount) more (`debrief pending` lists them)", .role(.muted)))
        }
        lines.append(("", .plain))
        return lines
    }

    /// This week's pitfalls in one sentence, most frequent first, wrapped to the screen.
    func weekLines(width: Int) -> [(String, Style)] {
        guard let content else { return [("  …", .role(.muted))] }
        guard content.entriesThisWeek > 0 else { return [("  No reflections yet this week.", .role(.muted))] }
        let written = "\(content.entriesThisWeek) reflection\(content.entriesThisWeek == 1 ? "" : "s")"
        guard !content.pitfallsThisWeek.isEmpty else { return [("  " + written + ", no pitfalls flagged.", .plain)] }
        let parts = content.pitfallsThisWeek.map { p in
            p.title + (p.count > 1 ? " ×\(p.count)" : "") + (p.recurring ? " (recurring)" : p.habit ? " (this week so far)" : "")
        }
        let sentence = written + "; pitfalls: " + parts.joined(separator: ", ") + ". r opens the review."
        return wrap(sentence, width: max(20, width - 3)).map { ("  " + $0, Style.role(.warning)) }
    }

    /// "↑/k up  Space done/open  s reschedule…" from the key map, fitted to `width`.
    func followUpHints(width: Int) -> String {
        Self.keys.hints(width: max(0, width)) { binding in Self.followUpActions.contains(binding.action) }
    }
}
