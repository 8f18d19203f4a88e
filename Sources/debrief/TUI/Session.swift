import ArgumentParser
import DebriefApp
import DebriefCore
import DebriefTerminal
import DebriefUI
#if canImport(Glibc)
import Glibc
#endif

/// The screens of one TUI run as a stack: a screen that opens another (home's `f`, a follow-up's
/// Enter) quits with a ``Handoff``; the session runs that screen and then the first one again,
/// where it was. `q` on a screen therefore always goes back one step, and on home leaves debrief.
///
/// Every screen reads the journal through one ``JournalCache``, so after the first full read,
/// moving between screens costs a stat per file and a read per changed file. All screens draw
/// on one terminal, opened by the first and restored by ``close()``: switching screens neither
/// flickers nor drops keys typed ahead.
@MainActor
final class Session {
    private(set) var context: Context
    let cache: JournalCache
    private var terminal: Terminal?

    init(_ context: Context) {
        self.context = context
        cache = JournalCache(store: context.store)
    }

    /// Restores the terminal; call it (in a `defer`) before anything is printed.
    func close() {
        terminal?.close()
        terminal = nil
    }

    /// The session's terminal, opened on first use; exits 64 with a one-line reason when there is none.
    private func screen() throws -> Terminal {
        if let terminal { return terminal }
        guard let opened = TerminalRunner.open(environment: context.screenEnvironment) else { throw ExitCode(Exit.usage) }
        terminal = opened
        return opened
    }

    /// Runs the screen `target` names, and whatever it opens in turn, until the user leaves it.
    func open(_ target: Handoff) throws {
        // A screen may have remembered a choice meanwhile (the people screen's cold days): the
        // next screen starts from it, as the next run would.
        context.reloadState()
        Trace.mark("screen: \(target)")
        switch target {
        case .newReflection:
            try run(ReflectionProgram(ReflectionCommand.newSetup(context, cache: cache)))
        case .editEntry(let id):
            try run(ReflectionProgram(try ReflectionCommand.editSetup(context, cache: cache, id: id)))
        case .browse:
            try run(browse())
        case .entry(let id):
            let entry = try context.store.read(try context.store.find(id))
            try run(BrowseProgram(store: context.store, catalog: context.catalog, clock: context.clock, entry: entry, cache: cache))
        case .review:
            try run(ReviewProgram(cache: cache, catalog: context.catalog, clock: context.clock,
                                  unicode: Review.utf8Locale(context.environment), coldDays: context.coldDays()))
        case .followUps:
            try run(FollowUpsProgram(cache: cache, clock: context.clock))
        case .people:
            try run(PeopleProgram(cache: cache, clock: context.clock, coldDays: context.coldDays(),
                                  statePath: DebriefState.path(environment: context.environment)))
        }
    }

    /// Runs `program`; each time it hands off, runs that screen and then `program` again.
    func run<P: Program & HandsOff>(_ program: P) throws {
        var program = program
        while true {
            let (status, after) = TerminalRunner.run(program, on: try screen(), environment: context.screenEnvironment,
                                                     scratch: context.store.draftsDirectory)
            if status != 0 { throw ExitCode(status) }
            guard let next = after.handoff else { return }
            program = after
            try open(next)
        }
    }

    /// Runs a screen that never opens another (the guided reflection).
    func run<P: Program>(_ program: P) throws {
        let status = TerminalRunner.run(program, on: try screen(), environment: context.screenEnvironment,
                                                     scratch: context.store.draftsDirectory).status
        if status != 0 { throw ExitCode(status) }
    }

    /// The browser, with the newest few pages read before the first frame and the rest on idle ticks.
    func browse() -> BrowseProgram {
        BrowseProgram(store: context.store, catalog: context.catalog, clock: context.clock,
                      scan: context.store.scan(), firstPage: max(100, Self.terminalRows() * 3), cache: cache)
    }

    /// Rows of the terminal on stdout (24 when unknown), for sizing what is read before the first
    /// frame; the runtime tells programs the exact size before they draw.
    static func terminalRows() -> Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
