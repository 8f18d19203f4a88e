#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data goes to stdout, messages to stderr, so output pipes cleanly.
enum Output {
    static func print(_ text: String) {
        write(1, text.hasSuffix("\n") ? text : text + "\n")
    }

    static func error(_ message: String) {
        write(2, "debrief: " + message + "\n")
    }

    static func note(_ message: String) {
        write(2, message + "\n")
    }

    private static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Whether escape codes may be written to stdout: a terminal, and no `NO_COLOR`.
    static func colorAllowed(environment: [String: String]) -> Bool {
        isatty(1) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}
