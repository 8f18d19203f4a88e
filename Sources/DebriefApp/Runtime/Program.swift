import DebriefUI

/// A full-screen program in the Elm shape (bubbletea's Model/Update/View): a value that takes
/// events and returns commands, and renders itself into a frame. It never touches the terminal or
/// the disk itself; the runtime performs its commands and feeds the results back as messages, so
/// tests drive it with scripted keys and assert on frames and state.
public protocol Program {
    associatedtype Message: Sendable

    /// Work to begin before the first event (bubbletea's `Init`): typically a background read of
    /// the journal, so the first frame draws at once and fills in when the read arrives.
    mutating func start() -> [Command<Message>]

    /// Handles a terminal event or the result of an earlier command.
    mutating func update(_ event: ProgramEvent<Message>) -> [Command<Message>]

    /// The whole screen at the given size.
    func view(width: Int, height: Int) -> Frame

    /// The message saying a background read of the journal has read `done` of `total` files (a
    /// cold index build of a large journal), for a screen that shows a bar meanwhile; nil (the
    /// default) when the screen shows none. The runtime asks while background work runs.
    func readProgress(done: Int, total: Int) -> Message?
}

extension Program {
    public mutating func start() -> [Command<Message>] { [] }

    public func readProgress(done: Int, total: Int) -> Message? { nil }
}

/// What reaches a program.
public enum ProgramEvent<Message: Sendable>: Sendable {
    case terminal(TerminalEvent)
    case message(Message)
}

/// What a program asks the runtime to do.
public enum Command<Message: Sendable>: Sendable {
    /// Do some I/O (save a draft, write an entry) and report back before the next frame.
    case perform(@Sendable () -> Message)
    /// Do slow work (read the whole journal) off the main thread while the screen stays live;
    /// its message arrives with a later event. Programs show that it is under way.
    case background(@Sendable () -> Message)
    /// Suspend the screen, open `text` in `$VISUAL`/`$EDITOR`, and report the edited text.
    case editText(String, fileSuffix: String, then: @Sendable (EditorOutcome) -> Message)
    /// Suspend the screen and open an existing file in the editor.
    case editFile(String, then: @Sendable (EditorOutcome) -> Message)
    /// Restore the terminal and exit with this status.
    case quit(Int32)
    /// Restore the terminal and die of this signal (after the program saved what it had).
    case exitOnSignal(Int32)
}

/// How a trip to the external editor ended.
public enum EditorOutcome: Sendable, Equatable {
    /// The editor exited 0; the file's text.
    case edited(String)
    /// The editor could not run or exited non-zero.
    case failed(String)
}
