import ArgumentParser
import CDebriefFiles
import DebriefApp
import DebriefCore
import DebriefIndex
import DebriefTerminal
import DebriefUI
#if canImport(Glibc)
import Glibc
#endif

/// One TUI run: the terminal, the journal cache every screen reads through, and the app's
/// ``Runtime``, which keeps the screens as a stack (home's `f` opens the follow-ups over home; `q`
/// there goes back to home where it was) and the settings screens choose.
///
/// Every screen reads the journal through one ``JournalCache``, so after the first full read,
/// moving between screens costs a stat per file and a read per changed file. All screens draw
/// on one terminal: switching screens neither flickers nor drops keys typed ahead.
@MainActor
final class Session {
    let context: Context
    let cache: JournalCache
    /// How far a long background read has come (a cold index build), for the screens' bars.
    private let progress = ReadProgress()

    init(_ context: Context) {
        // One malloc arena for the session's threads (see the function's header): each screen's
        // read then reuses what the reads before it freed, instead of growing beside them.
        _ = debrief_malloc_one_arena()
        self.context = context
        cache = JournalCache(store: context.store)
        // The screens show the index's progress, not stderr, which the screen draws over.
        let progress = self.progress
        (context.store.index as? JournalIndex)?.onProgress { done, total in progress.report(done: done, total: total) }
    }

    /// The settings the run starts from: what the command line, debrief's state file and the
    /// config file say now; from then on the runtime holds them (a screen's choice reaches the
    /// screens opened after it without reading the file again).
    func settings(flow: String? = nil) -> AppSettings {
        AppSettings(coldDays: context.coldDays(), reflectionFlow: context.reflectionFlow(flag: flow))
    }

    /// Runs the screen `request` names, and whatever it opens in turn, until it goes back;
    /// returns the runtime as the run ended (the first screen in ``Runtime/closedRoot``). Exits
    /// with the status a screen quit with, or 64 when there is no terminal.
    @discardableResult
    func run(_ request: ScreenRequest) throws -> Runtime {
        let settings = self.settings()
        return try run(try Screens(context: context, cache: cache).make(request, settings), settings: settings)
    }

    /// Runs `root` and whatever it opens, as ``run(_:)`` does.
    func run(_ root: Screen, settings: AppSettings? = nil) throws -> Runtime {
        let settings = settings ?? self.settings()
        let screens = Screens(context: context, cache: cache)
        guard let terminal = TerminalRunner.open(environment: context.screenEnvironment) else { throw ExitCode(Exit.usage) }
        defer { terminal.close() }
        let effects = TerminalEffects(terminal: terminal, environment: context.screenEnvironment,
                                      scratch: context.store.draftsDirectory, clock: context.clock)
        let store = DebriefState.path(environment: context.environment).map(SettingsStore.stateFile)
        let runtime = Runtime(settings: settings, factory: ScreenFactory(screens.make), settingsStore: store, effects: effects,
                              width: terminal.width, height: terminal.height)
        let ended = TerminalRunner.run(runtime, from: root, on: terminal, effects: effects, progress: progress)
        if let failure = ended.failure { throw failure }
        if let status = ended.exitStatus, status != 0 { throw ExitCode(status) }
        return ended
    }
}
