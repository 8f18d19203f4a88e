/// Answers as people read them, shared by `show`, the TUI and the review.
public enum AnswerText {
    /// A one-line rendering (`yes`, `40%`, `4/5`, `2026-11-24 18:30`, `swift, server`), on one
    /// line whatever the answer holds (``TerminalSafe/line(_:)``).
    public static func inline(_ answer: Answer, type: PromptType) -> String {
        TerminalSafe.line(plain(answer, type: type))
    }

    /// The same rendering with the answer's own characters, line breaks included: what an editor
    /// field starts from (a text answer must come back from an edit as it was), what search reads,
    /// and what a screen that shows a text answer over several lines wraps.
    public static func plain(_ answer: Answer, type: PromptType) -> String {
        switch answer {
        case .text(let s), .choice(let s): return s
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n):
            switch type {
            case .percent: return "\(n)%"
            case .scale: return "\(n)/5"
            default: return String(n)
            }
        case .timestamp(let ts): return ts.display
        case .tags(let t): return t.joined(separator: ", ")
        case .people(let p): return p.map(\.name).joined(separator: ", ")
        case .followUps(let f): return f.map { $0.action }.joined(separator: "; ")
        }
    }

    /// `Ana Li (peer, new): Migrating their services to Swift`.
    public static func person(_ p: Person) -> String {
        let details = [p.level, p.relation].compactMap { $0 }
        var s = TerminalSafe.line(p.name)
        if !details.isEmpty { s += " (" + TerminalSafe.line(details.joined(separator: ", ")) + ")" }
        if let note = p.note, !note.isEmpty { s += ": " + TerminalSafe.line(note) }
        return s
    }

    /// `Ana Li: Send the link, due 2026-11-27 [done 2026-11-28]`.
    public static func followUp(_ f: FollowUp) -> String {
        var s = task(who: f.who, action: f.action)
        if let due = f.due { s += ", due \(due.iso)" }
        if let done = f.done { s += " [done \(done.iso)]" }
        return s
    }

    /// How an action's due day reads wherever one is listed: "in 2 days", "3 days overdue",
    /// "no due date", with the date itself after it when `withDate` ("in 2 days (2026-11-28)").
    public static func due(_ due: Day?, today: Day, withDate: Bool = false) -> String {
        guard let due else { return "no due date" }
        return relativeDue(due, today: today) + (withDate ? " (\(due.iso))" : "")
    }

    /// "Zoë Brandt: Send the talk link", or just the action when nobody is named; how every list
    /// names a follow-up action.
    public static func task(who: String, action: String) -> String {
        TerminalSafe.line(who.isEmpty ? action : who + ": " + action)
    }

    /// "in 2 days", "today", "3 days overdue", for a due day seen from `today`.
    public static func relativeDue(_ due: Day, today: Day) -> String {
        let n = today.days(until: due)
        switch n {
        case 0: return "due today"
        case 1: return "due tomorrow"
        case 2...: return "in \(n) days"
        case -1: return "1 day overdue"
        default: return "\(-n) days overdue"
        }
    }

    /// "postponed twice, 12 days past its first date": how a follow-up pushed back is described
    /// wherever it is listed (the review, `followups`, `reschedule`, the screens). Nil for one
    /// never postponed.
    public static func postponements(_ row: FollowUp) -> String? {
        postponements(row.postponed, firstDue: row.firstDue, due: row.due)
    }

    /// The same from the count and the two dates, for lists that keep them apart from the row.
    public static func postponements(_ count: Int, firstDue: Day?, due: Day?) -> String? {
        guard count > 0, let first = firstDue, let due else { return nil }
        let days = first.days(until: due)
        let past: String
        switch days {
        case ..<1: past = "now due on or before its first date"
        case 1: past = "1 day past its first date"
        default: past = "\(days) days past its first date"
        }
        return "postponed \(times(count)), \(past)"
    }

    /// "once", "twice", "3 times".
    public static func times(_ count: Int) -> String {
        switch count {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(count) times"
        }
    }
}
