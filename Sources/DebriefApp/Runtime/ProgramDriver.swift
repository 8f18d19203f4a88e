import DebriefCore
import DebriefUI
import Foundation

/// Runs a program without a terminal, on the same ``Runtime`` the terminal uses: events in,
/// commands performed, messages fed back, screens opened and closed. Only the effects differ
/// (``TestEffects``): background work runs at once (or waits until ``finishBackground()``), the
/// editor is a closure and the clock is the program's own unless a test sets another. Tests
/// script keys with it and read frames; nothing sleeps.
public struct ProgramDriver<P: Program> {
    public private(set) var runtime: Runtime
    private let effects: TestEffects

    /// - Parameters:
    ///   - factory: builds the screens the program opens; without one, an opened screen is a
    ///     stand-in that names the request and goes back on `q` or Esc (``opened`` lists them).
    ///   - editor: stands in for `$EDITOR`: receives the text (or file path) and returns the outcome.
    ///   - settingsStore: where remembered settings are written; nil remembers them for the run only.
    public init(_ program: P, width: Int = 80, height: Int = 24, editor: @escaping (String) -> EditorOutcome = { .edited($0) },
                factory: ScreenFactory? = nil, settings: AppSettings = AppSettings(), settingsStore: SettingsStore? = nil) {
        self.init(program, holding: false, width: width, height: height, editor: editor, factory: factory, settings: settings,
                  settingsStore: settingsStore)
    }

    /// A driver that holds background work from the start (see ``holdsBackground``), so a test
    /// can look at the first frame before the program's initial read arrives.
    public init(holdingBackground program: P, width: Int = 80, height: Int = 24,
                editor: @escaping (String) -> EditorOutcome = { .edited($0) }, factory: ScreenFactory? = nil,
                settings: AppSettings = AppSettings(), settingsStore: SettingsStore? = nil) {
        self.init(program, holding: true, width: width, height: height, editor: editor, factory: factory, settings: settings,
                  settingsStore: settingsStore)
    }

    private init(_ program: P, holding: Bool, width: Int, height: Int, editor: @escaping (String) -> EditorOutcome,
                 factory: ScreenFactory?, settings: AppSettings, settingsStore: SettingsStore?) {
        let clock = program.clock
        effects = TestEffects(now: { clock.now() }, editor: editor)
        effects.holds = holding
        let opened = effects
        let make = factory ?? ScreenFactory { request, _ in
            opened.opened.append(request)
            return Screen(RequestedScreen(request: request, clock: clock), request: request)
        }
        runtime = Runtime(settings: settings, factory: make, settingsStore: settingsStore, effects: effects, width: width, height: height)
        runtime.begin(with: Screen(program))
    }

    /// The program the driver started with, as it is now (or as it was when it went back).
    public var program: P {
        let root = runtime.stack.first ?? runtime.closedRoot
        guard let program = root?.program(as: P.self) else { preconditionFailure("the driver's first screen is not a \(P.self)") }
        return program
    }

    public var width: Int { runtime.width }
    public var height: Int { runtime.height }

    /// Set when the run ended with a status (0 when the first screen went back).
    public var exitStatus: Int32? { runtime.exitStatus }
    /// Set when a screen asked to die of a signal.
    public var exitSignal: Int32? { runtime.exitSignal }

    /// The screens opened over the first one without a factory, in order (see `init`).
    public var opened: [ScreenRequest] { effects.opened }

    /// The request of the screen on top; nil while the first screen is on top.
    public var topRequest: ScreenRequest? { runtime.stack.count > 1 ? runtime.top?.request : nil }

    /// When set, background work waits in ``heldBackground`` until ``finishBackground()``.
    public var holdsBackground: Bool {
        get { effects.holds }
        nonmutating set { effects.holds = newValue }
    }

    /// Background work asked for and not finished yet (while ``holdsBackground``).
    public var heldBackground: [@Sendable () -> RuntimeMessage] { effects.held }

    /// Replaces the clock the runtime reads before each event (a screen left open past midnight).
    public func setTime(_ now: @escaping @Sendable () -> Date) {
        effects.clock = now
    }

    /// Sends one event and performs every command that follows from it.
    public mutating func send(_ event: TerminalEvent) {
        runtime.send(event)
    }

    /// Hands an event to the screen on top without performing the commands it returns: for a
    /// test that must tell what `update` itself did from what its commands did.
    public mutating func dispatch(_ event: TerminalEvent) -> PendingCommands {
        runtime.dispatch(event)
    }

    /// Performs the commands ``dispatch(_:)`` returned, as ``send(_:)`` would have.
    public mutating func perform(_ pending: PendingCommands) {
        runtime.perform(pending)
    }

    /// Sends keys in order.
    public mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// Types text one character at a time, as a person would.
    public mutating func type(_ text: String) {
        for c in text { send(.key(.char(c))) }
    }

    /// Completes the background work held so far, in the order it was asked for, and any it
    /// asks for in turn while ``holdsBackground`` is set.
    public mutating func finishBackground() {
        while let work = effects.takeHeld() {
            runtime.deliver(work())
        }
    }

    /// Runs the held background work at `index` (in the order asked for) now and returns its
    /// message without delivering it: with ``deliver(_:)``, for a test of work that finishes
    /// out of order (threads do), such as a read made before a change arriving after one made since.
    public mutating func runHeldBackground(at index: Int) -> RuntimeMessage {
        effects.held.remove(at: index)()
    }

    /// Hands the screen a message of background work (``runHeldBackground(at:)``), as its thread would.
    public mutating func deliver(_ message: RuntimeMessage) {
        runtime.deliver(message)
    }

    /// Reports the progress of a background read as the runtime does (``Program/readProgress(done:total:)``).
    public mutating func reportReadProgress(done: Int, total: Int) {
        runtime.readProgress(done: done, total: total)
    }

    /// The current screen as rows of text.
    public var rows: [String] { frame.buffer.rows }

    /// The current frame.
    public var frame: Frame { runtime.frame }

    /// The screen as one string, for `contains` checks.
    public var screen: String { rows.joined(separator: "\n") }
}

/// The tests' effects: background work at once or held, a closure for the editor, a settable clock.
final class TestEffects: RuntimeEffects {
    var clock: @Sendable () -> Date
    let editor: (String) -> EditorOutcome
    var holds = false
    var held: [@Sendable () -> RuntimeMessage] = []
    var opened: [ScreenRequest] = []

    init(now: @escaping @Sendable () -> Date, editor: @escaping (String) -> EditorOutcome) {
        clock = now
        self.editor = editor
    }

    func now() -> Date { clock() }

    func background(_ work: @escaping @Sendable () -> RuntimeMessage) -> RuntimeMessage? {
        guard holds else { return work() }
        held.append(work)
        return nil
    }

    func takeHeld() -> (@Sendable () -> RuntimeMessage)? {
        held.isEmpty ? nil : held.removeFirst()
    }

    func edit(text: String, suffix: String) -> EditorOutcome { editor(text) }

    func edit(path: String) -> EditorOutcome { editor(path) }
}

/// What a driver without a factory opens: a screen that names the request and goes back on `q`
/// or Esc, so a test sees that a key opened the right screen and what happens on coming back.
struct RequestedScreen: Program {
    typealias Message = Never
    let request: ScreenRequest
    var clock: Clock

    mutating func update(_ event: ProgramEvent<Never>) -> [Command<Never>] {
        switch event {
        case .terminal(.key(.char("q"))), .terminal(.key(.escape)): return [.back]
        case .terminal(.key(.ctrl("c"))): return [.quit(Interrupt.status)]
        case .terminal(.signal(let signal)): return [.exitOnSignal(signal)]
        default: return []
        }
    }

    func view(width: Int, height: Int) -> Frame {
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.put("opened: \(request)", row: 0, col: 0, maxWidth: width)
        return Frame(buffer: buffer)
    }
}
