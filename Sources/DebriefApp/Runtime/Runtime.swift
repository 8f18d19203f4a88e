import DebriefCore
import DebriefUI
import Foundation

/// The effects a runtime needs from where it runs: threads, the editor and the clock. The
/// terminal (`TerminalRunner`) and the tests (``ProgramDriver``) implement them; everything else
/// (the screen stack, settings, which screen a result is for) is the runtime's, the same in both.
public protocol RuntimeEffects: AnyObject {
    /// The time now; the runtime hands it to the screens as state (``Program/clock``).
    func now() -> Date
    /// Starts `work` off the screen's loop. Returns its message when it already ran (a test that
    /// does not hold background work), else nil: the message then comes to ``Runtime/deliver(_:)``.
    func background(_ work: @escaping @Sendable () -> RuntimeMessage) -> RuntimeMessage?
    /// Opens `text` in the user's editor (as a private file ending in `suffix`), the screen suspended.
    func edit(text: String, suffix: String) -> EditorOutcome
    /// Opens an existing file in the editor.
    func edit(path: String) -> EditorOutcome
}

/// A screen's message on its way back from background work, with the screen it is for.
public struct RuntimeMessage: Sendable {
    let screen: Int
    let message: ScreenMessage
}

/// Commands a screen returned, not performed yet: for a test that must tell what `update` did
/// from what its commands did (``Runtime/dispatch(_:)`` and ``Runtime/perform(_:)``).
public struct PendingCommands {
    let screen: Int
    let commands: [Command<ScreenMessage>]

    public var isEmpty: Bool { commands.isEmpty }

    /// How many commands there are.
    public var count: Int { commands.count }

    /// Whether every command only does I/O on the spot (``Command/perform(_:)``).
    public var allPerform: Bool {
        commands.allSatisfy { if case .perform = $0 { return true } else { return false } }
    }
}

/// The one interpreter of commands, for every screen, on the terminal and in the tests alike
/// (bubbletea's Program): it keeps the screens as a stack of values, hands each event to the top
/// one with the time as state, performs the commands that come back (I/O, background work, the
/// editor through its ``RuntimeEffects``; opening a screen through the injected
/// ``ScreenFactory``, going back, remembering a setting in the ``AppSettings`` it holds) and
/// feeds their results to the screen that asked.
///
/// Going back resumes the screen underneath (``Program/resume()``, then its size); the first
/// screen going back ends the run with status 0, kept in ``closedRoot``. `quit` and
/// `exitOnSignal` end the run whatever is open.
public struct Runtime {
    /// Bottom first; the last one is drawn and gets the keys.
    public private(set) var stack: [Screen] = []
    public private(set) var settings: AppSettings
    /// The size the screens were last told.
    public private(set) var width: Int
    public private(set) var height: Int
    /// Background work started and not delivered yet (the terminal polls faster meanwhile).
    public private(set) var running = 0
    /// Set when the run ended with a status (0 when the first screen went back).
    public private(set) var exitStatus: Int32?
    /// Set when a screen asked to die of a signal, after saving what it had.
    public private(set) var exitSignal: Int32?
    /// Why a screen could not be opened; the run ends with it.
    public private(set) var failure: (any Error)?
    /// The first screen as it was when it went back, for what it ended with (a saved entry's id).
    public private(set) var closedRoot: Screen?
    let factory: ScreenFactory
    let settingsStore: SettingsStore?
    let effects: any RuntimeEffects
    private var nextID = 0

    public init(settings: AppSettings, factory: ScreenFactory, settingsStore: SettingsStore?, effects: any RuntimeEffects,
                width: Int = 80, height: Int = 24) {
        self.settings = settings
        self.factory = factory
        self.settingsStore = settingsStore
        self.effects = effects
        self.width = width
        self.height = height
    }

    /// Whether the run goes on.
    public var isRunning: Bool { exitStatus == nil && exitSignal == nil && failure == nil }

    /// The screen on top.
    public var top: Screen? { stack.last }

    /// The frame of the screen on top at the current size.
    public var frame: Frame {
        stack.last?.view(width: width, height: height) ?? Frame(width: width, height: height)
    }

    /// Starts the run on `screen`: its start, then its size, and what they ask.
    public mutating func begin(with screen: Screen) {
        perform(push(screen))
    }

    /// Hands a terminal event to the screen on top and performs what follows from it; false when
    /// nothing followed (an idle tick that changed nothing needs no new frame).
    @discardableResult
    public mutating func send(_ event: TerminalEvent) -> Bool {
        let pending = dispatch(event)
        perform(pending)
        return !pending.isEmpty
    }

    /// Hands a terminal event to the screen on top without performing its commands.
    public mutating func dispatch(_ event: TerminalEvent) -> PendingCommands {
        if case .resize(let w, let h) = event {
            width = w
            height = h
        }
        guard let id = stack.last?.id else { return PendingCommands(screen: -1, commands: []) }
        return PendingCommands(screen: id, commands: update(id, .terminal(event)))
    }

    /// Performs commands `dispatch` returned.
    public mutating func perform(_ pending: PendingCommands) {
        perform(pending.commands.map { (pending.screen, $0) })
    }

    /// The result of background work, for the screen that started it (dropped when it is gone).
    public mutating func deliver(_ message: RuntimeMessage) {
        running -= 1
        perform(update(message.screen, .message(message.message)).map { (message.screen, $0) })
    }

    /// How far a background read has come, for the screen on top when it shows a bar; false
    /// when no screen wanted it.
    @discardableResult
    public mutating func readProgress(done: Int, total: Int) -> Bool {
        guard running > 0, let top = stack.last, let message = top.readProgress(done: done, total: total) else { return false }
        let id = top.id
        perform(update(id, .message(message)).map { (id, $0) })
        return true
    }

    // MARK: - Performing

    private mutating func perform(_ commands: [(Int, Command<ScreenMessage>)]) {
        var queue = commands[...]
        while let (id, command) = queue.first, isRunning {
            queue = queue.dropFirst()
            switch command {
            case .none:
                break
            case .batch(let commands):
                queue = (commands.map { (id, $0) } + queue)[...]
            case .perform(let work):
                queue += tagged(id, update(id, .message(work())))
            case .background(let work):
                running += 1
                if let done = effects.background({ RuntimeMessage(screen: id, message: work()) }) {
                    running -= 1
                    queue += tagged(done.screen, update(done.screen, .message(done.message)))
                }
            case .editText(let text, let suffix, let then):
                queue += tagged(id, update(id, .message(then(effects.edit(text: text, suffix: suffix)))))
            case .editFile(let path, let then):
                queue += tagged(id, update(id, .message(then(effects.edit(path: path)))))
            case .open(let request):
                do {
                    queue += try push(factory.make(request, settings))
                } catch {
                    failure = error
                }
            case .back:
                queue += close(id)
            case .remember(let change, let then):
                settings.apply(change)
                if let store = settingsStore {
                    let outcome = store.save(change)
                    if let then { queue += tagged(id, update(id, .message(then(outcome)))) }
                }
            case .quit(let status):
                exitStatus = status
            case .exitOnSignal(let signal):
                exitSignal = signal
            }
        }
    }

    private func tagged(_ id: Int, _ commands: [Command<ScreenMessage>]) -> [(Int, Command<ScreenMessage>)] {
        commands.map { (id, $0) }
    }

    /// Hands `event` to screen `id` (nothing when it is closed), with the time now as its clock.
    private mutating func update(_ id: Int, _ event: ProgramEvent<ScreenMessage>) -> [Command<ScreenMessage>] {
        guard let i = stack.firstIndex(where: { $0.id == id }) else { return [] }
        stack[i].clock = Clock.fixed(effects.now(), timeZone: stack[i].clock.timeZone)
        return stack[i].update(event)
    }

    /// Puts `screen` on top: its start, then its size.
    private mutating func push(_ screen: Screen) -> [(Int, Command<ScreenMessage>)] {
        var screen = screen
        let id = nextID
        nextID += 1
        screen.id = id
        screen.clock = Clock.fixed(effects.now(), timeZone: screen.clock.timeZone)
        var commands = screen.start()
        stack.append(screen)
        commands += update(id, .terminal(.resize(width: width, height: height)))
        return tagged(id, commands)
    }

    /// Takes screen `id` off the stack; the one now on top resumes, with its size. The first
    /// screen closing ends the run.
    private mutating func close(_ id: Int) -> [(Int, Command<ScreenMessage>)] {
        guard let i = stack.firstIndex(where: { $0.id == id }) else { return [] }
        let closed = stack.remove(at: i)
        guard let top = stack.indices.last else {
            closedRoot = closed
            exitStatus = 0
            return []
        }
        guard i == stack.count else { return [] }
        let topID = stack[top].id
        stack[top].clock = Clock.fixed(effects.now(), timeZone: stack[top].clock.timeZone)
        let commands = stack[top].resume() + update(topID, .terminal(.resize(width: width, height: height)))
        return tagged(topID, commands)
    }
}
