import DebriefCore
import DebriefUI

/// A full-screen program in the Elm shape (bubbletea's Model/Update/View): a value that takes
/// events and returns commands, and renders itself into a frame. It never touches the terminal,
/// the disk or the real clock itself; the ``Runtime`` performs its commands and feeds the results
/// back as messages, so tests drive it with scripted keys and assert on frames and state.
///
/// A program is one screen. Opening another screen, going back and remembering a setting are
/// commands too (``Command/open(_:)``, ``Command/back``, ``Command/remember(_:then:)``): the
/// screens of a run are a stack the runtime keeps as data, never the Swift call stack.
public protocol Program {
    associatedtype Message: Sendable

    /// The time as of the event being handled: the runtime reads its clock (an effect) before
    /// each event and passes the moment in here, as a stopped clock, so `update` and `view` see
    /// one instant and a view never reads the time itself (a screen left open past midnight
    /// says "today" of the new day at the next key).
    var clock: Clock { get set }

    /// Work to begin before the first event (bubbletea's `Init`): typically a background read of
    /// the journal, so the first frame draws at once and fills in when the read arrives.
    mutating func start() -> [Command<Message>]

    /// The screen is on top again: the one opened over it went back. Screens that show the
    /// journal read it again here (the other screen may have changed it).
    mutating func resume() -> [Command<Message>]

    /// Handles a terminal event or the result of an earlier command.
    mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>]

    /// The whole screen at the given size: a function of the state and the size alone.
    func view(width: Int, height: Int) -> Frame

    /// The message saying a background read of the journal has read `done` of `total` files (a
    /// cold index build of a large journal), for a screen that shows a bar meanwhile; nil (the
    /// default) when the screen shows none. The runtime asks while background work runs.
    func readProgress(done: Int, total: Int) -> Message?
}

extension Program {
    public mutating func start() -> [Command<Message>] { [] }

    public mutating func resume() -> [Command<Message>] { [] }

    public func readProgress(done: Int, total: Int) -> Message? { nil }
}

/// What reaches a program.
public enum ProgramEvent<Message: Sendable>: Sendable {
    case terminal(TerminalEvent)
    case message(Message)
}

/// What a program asks the runtime to do.
public enum Command<Message: Sendable>: Sendable {
    /// Nothing: for code that returns one command whatever happened.
    case none
    /// Several commands, performed in order.
    case batch([Command<Message>])
    /// Do some I/O (save a draft, write an entry) and report back before the next frame.
    case perform(@Sendable () -> Message)
    /// Do slow work (read the whole journal) off the main thread while the screen stays live;
    /// its message arrives with a later event. Programs show that it is under way.
    case background(@Sendable () -> Message)
    /// Suspend the screen, open `text` in `$VISUAL`/`$EDITOR`, and report the edited text.
    case editText(String, fileSuffix: String, then: @Sendable (EditorOutcome) -> Message)
    /// Suspend the screen and open an existing file in the editor.
    case editFile(String, then: @Sendable (EditorOutcome) -> Message)
    /// Open the screen `request` names over this one; when it goes back, this one resumes
    /// (``Program/resume()``) where it was.
    case open(ScreenRequest)
    /// Close this screen: the one under it resumes; closing the first screen ends the run with status 0.
    case back
    /// Keep a setting chosen on this screen for the rest of the run (the app's model, which
    /// screens opened later start from) and in debrief's state file; `then` reports the write
    /// (nil when it was remembered, else why not); nil for a screen with nothing to say about it.
    /// Nothing comes back when the run remembers nothing (a test without a state file).
    case remember(SettingChange, then: (@Sendable (String?) -> Message)?)
    /// Restore the terminal and leave debrief with this status, whatever screens are open.
    case quit(Int32)
    /// Restore the terminal and die of this signal (after the program saved what it had).
    case exitOnSignal(Int32)

    /// The same command with its messages turned into another program's (a screen holding a
    /// part, or the runtime tagging a screen's messages with the screen they are for).
    public func map<Other: Sendable>(_ transform: @escaping @Sendable (Message) -> Other) -> Command<Other> {
        switch self {
        case .none: return .none
        case .batch(let commands): return .batch(commands.map { $0.map(transform) })
        case .perform(let work): return .perform { transform(work()) }
        case .background(let work): return .background { transform(work()) }
        case .editText(let text, let suffix, let then): return .editText(text, fileSuffix: suffix, then: { transform(then($0)) })
        case .editFile(let path, let then): return .editFile(path, then: { transform(then($0)) })
        case .open(let request): return .open(request)
        case .back: return .back
        case .remember(let change, let then):
            guard let then else { return .remember(change, then: nil) }
            return .remember(change, then: { transform(then($0)) })
        case .quit(let status): return .quit(status)
        case .exitOnSignal(let signal): return .exitOnSignal(signal)
        }
    }
}

/// How a trip to the external editor ended.
public enum EditorOutcome: Sendable, Equatable {
    /// The editor exited 0; the file's text.
    case edited(String)
    /// The editor could not run or exited non-zero.
    case failed(String)
}
