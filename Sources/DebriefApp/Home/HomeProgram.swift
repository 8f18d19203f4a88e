import DebriefCore
import DebriefUI

/// `debrief` with no arguments: "what should I do now" — follow-ups that are overdue or due soon,
/// the last few reflections, this week's pitfalls, and the keys to every other screen.
///
/// The first frame never waits for the journal: the newest few files are read before it (a
/// directory listing and five reads), and the whole journal, which follow-ups and the week's
/// pitfalls need, arrives from a background read through the session's cache.
///
/// The other screens are separate programs; a key that opens one sets ``handoff`` and quits with
/// status 0, and the executable runs that screen and then this one again.
public struct HomeProgram: Program, HandsOff {
    public enum Message: Sendable {
        /// The number of entry files and the newest few, read before the first frame.
        case glance(count: Int, recent: [Entry])
        case loaded(HomeContent)
    }

    enum Action: Sendable, Equatable {
        case new, browse, review, followUps, people, help, quit, interrupt
    }

    static let keys = KeyMap<Action>([
        KeyBinding(.char("n"), help: "new reflection", action: .new),
        KeyBinding(.char("b"), help: "browse", action: .browse),
        KeyBinding(.char("r"), help: "review", action: .review),
        KeyBinding(.char("f"), help: "follow-ups", action: .followUps),
        KeyBinding(.char("p"), help: "people", action: .people),
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "quit", action: .quit),
        Interrupt.binding(.interrupt),
    ])

    /// Follow-ups listed at most, however many are due.
    static let maxDueLines = 8

    public internal(set) var handoff: Handoff?
    let cache: JournalCache
    let catalog: Catalog
    let clock: Clock
    let today: Day
    /// Entry files found by the last glance; nil before the first one.
    var fileCount: Int?
    var recent: [HomeContent.Recent] = []
    /// Nil until the whole journal has been read once.
    var content: HomeContent?
    var showHelp = false

    public init(cache: JournalCache, catalog: Catalog, clock: Clock) {
        self.cache = cache
        self.catalog = catalog
        self.clock = clock
        today = clock.today
    }

    /// Glances at the newest files before the first frame, then reads everything in the background.
    /// Runs again on every return from another screen, which may have changed the journal.
    public mutating func start() -> [Command<Message>] {
        handoff = nil
        let cache = self.cache, catalog = self.catalog, clock = self.clock
        return [
            .perform {
                let refs = cache.store.refs()
                let batch = cache.store.load(Array(refs.prefix(HomeContent.recentCount * 2)))
                return .glance(count: refs.count, recent: HomeContent.newest(batch.entries))
            },
            .background { .loaded(HomeContent(snapshot: cache.snapshot(), catalog: catalog, clock: clock)) },
        ]
    }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.key(let key)):
            if Self.keys.action(for: key) == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            switch Self.keys.action(for: key) {
            case .new?: return handOff(.newReflection)
            case .browse?: return handOff(.browse)
            case .review?: return handOff(.review)
            case .followUps?: return handOff(.followUps)
            case .people?: return handOff(.people)
            case .help?: showHelp = true
            case .quit?: return [.quit(0)]
            case .interrupt?: return [.quit(Interrupt.status)]
            case nil: break
            }
            return []
        case .terminal:
            return []
        case .message(.glance(let count, let newest)):
            fileCount = count
            recent = newest.map(HomeContent.Recent.init)
            return []
        case .message(.loaded(let loaded)):
            content = loaded
            recent = loaded.recent
            return []
        }
    }

    private mutating func handOff(_ target: Handoff) -> [Command<Message>] {
        handoff = target
        return [.quit(0)]
    }

    // MARK: - View

    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        let lines = fileCount == 0 ? introLines(width: width - 2) : journalLines(width: width, height: height)
        ScreenChrome.drawTitle("Debrief", into: &buffer, row: 0, width: width)
        let bodyHeight = max(0, height - 2)
        for (i, line) in lines.prefix(bodyHeight).enumerated() {
            buffer.put(line.0.truncated(toWidth: width - 1), row: 1 + i, col: 1, style: line.1)
        }
        // Bold rather than muted: on this screen the keys are the way to everything else.
        return ScreenChrome.finish(&buffer, keys: Self.keys, showHelp: showHelp,
                                   helpBarRow: height >= 2 ? height - 1 : nil, helpBarStyle: Style().bolded())
    }

    /// A first run: what Debrief is for, wrapped to the screen, and the one key that matters.
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
        lines.append(("Press n to write your first reflection.", Style.role(.highlight).bolded()))
        return lines
    }

    func journalLines(width: Int, height: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let heading = Style.role(.accent).bolded()
        lines.append(("Follow-ups due", heading))
        if let content {
            if content.due.isEmpty {
                lines.append(("  Nothing overdue or due this week.", .role(.muted)))
            }
            // A capped list, so the recent reflections always show too.
            let shown = content.due.prefix(max(1, min(Self.maxDueLines, height - 16)))
            let whens = shown.map { AnswerText.relativeDue($0.due, today: today) }
            let whenWidth = whens.map(\.displayWidth).max() ?? 0
            for (item, when) in zip(shown, whens) {
                let f = item.followUp
                let text = "  " + when.fitted(toWidth: whenWidth) + "  " + AnswerText.task(who: f.who, action: f.action) + "  (from " + item.event + ")"
                lines.append((text, item.due < today ? Style.role(.danger).bolded() : .plain))
            }
            if content.due.count > shown.count {
                lines.append(("  … and \(content.due.count - shown.count) more (f shows every follow-up)", .role(.muted)))
            }
        } else {
            let count = fileCount.map { " \($0) " + ($0 == 1 ? "entry" : "entries") } ?? " the journal"
            lines.append(("  Reading" + count + "…", .role(.muted)))
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
}
