#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// Tab on values from the journal in real interactive shells (bash always; zsh and fish where
/// installed), each in tmux with debrief's completion script loaded as a user loads it: names,
/// tags, kinds, entry ids and calendar event keys that a synced journal, an import or a calendar
/// could carry (`$( )`, backticks, `;`, `&`, `|`, quotes, backslashes, spaces, globs, `:`,
/// `$HOME`, a newline) reach the command line as themselves, never as code. After each Tab the test moves to the start of the line and
/// turns the command into a call of `args`, a shell function that writes its arguments to a file,
/// then presses Enter: the completed word must be exactly the value, and no command hidden in a
/// value may have run (the shell's folder stays empty).
///
/// Before debrief owned its scripts, bash ran `$(touch p1)` from a person's name on Tab
/// (argument-parser's `compgen -W "$(…)"`), and zsh cut `Uma: Li` at the colon.
@Suite struct ShellCompletionSafetyTests {
    struct Case: CustomStringConvertible {
        var command: [String]
        var typed: String
        /// The word the command line must hold after Tab; `typed` itself when nothing may be offered.
        var value: String
        var description: String { "\(command.joined(separator: " ")) \(typed)<Tab>" }
    }

    static let entryID = "2026-11-22-0900-i$(touch i1);x `touch i2`"

    /// The values on the command line after Tab. Each typed prefix is unique among its kind.
    static let cases: [Case] = [
        Case(command: ["list", "--person"], typed: "Ze", value: "Zed $(touch p1)"),
        Case(command: ["list", "--person"], typed: "Ya", value: "Yan `touch p2`"),
        Case(command: ["list", "--person"], typed: "Xi", value: "Xi; touch p3 && touch p4"),
        Case(command: ["list", "--person"], typed: "Wu", value: "Wu \"q\" 'r' \\ end"),
        Case(command: ["list", "--person"], typed: "Vi", value: "Vi * ? [ab] ~ {a,b} p*"),
        Case(command: ["followups", "--person"], typed: "Um", value: "Uma: Li"),
        Case(command: ["list", "--person"], typed: "To", value: "Tom & Jerry | tee p5 > p6"),
        Case(command: ["list", "--person"], typed: "Ra", value: "Ra $HOME ${PATH} $((6*7)) !! #x"),
        // A name with a newline is never offered: no shell could insert it as one word.
        Case(command: ["list", "--person"], typed: "Sa", value: "Sa"),
        // Any case and accents (issue 22): `zo` finds Zoë.
        Case(command: ["list", "--person"], typed: "zo", value: "Zoë Brandt"),
        Case(command: ["people", "show"], typed: "Yan", value: "Yan `touch p2`"),
        Case(command: ["list", "--tag"], typed: "t", value: "t$(touch t1)"),
        Case(command: ["list", "--tag"], typed: "g", value: "g*[x] ?; touch t2"),
        Case(command: ["list", "--kind"], typed: "k", value: "k$(touch k1)"),
        Case(command: ["show"], typed: "2026-11-22", value: entryID),
        // Calendar event keys (issue 20): a calendar is as foreign as a synced journal.
        Case(command: ["new", "--event"], typed: "e1", value: "e1$(touch e1)"),
        Case(command: ["new", "--event"], typed: "e2", value: "e2 `touch e2`; touch e3 && x"),
        Case(command: ["brief"], typed: "e3", value: "e3: 'q' \"r\" \\ * ? ~ {a,b} $HOME"),
        // A recurring instance's key carries its RECURRENCE-ID after a slash.
        Case(command: ["brief"], typed: "e4", value: "e4|tee e4>e5/20261124T110000Z"),
        // Inside a quote the user opened.
        Case(command: ["list", "--person"], typed: "'Ze", value: "Zed $(touch p1)"),
        Case(command: ["list", "--person"], typed: "\"Ya", value: "Yan `touch p2`"),
        Case(command: ["list", "--person"], typed: "'Wu", value: "Wu \"q\" 'r' \\ end"),
        Case(command: ["list", "--person"], typed: "\"Wu", value: "Wu \"q\" 'r' \\ end"),
        Case(command: ["list", "--person"], typed: "\"Ra", value: "Ra $HOME ${PATH} $((6*7)) !! #x"),
    ]

    /// A journal holding every hostile value above: people, follow-ups and tags through
    /// `add --answers` (JSON), a kind through a catalog override, an id as a file's name, event
    /// keys as calendar UIDs (with hostile summaries, which zsh and fish show beside them).
    static func seed(_ debrief: BinaryRunner) throws {
        let people = cases.filter { $0.command.last == "--person" && $0.typed != "Sa" }.map(\.value) + ["Sam\n$(touch p7)"]
        let tags = cases.filter { $0.command.last == "--tag" }.map(\.value)
        let answers: [String: Any] = [
            "title": "Hostile", "date": "2026-11-20T10:00:00+01:00",
            "people": people.map { ["name": $0] }, "tags": tags,
            "follow-ups": [["who": "Vi", "action": "Send $(touch f1) `touch f2`", "due": "2026-12-01"],
                           ["who": "Uma: Li", "action": "Call: about it", "due": "2026-12-02"]],
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)
        try debrief.add(json)
        try debrief.write("sections:\n  - id: event\n    prompts:\n      - id: kind\n        type: choice\n"
                          + "        question: Kind?\n        options: [meetup, 'k$(touch k1)']\n",
                          to: debrief.promptsDirectory + "/10-kinds.yaml")
        try debrief.write("---\ntitle: Named by its file\ndate: 2026-11-22T09:00:00+01:00\n---\n",
                          to: debrief.journal + "/entries/2026/11/\(entryID).md")
        try #require(try debrief.run(["list"]).stdout.contains("Named by its file"))
        try seedCalendar(debrief)
    }

    /// A calendar whose events ended within `pending-days` with someone else: their keys are what
    /// `new --event` and `brief` offer, and their summaries what zsh and fish show beside them.
    /// The last is a moved instance of a weekly series (worth a reflection by a catalog override),
    /// so its key ends in `/` and its original start.
    static func seedCalendar(_ debrief: BinaryRunner) throws {
        func event(_ uid: String, _ summary: String, start: String, end: String, _ extra: [String] = []) -> String {
            (["BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:20261101T000000Z", "SUMMARY:\(summary)",
              "DTSTART;TZID=Europe/Berlin:\(start)", "DTEND;TZID=Europe/Berlin:\(end)",
              "ATTENDEE;CN=Marc Weber:mailto:marc@example.com"] + extra + ["END:VEVENT"]).map { $0 + "\r\n" }.joined()
        }
        let keys = cases.filter { $0.command == ["new", "--event"] || $0.command == ["brief"] }.map(\.value)
        var events = keys.filter { !$0.contains("/") }.enumerated().map { n, key in
            event(key, "Lunch $(touch s\(n)) `touch s\(n)`", start: "202611\(20 + n)T120000", end: "202611\(20 + n)T130000")
        }
        let series = "e4|tee e4>e5"
        events.append(event(series, "Lunch weekly", start: "20261124T120000", end: "20261124T130000", ["RRULE:FREQ=WEEKLY;COUNT=2"]))
        events.append(event(series, "Lunch moved $(touch s9)", start: "20261125T090000", end: "20261125T100000",
                            ["RECURRENCE-ID;TZID=Europe/Berlin:20261124T120000"]))
        try debrief.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + events.joined() + "END:VCALENDAR\r\n",
                          to: debrief.root + "/calendars/hostile.ics")
        try debrief.write("calendars:\n  - \(debrief.root)/calendars/hostile.ics\nme: [ana@example.org]\n",
                          to: debrief.config + "/debrief/config.yaml")
        try debrief.write("events:\n  recurring-words: [lunch]\n", to: debrief.promptsDirectory + "/20-events.yaml")
        let json = try debrief.run(["pending", "--format", "json"]).stdout
        let waiting = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], "\(json)")
        #expect(Set(waiting.compactMap { $0["key"] as? String }) == Set(keys), "\(json)")
    }

    /// One interactive shell in tmux, in an empty folder, with the completion script loaded and
    /// `args` defined.
    struct Shell {
        var name: String
        var program: String
        var arguments: [String]
        var environment: [String: String]
        var prompt: String
    }

    static func shell(_ name: String, debrief: BinaryRunner, folder: String, outputs: String) throws -> Shell {
        let script = try ShellIntegrationTests.script(name, debrief)
        let bin = (BinaryRunner.binary as NSString).deletingLastPathComponent
        var env = debrief.baseEnvironment
        env["PATH"] = bin + ":/usr/bin:/bin"
        switch name {
        case "bash":
            let rc = try debrief.write("""
                PS1='bash$ '
                cd '\(folder)'
                source '\(script)'
                args() { local out=$1; shift; printf '%s\\0' "$@" > "$out"; }
                """, to: debrief.root + "/bashrc")
            return Shell(name: name, program: "/bin/bash", arguments: ["--noprofile", "--rcfile", rc, "-i"], environment: env, prompt: "bash$ ")
        case "zsh":
            try debrief.write("""
                PROMPT='zsh$ '
                cd '\(folder)'
                autoload -Uz compinit && compinit -u -D
                source '\(script)'
                args() { local out=$1; shift; printf '%s\\0' "$@" > "$out"; }
                """, to: debrief.root + "/zdot/.zshrc")
            env["ZDOTDIR"] = debrief.root + "/zdot"
            return Shell(name: name, program: "/usr/bin/zsh", arguments: ["-i"], environment: env, prompt: "zsh$ ")
        default:
            try debrief.write("""
                function fish_prompt; echo -n 'fish$ '; end
                function fish_greeting; end
                cd '\(folder)'
                source '\(script)'
                function args; set -l out $argv[1]; printf '%s\\0' $argv[2..] > $out; end
                """, to: debrief.config + "/fish/config.fish")
            return Shell(name: name, program: "/usr/bin/fish", arguments: ["-i"], environment: env, prompt: "fish$ ")
        }
    }

    /// Presses Tab after each case's prefix, runs the completed line as `args`, and returns what
    /// the completed word was (nil when the line did not run), with the screens for a failure.
    static func complete(_ cases: [Case], in shell: Shell, debrief: BinaryRunner, outputs: String) throws -> [(Case, [String]?)] {
        let tmux = try TmuxSession(shell.arguments, environment: shell.environment, width: 160, height: 40, binary: shell.program)
        defer { tmux.stop() }
        try tmux.waitFor(shell.prompt.trimmingCharacters(in: .whitespaces))
        var results: [(Case, [String]?)] = []
        for (n, c) in cases.enumerated() {
            let out = outputs + "/\(shell.name)-\(n)"
            try tmux.type((["debrief"] + c.command + [c.typed]).joined(separator: " "))
            try tmux.press("Tab")
            try tmux.press("C-a")
            try tmux.type("args \(out) ")
            try tmux.press("Enter")
            let deadline = Date().addingTimeInterval(10)
            // The shell creates the file (`> $out`) before printf writes it: wait for the words,
            // not the name (an empty read under load failed a landing).
            while (FileManager.default.contents(atPath: out)?.isEmpty ?? true), Date() < deadline { usleep(20_000) }
            usleep(50_000)
            let words = FileManager.default.contents(atPath: out).map {
                String(decoding: $0, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
            }
            if words == nil { Issue.record("\(shell.name): \(c): the line did not run; the screen was:\n\(try tmux.capture())") }
            results.append((c, words))
        }
        if shell.name != "bash" {
            // zsh and fish show a follow-up's action beside its number (issue 22); bash shows numbers alone.
            try tmux.type("debrief done 2026-11-20-1000-hostile ")
            try tmux.press("Tab")
            let screen = try tmux.waitFor("Call: about it")
            #expect(screen.contains("Vi: Send $(touch f1) `touch f2`"), "\(shell.name): \(screen)")
            try tmux.press("C-c")
        }
        return results
    }

    static func check(_ shell: String, cases: [Case] = cases) throws {
        let debrief = try BinaryRunner()
        try seed(debrief)
        let folder = debrief.root + "/cwd"
        let outputs = debrief.root + "/args"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
        let s = try Self.shell(shell, debrief: debrief, folder: folder, outputs: outputs)
        for (c, words) in try complete(cases, in: s, debrief: debrief, outputs: outputs) {
            guard let words else { continue }
            #expect(words == ["debrief"] + c.command + [c.value], "\(shell): \(c)")
        }
        let created = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(created.isEmpty, "\(shell): Tab ran code from the journal and created \(created.sorted())")
        #expect(!FileManager.default.fileExists(atPath: debrief.root + "/p1"))
    }

    @Test func bashInsertsJournalValuesAsData() throws {
        try Self.check("bash")
    }

    @Test(.enabled(if: ShellIntegrationTests.installed("zsh"), "zsh is not installed here; skipped"))
    func zshInsertsJournalValuesAsData() throws {
        try Self.check("zsh")
    }

    /// fish matches by itself after debrief (case, not accents), so `zo` finds Zoë as in the
    /// other shells; every other case is the same.
    @Test(.enabled(if: ShellIntegrationTests.installed("fish"), "fish is not installed here; skipped"))
    func fishInsertsJournalValuesAsData() throws {
        try Self.check("fish")
    }
}
