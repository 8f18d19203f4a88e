import CNcursesw

extension Terminal {
    /// Hands the terminal to `body` (e.g. running `$VISUAL` on the draft) and takes it back.
    ///
    /// Leaves curses mode (cooked tty, main screen, bracketed paste off), ignores SIGINT/SIGQUIT
    /// as `system(3)` does so Ctrl-C reaches only the child, and afterwards restores the program
    /// mode and repaints everything on the next draw.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        guard isOpen else { return try body() }
        def_prog_mode()
        endwin()
        Terminal.writeRaw(Terminal.bracketedPasteOff)
        Terminal.setChildOwnsTerminal(true)
        defer {
            Terminal.setChildOwnsTerminal(false)
            Terminal.writeRaw(Terminal.bracketedPasteOn)
            reset_prog_mode()
            needsClear = true
            width = Int(getmaxx(window))
            height = Int(getmaxy(window))
            wrefresh(window)
        }
        return try body()
    }
}
