import DebriefCore
import DebriefUI

/// One screen of the stack the runtime keeps: any ``Program``, with its message type hidden so
/// screens of every kind share one stack, and the request it was opened for.
///
/// Messages travel as ``ScreenMessage`` and are handed back to the program only when they are
/// of its own type; the runtime tags each with the screen that asked for the work, so a read
/// that finishes after its screen was closed reaches nobody.
public struct Screen {
    /// What the screen was opened for; nil for a screen built directly (a test's).
    public let request: ScreenRequest?
    /// Which screen of the run this is, given by the runtime when it is pushed.
    var id = -1
    private var box: any ScreenBox

    public init<P: Program>(_ program: P, request: ScreenRequest? = nil) {
        self.request = request
        box = ProgramBox(program: program)
    }

    /// The program, when it is a `P`: for the executable to read what a screen ended with (the
    /// id a reflection saved) and for tests.
    public func program<P: Program>(as type: P.Type) -> P? {
        box.unwrap(type)
    }

    var clock: Clock {
        get { box.clock }
        set { box.clock = newValue }
    }

    mutating func start() -> [Command<ScreenMessage>] { box.start() }

    mutating func resume() -> [Command<ScreenMessage>] { box.resume() }

    mutating func update(_ event: ProgramEvent<ScreenMessage>) -> [Command<ScreenMessage>] { box.update(event) }

    public func view(width: Int, height: Int) -> Frame { box.view(width: width, height: height) }

    func readProgress(done: Int, total: Int) -> ScreenMessage? { box.readProgress(done: done, total: total) }
}

/// A message of some screen's own type, on its way back to that screen.
public struct ScreenMessage: Sendable {
    let value: any Sendable
}

private protocol ScreenBox {
    var clock: Clock { get set }
    mutating func start() -> [Command<ScreenMessage>]
    mutating func resume() -> [Command<ScreenMessage>]
    mutating func update(_ event: ProgramEvent<ScreenMessage>) -> [Command<ScreenMessage>]
    func view(width: Int, height: Int) -> Frame
    func readProgress(done: Int, total: Int) -> ScreenMessage?
    func unwrap<Q: Program>(_ type: Q.Type) -> Q?
}

private struct ProgramBox<P: Program>: ScreenBox {
    var program: P

    var clock: Clock {
        get { program.clock }
        set { program.clock = newValue }
    }

    static func wrap(_ commands: [Command<P.Message>]) -> [Command<ScreenMessage>] {
        commands.map { $0.map { ScreenMessage(value: $0) } }
    }

    mutating func start() -> [Command<ScreenMessage>] { Self.wrap(program.start()) }

    mutating func resume() -> [Command<ScreenMessage>] { Self.wrap(program.resume()) }

    mutating func update(_ event: ProgramEvent<ScreenMessage>) -> [Command<ScreenMessage>] {
        switch event {
        case .terminal(let event):
            return Self.wrap(program.update(.terminal(event)))
        case .message(let message):
            guard let own = message.value as? P.Message else { return [] }
            return Self.wrap(program.update(.message(own)))
        }
    }

    func view(width: Int, height: Int) -> Frame { program.view(width: width, height: height) }

    func readProgress(done: Int, total: Int) -> ScreenMessage? {
        program.readProgress(done: done, total: total).map { ScreenMessage(value: $0) }
    }

    func unwrap<Q: Program>(_ type: Q.Type) -> Q? { program as? Q }
}
