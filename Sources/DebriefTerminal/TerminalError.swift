/// Why the terminal could not be opened. Nothing has been written to the screen when these are
/// thrown, so the app can print ``description`` as a plain one-line message and exit (64).
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a TTY (piped, redirected, run from cron).
    case notATerminal(stdin: Bool, stdout: Bool)
    /// `TERM` names a terminal curses does not know (or is unset).
    case unknownTerminal(String)
    /// Another ``Terminal`` is still open; curses supports one screen here.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal(let stdin, let stdout):
            let which = [stdin ? nil : "stdin", stdout ? nil : "stdout"].compactMap { $0 }
            let verb = which.count > 1 ? "are not terminals" : "is not a terminal"
            return "\(which.joined(separator: " and ")) \(verb); the interactive journal needs one (try a subcommand that prints instead)"
        case .unknownTerminal(let name):
            return name.isEmpty ? "TERM is not set; cannot start the terminal interface"
                                : "unknown terminal type '\(name)' (check TERM)"
        case .alreadyOpen:
            return "the terminal is already open"
        }
    }
}
