import CDebriefSignals
import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// The screen's side of signal handling; the state and the handlers live in the C target
/// `CDebriefSignals`, defined once for the whole process.
extension Terminal {
    /// Records the terminal's modes before curses changes them, for the crash path.
    static func saveTerminalModes() {
        _ = debrief_signals_save_terminal(STDIN_FILENO)
    }

    /// Installs the flag-setting handlers for SIGTERM/SIGHUP/SIGINT and the restore-and-reraise
    /// handlers for crash signals, with the reset bytes the crash path writes, computed now from
    /// terminfo (a handler may not call curses): attributes off, cursor visible, keypad off,
    /// alternate screen off, bracketed paste off.
    static func installSignalHandlers() {
        var reset: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = debrief_terminfo_string(capability) {
                reset += Array(String(cString: value).utf8)
            }
        }
        reset += Array(bracketedPasteOff.utf8)
        reset.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { debrief_signals_set_reset_bytes($0.baseAddress, $0.count) }
        }
        debrief_signals_install()
    }

    /// Gives back the signal actions the screen replaced; after this a crash no longer touches
    /// the terminal (it is already restored).
    static func restoreSignalHandlers() { debrief_signals_restore() }

    /// The termination signal received since the last call, if any.
    static func takePendingSignal() -> Int32? {
        let signal = debrief_signals_take_pending()
        return signal == 0 ? nil : signal
    }

    /// The termination signal received and not yet taken by the event loop, if any, left for
    /// it: a wait for the editor passes it on to the editor (``ForegroundProcess``).
    nonisolated public static func pendingSignal() -> Int32? {
        let signal = debrief_signals_peek_pending()
        return signal == 0 ? nil : signal
    }

    /// Makes a child spawned with `actions` put its process group in the terminal's foreground
    /// (`fd`) before it starts, as a shell's job control does; false where that cannot be done.
    nonisolated public static func spawnInForeground(_ actions: inout posix_spawn_file_actions_t, terminal fd: Int32) -> Bool {
        debrief_spawn_add_foreground(&actions, fd) == 0
    }

    /// Ignores SIGINT/SIGQUIT while a child owns the terminal, and restores our handler after.
    static func setChildOwnsTerminal(_ owns: Bool) {
        debrief_signals_child_owns_terminal(owns ? 1 : 0)
    }

    static func reraise(_ signal: Int32) {
        debrief_signals_reraise(signal)
    }
}
