import DebriefCore
import DebriefUI
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The progress bar a CLI command shows on stderr while the index reads many files (a cold build
/// of a large journal): only when stderr is a terminal, only once the command has run for about a
/// second (a quick command never flickers), redrawn at most ten times a second, and cleared when
/// the read is done, so what the command prints next starts on a clean line. Piped or redirected
/// stderr never sees it, so scripts and tests get the same bytes as before.
///
/// Screens own the terminal: once one opens (``screenOpening()``), the bar is cleared and stays
/// off for the rest of the process.
final class StderrProgress: Sendable {
    /// How long a command runs before the bar appears. `DEBRIEF_PROGRESS_AFTER_MS` overrides it;
    /// it exists for tests, which cannot build a journal slow enough to take a second.
    static let defaultDelay: Double = 1.0

    private let started: Double
    private let delay: Double
    private let ascii: Bool

    /// What is on stderr now; one per process, shared with ``screenOpening()``.
    private static let state = Mutex(Shown())

    private struct Shown {
        var visible = false
        var lastDraw: Double = 0
        /// Set when a screen took the terminal: no bar may be written over curses.
        var screen = false
    }

    /// A reporter when stderr is a terminal, else nil.
    init?(environment: [String: String]) {
        guard isatty(2) == 1, environment["TERM"] != "dumb" else { return nil }
        started = Self.now()
        delay = environment["DEBRIEF_PROGRESS_AFTER_MS"].flatMap(Double.init).map { $0 / 1000 } ?? Self.defaultDelay
        ascii = !Review.utf8Locale(environment)
    }

    /// Called (from any thread) with the files read so far and the files to read.
    func report(done: Int, total: Int) {
        let now = Self.now()
        Self.state.withLock { shown in
            guard !shown.screen else { return }
            if done >= total {
                if shown.visible { Output.clearProgress() }
                shown.visible = false
                return
            }
            guard now - started >= delay, now - shown.lastDraw >= 0.1 || !shown.visible else { return }
            shown.visible = true
            shown.lastDraw = now
            Output.progress(ReadProgressLine.text(done: done, total: total, width: Self.width() - 1, ascii: ascii))
        }
    }

    /// Clears any bar and keeps it off: a screen is about to draw on the terminal.
    static func screenOpening() {
        state.withLock { shown in
            if shown.visible { Output.clearProgress() }
            shown.visible = false
            shown.screen = true
        }
    }

    /// Columns of the terminal on stderr (80 when unknown).
    private static func width() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
