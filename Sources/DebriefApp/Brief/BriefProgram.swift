import DebriefCore
import DebriefUI

/// The brief before a meeting as a screen (Enter on home's "Coming up"): the same lines as
/// `debrief brief` (``BriefText``), read in the background through the session's cache, scrolled
/// with the movement keys; `q` goes back.
public struct BriefProgram: Program {
    public enum Message: Sendable {
        case loaded([String])
    }

    enum Action: Sendable, Equatable, ListMovement {
        case up, down, pageUp, pageDown, first, last
        case help, back, interrupt
    }

    static let keys = KeyMap<Action>([
        KeyBinding(.char("?"), help: "help", action: .help),
        KeyBinding([.char("q"), .escape], label: "q", help: "back", action: .back),
        Interrupt.binding(.interrupt),
    ] + Action.movementBindings(.scroll))

    let cache: JournalCache
    let instance: EventInstance
    /// The user's addresses (`me:`), left out of the people.
    let me: [String]
    public var clock: Clock
    /// Nil until the journal has been read.
    var lines: [String]?
    var scroll = 0
    var showHelp = false
    var width = 80
    var height = 24

    public init(cache: JournalCache, instance: EventInstance, me: [String], clock: Clock) {
        self.cache = cache
        self.instance = instance
        self.me = me
        self.clock = clock
    }

    public mutating func start() -> [Command<Message>] { read() }

    public mutating func resume() -> [Command<Message>] { read() }

    private func read() -> [Command<Message>] {
        let cache = self.cache, instance = self.instance, me = self.me, clock = self.clock
        return [.background {
            let brief = MeetingBrief.make(instance, me: me, entries: cache.snapshot().entries)
            return .loaded(BriefText.lines(brief, today: clock.today, zone: clock.timeZone))
        }]
    }

    /// Rows between the title and the help bar.
    var bodyHeight: Int { max(1, height - 2) }

    public mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>] {
        switch event {
        case .terminal(.signal(let signal)):
            return [.exitOnSignal(signal)]
        case .terminal(.resize(let w, let h)):
            width = w
            height = h
        case .terminal(.key(let key)):
            guard let action = Self.keys.action(for: key) else {
                showHelp = false
                return []
            }
            if action == .interrupt { return [.quit(Interrupt.status)] }
            if showHelp {
                showHelp = false
                return []
            }
            switch action {
            case .up: scroll -= 1
            case .down: scroll += 1
            case .pageUp: scroll -= bodyHeight - 1
            case .pageDown: scroll += bodyHeight - 1
            case .first: scroll = 0
            case .last: scroll = Int.max / 2
            case .help: showHelp = true
            case .back: return [.back]
            case .interrupt: return [.quit(Interrupt.status)]
            }
        case .terminal:
            return []
        case .message(.loaded(let lines)):
            self.lines = lines
        }
        scroll = max(0, min(scroll, wrapped(width: width).count - bodyHeight))
        return []
    }

    /// The lines wrapped to the screen less a margin each side, continuing under their indent.
    func wrapped(width: Int) -> [String] {
        guard let lines else { return ["Reading the journal…"] }
        let room = max(10, width - 2)
        return lines.flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            let text = String(line.dropFirst(indent.count))
            let parts = wrap(text, width: max(5, room - indent.count - 2))
            return parts.enumerated().map { (i, part) in (i == 0 ? indent : indent + "  ") + part }
        }
    }

    public func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width > 0, height > 0 else { return Frame(buffer: buffer) }
        ScreenChrome.drawTitle("Debrief · brief", into: &buffer, row: 0, width: width)
        let lines = wrapped(width: width)
        let body = max(0, height - 2)
        let scroll = max(0, min(self.scroll, lines.count - body))
        for (i, line) in lines.dropFirst(scroll).prefix(body).enumerated() {
            let style: Style = i + scroll == 0 && self.lines != nil ? Style.role(.accent).bolded() : .plain
            buffer.put(line, row: 1 + i, col: 1, style: style, maxWidth: width - 2)
        }
        return ScreenChrome.finish(&buffer, keys: Self.keys, showHelp: showHelp, helpBarRow: height >= 2 ? height - 1 : nil)
    }
}
