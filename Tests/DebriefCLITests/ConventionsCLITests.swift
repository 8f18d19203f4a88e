import Foundation
import Testing

/// The conventions a terminal user expects, run as the built binary: unknown commands, the
/// version, exit codes, a missing journal, and the config file with each of its keys.
@Suite struct ConventionsCLITests {
    // MARK: - Commands and the version

    @Test func anUnknownCommandIsNamedAndTheCommandsListed() throws {
        let debrief = try BinaryRunner()
        for args in [["nonsense"], ["--journal", debrief.journal, "nonsense", "--x"], ["lsit", "--format", "json"]] {
            let r = try debrief.run(args)
            #expect(r.status == 64, "\(args)")
            #expect(r.stdout.isEmpty)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == "debrief: unknown command '\(args.first { !$0.hasPrefix("-") && $0 != debrief.journal } ?? "")'")
            for command in ["new", "review", "followups", "people", "add", "list", "show", "doctor"] {
                #expect(lines.contains { $0.hasPrefix("  \(command) ") }, "\(command) missing from\n\(r.stderr)")
            }
            #expect(!r.stderr.contains("USAGE"), "home's usage instead of the command list")
        }
        // Real commands and `help` still work.
        #expect(try debrief.run(["help", "list"]).status == 0)
        #expect(try debrief.run(["list", "--journal", debrief.journal]).status == 0)
    }

    /// `--journal DIR` before the command, as `git -C DIR log` is typed, runs that command on
    /// that journal (it was home's "Unexpected argument 'list'" and home's usage).
    @Test func theJournalMayComeBeforeTheCommand() throws {
        let debrief = try BinaryRunner()
        let other = debrief.root + "/other journal"
        #expect(try debrief.run(["add", "--journal", other, "--title", "Elsewhere", "--date", "2026-11-24 18:30"]).status == 0)
        for args in [["--journal", other, "list"], ["--journal=\(other)", "list"], ["--journal", other, "list", "--format", "json"]] {
            let r = try debrief.run(args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(r.stdout.contains("2026-11-24-1830-elsewhere"), "\(args): \(r.stdout)")
        }
        // And before a command with subcommands (it was "Unknown option '--journal'" for `prompts list`,
        // and `people rename` took `rename` for people list's days).
        let people = try debrief.run(["--journal", other, "people", "list", "--format", "json"])
        #expect(people.status == 0, "\(people.stderr)")
        let setup = try debrief.run(["--journal", other, "sync", "setup"])
        #expect(setup.status == 0, "\(setup.stderr)")
        #expect(FileManager.default.fileExists(atPath: other + "/.gitattributes"))
        let unknown = try debrief.run(["--journal", other, "lsit"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("debrief: unknown command 'lsit'\n"))
    }

    @Test func versionIsPrintedAndHeadsTheHelp() throws {
        let debrief = try BinaryRunner()
        let version = try debrief.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
        let help = try debrief.run(["--help"])
        let first = help.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("debrief " + version.stdout.dropLast()), "\(first)")
    }

    // MARK: - Exit codes

    /// Every bad option value is a usage error (64), whichever command and whichever check finds it.
    @Test(arguments: [
        ["add", "--title", "X", "--date", "someday"],
        ["add", "--title", "X", "--kind", "party"],
        ["list", "--since", "someday"],
        ["list", "--kind", "party"],
        ["list", "--limit", "0"],
        ["review", "--week", "2026-W99"],
        ["review", "--color", "sometimes"],
        ["followups", "--format", "csv"],
        ["done", "2026-11-24", "1", "--on", "someday"],
        ["people", "--cold", "ninety"],
        ["show", "x", "--format", "yaml"],
    ])
    func badOptionValuesExit64(_ args: [String]) throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Meetup\ndate: 2026-11-24 18:30\nfollow-ups:\n  - who: Ana\n    action: Write\n")
        let r = try debrief.run(args)
        #expect(r.status == 64, "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("debrief: ") || r.stderr.hasPrefix("Error: "), "\(r.stderr)")
    }

    /// Bad data on stdin or in a file is 65; an ambiguous prefix is a usage error (64, it was 66 as
    /// if nothing matched) that lists every candidate, one a line.
    @Test func badDataIs65AndAnAmbiguousPrefixListsTheCandidates() throws {
        let debrief = try BinaryRunner()
        #expect(try debrief.run(["add", "--answers", "-"], stdin: "title: [unclosed\n").status == 65)
        var ids: [String] = []
        for hour in 10...12 { ids.append(try debrief.add("title: Talk\ndate: 2026-11-24 \(hour):00\n").id) }
        let r = try debrief.run(["show", "2026-11-24"])
        #expect(r.status == 64)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "debrief: '2026-11-24' matches 3 entries; type more of the id:")
        #expect(Array(lines.dropFirst()) == ids.sorted(by: >).map { "  " + $0 })
    }

    // MARK: - A missing journal

    /// Every command that reads refuses a journal folder that is not there, naming the path, and
    /// creates nothing; before, `list` printed nothing and exited 0.
    @Test(arguments: [
        ["list"], ["show", "2026"], ["doctor"], ["review"], ["followups"], ["followups", "--quiet"], ["people"],
        ["done", "2026", "1"], ["undone", "2026", "1"], ["edit", "2026"], ["browse"],
    ])
    func readingCommandsRefuseAMissingJournal(_ args: [String]) throws {
        let debrief = try BinaryRunner()
        let missing = debrief.root + "/typo"
        for (extra, env) in [(["--journal", missing], [String: String]()), ([], ["DEBRIEF_JOURNAL": missing])] {
            let r = try debrief.run(args + extra, env: env)
            #expect(r.status == 66, "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "debrief: no journal at \(missing): the folder does not exist; check --journal, DEBRIEF_JOURNAL "
                    + "or `journal:` in \(debrief.config)/debrief/config.yaml, or write a first entry with `debrief new` or `debrief add`\n")
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test func aFileIsNotAJournal() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write("not a folder\n", to: "notes.txt")
        for args in [["doctor"], ["list"], ["add", "--title", "X"]] {
            let r = try debrief.run(args + ["--journal", file])
            #expect(r.status == 66, "\(args)")
            #expect(r.stderr.hasPrefix("debrief: \(file) is not a folder, so it cannot be the journal"), "\(r.stderr)")
            #expect(!r.stderr.contains("0 entries read"))
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder\n")
    }

    /// A journal path that is a symbolic link to nothing (a drive not mounted, a folder moved) is
    /// named as such by every command, reading or writing, and nothing is created through the
    /// link. Before, `add` said only "…/.lock: No such file or directory" (exit 74), `list` advised
    /// writing a first entry with `add`, which then failed, and `pending` took it for an empty journal.
    @Test(arguments: [
        ["list"], ["doctor"], ["add", "--title", "X"], ["pending"], ["pending", "skip", "abc@example.org"],
        ["import", "jrnl", "nothing.txt"],
    ])
    func aJournalLinkedToNothingIsNamedAndNothingIsCreated(_ args: [String]) throws {
        let debrief = try BinaryRunner()
        let link = debrief.root + "/journal-link", target = debrief.root + "/unmounted/journal"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try debrief.run(args + ["--journal", link])
        #expect(r.status == 66, "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "debrief: the journal \(link) is a symbolic link to \(target), which does not exist (a drive not mounted, "
                + "a folder moved?); mount or create it, or give the journal folder with --journal, DEBRIEF_JOURNAL "
                + "or `journal:` in \(debrief.config)/debrief/config.yaml\n", "\(args)")
        #expect(!FileManager.default.fileExists(atPath: debrief.root + "/unmounted"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }

    /// `add` creates the journal wherever it was configured and says so once, on stderr.
    @Test func writingCommandsCreateTheJournalAndSayWhere() throws {
        let debrief = try BinaryRunner()
        let viaOption = debrief.root + "/a/b/option"
        let viaVariable = debrief.root + "/variable"
        let viaConfig = debrief.home + "/from-config"
        try debrief.write("journal: from-config\n", to: debrief.config + "/debrief/config.yaml")
        for (args, env, folder) in [(["--journal", viaOption], [String: String](), viaOption),
                                    ([], ["DEBRIEF_JOURNAL": viaVariable], viaVariable),
                                    ([], ["DEBRIEF_JOURNAL": ""], viaConfig)] {
            let first = try debrief.run(["add", "--title", "First"] + args, env: env)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr == "Created the journal folder \(folder)\n")
            #expect(first.stdout.hasSuffix(folder + "/entries/2026/11/2026-11-26-1000-first.md\n"))
            let second = try debrief.run(["add", "--title", "Second"] + args, env: env)
            #expect(second.status == 0)
            #expect(second.stderr.isEmpty)
            let list = try debrief.run(["list"] + args, env: env)
            #expect(list.stdout.split(separator: "\n").count == 2)
        }
    }

    // MARK: - The config file

    func writeConfig(_ debrief: BinaryRunner, _ text: String) throws -> String {
        try debrief.write(text, to: debrief.config + "/debrief/config.yaml")
    }

    /// A bad config file is reported line by line and the command runs on the defaults; the
    /// file is never rewritten.
    @Test func aBadConfigIsReportedAndTheCommandStillRuns() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Meetup\ndate: 2026-11-24 18:30\n")
        let path = try writeConfig(debrief, "# settings\ncolour: never\ncold-days: soon\njournal: /nowhere/else\n")
        let r = try debrief.run(["list", "--journal", debrief.journal])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2026-11-24-1830-meetup"))
        #expect(r.stderr.split(separator: "\n").map(String.init) == [
            "debrief: \(path):2: unknown key `colour`: did you mean `color`? the keys are journal, color, cold-days, editor, reflection-flow, calendars, me, pending-days; ignored",
            "debrief: \(path):3: `cold-days` must be a whole number of days from 1 to 36500, not 'soon'; using the default",
        ])
        let broken = try writeConfig(debrief, "color: [never\n")
        let b = try debrief.run(["list"])
        #expect(b.status == 0)
        #expect(b.stdout.contains("2026-11-24-1830-meetup"))
        #expect(b.stderr.hasPrefix("debrief: \(broken):"), "\(b.stderr)")
        #expect(b.stderr.contains("every setting uses its default"))
    }

    @Test func theConfigIsNeverWritten() throws {
        let debrief = try BinaryRunner()
        let path = try writeConfig(debrief, "cold-days: 30\n# a comment debrief must keep\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try BinaryRunner.bytes(path)
        let stamp = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try debrief.add("title: Meetup\npeople: [Ana]\n")
        for args in [["people", "--cold"], ["list"], ["review"], ["doctor"]] { _ = try debrief.run(args) }
        #expect(try BinaryRunner.bytes(path) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == stamp)
        #expect(try FileManager.default.contentsOfDirectory(atPath: debrief.config + "/debrief") == ["config.yaml"])
    }

    /// `journal:` is used when neither --journal nor DEBRIEF_JOURNAL is given.
    @Test func configJournal() throws {
        let debrief = try BinaryRunner()
        try FileManager.default.createDirectory(atPath: debrief.root + "/elsewhere", withIntermediateDirectories: true)
        _ = try writeConfig(debrief, "journal: \(debrief.root)/elsewhere\n")
        let added = try debrief.run(["add", "--title", "Where"], env: ["DEBRIEF_JOURNAL": ""])
        #expect(added.stdout.hasSuffix(debrief.root + "/elsewhere/entries/2026/11/2026-11-26-1000-where.md\n"))
        #expect(added.stderr.isEmpty)
        #expect(try debrief.run(["list"], env: ["DEBRIEF_JOURNAL": ""]).stdout.contains("where"))
        // DEBRIEF_JOURNAL still wins over the config.
        #expect(try debrief.run(["list"]).stdout.isEmpty)
    }

    /// `color:` sets review's colour when no --color is given; it overrides NO_COLOR, and the
    /// flag overrides it.
    @Test func configColor() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Drinks\ndate: 2026-11-24 18:30\nprofessional-topics: no\n")
        func coloured(_ config: String, _ args: [String] = [], env: [String: String] = [:]) throws -> Bool {
            _ = try writeConfig(debrief, config)
            let r = try debrief.run(["review"] + args, env: env)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.contains("\u{1B}[")
        }
        #expect(try !coloured(""))
        #expect(try coloured("color: always\n"))
        #expect(try coloured("color: always\n", env: ["NO_COLOR": "1"]))
        #expect(try !coloured("color: never\n", ["--color", "auto"]))
        #expect(try coloured("color: never\n", ["--color", "always"]))
        #expect(try !coloured("color: always\n", ["--color", "never"]))
    }

    /// `cold-days:` sets the cold list's default; debrief's remembered choice beats it, a flag beats both.
    @Test func configColdDaysAndTheStateFile() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Old lunch\ndate: 2026-06-01 12:00\npeople:\n  - name: Kai Berg\n    relation: existing\n")
        // Kai was last mentioned 178 days before 2026-11-26.
        func cold(_ args: [String] = [], env: [String: String] = [:]) throws -> Bool {
            let r = try debrief.run(["people", "--cold"] + args, env: env)
            #expect(r.status == 0, "\(r.stderr)")
            return r.stdout.contains("Kai Berg")
        }
        #expect(try cold())
        _ = try writeConfig(debrief, "cold-days: 200\n")
        #expect(try !cold())
        #expect(try cold(["150"]))
        let state = debrief.root + "/state"
        try debrief.write("cold-days: 100\n", to: state + "/debrief/state.yaml")
        #expect(try cold(env: ["XDG_STATE_HOME": state]))
        #expect(try !cold(["180"], env: ["XDG_STATE_HOME": state]))
    }

    /// The review's "worth a catch-up" names are the cold list: the same days as `people --cold`
    /// (the state file, else `cold-days`, else 90), never a number of their own.
    @Test func theReviewsColdNamesUseTheColdDaysSetting() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Old lunch\ndate: 2026-06-01 12:00\npeople:\n  - name: Kai Berg\n    relation: existing\n")
        // This week met only new people, so the review suggests whom to catch up with.
        try debrief.add("title: Meetup\ndate: 2026-11-24 18:30\npeople:\n  - name: Ana Li\n    relation: new\n")
        let state = debrief.root + "/state"
        // Kai was last mentioned 178 days before 2026-11-26.
        func suggested(env: [String: String] = [:]) throws -> (text: Bool, json: Bool) {
            let text = try debrief.run(["review"], env: env)
            let json = try debrief.run(["review", "--format", "json"], env: env)
            #expect(text.status == 0 && json.status == 0, "\(text.stderr)\(json.stderr)")
            let review = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let people = try #require(review["people"] as? [String: Any])
            return (text.stdout.contains("Worth a catch-up, not heard from in a while: Kai Berg."),
                    (people["cold"] as? [String]) == ["Kai Berg"])
        }
        #expect(try suggested() == (true, true))
        _ = try writeConfig(debrief, "cold-days: 200\n")
        #expect(try suggested() == (false, false))
        try debrief.write("cold-days: 150\n", to: state + "/debrief/state.yaml")
        #expect(try suggested(env: ["XDG_STATE_HOME": state]) == (true, true))
    }

    @Test func configReflectionFlowAndEditorAreChecked() throws {
        let debrief = try BinaryRunner()
        let path = try writeConfig(debrief, "reflection-flow: quick\neditor: nvim -u NONE\n")
        let fine = try debrief.run(["list"])
        #expect(fine.stderr.isEmpty)
        _ = try writeConfig(debrief, "reflection-flow: Quick please\n")
        let bad = try debrief.run(["list"])
        #expect(bad.status == 0)
        #expect(bad.stderr.hasPrefix("debrief: \(path):1: `reflection-flow` must be full or a flow's id"))
        // A well-formed id the catalog has no flow for (a typo) is reported too: `debrief new`
        // would otherwise start the full flow without a word.
        _ = try writeConfig(debrief, "color: never\nreflection-flow: quik\n")
        let typo = try debrief.run(["list"])
        #expect(typo.status == 0)
        #expect(typo.stderr == "debrief: \(path):2: `reflection-flow` must be full or a flow of the catalog (quick), not 'quik'; using the default\n")
    }
}
