import ArgumentParser
import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `debrief browse`: past entries in the TUI.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Browse, search and edit past entries.",
        discussion: "Keys: / search, F filter, Enter open, Space marks a follow-up done, E edit the file, d delete, u undo, ? help."
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreens() }
    }

    @MainActor
    private func runScreens() throws {
        try runReportingErrors {
            let context = try Context(journal)
            if let note = try Screens.browseSession(context).flatMap(Screens.unavailable) { Output.note(note) }
        }
    }
}

/// `debrief` with no arguments: the home screen, and the screens it leads to.
struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The home screen: follow-ups due and recent reflections (the default).",
        shouldDisplay: false
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        // ArgumentParser calls `run` on the main thread; the terminal lives on the main actor.
        try MainActor.assumeIsolated { try runScreens() }
    }

    @MainActor
    private func runScreens() throws {
        try runReportingErrors {
            let context = try Context(journal)
            var notice: String?
            while true {
                let home = HomeProgram(snapshot: context.store.loadAll(), clock: context.clock, notice: notice)
                let (status, handoff) = Screens.run(home, context)
                notice = nil
                guard status == 0, let handoff else {
                    if status != 0 { throw ExitCode(status) }
                    return
                }
                switch handoff {
                case .browse:
                    notice = try Screens.browseSession(context).flatMap(Screens.unavailable)
                case .newReflection:
                    try ReflectionCommand.run(ReflectionCommand.newSetup(context), environment: context.environment)
                case .editEntry(let id):
                    try ReflectionCommand.run(try ReflectionCommand.editSetup(context, id: id), environment: context.environment)
                default:
                    notice = Screens.unavailable(handoff)
                }
            }
        }
    }
}

/// Runs the TUI programs and reads where each one wants to go next.
@MainActor
enum Screens {
    /// Browse until the user leaves it: `e` runs the guided edit and comes back to the list.
    /// Returns where the user wanted to go instead, if anywhere.
    static func browseSession(_ context: Context) throws -> Handoff? {
        while true {
            let (status, handoff) = browse(context)
            if status != 0 { throw ExitCode(status) }
            guard case .editEntry(let id)? = handoff else { return handoff }
            try ReflectionCommand.run(try ReflectionCommand.editSetup(context, id: id), environment: context.environment)
        }
    }

    static func browse(_ context: Context) -> (Int32, Handoff?) {
        let size = terminalSize()
        // The newest few pages before the first frame, the rest on idle ticks.
        let program = BrowseProgram(store: context.store, catalog: context.catalog, clock: context.clock,
                                    refs: context.store.refs(), firstPage: max(100, size.height * 3),
                                    width: size.width, height: size.height)
        return run(program, context)
    }

    /// Runs `program` to its end; the handoff is recorded after every update because the runner
    /// hands back only the exit status.
    static func run<P: Program & HandsOff>(_ program: P, _ context: Context) -> (Int32, Handoff?) {
        let box = HandoffBox()
        let status = TerminalRunner.run(Recording(inner: program, box: box), environment: context.environment)
        return (status, box.value)
    }

    /// What to tell the user about a screen that is not part of this build yet.
    static func unavailable(_ handoff: Handoff) -> String? {
        switch handoff {
        case .browse: return nil
        case .newReflection, .editEntry: return nil
        case .review: return "The review screen is not in the TUI yet; run `debrief review` in the shell."
        case .followUps: return "The follow-ups screen is not in the TUI yet; run `debrief followups` in the shell."
        case .people: return "The people screen is not in the TUI yet; run `debrief people` in the shell."
        }
    }

    /// Rows and columns of the terminal on stdout (80×24 when unknown).
    static func terminalSize() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}

/// Where a finished program wanted to go.
final class HandoffBox {
    var value: Handoff?
}

/// A program that copies its inner program's handoff into a box after each update.
struct Recording<P: Program & HandsOff>: Program {
    var inner: P
    let box: HandoffBox

    mutating func update(_ event: ProgramEvent<P.Message>) -> [Command<P.Message>] {
        let commands = inner.update(event)
        box.value = inner.handoff
        return commands
    }

    func view(width: Int, height: Int) -> Frame { inner.view(width: width, height: height) }
}
