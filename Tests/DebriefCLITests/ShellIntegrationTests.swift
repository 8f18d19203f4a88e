import Foundation
import Testing

/// The completion scripts for bash, zsh and fish and the man page, as a user's shell and `man`
/// load them from the built binary.
@Suite struct ShellIntegrationTests {
    static func installed(_ program: String) -> Bool {
        ["/usr/bin/", "/bin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + program) }
    }

    static func script(_ shell: String, _ debrief: BinaryRunner) throws -> String {
        let r = try debrief.run(["--generate-completion-script", shell])
        try #require(r.status == 0, "\(r.stderr)")
        return try debrief.write(r.stdout, to: "completion.\(shell)")
    }

    /// A journal with people (one with a space and an accent), tags, follow-ups (the second done)
    /// and two entries.
    static func seed(_ debrief: BinaryRunner) throws {
        try debrief.add("""
            title: Swift meetup
            date: 2026-11-24 18:30
            kind: meetup
            people: [Zoë Brandt, Ana Li]
            follow-ups:
              - {who: Zoë Brandt, action: Send the talk link, due: 2026-11-30}
              - {who: Ana Li, action: Intro to Omar, due: 2026-11-27, done: 2026-11-25}
              - {who: Ana Li, action: Book a coffee, due: 2026-12-04}
            tags: [swift, server]

            """)
        try debrief.add("title: Coffee\ndate: 2026-11-25 09:00\npeople: [Zoltan Kiss]\ntags: [hiring]\n")
    }

    /// Completes the last of `words` the way bash does on Tab, with the generated script loaded.
    static func bashComplete(_ words: [String], script: String, debrief: BinaryRunner, env: [String: String] = [:]) throws -> (candidates: [String], stderr: String) {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
        source '\(script)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _debrief debrief "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let path = BinaryRunner.binary.components(separatedBy: "/").dropLast().joined(separator: "/")
        let environment = debrief.baseEnvironment.merging(["PATH": path + ":/usr/bin:/bin"]) { $1 }.merging(env) { $1 }
        let r = try Subprocess.run("/bin/bash", ["-c", program], environment: environment.filter { !$0.value.isEmpty })
        return (r.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }, r.stderr)
    }

    // MARK: - bash

    @Test func bashLoadsTheScript() throws {
        let debrief = try BinaryRunner()
        let script = try Self.script("bash", debrief)
        #expect(try Subprocess.run("/bin/bash", ["-n", script]).status == 0)
        let registered = try Subprocess.run("/bin/bash", ["-c", "source '\(script)' && complete -p debrief"])
        #expect(registered.status == 0)
        #expect(registered.stdout.contains("-F _debrief debrief"), "\(registered.stdout)")
        // debrief's own function takes every journal value; none reaches `compgen -W "$(…)"`.
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(!text.contains("-W \"$("))
        #expect(text.components(separatedBy: "__debrief_journal_candidates ---completion").count > 10)
        #expect(try debrief.run(["--generate-completion-script=bash"]).stdout == text, "the = form gives the same script")
    }

    /// Tab completes entry ids, people, tags and kinds from the journal the command line names.
    @Test func bashCompletesFromTheJournal() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief)
        let script = try Self.script("bash", debrief)
        func complete(_ words: [String], env: [String: String] = [:]) throws -> [String] {
            let r = try Self.bashComplete(words, script: script, debrief: debrief, env: env)
            #expect(r.stderr.isEmpty, "\(words): \(r.stderr)")
            return r.candidates
        }
        #expect(try complete(["debrief", "show", "2026-11-2"]) == ["2026-11-25-0900-coffee", "2026-11-24-1830-swift-meetup"])
        #expect(try complete(["debrief", "done", "2026-11-24"]) == ["2026-11-24-1830-swift-meetup"])
        #expect(try complete(["debrief", "edit", ""]).count == 2)
        // Each candidate is a shell word (quoted with printf %q), matched ignoring case and accents.
        #expect(try complete(["debrief", "list", "--person", "Zo"]) == ["Zoltan\\ Kiss", "Zoë\\ Brandt"])
        #expect(try complete(["debrief", "list", "--person", "zo"]) == ["Zoltan\\ Kiss", "Zoë\\ Brandt"])
        #expect(try complete(["debrief", "list", "--person", "zoe"]) == ["Zoë\\ Brandt"])
        #expect(try complete(["debrief", "list", "--person", "'zoe"]) == ["Zoë Brandt"], "inside a quote, bash quotes")
        #expect(try complete(["debrief", "followups", "--person", "a"]) == ["Ana\\ Li"])
        // people show, rename and merge complete names (issue 22).
        #expect(try complete(["debrief", "people", "show", "zoë"]) == ["Zoë\\ Brandt"])
        #expect(try complete(["debrief", "people", "rename", "ana"]) == ["Ana\\ Li"])
        #expect(try complete(["debrief", "people", "merge", "Ana Li", "zol"]) == ["Zoltan\\ Kiss"])
        #expect(try complete(["debrief", "people", "merge", "Ana Li", "--into", "Z"]) == ["Zoltan\\ Kiss", "Zoë\\ Brandt"])
        // done, undone and reschedule complete the numbers of that entry's follow-ups they can act on.
        let meetup = "2026-11-24-1830-swift-meetup"
        #expect(try complete(["debrief", "done", meetup, ""]) == ["1", "3"])
        #expect(try complete(["debrief", "done", "2026-11-24", ""]) == ["1", "3"], "a unique prefix names the entry")
        #expect(try complete(["debrief", "done", "--on", "yesterday", meetup, ""]) == ["1", "3"])
        #expect(try complete(["debrief", "undone", meetup, ""]) == ["2"])
        #expect(try complete(["debrief", "reschedule", meetup, "3"]) == ["3"])
        #expect(try complete(["debrief", "done", "2026-11-2", ""]).isEmpty, "an ambiguous prefix names no entry")
        #expect(try complete(["debrief", "list", "--tag", "s"]) == ["server", "swift"])
        #expect(try complete(["debrief", "list", "--kind", "m"]) == ["meetup"])
        #expect(try complete(["debrief", "add", "--kind", "one"]) == ["one-on-one"])
        // --journal on the line wins; a journal that is not there offers nothing, quietly.
        let other = debrief.root + "/other"
        #expect(try debrief.run(["add", "--title", "Elsewhere", "--journal", other]).status == 0)
        #expect(try complete(["debrief", "show", "--journal", other, "2026"]) == ["2026-11-26-1000-elsewhere"])
        #expect(try complete(["debrief", "show", "2026"], env: ["DEBRIEF_JOURNAL": debrief.root + "/missing"]).isEmpty)
    }

    // MARK: - zsh and fish

    @Test(.enabled(if: installed("zsh"), "zsh is not installed here; skipped"))
    func zshLoadsTheScript() throws {
        let debrief = try BinaryRunner()
        let script = try Self.script("zsh", debrief)
        #expect(try Subprocess.run("/usr/bin/env", ["zsh", "-n", script]).status == 0)
        let loaded = try Subprocess.run("/usr/bin/env", ["zsh", "-f", "-c", "autoload -Uz compinit && compinit -u -D -d '\(debrief.root)/zcompdump'; source '\(script)'; print -r -- ${_comps[debrief]}"],
                                        environment: ["HOME": debrief.home, "PATH": "/usr/bin:/bin"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout == "_debrief\n")
    }

    @Test(.enabled(if: installed("fish"), "fish is not installed here; skipped"))
    func fishLoadsTheScript() throws {
        let debrief = try BinaryRunner()
        let script = try Self.script("fish", debrief)
        #expect(try Subprocess.run("/usr/bin/env", ["fish", "-n", script]).status == 0)
        let loaded = try Subprocess.run("/usr/bin/env", ["fish", "--no-config", "-c", "source '\(script)'; complete -c debrief"],
                                        environment: ["HOME": debrief.home, "PATH": "/usr/bin:/bin"])
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout.contains("complete debrief -l version"), "\(loaded.stdout.prefix(300))")
        #expect(loaded.stdout.contains("---completion"), "the custom completions call debrief back")
    }


    // MARK: - The man page

    static let generateManual = BinaryRunner.packageRoot + "/.build/debug/generate-manual"

    /// The page generated from the command definitions renders without warnings and documents
    /// every command. The generator is built by `.ci/run` and `make man`; a plain `swift test`
    /// does not build it, since a build inside the test run would wait on the test run's own lock.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: generateManual) && installed("man"),
                   "generate-manual is not built (swift build --product generate-manual, as .ci/run does) or man is missing; skipped"))
    func manPageRenders() throws {
        let debrief = try BinaryRunner()
        let out = debrief.root + "/man"
        let generated = try Subprocess.run(BinaryRunner.packageRoot + "/scripts/generate-manual", [BinaryRunner.binary, out])
        #expect(generated.status == 0, "\(generated.stderr)")
        let page = out + "/debrief.1"
        let rendered = try Subprocess.run("/usr/bin/man", ["-l", page],
                                          environment: ["MANWIDTH": "100", "MANPAGER": "cat", "PAGER": "cat", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(rendered.status == 0)
        #expect(rendered.stderr.isEmpty, "man warns: \(rendered.stderr)")
        #expect(rendered.stdout.contains("DEBRIEF(1)"))
        for command in ["new", "review", "followups", "people", "add", "list", "show", "export", "import", "doctor", "prompts"] {
            #expect(rendered.stdout.contains("\n     \(command) ") || rendered.stdout.contains("\n     \(command)\n"), "\(command) is not documented")
        }
        for option in ["--ics-kind", "--vdir", "--dry-run", "--journal", "--since"] {
            #expect(rendered.stdout.contains(option), "\(option) is not documented")
        }
    }
}
