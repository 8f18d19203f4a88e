import CNcursesw

// Every call into the shim's signal functions lives in this file: they share static C
// variables, and each Swift file would get its own copy of them.
extension Terminal {
    /// Installs the flag-setting handlers for SIGTERM/SIGHUP/SIGINT and the restore-and-reraise
    /// handlers for crash signals, and marks the screen as needing restoration.
    static func installSignalHandlers() {
        debrief_install_signal_handlers()
        debrief_set_screen_active(1)
    }

    /// After this, a crash no longer calls `endwin()` (the screen is already restored).
    static func markScreenInactive() { debrief_set_screen_active(0) }

    /// The termination signal received since the last call, if any.
    static func takePendingSignal() -> Int32? {
        let signal = debrief_take_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Ignores SIGINT/SIGQUIT while a child owns the terminal, and restores our handler after.
    static func setChildOwnsTerminal(_ owns: Bool) {
        debrief_ignore_interactive_signals(owns ? 1 : 0)
        if owns { debrief_set_screen_active(0) } else { debrief_set_screen_active(1) }
    }

    static func reraise(_ signal: Int32) {
        debrief_reraise(signal)
    }
}
