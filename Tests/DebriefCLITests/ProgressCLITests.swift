import Foundation
import Testing

/// A CLI command whose index read takes a while shows a progress bar on stderr when stderr is a
/// terminal, and clears it before printing; piped stderr never sees it. The bar waits about a
/// second; `DEBRIEF_PROGRESS_AFTER_MS` (for tests) shortens the wait so a small journal shows it.
/// The terminal is util-linux `script`'s pseudo-terminal, whose output holds stdout and stderr.
@Suite struct ProgressCLITests {
    static let files = 200

    /// A journal of `files` entries and no index yet, so the next command reads every file.
    static func journal() throws -> BinaryRunner {
        let debrief = try BinaryRunner()
        for i in 0..<files {
            let d = String(format: "2026-%02d-%02d", 1 + i % 10, 1 + i % 28)
            let id = "\(d)-1830-event-\(i)"
            try debrief.write(IndexHonestyCLITests.entry(i, day: d), to: IndexHonestyCLITests.path(debrief, id))
        }
        return debrief
    }

    /// Runs `debrief args…` with stdin, stdout and stderr on a pseudo-terminal; what it showed.
    static func onTerminal(_ debrief: BinaryRunner, _ args: [String], env: [String: String]) throws -> String {
        let command = ([BinaryRunner.binary] + args).map { "'" + $0 + "'" }.joined(separator: " ")
        var environment = debrief.baseEnvironment.merging(env) { $1 }
        environment["SHELL"] = "/bin/sh"
        environment["TERM"] = "xterm-256color"
        let r = try Subprocess.run("/usr/bin/script", ["-q", "-e", "-c", "exec " + command, "/dev/null"],
                                   environment: environment, stdin: "", directory: debrief.root, timeout: 60)
        try #require(r.status == 0, "script: \(r.status) \(r.stderr)")
        return r.stdout
    }

    /// The terminal's text without progress lines (`\r…ESC[K`) and with the tty's CRLF as LF.
    static func withoutProgress(_ shown: String) -> String {
        shown.replacingOccurrences(of: "\r[^\r\n]*\u{1B}\\[K", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func aColdBuildOnATerminalShowsABarThenClearsItBeforeTheOutput() throws {
        let debrief = try Self.journal()
        let piped = try debrief.run(["people"], env: ["DEBRIEF_INDEX": "off"])
        #expect(piped.status == 0)
        let shown = try Self.onTerminal(debrief, ["people"], env: ["DEBRIEF_PROGRESS_AFTER_MS": "0"])
        #expect(shown.contains("Reading the journal "), "no bar on the terminal:\n\(shown.debugDescription)")
        #expect(shown.contains(" of \(Self.files) files\u{1B}[K"), "no count:\n\(shown.debugDescription)")
        #expect(shown.contains("━"), "the bar has no filled part:\n\(shown.debugDescription)")
        // Cleared before the first line of output: the bar never ends up between the lines.
        let bar = try #require(shown.range(of: "Reading the journal "))
        let firstLine = try #require(piped.stdout.split(separator: "\n").first)
        let output = try #require(shown.range(of: String(firstLine)))
        #expect(shown[bar.upperBound..<output.lowerBound].hasSuffix("\r\u{1B}[K"), "not cleared:\n\(shown.debugDescription)")
        #expect(Self.withoutProgress(shown) == piped.stdout)
    }

    @Test func pipedStderrNeverSeesTheBar() throws {
        let debrief = try Self.journal()
        let files = try debrief.run(["people"], env: ["DEBRIEF_INDEX": "off"])
        let cold = try debrief.run(["people"], env: ["DEBRIEF_PROGRESS_AFTER_MS": "0"])
        #expect(cold.status == 0)
        #expect(cold.stderr == "", "stderr: \(cold.stderr.debugDescription)")
        #expect(cold.stdout == files.stdout)
    }

    @Test func aQuickReadShowsNoBarBeforeTheDelay() throws {
        let debrief = try Self.journal()
        let piped = try debrief.run(["people"], env: ["DEBRIEF_INDEX": "off"])
        let shown = try Self.onTerminal(debrief, ["people"], env: ["DEBRIEF_PROGRESS_AFTER_MS": "60000"])
        #expect(!shown.contains("Reading the journal"), "a bar before its delay:\n\(shown.debugDescription)")
        #expect(!shown.contains("\u{1B}[K"))
        #expect(shown.replacingOccurrences(of: "\r\n", with: "\n") == piped.stdout)
    }
}
