import Foundation
import Testing

/// Every scripting command of the foundation issue, run as the built binary: `add`, `list`,
/// `show`, `doctor`, `prompts check|show`, the journal's location, exit codes, stdout vs stderr.
@Suite struct CoreCLITests {
    static let fullAnswers = """
    title: Swift meetup Berlin
    date: 2026-11-24 18:30
    kind: meetup
    purpose: Meet two people who run Swift on the server
    professional-topics: yes
    purpose-met: 4
    horizon: long-term
    people:
      - name: Ana Li
        level: peer
        relation: new
        note: Migrating their services to Swift
      - name: Zoë Brandt
        level: senior
    asked-about-them: yes
    talk-share: 40
    asked-favor: no
    offered: Shared our benchmark notes
    outreach-count: 1
    outreach-personalized: all
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
    reconnected: yes
    learned: "Their team measures tail latency first: p99, not the mean"
    tags: [swift, server]
    notes: |
      Free notes, any Markdown.
      - a list item
    """

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Checks that a run wrote nothing but its messages, with no escape codes anywhere.
    static func expectClean(_ r: BinaryRunner.Result) {
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"), "escape codes in output")
    }

    // MARK: - add

    @Test func addWithFlagsPrintsIdAndPath() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let r = try debrief.run(["add", "--title", "Swift meetup Berlin", "--kind", "meetup", "--date", "today 18:30"])
        #expect(r.status == 0, "\(r.stderr)")
        let id = "2026-11-26-1830-swift-meetup-berlin"
        let path = debrief.journal + "/entries/2026/11/\(id).md"
        #expect(r.stdout == "\(id)\n\(path)\n")
        // The clock says 10:00: an event at 18:30 today has not happened yet, which add says.
        #expect(r.stderr == "debrief: warning: the event date 2026-11-26 18:30 is in the future; a reflection is about what happened; saved as given\n")
        Self.expectClean(r)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
        ---
        schema: 1
        id: \(id)
        created: 2026-11-26T10:00:00+01:00
        updated: 2026-11-26T10:00:00+01:00
        title: Swift meetup Berlin
        date: 2026-11-26T18:30:00+01:00
        kind: meetup
        ---

        """)
        // Without --date the event is now.
        let now = try debrief.run(["add", "--title", "Coffee"])
        #expect(now.status == 0)
        #expect(now.stdout.hasPrefix("2026-11-26-1000-coffee\n"))
        // The same title and time again gets -2.
        let again = try debrief.run(["add", "--title", "Coffee"])
        #expect(again.stdout.hasPrefix("2026-11-26-1000-coffee-2\n"))
    }

    @Test func addFromAFileAndFromStdinAsYAMLAndJSON() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let file = try debrief.write(Self.fullAnswers, to: "answers.yaml")
        let fromFile = try debrief.run(["add", "--answers", file])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.hasPrefix("2026-11-24-1830-swift-meetup-berlin\n"))

        let show = try debrief.run(["show", "2026-11-24-1830-swift-meetup-berlin", "--format", "json"])
        #expect(show.status == 0)
        let object = try #require(try Self.json(show.stdout) as? [String: Any])
        #expect(object["title"] as? String == "Swift meetup Berlin")
        #expect(object["date"] as? String == "2026-11-24T18:30:00+01:00")
        #expect(object["talk-share"] as? Int == 40)
        #expect(object["asked-favor"] as? Bool == false)
        #expect(object["tags"] as? [String] == ["swift", "server"])
        #expect((object["people"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Ana Li", "Zoë Brandt"])
        #expect(object["learned"] as? String == "Their team measures tail latency first: p99, not the mean")
        // The answers text ends without a line break, so the literal block has none either.
        #expect(object["notes"] as? String == "Free notes, any Markdown.\n- a list item")
        #expect(object["pitfalls"] is [Any])

        let yaml = try debrief.run(["add", "--answers", "-"], stdin: "title: From stdin\ntalk-share: 35%\nasked-favor: No\n")
        #expect(yaml.status == 0, "\(yaml.stderr)")
        #expect(yaml.stdout.hasPrefix("2026-11-26-1000-from-stdin\n"))

        let json = try debrief.run(["add", "--answers", "-"], stdin: #"{"title": "JSON meetup", "kind": "online", "talk-share": 40, "tags": ["a", "b"], "people": [{"name": "Bo", "level": "junior"}]}"#)
        #expect(json.status == 0, "\(json.stderr)")
        let jsonShow = try debrief.run(["show", "2026-11-26-1000-json", "--format", "json"])
        let jsonObject = try #require(try Self.json(jsonShow.stdout) as? [String: Any])
        #expect(jsonObject["kind"] as? String == "online")
        #expect(jsonObject["tags"] as? [String] == ["a", "b"])
        // Flags override the file.
        let both = try debrief.run(["add", "--answers", file, "--title", "Renamed"])
        #expect(both.stdout.hasPrefix("2026-11-24-1830-renamed\n"))
        #expect(debrief.entryFiles().count == 4)
    }

    /// A due date in the past is saved as given, with a warning on stderr (none for one done).
    @Test func addWarnsOfADueDateAlreadyPast() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let r = try debrief.run(["add", "--answers", "-"], stdin: """
            title: Written late
            follow-ups:
              - who: Ana
                action: Call her back
                due: 2026-10-30
              - action: Old task
                due: 2026-10-01
                done: 2026-10-02
              - action: Soon
                due: fri
              - action: Last week
                due: last fri
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == """
            debrief: warning: follow-up 1 (Ana: Call her back) is due 2026-10-30, already past; saved as given
            debrief: warning: follow-up 4 (Last week) is due 2026-11-20, already past; saved as given

            """, "\(r.stderr)")
        let file = try #require(debrief.entryFiles().first.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) })
        #expect(file.contains("due: 2026-10-30") && file.contains("due: 2026-11-27") && file.contains("due: 2026-11-20"))
    }

    /// Every rejected input: exit 65 (or 66 for a missing file), a message naming the key on
    /// stderr, nothing on stdout, nothing written.
    @Test(arguments: [
        ("title: X\ncolour: blue\n", "colour", Int32(65)),
        ("title: X\ntalk-share: lots\n", "talk-share", 65),
        ("title: X\ntalk-share: 140\n", "talk-share", 65),
        ("title: X\npurpose-met: 9\n", "purpose-met", 65),
        ("title: X\nkind: party\n", "kind", 65),
        ("title: X\nasked-favor: maybe\n", "asked-favor", 65),
        ("title: X\npeople:\n  - name: Ana\n    level: boss\n", "people", 65),
        ("title: X\nfollow-ups:\n  - who: Ana\n", "follow-ups", 65),
        ("title: X\ndate: someday\n", "date", 65),
        ("kind: meetup\n", "title", 65),
        ("title: X\nid: 2026-11-24-1830-x\n", "id", 65),
        ("title: X\ncreated: 2026-11-24T18:30:00+01:00\n", "created", 65),
        ("title: X\ntitle: Y\n", "title", 65),
        ("title: [unclosed\n", "stdin:1", 65),
        ("- just\n- a list\n", "map", 65),
        (#"{"title": "X", "asked-favor": 3}"#, "asked-favor", 65),
        (#"{"title": "X", "unknown-thing": true}"#, "unknown-thing", 65),
    ])
    func addRejects(_ input: String, _ key: String, _ status: Int32) throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let r = try debrief.run(["add", "--answers", "-"], stdin: input)
        #expect(r.status == status)
        #expect(r.stderr.hasPrefix("debrief: "))
        #expect(r.stderr.contains(key), "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(debrief.entryFiles().isEmpty)
        Self.expectClean(r)
    }

    @Test func addRejectsBadFlagsAndMissingFiles() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        // A bad option value is a usage error (64), like every other command's.
        let kind = try debrief.run(["add", "--title", "X", "--kind", "party"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("--kind") && kind.stderr.contains("conference"))
        let date = try debrief.run(["add", "--title", "X", "--date", "someday"])
        #expect(date.status == 64)
        #expect(date.stderr.contains("--date"))
        let noTitle = try debrief.run(["add", "--kind", "meetup"])
        #expect(noTitle.status == 65)
        #expect(noTitle.stderr.contains("title"))
        let missing = try debrief.run(["add", "--answers", "nope.yaml"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("nope.yaml"))
        let badOption = try debrief.run(["add", "--colour", "blue"])
        #expect(badOption.status == 64)
        for r in [kind, date, noTitle, missing, badOption] { #expect(r.stdout == "") }
        #expect(debrief.entryFiles().isEmpty)
    }

    // MARK: - list

    /// Four entries across two weeks with different kinds, people and tags.
    static func seed(_ debrief: BinaryRunner) throws {
        let entries = [
            "title: Swift meetup\ndate: 2026-11-24 18:30\nkind: meetup\npeople:\n  - name: Zoë Brandt\ntags: [swift]\nfollow-ups:\n  - action: Send link\n  - action: Call\n    done: 2026-11-25\n",
            "title: Coffee with Ana\ndate: 2026-11-20 09:00\nkind: one-on-one\npeople:\n  - name: Ana Li\ntags: [hiring]\n",
            "title: Conference day\ndate: 2026-11-12 10:00\nkind: conference\ntags: [swift, talks]\n",
            "title: Online panel\ndate: 2026-11-25 17:00\nkind: online\n",
        ]
        for e in entries {
            let r = try debrief.run(["add", "--answers", "-"], stdin: e)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    static func ids(_ r: BinaryRunner.Result) -> [String] {
        r.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    @Test func listFiltersAndFormats() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        try Self.seed(debrief)
        let all = try debrief.run(["list"])
        #expect(all.status == 0)
        #expect(all.stderr == "")
        Self.expectClean(all)
        #expect(Self.ids(all) == ["2026-11-25-1700-online-panel", "2026-11-24-1830-swift-meetup",
                                  "2026-11-20-0900-coffee-with-ana", "2026-11-12-1000-conference-day"])
        #expect(all.stdout.contains("2026-11-24-1830-swift-meetup\t2026-11-24 18:30 · Swift meetup · meetup · 1 person · 1 open follow-up"))

        #expect(Self.ids(try debrief.run(["list", "--since", "2026-11-20"])).count == 3)
        #expect(Self.ids(try debrief.run(["list", "--since", "mon"])) == ["2026-11-25-1700-online-panel", "2026-11-24-1830-swift-meetup"])
        #expect(Self.ids(try debrief.run(["list", "--until", "2026-11-20"])) == ["2026-11-20-0900-coffee-with-ana", "2026-11-12-1000-conference-day"])
        #expect(Self.ids(try debrief.run(["list", "--since", "2026-11-20", "--until", "2026-11-24"])).count == 2)
        #expect(Self.ids(try debrief.run(["list", "--person", "zoe  brandt"])) == ["2026-11-24-1830-swift-meetup"])
        #expect(Self.ids(try debrief.run(["list", "--person", "ana"])) == ["2026-11-20-0900-coffee-with-ana"])
        #expect(Self.ids(try debrief.run(["list", "--tag", "swift"])) == ["2026-11-24-1830-swift-meetup", "2026-11-12-1000-conference-day"])
        #expect(Self.ids(try debrief.run(["list", "--kind", "online"])) == ["2026-11-25-1700-online-panel"])
        #expect(Self.ids(try debrief.run(["list", "--limit", "2"])) == ["2026-11-25-1700-online-panel", "2026-11-24-1830-swift-meetup"])
        let none = try debrief.run(["list", "--tag", "nothing"])
        #expect(none.status == 0 && none.stdout == "")

        let json = try debrief.run(["list", "--format", "json", "--limit", "3"])
        #expect(json.status == 0)
        let array = try #require(try Self.json(json.stdout) as? [[String: Any]])
        #expect(array.count == 3)
        for object in array {
            #expect(Set(object.keys).isSuperset(of: ["id", "path", "title", "date", "kind", "people", "tags", "pitfalls", "open_follow_ups"]))
        }
        let meetup = try #require(array.first { $0["id"] as? String == "2026-11-24-1830-swift-meetup" })
        #expect(meetup["path"] as? String == debrief.journal + "/entries/2026/11/2026-11-24-1830-swift-meetup.md")
        #expect(meetup["title"] as? String == "Swift meetup")
        #expect(meetup["date"] as? String == "2026-11-24T18:30:00+01:00")
        #expect(meetup["kind"] as? String == "meetup")
        #expect(meetup["people"] as? [String] == ["Zoë Brandt"])
        #expect(meetup["tags"] as? [String] == ["swift"])
        #expect(meetup["pitfalls"] is [String])
        #expect(meetup["open_follow_ups"] as? Int == 1)
        let empty = try debrief.run(["list", "--format", "json", "--tag", "nothing"])
        #expect(try Self.json(empty.stdout) as? [Any] != nil)
    }

    @Test(arguments: [
        (["list", "--since", "someday"], "--since"),
        (["list", "--until", "2026-13-01"], "--until"),
        (["list", "--since", "2026-11-25", "--until", "2026-11-20"], "after"),
        (["list", "--kind", "party"], "--kind"),
        (["list", "--limit", "0"], "limit"),
        (["list", "--format", "xml"], "format"),
    ])
    func listRejectsBadOptions(_ args: [String], _ words: String) throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let r = try debrief.run(args)
        #expect(r.status == 64)
        #expect(r.stdout == "")
        #expect(r.stderr.contains(words), "\(r.stderr)")
    }

    // MARK: - show

    @Test func showByIdPrefixAndFormats() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        try debrief.write(Self.fullAnswers, to: "a.yaml")
        #expect(try debrief.run(["add", "--answers", "a.yaml"]).status == 0)
        #expect(try debrief.run(["add", "--title", "Swift lunch", "--date", "2026-11-24 12:00"]).status == 0)
        let id = "2026-11-24-1830-swift-meetup-berlin"

        let text = try debrief.run(["show", id])
        #expect(text.status == 0)
        #expect(text.stderr == "")
        Self.expectClean(text)
        #expect(text.stdout.hasPrefix("Swift meetup Berlin\n2026-11-24 18:30 · meetup  (\(id))\n"))
        #expect(text.stdout.contains("Ana Li (peer, new): Migrating their services to Swift"))
        #expect(text.stdout.contains("Free notes, any Markdown."))

        let prefix = try debrief.run(["show", "2026-11-24-18"])
        #expect(prefix.status == 0)
        #expect(prefix.stdout == text.stdout)

        let markdown = try debrief.run(["show", id, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Swift meetup Berlin\n"))
        #expect(markdown.stdout.contains("- [ ] Ana Li: Send the benchmark repository link, due 2026-11-27"))

        let json = try debrief.run(["show", id, "--format", "json"])
        let object = try #require(try Self.json(json.stdout) as? [String: Any])
        #expect(object["id"] as? String == id)
        #expect(object["path"] as? String == debrief.journal + "/entries/2026/11/\(id).md")
        #expect(object["pitfalls"] is [String])
        for key in ["title", "date", "kind", "purpose", "professional-topics", "purpose-met", "horizon", "people",
                    "asked-about-them", "talk-share", "asked-favor", "offered", "outreach-count",
                    "outreach-personalized", "follow-ups", "reconnected", "learned", "tags", "notes"] {
            #expect(object[key] != nil, "show --format json lacks \(key)")
        }

        let ambiguous = try debrief.run(["show", "2026-11-24"])
        #expect(ambiguous.status == 64, "an ambiguous prefix is a usage error (was 66, not found)")
        #expect(ambiguous.stdout == "")
        #expect(ambiguous.stderr.contains("matches 2 entries") && ambiguous.stderr.contains(id))

        let unknown = try debrief.run(["show", "2027-01-01-0000-nothing"])
        #expect(unknown.status == 66)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.contains("2027-01-01-0000-nothing"))

        let badFormat = try debrief.run(["show", id, "--format", "pdf"])
        #expect(badFormat.status == 64)
    }

    // MARK: - doctor

    @Test func doctorListsBrokenFiles() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        #expect(try debrief.run(["add", "--title", "Fine"]).status == 0)
        let clean = try debrief.run(["doctor"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "")
        #expect(clean.stderr.contains("1 entry read, 0 with problems"))

        let broken = """
        ---
        schema: 1
        created: 2026-11-24T21:05:12+01:00
        title: Broken
        talk-share: lots
        ---
        """
        let path = try debrief.write(broken, to: debrief.journal + "/entries/2026/11/2026-11-24-1830-broken.md")
        let r = try debrief.run(["doctor"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("\(path):5: "))
        #expect(r.stdout.contains("talk-share"))
        #expect(r.stderr.contains("1 entry read, 1 with problems"))
        Self.expectClean(r)
        // The broken file is left as it was, and the rest of the journal keeps working.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == broken)
        let list = try debrief.run(["list"])
        #expect(list.status == 0)
        #expect(Self.ids(list) == ["2026-11-26-1000-fine"])
        #expect(list.stderr.contains("doctor"))
    }

    // MARK: - prompts

    @Test func promptsCheckAndShow() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        let ok = try debrief.run(["prompts", "check"])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("ok: 6 sections, 20 prompts, 7 pitfalls"))

        let show = try debrief.run(["prompts", "show"])
        #expect(show.status == 0)
        Self.expectClean(show)
        #expect(show.stdout.hasPrefix("1. Event\n   title (line, required) “Title”\n"))
        #expect(show.stdout.contains("talk-share (percent)"))
        #expect(show.stdout.contains("asked when people count ≥ 1"))
        #expect(show.stdout.contains("quick: Quick reflection: title, date, kind, people, talk-share, follow-ups"))
        #expect(show.stdout.contains("Pitfalls"))
        #expect(show.stdout.contains("self-promotion"))
        #expect(show.stdout.contains("outreach-generic is ≥ 50% of outreach-count (titled “Mostly generic messages”)"), "\(show.stdout)")

        // A good override changes what is shown and accepted.
        try debrief.write("sections:\n  - id: purpose\n    prompts:\n      - id: energy\n        type: scale\n        question: Energy left?\n",
                          to: debrief.promptsDirectory + "/10-energy.yaml")
        #expect(try debrief.run(["prompts", "check"]).stdout.hasPrefix("ok: 6 sections, 21 prompts"))
        #expect(try debrief.run(["prompts", "show"]).stdout.contains("energy (scale)"))
        #expect(try debrief.run(["add", "--answers", "-"], stdin: "title: X\nenergy: 3\n").status == 0)

        // A broken override: check exits 65 with file:line: messages on stdout.
        let bad = try debrief.write("sections:\n  - id: purpose\n    prompts:\n      - id: mood\n        type: slider\n        question: Mood?\n",
                                    to: debrief.promptsDirectory + "/20-bad.yaml")
        let check = try debrief.run(["prompts", "check"])
        #expect(check.status == 65)
        #expect(check.stdout.contains("\(bad):5: unknown type `slider`"), "\(check.stdout)")
        // Other commands refuse to run on a broken catalog (exit 78) and say where it is broken.
        let list = try debrief.run(["list"])
        #expect(list.status == 78)
        #expect(list.stderr.contains("\(bad):5:"))

        // `prompts check FILE` checks one file as an override of the defaults.
        let file = try debrief.write("pitfalls:\n  - id: self-promotion\n    signals:\n      - when: { answer: nope, missing: true }\n        reason: x\n",
                                     to: "check-me.yaml")
        try FileManager.default.removeItem(atPath: bad)
        let one = try debrief.run(["prompts", "check", file])
        #expect(one.status == 65)
        #expect(one.stdout.contains("\(file):4: condition reads unknown prompt `nope`"), "\(one.stdout)")
        let missing = try debrief.run(["prompts", "check", "absent.yaml"])
        #expect(missing.status == 66)
    }

    // MARK: - Where the journal is

    @Test func journalLocationPrecedence() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        func path(_ args: [String], _ env: [String: String]) throws -> String {
            let r = try debrief.run(["add", "--title", "Where"] + args, env: env)
            #expect(r.status == 0, "\(r.stderr)")
            return String(r.stdout.split(separator: "\n").last ?? "")
        }
        let option = debrief.root + "/option"
        let suffix = "/entries/2026/11/2026-11-26-1000-where.md"
        #expect(try path(["--journal", option], [:]) == option + suffix)
        #expect(try path([], [:]) == debrief.journal + suffix)
        #expect(try path([], ["DEBRIEF_JOURNAL": ""]) == debrief.data + "/debrief" + suffix)
        #expect(try path([], ["DEBRIEF_JOURNAL": "", "XDG_DATA_HOME": ""]) == debrief.home + "/.local/share/debrief" + suffix)
        // A relative --journal is taken from the working directory.
        #expect(try path(["--journal", "rel"], [:]) == debrief.root + "/rel" + suffix)
        // Each command reads the same place.
        let list = try debrief.run(["list", "--journal", option], env: ["DEBRIEF_JOURNAL": ""])
        #expect(Self.ids(list) == ["2026-11-26-1000-where"])
        let noHome = try debrief.run(["list"], env: ["DEBRIEF_JOURNAL": "", "XDG_DATA_HOME": "", "HOME": ""])
        #expect(noHome.status == 64)
    }

    @Test func filesArePrivate() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        try FileManager.default.removeItem(atPath: debrief.journal)
        let r = try debrief.run(["add", "--title", "Private"])
        let path = String(r.stdout.split(separator: "\n").last ?? "")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let dir = try FileManager.default.attributesOfItem(atPath: debrief.journal)
        #expect((dir[.posixPermissions] as? Int) == 0o700)
    }

    /// The binary run through `sh -c 'umask 000; exec …'`: still 0700 folders and 0600 files.
    @Test func filesArePrivateUnderUmaskZero() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        try FileManager.default.removeItem(atPath: debrief.journal)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000; exec \"$0\" \"$@\"", BinaryRunner.binary, "add", "--title", "Umask"]
        process.environment = debrief.baseEnvironment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        func mode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        }
        let entries = debrief.journal + "/entries"
        for dir in [debrief.journal, entries, entries + "/2026", entries + "/2026/11"] {
            #expect(try mode(dir) == 0o700, "\(dir)")
        }
        #expect(try mode(entries + "/2026/11/2026-11-26-1000-umask.md") == 0o600)
        #expect(try mode(debrief.journal + "/.lock") == 0o600)
    }

    @Test func noArgumentsWithoutATerminalPointsAtAdd() throws {
        let debrief = try BinaryRunner()
        defer { debrief.cleanUp() }
        // No arguments opens the home screen, which needs a terminal: without one, one line on
        // stderr pointing at the scripting commands, exit 64, nothing on stdout.
        let r = try debrief.run([])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("debrief add"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        Self.expectClean(r)
        let help = try debrief.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE"))
        // Even when the terminal type asks for colour, piped output has no escape codes.
        let colour = try debrief.run(["list"], env: ["TERM": "xterm-256color", "CLICOLOR_FORCE": "1"])
        Self.expectClean(colour)
    }
}
