import DebriefCore
import DebriefUI

/// `debrief` with no arguments: "what should I do now" — follow-ups that are overdue or due soon,
/// the last few reflections, and the keys to every other screen.
///
/// The other screens are separate programs; a key that opens one sets ``handoff`` and quits with
/// status 0, and the executable runs that screen and comes back here.
public struct HomeProgram: Program, HandsOff {
    public typealias Message = Never

    enum Action: Sendable, Equatable {
        case new, browse, review, followUps, people, help, quit
    }

    static let keys = KeyMap<Action>([
        KeyBinding(.char("n"), help: "new reflection", action: .new),
        KeyBinding(.char("b"), help: "browse", action: .browse),
        KeyBinding(.char("r"), help: "review", action: .review),
        KeyBinding(.char("f"), help: "follow-ups", action: .followUps),
        KeyBinding(.char("p"), help: "people", action: .people),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "quit", action: .quit),
    ])

    /// Follow-ups listed at most, however many are due.
    static let maxDueLines = 8

    public internal(set) var handoff: Handoff?
    let content: HomeContent
    let today: Day
    /// A line from the executable, e.g. that a screen is not in this build yet.
    var notice: String?
    var showHelp = false
    /// Files that could not be read (reported, never hidden).
    let problems: Int

    public init(snapshot: JournalSnapshot, clock: Clock, notice: String? = nil) {
        today = clock.today
        content = HomeContent(entries: snapshot.entries, today: today)
        problems = snapshot.problems.count
        self.notice = notice
    }

    public mutating func update(_ event: ProgramEvent<Never>) -> [Command<Never>] {
        switch event {
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.key(let key)):
            if showHelp {
                showHelp = false
                return []
            }
            notice = nil
            switch Self.keys.action(for: key) {
            case .new?: return handOff(.newReflection)
            case .browse?: return handOff(.browse)
            case .review?: return handOff(.review)
            case .followUps?: return handOff(.followUps)
            case .people?: return handOff(.people)
            case .help?: showHelp = true
            case .quit?: return [.quit(0)]
            case nil: break
            }
            return []
        case .terminal:
            return []
        }
    }

    private mutating func handOff(_ target: Handoff) -> [Command<Never>] {
        handoff = target
        return [.quit(0)]
    }

    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        var lines: [(String, Style)] = []
        let heading = Style.role(.accent).bolded()
        if content.entryCount == 0 {
            lines += [
                ("Debrief helps you get more out of networking events.", Style().bolded()),
                ("", .plain),
                ("After an event, a short guided reflection asks whom you met, whether you listened", .plain),
                ("as much as you talked, and what you promised to do. Over time, debrief shows the", .plain),
                ("habits that keep coming back and reminds you of follow-ups before they go stale.", .plain),
                ("Your reflections are Markdown files you own.", .plain),
                ("", .plain),
                ("Press n to write your first reflection.", Style.role(.highlight).bolded()),
            ]
        } else {
            lines.append(("Follow-ups due", heading))
            if content.due.isEmpty {
                lines.append(("  Nothing overdue or due this week.", .role(.muted)))
            }
            // A capped list, so the recent reflections always show too.
            let shown = content.due.prefix(max(1, min(Self.maxDueLines, height - 12)))
            for item in shown {
                let f = item.followUp
                let when = AnswerText.relativeDue(item.due, today: today)
                let text = "  " + when.fitted(toWidth: 16) + " " + (f.who.isEmpty ? "" : f.who + ": ") + f.action + "  (from " + item.event + ")"
                lines.append((text, item.due < today ? Style.role(.danger).bolded() : .plain))
            }
            if content.due.count > shown.count {
                lines.append(("  … and \(content.due.count - shown.count) more (f shows every follow-up)", .role(.muted)))
            }
            lines.append(("", .plain))
            lines.append(("Recent reflections", heading))
            for r in content.recent {
                lines.append(("  " + r.day.iso + "  " + r.kind.fitted(toWidth: 11) + " " + r.title, .plain))
            }
            if problems > 0 {
                lines.append(("", .plain))
                lines.append(("\(problems) file\(problems == 1 ? "" : "s") could not be read; run `debrief doctor`", .role(.warning)))
            }
        }
        buffer.put(" " + "Debrief".fitted(toWidth: max(0, width - 1)), row: 0, col: 0, style: Style.role(.accent).bolded().reversed())
        let bodyHeight = max(0, height - 3)
        for (i, line) in lines.prefix(bodyHeight).enumerated() {
            buffer.put(line.0.truncated(toWidth: width - 1), row: 1 + i, col: 1, style: line.1)
        }
        if height >= 3, let notice {
            buffer.put(notice, row: height - 2, col: 0, style: Style.role(.warning).bolded(), maxWidth: width)
        }
        if height >= 2 {
            buffer.put(Self.keys.helpBar(width: width), row: height - 1, col: 0, style: Style().bolded())
        }
        if showHelp {
            Self.keys.renderHelpOverlay(into: &buffer, area: buffer.area, title: "Keys (any key closes)")
        }
        return Frame(buffer: buffer)
    }
}
