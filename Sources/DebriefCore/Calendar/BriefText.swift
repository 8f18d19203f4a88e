import Foundation

/// The brief before a meeting (``MeetingBrief``) as lines of text: `debrief brief` prints them,
/// the brief screen shows them, so both say the same things. A pure function.
public enum BriefText {
    /// The event line, then one block per person. `markHint` adds how to mark an open follow-up
    /// (the CLI's command); nil adds nothing.
    public static func lines(_ brief: MeetingBrief, today: Day, zone: TimeZone,
                             markHint: ((FollowUpItem) -> String)? = nil) -> [String] {
        var out: [String] = []
        if let i = brief.instance {
            let place = EventTime.place(i)
            out.append(([EventTime.span(i, zone: zone), EventTime.title(i)] + (place.isEmpty ? [] : [place])).joined(separator: " · "))
        }
        for a in brief.attendees {
            if !out.isEmpty { out.append("") }
            guard let p = a.known else {
                out.append("\(a.name) · new: not in your journal yet")
                continue
            }
            out.append(([p.name, p.meetings] + [[p.level, p.relation].compactMap { $0 }.joined(separator: ", ")].filter { !$0.isEmpty })
                .joined(separator: " · "))
            if let last = a.lastEntry {
                let place = last.location.map { ", at " + $0 } ?? ""
                out.append("  Last met \(last.eventTime.day.iso) (\(last.displayTitle)\(place))")
                for row in a.promised {
                    out.append("  You promised then: \(row.action) (" + (row.done.map { "done \($0.iso)" } ?? "open") + ")")
                }
                if let offered = last["offered"]?.text, !offered.isEmpty { out.append("  You offered: \(offered)") }
                if case .bool(true)? = last["asked-favor"] { out.append("  You asked a favour") }
            }
            out.append("  Open follow-ups (\(p.openFollowUps.count))")
            for item in p.openFollowUps {
                let overdue = item.isOverdue(on: today) ? "OVERDUE " : ""
                out.append("    \(overdue)\(item.action), \(AnswerText.due(item.due, today: today, withDate: true))"
                           + (markHint.map { " · " + $0(item) } ?? ""))
            }
            if !p.notes.isEmpty { out.append("  Notes, newest first") }
            for note in p.notes {
                out.append("    \(note.day.iso) \(note.entryTitle): \(note.text)")
            }
        }
        return out
    }
}
