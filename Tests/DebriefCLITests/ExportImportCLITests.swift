import Foundation
import Testing

/// `debrief export` and `debrief import` as the built binary, checked by Python's json module
/// and by jrnl itself where it can be installed.
@Suite struct ExportImportCLITests {
    /// A jrnl journal as jrnl 4 writes it (default `%F %r`), with Unicode, a multi-line body,
    /// tags and a starred entry.
    static let jrnlJournal = """
    [2026-11-20 06:30:00 PM] Swift meetup Berlin.
    Met @ana and Zoë 李雷 👋, talked about @server-side.
    Second line of the body.

    [2026-11-21 09:00:00 AM] Coffee with Dr.
    Brandt! Long talk about ß and ğ.

    [2026-11-22 10:15:00 AM] Starred one *

    """

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    // MARK: - JSON

    /// `export --format json` then `import json` into an empty journal gives the same entries:
    /// ids, titles, dates, every answer, notes, follow-up ids.
    @Test func jsonRoundTripIntoAnEmptyJournal() throws {
        let debrief = try BinaryRunner()
        let first = try debrief.add(CoreCLITests.fullAnswers)
        try debrief.add("""
        title: "Zoë 李雷 👋: \\"quotes\\", commas; semicolons"
        date: 2026-11-25 08:00
        follow-ups:
          - who: Zoë
            action: "Send the slides; then call, later"
            due: 2026-11-28
          - action: Book a room
            done: 2026-11-25
        notes: |
          Multi-line 👋
            indented
          ß ğ 李雷
        """)
        let jrnlFile = try debrief.write(Self.jrnlJournal, to: "journal.txt")
        #expect(try debrief.run(["import", "jrnl", jrnlFile]).status == 0)

        let export = try debrief.run(["export"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.isEmpty)
        // Python's json module reads it: an array of 5 objects with the same keys each.
        let script = "import json,sys; d=json.load(sys.stdin); print(len(d), len({tuple(sorted(e)) for e in d}), d[0]['date'])"
        let python = try Subprocess.run("/usr/bin/env", ["python3", "-c", script], stdin: export.stdout)
        #expect(python.status == 0, "\(python.stderr)")
        #expect(python.stdout == "5 1 2026-11-20T18:30:00+01:00\n")

        let file = try debrief.write(export.stdout, to: "export.json")
        let other = debrief.root + "/other"
        let imported = try debrief.run(["import", "json", file, "--journal", other])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr == "Created the journal folder \(other)\n\(file): 5 created, 0 skipped as duplicates, 0 refused\n")
        #expect(Self.lines(imported.stdout).first == "2026-11-20-1830-swift-meetup-berlin\tSwift meetup Berlin.")

        let again = try debrief.run(["export", "--journal", other])
        // Byte for byte the same export, but for the key each entry was imported under.
        func withoutSource(_ text: String) -> [String] { Self.lines(text).filter { !$0.hasPrefix("    \"source\": ") } }
        #expect(withoutSource(export.stdout) == withoutSource(again.stdout))
        #expect(withoutSource(export.stdout).count == Self.lines(export.stdout).count - 5)
        // The notes imported from jrnl keep their jrnl key; reflections get one naming debrief.
        let sources = try BinaryRunner.objects(again.stdout).compactMap { $0["source"] as? String }
        #expect(sources.filter { $0.hasPrefix("jrnl:") }.count == 3)
        #expect(sources.filter { $0.hasPrefix("debrief:") }.count == 2)
        // Importing the export into the journal it came from adds nothing.
        let home = try debrief.run(["import", "json", file])
        #expect(home.stderr.hasSuffix("0 created, 5 skipped as duplicates, 0 refused\n"), "\(home.stderr)")
        #expect(debrief.entryFiles().count == 5)
        #expect(first.id == "2026-11-24-1830-swift-meetup-berlin")
    }

    // MARK: - jrnl

    /// `--output -` is stdout (as `import … -` reads stdin): the same bytes as no option, and no
    /// file named `-` in the working directory; for a calendar too.
    @Test func outputDashIsStdout() throws {
        let debrief = try BinaryRunner()
        try debrief.add(CoreCLITests.fullAnswers)
        for format in ["json", "markdown", "jrnl", "ics"] {
            let plain = try debrief.run(["export", "--format", format])
            let dash = try debrief.run(["export", "--format", format, "--output", "-"])
            #expect(plain.status == 0 && dash.status == 0, "\(format): \(dash.stderr)")
            #expect(!plain.stdout.isEmpty && dash.stdout == plain.stdout, "\(format)")
        }
        let calendar = try debrief.run(["followups", "--format", "ics", "-o", "-"])
        #expect(calendar.status == 0 && calendar.stdout.hasPrefix("BEGIN:VCALENDAR"), "\(calendar.stderr)")
        #expect(!FileManager.default.fileExists(atPath: debrief.root + "/-"))
    }

    @Test func jrnlImportMakesImportedNotes() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write(Self.jrnlJournal, to: "journal.txt")
        let r = try debrief.run(["import", "jrnl", file])
        #expect(r.status == 0)
        #expect(Self.lines(r.stdout) == ["2026-11-20-1830-swift-meetup-berlin\tSwift meetup Berlin.",
                                          "2026-11-21-0900-coffee-with-dr\tCoffee with Dr.",
                                          "2026-11-22-1015-starred-one\tStarred one"])
        let text = try String(contentsOfFile: debrief.entryFiles()[0], encoding: .utf8)
        #expect(text.contains("flow: imported\nsource: jrnl:"))
        #expect(text.contains("title: Swift meetup Berlin.\ndate: 2026-11-20T18:30:00+01:00\ntags: [ana, server-side]\n---\n"
                              + "Met @ana and Zoë 李雷 👋, talked about @server-side.\nSecond line of the body."), "\(text)")
        let starred = try debrief.run(["show", "2026-11-22-1015", "--format", "json"])
        #expect(try BinaryRunner.objects("[" + starred.stdout + "]").first?["tags"] as? [String] == ["starred"])
    }

    /// Importing the same file again, even after the entries were edited, creates nothing; jrnl's
    /// JSON export of the same journal is recognised too.
    @Test func reimportCreatesNoDuplicates() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write(Self.jrnlJournal, to: "journal.txt")
        #expect(try debrief.run(["import", "jrnl", file]).status == 0)
        let path = try #require(debrief.entryFiles().first { $0.hasSuffix("swift-meetup-berlin.md") })
        let edited = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "title: Swift meetup Berlin.", with: "title: Swift meetup, renamed")
            .replacingOccurrences(of: "Second line of the body.", with: "Edited body.")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
        let again = try debrief.run(["import", "jrnl", file])
        #expect(again.status == 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr == "\(file): 0 created, 3 skipped as duplicates, 0 refused\n")
        let json = try debrief.write("""
        {"tags": {}, "entries": [
          {"title": "Swift meetup Berlin.", "body": "Met @ana and Zo\\u00eb \\u674e\\u96f7 \\ud83d\\udc4b, talked about @server-side.\\nSecond line of the body.",
           "date": "2026-11-20", "time": "18:30", "tags": ["@ana", "@server-side"], "starred": false},
          {"title": "Something new", "body": "", "date": "2026-11-23", "time": "07:00", "tags": [], "starred": false}
        ]}
        """, to: "journal.json")
        let fromJSON = try debrief.run(["import", "json", json])
        #expect(fromJSON.stderr == "\(json): 1 created, 1 skipped as a duplicate, 0 refused\n")
        #expect(debrief.entryFiles().count == 4)
    }

    /// A malformed entry is reported with its line and skipped whole; the rest is imported; exit 65.
    @Test func malformedInputIsReportedWithLineNumbers() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write("""
        [2026-11-20 06:30:00 PM] Good one.

        [2026-11-31 10:00] Not a day.
        Its body must not land anywhere.

        [2026-11-22 10:15] Good two.
        [2026-11-23 10:15]
        """, to: "bad.txt")
        let r = try debrief.run(["import", "jrnl", file])
        #expect(r.status == 65)
        #expect(Self.lines(r.stdout).map { String($0.prefix(15)) } == ["2026-11-20-1830", "2026-11-22-1015"])
        #expect(Self.lines(r.stderr) == [
            "debrief: \(file):3: '2026-11-31 10:00' is not a date and time in a jrnl format (2026-11-24 06:30:00 PM, 2026-11-24 18:30 or 2026-11-24 18:30:00); this entry is skipped up to the next date line",
            "debrief: \(file):7: the entry has no title after its date",
            "\(file): 2 created, 0 skipped as duplicates, 2 refused",
        ])
        for path in debrief.entryFiles() {
            #expect(try !String(contentsOfFile: path, encoding: .utf8).contains("must not land"))
        }
        let json = try debrief.write("[\n  {\"title\": \"Fine\", \"date\": \"2026-11-25 09:00\"},\n  {\"title\": \"Bad\", \"purpose-met\": 9}\n]\n", to: "bad.json")
        let j = try debrief.run(["import", "json", json])
        #expect(j.status == 65)
        #expect(j.stderr.contains("debrief: \(json):3: `purpose-met` must be a whole number from 1 to 5"), "\(j.stderr)")
        #expect(j.stderr.hasSuffix("1 created, 0 skipped as duplicates, 1 refused\n"))
        let notJSON = try debrief.write("[\n{\"title\": \"x\",,}\n]", to: "broken.json")
        let n = try debrief.run(["import", "json", notJSON])
        #expect(n.status == 65)
        #expect(n.stderr.hasPrefix("debrief: \(notJSON):2: invalid JSON"))
        #expect(n.stderr.contains("nothing was imported"))
        #expect(try debrief.run(["import", "jrnl", try debrief.write("\n\n", to: "empty.txt")]).status == 65)
        #expect(try debrief.run(["import", "jrnl", "nope.txt"]).status == 66)
        #expect(try debrief.run(["import", "csv", "x"]).status == 64)
        #expect(debrief.entryFiles().count == 3)
    }

    @Test func dryRunWritesNothing() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write(Self.jrnlJournal + Self.jrnlJournal, to: "journal.txt")
        let fresh = debrief.root + "/fresh"
        let r = try debrief.run(["import", "jrnl", file, "--dry-run", "--journal", fresh])
        #expect(r.status == 0)
        #expect(Self.lines(r.stdout).count == 3)
        #expect(r.stderr == "\(file): 3 would be created, 3 skipped as duplicates, 0 refused; nothing was written (--dry-run)\n")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        // Ids already taken get the suffix the real import would give.
        try debrief.add("title: Starred one\ndate: 2026-11-22 10:15\n")
        let taken = try debrief.run(["import", "jrnl", file, "--dry-run"])
        #expect(Self.lines(taken.stdout).last == "2026-11-22-1015-starred-one-2\tStarred one")
        #expect(debrief.entryFiles().count == 1)
    }

    // MARK: - Export options and formats

    @Test func exportFiltersAndWritesFilesSafely() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write(Self.jrnlJournal, to: "journal.txt")
        _ = try debrief.run(["import", "jrnl", file])
        let ranged = try debrief.run(["export", "--since", "2026-11-21", "--until", "2026-11-21"])
        #expect(try BinaryRunner.objects(ranged.stdout).map { $0["title"] as? String } == ["Coffee with Dr."])
        let out = debrief.root + "/out/journal.md"
        let written = try debrief.run(["export", "--format", "markdown", "--output", out])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(written.stderr == "Exported 3 entries to \(out)\n")
        #expect((try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int) == 0o600)
        let again = try debrief.run(["export", "--output", out])
        #expect(again.status == 73)
        #expect(again.stderr == "debrief: \(out) already exists; give --force to replace it\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("# Debrief journal"))
        let forced = try debrief.run(["export", "--output", "out/journal.md", "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("["))
        for bad in [["export", "--since", "someday"], ["export", "--force"], ["export", "--format", "csv"],
                    ["export", "--since", "2026-11-22", "--until", "2026-11-21"]] {
            let r = try debrief.run(bad)
            #expect(r.status == 64, "\(bad): \(r.stderr)")
        }
        let missing = try debrief.run(["export", "--journal", debrief.root + "/none"])
        #expect(missing.status == 66)
    }

    @Test func markdownIsOneReadableDocument() throws {
        let debrief = try BinaryRunner()
        try debrief.add(CoreCLITests.fullAnswers)
        try debrief.add("title: Lunch | with Ana\ndate: 2026-11-25 12:00\npeople: [Ana Li]\n")
        let r = try debrief.run(["export", "--format", "markdown"])
        #expect(r.status == 0)
        let md = r.stdout
        #expect(md.hasPrefix("# Debrief journal\n\n2 entries from 2026-11-24 to 2026-11-25, exported 2026-11-26.\n"))
        #expect(md.contains("\n## Swift meetup Berlin\n_2026-11-24 18:30 · meetup_  \n`2026-11-24-1830-swift-meetup-berlin`\n"))
        #expect(md.contains("\n## Lunch | with Ana\n"))
        #expect(md.range(of: "## Swift meetup Berlin")!.lowerBound < md.range(of: "## Lunch")!.lowerBound, "oldest first")
        #expect(md.contains("| Name | Level | Relation | Note |\n|---|---|---|---|\n| Ana Li | peer | new | Migrating their services to Swift |\n| Zoë Brandt | senior |  |  |"))
        #expect(md.contains("| Who | Action | Due | Done |\n|---|---|---|---|\n| Ana Li | Send the benchmark repository link | 2026-11-27 |  |"))
        #expect(md.contains("### Pitfalls"))
        #expect(!md.contains("\u{1B}"))
    }

    /// Markdown and jrnl text on stdout go through the terminal-safe text: an escape code in a
    /// title is shown, never obeyed. JSON escapes it; a file written with --output keeps the data.
    @Test func exportsToTheTerminalAreSafe() throws {
        let debrief = try BinaryRunner()
        try debrief.add(#"{"title": "Evil \u001b[2J title \u009b1m", "date": "2026-11-25 13:00"}"#)
        for format in ["markdown", "jrnl"] {
            let r = try debrief.run(["export", "--format", format])
            #expect(r.stdout.contains("Evil ^[[2J title <U+009B>1m"), "\(format): \(r.stdout)")
            #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{9B}"))
        }
        #expect(try debrief.run(["export"]).stdout.contains(#""title": "Evil \u001B[2J title \u009B1m""#))
        let file = debrief.root + "/raw.txt"
        #expect(try debrief.run(["export", "--format", "jrnl", "--output", file]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Evil \u{1B}[2J title"))
    }

    // MARK: - Repairing notes imported with the old reading

    /// A jrnl file and the notes debrief 0's import made of it (byte for byte what that binary
    /// wrote): titles cut at "Dr." and "e.g.", `#hiring` dropped.
    static let repairJournal = """
    [2026-02-04 11:30] Call with Dr. Henrike Vogel. She asked about #hiring and @nordwind.
    She wants two backend people by March.

    [2026-02-05 12:30] Lunch e.g. with Ken at the canteen.

    [2026-02-06 09:00] Plain title
    Nothing to repair here.

    [2026-02-07 10:00] Edited later. By hand
    body

    """

    static func oldImport(id: String, key: String, title: String, date: String, tags: String = "", body: String) -> String {
        "---\nschema: 1\nid: \(id)\ncreated: \(date)\nupdated: \(date)\nflow: imported\nsource: jrnl:\(key)\ntitle: \(title)\n"
            + "date: \(date)\n" + (tags.isEmpty ? "" : "tags: [\(tags)]\n") + "---\n" + body + "\n"
    }

    static let oldNotes: [(String, String)] = [
        ("2026-02-04-1130-call-with-dr", oldImport(id: "2026-02-04-1130-call-with-dr", key: "c9b005283486dd17", title: "Call with Dr.",
                                                  date: "2026-02-04T11:30:00+01:00", tags: "nordwind",
                                                  body: "Henrike Vogel. She asked about #hiring and @nordwind.\nShe wants two backend people by March.")),
        ("2026-02-05-1230-lunch-e-g", oldImport(id: "2026-02-05-1230-lunch-e-g", key: "aa0fa81667af9f45", title: "Lunch e.g.",
                                               date: "2026-02-05T12:30:00+01:00", body: "with Ken at the canteen.")),
        ("2026-02-06-0900-plain-title", oldImport(id: "2026-02-06-0900-plain-title", key: "cc61985ff3c3e064", title: "Plain title",
                                                 date: "2026-02-06T09:00:00+01:00", body: "Nothing to repair here.")),
        ("2026-02-07-1000-edited-later", oldImport(id: "2026-02-07-1000-edited-later", key: "1ff175be403e93e7", title: "Edited later.",
                                                  date: "2026-02-07T10:00:00+01:00", body: "By hand\nbody\nA line the user added.")),
    ]

    /// `import jrnl FILE --update` rewrites the notes the old reading cut wrong whose files are as
    /// that import wrote them, leaves the one the user changed (and names it), writes nothing on a
    /// dry run, and is a no-op the second time. Failed before: `--update` did not exist (exit 64)
    /// and the notes kept "Call with Dr.".
    @Test func updateRepairsNotesImportedWithTheOldReading() throws {
        let debrief = try BinaryRunner(now: "2026-03-01T10:00:00+01:00")
        let file = try debrief.write(Self.repairJournal, to: "journal.txt")
        var paths: [String: String] = [:]
        for (id, text) in Self.oldNotes { paths[id] = try debrief.write(text, to: debrief.journal + "/entries/2026/02/\(id).md") }
        func contents() throws -> [String: String] { try paths.mapValues { try String(contentsOfFile: $0, encoding: .utf8) } }
        let before = try contents()

        let dry = try debrief.run(["import", "jrnl", file, "--update", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(Self.lines(dry.stdout) == [
            "2026-02-04-1130-call-with-dr\tCall with Dr. Henrike Vogel. She asked about #hiring and @nordwind.\t(was: Call with Dr.)",
            "2026-02-05-1230-lunch-e-g\tLunch e.g. with Ken at the canteen.\t(was: Lunch e.g.)",
        ])
        #expect(dry.stderr.contains("\(file):9: 2026-02-07-1000-edited-later was changed since it was imported; left as it is"))
        #expect(dry.stderr.contains("2 would be repaired, 1 already read as jrnl reads it, 1 changed since it was imported (left as it is); nothing was written (--dry-run)"))
        #expect(try contents() == before, "a dry run writes nothing")

        let real = try debrief.run(["import", "jrnl", file, "--update"])
        #expect(real.status == 0, "\(real.stderr)")
        let after = try contents()
        #expect(after["2026-02-07-1000-edited-later"] == before["2026-02-07-1000-edited-later"], "the edited note is left byte for byte")
        #expect(after["2026-02-06-0900-plain-title"] == before["2026-02-06-0900-plain-title"])
        #expect(after["2026-02-04-1130-call-with-dr"] == """
        ---
        schema: 1
        id: 2026-02-04-1130-call-with-dr
        created: 2026-02-04T11:30:00+01:00
        updated: 2026-03-01T10:00:00+01:00
        flow: imported
        source: jrnl:c9b005283486dd17
        title: "Call with Dr. Henrike Vogel. She asked about #hiring and @nordwind."
        date: 2026-02-04T11:30:00+01:00
        tags: [hiring, nordwind]
        ---
        She wants two backend people by March.

        """)
        let list = try BinaryRunner.objects(try debrief.run(["list", "--tag", "hiring", "--format", "json"]).stdout)
        #expect(list.map { $0["id"] as? String } == ["2026-02-04-1130-call-with-dr"])

        let again = try debrief.run(["import", "jrnl", file, "--update"])
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("0 repaired, 3 already read as jrnl reads them, 1 changed since it was imported (left as it is)"))
        #expect(try debrief.run(["import", "json", file, "--update"]).status == 64, "--update is for jrnl text")
    }

    // MARK: - With jrnl itself

    func jrnl(_ bin: String, journal: String, _ args: [String], home: String) throws -> Subprocess.Output {
        try Jrnl.run(bin, journal: journal, args, home: home)
    }

    /// A stock jrnl reads debrief's jrnl export: titles, times, stars, tags and bodies.
    @Test(.enabled(if: PythonVenv.jrnl != nil, "jrnl cannot be installed with pip here (no PyPI?); skipped"))
    func jrnlReadsTheExport() throws {
        let bin = try #require(PythonVenv.jrnl)
        let debrief = try BinaryRunner()
        _ = try debrief.run(["import", "jrnl", try debrief.write(Self.jrnlJournal, to: "journal.txt")])
        try debrief.add("title: Reflection with Zoë 👋\ndate: 2026-11-25 19:00\ntags: [swift, machine learning, starred]\nnotes: |\n  [monday] plan\n  line two\n")
        let exported = debrief.root + "/export.txt"
        #expect(try debrief.run(["export", "--format", "jrnl", "--output", exported]).status == 0)
        let r = try jrnl(bin, journal: exported, ["--format", "json"], home: debrief.home)
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entries = try #require(root["entries"] as? [[String: Any]])
        #expect(entries.map { $0["title"] as? String } == ["Swift meetup Berlin.", "Coffee with Dr.", "Starred one", "Reflection with Zoë 👋"])
        #expect(entries.map { "\($0["date"] ?? "") \($0["time"] ?? "")" } == ["2026-11-20 18:30", "2026-11-21 09:00", "2026-11-22 10:15", "2026-11-25 19:00"])
        #expect(entries.map { $0["starred"] as? Bool } == [false, false, true, true])
        #expect(entries[0]["body"] as? String == "Met @ana and Zoë 李雷 👋, talked about @server-side.\nSecond line of the body.")
        #expect(entries[1]["body"] as? String == "Brandt! Long talk about ß and ğ.")
        #expect(Set(entries[0]["tags"] as? [String] ?? []) == ["@ana", "@server-side"])
        #expect(Set(entries[3]["tags"] as? [String] ?? []) == ["@swift", "@machine-learning"])
        let body = try #require(entries[3]["body"] as? String)
        #expect(body.contains("[monday] plan\n  line two"), "a notes line that looks like a jrnl date stays in the body:\n\(body)")
        #expect(entries.count == 4, "jrnl split the export into other entries")
    }

    /// What jrnl itself writes, debrief imports: its text file and its JSON export, as one set.
    @Test(.enabled(if: PythonVenv.jrnl != nil, "jrnl cannot be installed with pip here (no PyPI?); skipped"))
    func jrnlsOwnJournalImports() throws {
        let bin = try #require(PythonVenv.jrnl)
        let debrief = try BinaryRunner()
        let journal = debrief.root + "/jrnl.txt"
        for text in ["2026-11-20 18:30: Swift meetup Berlin. Met @ana and Zoë 李雷 👋.", "2026-11-21 09:00: Starred coffee! With @bob *"] {
            let r = try jrnl(bin, journal: journal, [text], home: debrief.home)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let json = try jrnl(bin, journal: journal, ["--format", "json"], home: debrief.home)
        let jsonFile = try debrief.write(json.stdout, to: "jrnl.json")
        let text = try debrief.run(["import", "jrnl", journal])
        #expect(text.status == 0, "\(text.stderr)")
        // jrnl's own titles: a starred line is never cut at its sentence end (jrnl puts a line
        // break after it), so the whole line is the title in jrnl and in debrief.
        let jrnlTitles = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["entries"] as? [[String: Any]])
            .map { $0["title"] as? String ?? "" }
        #expect(jrnlTitles == ["Swift meetup Berlin.", "Starred coffee! With @bob"])
        #expect(Self.lines(text.stdout) == ["2026-11-20-1830-swift-meetup-berlin\tSwift meetup Berlin.",
                                             "2026-11-21-0900-starred-coffee-with-bob\tStarred coffee! With @bob"])
        let fromJSON = try debrief.run(["import", "json", jsonFile])
        #expect(fromJSON.stderr == "\(jsonFile): 0 created, 2 skipped as duplicates, 0 refused\n")
        let list = try BinaryRunner.objects(try debrief.run(["list", "--format", "json"]).stdout)
        #expect(list.map { $0["tags"] as? [String] } == [["bob", "starred"], ["ana"]])
    }
}
