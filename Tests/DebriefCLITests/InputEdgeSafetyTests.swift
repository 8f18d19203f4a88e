#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The safety suite's smaller doors (issue 19): line breaks in one-line values, invalid UTF-8,
/// JSON numbers and duplicate keys, input from a pipe, a journal folder debrief may not read.
@Suite struct InputEdgeSafetyTests {
    /// A title and a name holding LF, CRLF and a lone CR (a hand-edited file, an import): every
    /// listing keeps the entry on its line and shows them (`^J`, `^M`). Before, `list` split the
    /// entry over three lines and a CR let the rest overwrite the line.
    @Test func lineBreaksInTitlesAndNamesAreShownNotObeyed() throws {
        let debrief = try BinaryRunner()
        let path = debrief.journal + "/entries/2026/11/2026-11-24-1830-odd.md"
        try debrief.write("""
        ---
        schema: 1
        id: 2026-11-24-1830-odd
        created: 2026-11-24T18:30:00+01:00
        updated: 2026-11-24T18:30:00+01:00
        title: "Two\\nlines\\r\\nthree\\rover"
        date: 2026-11-24T18:30:00+01:00
        kind: meetup
        people:
          - name: "Ana\\nLi"
            note: "first\\rsecond"
        follow-ups:
          - who: "Ana\\nLi"
            action: "Send\\r\\nit"
            due: 2026-11-27
        ---

        """, to: path)
        let title = "Two^Jlines^M^Jthree^Mover"
        let list = try debrief.run(["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 1, "\(list.stdout)")
        #expect(list.stdout.contains(title))
        #expect(!list.stdout.contains("\r"))

        let show = try debrief.run(["show", "2026-11-24-1830-odd"])
        let lines = show.stdout.components(separatedBy: "\n")
        #expect(lines.first == title, "\(show.stdout)")
        #expect(lines.contains { $0.contains("Ana^JLi") && $0.contains("first^Msecond") }, "\(show.stdout)")
        #expect(lines.contains { $0.contains("Ana^JLi: Send^M^Jit") }, "\(show.stdout)")
        #expect(!show.stdout.contains("\r"))

        let markdown = try debrief.run(["show", "2026-11-24-1830-odd", "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# " + title + "\n"), "\(markdown.stdout)")

        let file = debrief.root + "/journal.md"
        #expect(try debrief.run(["export", "--format", "markdown", "--output", file]).status == 0)
        let exported = try String(contentsOfFile: file, encoding: .utf8)
        #expect(exported.contains("\n## " + title + "\n"), "\(exported)")
        #expect(exported.contains("| Ana^JLi | "), "\(exported)")
        #expect(!exported.contains("\r"))
        let followUps = try debrief.run(["followups"])
        #expect(followUps.stdout.contains("Ana^JLi: Send^M^Jit\n") && followUps.stdout.contains("from \(title) ·"), "\(followUps.stdout)")
    }

    /// Invalid UTF-8 in an imported file, an answers file or a catalog names the line. Before:
    /// the file only.
    @Test func invalidUTF8NamesItsLine() throws {
        let debrief = try BinaryRunner()
        let jrnl = debrief.root + "/bad.txt"
        try Data("[2026-11-20 09:00] Fine.\n\n[2026-11-20 10:00] Bad \u{1}".utf8 + [0xFF] + Array(" here.\n".utf8))
            .write(to: URL(fileURLWithPath: jrnl))
        let r = try debrief.run(["import", "jrnl", jrnl])
        #expect(r.status == 65)
        #expect(r.stderr == "debrief: \(jrnl):3: not valid UTF-8 text\n", "\(r.stderr)")
        let answers = debrief.root + "/answers.yaml"
        try Data("title: Fine\nlearned: \"".utf8 + [0xC3, 0x28] + Array("\"\n".utf8)).write(to: URL(fileURLWithPath: answers))
        #expect(try debrief.run(["add", "--answers", answers]).stderr == "debrief: \(answers):2: not valid UTF-8 text\n")
        let catalog = debrief.root + "/catalog.yaml"
        try Data("prompts:\n\n  - id: x".utf8 + [0xED, 0xA0, 0x80] + Array("\n".utf8)).write(to: URL(fileURLWithPath: catalog))
        #expect(try debrief.run(["prompts", "check", catalog]).stderr == "debrief: \(catalog):3: not valid UTF-8 text\n")
    }

    /// Whole numbers written as JSON writers may print them (`40.0`, `4e1`, `1E2`) are read;
    /// `40.5` is not a whole number. Before, all were refused.
    @Test func jsonNumbersThatAreWholeAreAccepted() throws {
        let debrief = try BinaryRunner()
        let added = try debrief.run(["add", "--answers", "-"], stdin: "{\"title\": \"Coffee\", \"talk-share\": 40.0, \"outreach-count\": 1E2}")
        #expect(added.status == 0, "\(added.stderr)")
        let file = try debrief.write("""
        [{"title": "Meetup", "date": "2026-11-20T10:00:00Z", "talk-share": 4e1, "purpose-met": 0.3e1},
         {"title": "Half", "date": "2026-11-20T11:00:00Z", "talk-share": 40.5}]
        """, to: "numbers.json")
        let imported = try debrief.run(["import", "json", file])
        #expect(imported.status == 65)
        #expect(imported.stderr.contains("\(file):2: `talk-share` must be a whole number"), "\(imported.stderr)")
        #expect(imported.stderr.hasSuffix("\(file): 1 created, 0 skipped as duplicates, 1 refused\n"), "\(imported.stderr)")
        let shown = try BinaryRunner.objects(try debrief.run(["list", "--format", "json"]).stdout)
        #expect(Set(shown.map { $0["title"] as? String }) == ["Coffee", "Meetup"])
        let meetup = try debrief.run(["show", "2026-11-20-1000-meetup", "--format", "json"]).stdout
        #expect(meetup.contains("\"talk-share\": 40") && meetup.contains("\"purpose-met\": 3"), "\(meetup)")
    }

    /// A key given twice in one JSON object is refused with its line (last-wins would lose the
    /// first value without a word). Before, accepted silently.
    @Test func duplicateJSONKeysAreRefusedWithTheLine() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write("""
        [{"title": "First",
          "date": "2026-11-20T10:00:00Z",
          "title": "Second"}]
        """, to: "dup.json")
        let r = try debrief.run(["import", "json", file])
        #expect(r.status == 65)
        #expect(r.stderr == "debrief: \(file):3: invalid JSON: the key \"title\" is given twice in one object (first on line 1); nothing was imported\n", "\(r.stderr)")
        #expect(debrief.entryFiles().isEmpty)
        let nested = try debrief.run(["add", "--answers", "-"], stdin: "{\"title\": \"T\", \"people\": [{\"name\": \"Ana\", \"name\": \"Bo\"}]}")
        #expect(nested.status == 65, "\(nested.stderr)")
        #expect(debrief.entryFiles().isEmpty)
    }

    /// `import json <(jq …)`, `/dev/stdin`: a pipe is read like a file. Before: "cannot read", 74.
    @Test func importReadsFromAPipe() throws {
        let debrief = try BinaryRunner()
        let r = try debrief.run(["import", "json", "/dev/stdin"], stdin: "[{\"title\": \"Piped\", \"date\": \"2026-11-20T10:00:00Z\"}]")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasSuffix("/dev/stdin: 1 created, 0 skipped as duplicates, 0 refused\n"), "\(r.stderr)")
        let answers = try debrief.run(["add", "--answers", "/dev/stdin"], stdin: "title: Also piped\n")
        #expect(answers.status == 0, "\(answers.stderr)")
        #expect(try debrief.run(["import", "json", debrief.root]).stderr == "debrief: \(debrief.root): a folder, not a file\n")
    }

    /// A journal folder debrief may not read, or behind a folder it may not look into, is said to
    /// be that (exit 66), not "not a folder" nor an empty journal. Run as an unprivileged user (via
    /// setpriv when the tests run as root, for whom permissions do not apply).
    @Test func aJournalFolderWithoutPermissionIsReportedAsSuch() throws {
        let debrief = try BinaryRunner()
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if geteuid() == 0, setpriv == nil { return }
        _ = try debrief.add("title: Coffee\ndate: 2026-11-20 10:00\n")
        let outer = debrief.root + "/outer"
        let inner = outer + "/journal"
        try FileManager.default.createDirectory(atPath: outer, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: debrief.journal, toPath: inner)
        let nobody: uid_t = 65534
        if geteuid() == 0 {
            for path in [debrief.root, debrief.journal, outer, inner] + debrief.entryFiles() { chown(path, nobody, nobody) }
        }
        func run(_ journal: String) throws -> BinaryRunner.Result {
            let env = debrief.baseEnvironment.merging(["DEBRIEF_JOURNAL": journal, "DEBRIEF_INDEX": "off"]) { $1 }
            let command = geteuid() == 0
                ? [try #require(setpriv), "--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binary, "list"]
                : [BinaryRunner.binary, "list"]
            let r = try Subprocess.run(command[0], Array(command.dropFirst()), environment: env, stdin: "", directory: "/")
            return BinaryRunner.Result(stdout: r.stdout, stderr: r.stderr, status: r.status)
        }
        chmod(debrief.journal, 0o300)
        let unreadable = try run(debrief.journal)
        #expect(unreadable.status == 66, "\(unreadable.stderr)")
        #expect(unreadable.stderr == "debrief: cannot read the journal folder \(debrief.journal): Permission denied; check its permissions (and those of the folders above it)\n")
        chmod(outer, 0o600)
        let behind = try run(inner)
        #expect(behind.status == 66)
        #expect(behind.stderr.hasPrefix("debrief: cannot read the journal folder \(inner): Permission denied"), "\(behind.stderr)")
        chmod(outer, 0o700)
        chmod(debrief.journal, 0o700)
    }
}
