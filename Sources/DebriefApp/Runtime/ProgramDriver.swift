import DebriefUI

/// Runs a program without a terminal, the way the real runtime does: events in, commands
/// performed, messages fed back. Tests script keys with it and read frames; nothing sleeps.
public struct ProgramDriver<P: Program> {
    public var program: P
    public var width: Int
    public var height: Int
    /// Stands in for `$EDITOR`: receives the text (or file path) and returns the outcome.
    public var editor: (String) -> EditorOutcome
    /// Set when the program asked to quit or to die of a signal.
    public private(set) var exitStatus: Int32?
    public private(set) var exitSignal: Int32?
    /// When set, background work waits in ``heldBackground`` until ``finishBackground()``, so a
    /// test can look at the screen while a slow read is still under way.
    public var holdsBackground = false
    public private(set) var heldBackground: [@Sendable () -> P.Message] = []

    public init(_ program: P, width: Int = 80, height: Int = 24, editor: @escaping (String) -> EditorOutcome = { .edited($0) }) {
        self.program = program
        self.width = width
        self.height = height
        self.editor = editor
        begin()
    }

    /// A driver that holds background work from the start (see ``holdsBackground``), so a test
    /// can look at the first frame before the program's initial read arrives.
    public init(holdingBackground program: P, width: Int = 80, height: Int = 24,
                editor: @escaping (String) -> EditorOutcome = { .edited($0) }) {
        self.program = program
        self.width = width
        self.height = height
        self.editor = editor
        holdsBackground = true
        begin()
    }

    /// What the runtime does before the first frame: the program's own start, then the size.
    private mutating func begin() {
        var commands = program.start()
        commands += program.update(.terminal(.resize(width: width, height: height)))
        perform(commands)
    }

    /// Sends one event and performs every command that follows from it.
    public mutating func send(_ event: TerminalEvent) {
        if case .resize(let w, let h) = event {
            width = w
            height = h
        }
        perform(program.update(.terminal(event)))
    }

    /// Sends keys in order.
    public mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Completes the background work held so far, in the order it was asked for.
    public mutating func finishBackground() {
        while !heldBackground.isEmpty {
            let work = heldBackground.removeFirst()
            perform(program.update(.message(work())))
        }
    }

    /// Reports the progress of a background read as the runtime does (``Program/readProgress(done:total:)``).
    public mutating func reportReadProgress(done: Int, total: Int) {
        guard let message = program.readProgress(done: done, total: total) else { return }
        perform(program.update(.message(message)))
    }

    /// Types text one character at a time, as a person would.
    public mutating func type(_ text: String) {
        for c in text { send(.key(.char(c))) }
    }

    /// The current screen as rows of text.
    public var rows: [String] { program.view(width: width, height: height).buffer.rows }

    /// The current frame.
    public var frame: Frame { program.view(width: width, height: height) }

    /// The screen as one string, for `contains` checks.
    public var screen: String { rows.joined(separator: "\n") }

    private mutating func perform(_ commands: [Command<P.Message>]) {
        var queue = commands
        while !queue.isEmpty, exitStatus == nil, exitSignal == nil {
            let command = queue.removeFirst()
            switch command {
            case .perform(let work):
                queue += program.update(.message(work()))
            case .background(let work):
                if holdsBackground {
                    heldBackground.append(work)
                } else {
                    queue += program.update(.message(work()))
                }
            case .editText(let text, _, let then):
                queue += program.update(.message(then(editor(text))))
            case .editFile(let path, let then):
                queue += program.update(.message(then(editor(path))))
            case .quit(let code):
                exitStatus = code
            case .exitOnSignal(let signal):
                exitSignal = signal
            }
        }
    }
}
