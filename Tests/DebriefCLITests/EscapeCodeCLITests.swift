import Foundation
import Testing

/// Escape codes in entries (a synced file, an import) never reach the terminal raw: every
/// human-readable output shows them visibly, JSON escapes them, file names included.
@Suite struct EscapeCodeCLITests {
    /// ESC [2J (clear screen), an OSC title sequence ended by BEL, a one-character CSI (U+009B),
    /// a lone carriage return and DEL, in every kind of field.
    static let hostile = "\u{1B}[2J\u{1B}]0;pwned\u{07}\r\u{9B}31m\u{7F}"

    /// Control bytes a terminal would obey: C0 but newline and tab, DEL, and C1 (as UTF-8).
    static func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || (0x7F...0x9F).contains($0) }
    }

    static func journal() throws -> (BinaryRunner, String) {
        let debrief = try BinaryRunner()
        let h = hostile.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
        let json = """
        {"title": "Meetup \(h)", "date": "2026-11-24 18:30", "kind": "meetup",
         "purpose": "Purpose \(h)",
         "people": [{"name": "Ana \(h)", "note": "Note \(h)"}],
         "follow-ups": [{"who": "Ana \(h)", "action": "Send \(h)", "due": "2026-11-25"}],
         "learned": "Learned \(h)", "tags": ["tag\(h)"], "notes": "Notes \(h)\\nsecond line"}
        """
        let id = try debrief.add(json).id
        // A file whose name holds an escape code, which doctor and the warnings name.
        try debrief.write("no front matter\n", to: debrief.journal + "/entries/2026/11/bad\u{1B}[2Jname.md")
        return (debrief, id)
    }

    static let commands: [[String]] = [
        ["list"], ["list", "--format", "json"],
        ["show", "2026-11-24"], ["show", "2026-11-24", "--format", "markdown"], ["show", "2026-11-24", "--format", "json"],
        ["review", "--week", "2026-W48"], ["review", "--week", "2026-W48", "--format", "markdown"],
        ["review", "--week", "2026-W48", "--format", "json"], ["review", "--week", "2026-W48", "--color", "always"],
        ["followups", "--all"], ["followups", "--all", "--format", "json"],
        ["people"], ["people", "--format", "json"], ["people", "--cold", "1"],
        ["doctor"], ["done", "2026-11-24", "1"],
    ]

    @Test(arguments: commands)
    func noControlCharacterReachesTheTerminalRaw(_ arguments: [String]) throws {
        let (debrief, _) = try Self.journal()
        let r = try debrief.run(arguments)
        #expect(r.status == 0 || r.status == 1, "status \(r.status): \(r.stderr)")
        var stdout = r.stdout
        if arguments.contains("always") {
            // Debrief's own colour codes are the only escapes allowed, and only those.
            stdout = stdout.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        }
        #expect(Self.rawControls(stdout).isEmpty, "raw controls on stdout: \(Self.rawControls(stdout)) in\n\(r.stdout.debugDescription)")
        #expect(Self.rawControls(r.stderr).isEmpty, "raw controls on stderr: \(r.stderr.debugDescription)")
        #expect(!r.stdout.contains("pwned") || r.stdout.contains("pwned^G^M") || arguments.contains("json"),
                "the OSC sequence is not shown visibly: \(r.stdout.debugDescription)")
        #expect(!(r.stdout + r.stderr).isEmpty)
    }

    @Test func textShowsTheCodesVisibly() throws {
        let (debrief, _) = try Self.journal()
        let show = try debrief.run(["show", "2026-11-24"])
        #expect(show.stdout.contains("Meetup ^[[2J^[]0;pwned^G^M<U+009B>31m^?"), "\(show.stdout.debugDescription)")
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.stdout.contains("bad^[[2Jname.md:1: no front matter"), "\(doctor.stdout.debugDescription)")
    }

    @Test func jsonEscapesTheCodesAndKeepsTheText() throws {
        let (debrief, _) = try Self.journal()
        let r = try debrief.run(["show", "2026-11-24", "--format", "json"])
        #expect(r.stdout.contains(#"Meetup \u001B[2J\u001B]0;pwned\u0007\r\u009B31m\u007F"#), "\(r.stdout)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Meetup " + Self.hostile)
    }

    /// JSON answers may write a character outside the BMP as a surrogate pair, as JSON.stringify does.
    @Test func surrogatePairEscapesInJSONAnswersAreRead() throws {
        let debrief = try BinaryRunner()
        let added = try debrief.add(#"{"title": "Launch \ud83c\udf89 party", "notes": "Escaped \\ud83c is text"}"#)
        let r = try debrief.run(["show", added.id, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Launch 🎉 party")
        let lone = try debrief.run(["add", "--answers", "-"], stdin: #"{"title": "Half \ud83c pair"}"#)
        #expect(lone.status == 65, "\(lone.stderr)")
    }
}
