import DebriefCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data goes to stdout, messages to stderr, so output pipes cleanly.
///
/// The one place the CLI's human-readable output is made terminal-safe: `print`, `error` and
/// `note` pass everything through ``TerminalSafe/text(_:)``, so a title, a name, a note or a file
/// name holding escape codes is shown, never obeyed. JSON (``json(_:)``) escapes controls itself,
/// and ``styled(_:)`` takes only text whose every run was made safe by the renderer that
/// coloured it.
enum Output {
    /// Human-readable data (text, Markdown) on stdout.
    static func print(_ text: String) {
        print(lines: [text])
    }

    /// Lines of human-readable data on stdout, each as ``print(_:)`` writes it, in one write: a
    /// batch of `list`'s lines (a write each was 10,000 system calls for a word in nearly every
    /// entry at 10,000 entries).
    static func print(lines: [String]) {
        var bytes: [UInt8] = []
        for text in lines {
            let safe = TerminalSafe.text(text)
            bytes += safe.utf8
            if !safe.hasSuffix("\n") { bytes.append(10) }
        }
        write(1, bytes)
    }

    /// JSON on stdout: ``JSONValue`` escapes every control character, C1 included.
    static func json(_ text: String) {
        line(1, text)
    }

    /// JSON made as bytes (``JSONWriter``) on stdout, with its line end: made into a `String`
    /// first, it was validated and copied twice more on the way out (4 MB for `followups --all
    /// --format json` at 10,000 entries; 110 M instructions).
    static func json(_ writer: JSONWriter) {
        var bytes = writer.bytes
        bytes.append(0x0A)
        write(1, bytes)
    }

    /// A piece of JSON on stdout as it is produced (``JSONValue/ArrayWriter``), no line end added.
    static func jsonPart(_ bytes: [UInt8]) {
        write(1, bytes)
    }

    /// An iCalendar file on stdout, byte for byte: its CRLF line ends and folded lines are the
    /// format, and ``ICalendar/escape(_:)`` already dropped every control character from its text.
    static func calendar(_ text: String) {
        write(1, text)
    }

    /// Text with debrief's own colour codes (``ReviewText`` in colour), whose runs of entry text
    /// the renderer passed through ``TerminalSafe/text(_:)`` before wrapping them in codes.
    static func styled(_ text: String) {
        line(1, text)
    }

    static func error(_ message: String) {
        write(2, "debrief: " + TerminalSafe.text(message) + "\n")
    }

    static func note(_ message: String) {
        write(2, TerminalSafe.text(message) + "\n")
    }

    /// A progress line on stderr (``StderrProgress``, only when stderr is a terminal): drawn over
    /// the previous one from the start of the line, ending with erase-to-end-of-line.
    static func progress(_ text: String) {
        write(2, "\r" + TerminalSafe.text(text) + "\u{1B}[K")
    }

    /// Removes the progress line, leaving the cursor at the start of an empty line.
    static func clearProgress() {
        write(2, "\r\u{1B}[K")
    }

    private static func line(_ fd: Int32, _ text: String) {
        write(fd, text.hasSuffix("\n") ? text : text + "\n")
    }

    private static func write(_ fd: Int32, _ text: String) {
        write(fd, Array(text.utf8))
    }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) {
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
