import Foundation
import Testing

/// Two "devices" sharing a journal through git, with `debrief merge` as the merge driver that
/// `debrief sync setup` sets up: the built binary run by real git, as a user's pull would.
@Suite("Merge driver (git)")
struct MergeDriverCLITests {
    /// A bare origin and two clones of one journal, each set up as `debrief sync setup` says.
    final class TwoClones {
        let debrief: BinaryRunner
        let laptop: String
        let desktop: String
        let origin: String
        /// A folder on PATH holding `debrief` (the built binary), as an installed one would be.
        let bin: String

        /// `folder`: a folder under the test's root the clones go in (a name with shell metacharacters, say).
        init(setUpDriver: Bool = true, folder: String = "") throws {
            debrief = try BinaryRunner()
            origin = debrief.root + "/origin.git"
            let top = folder.isEmpty ? debrief.root : debrief.root + "/" + folder
            try FileManager.default.createDirectory(atPath: top, withIntermediateDirectories: true)
            laptop = top + "/laptop"
            desktop = top + "/desktop"
            bin = debrief.root + "/bin"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: bin + "/debrief", withDestinationPath: BinaryRunner.binary)
            try git(["init", "-q", "--bare", "-b", "main", origin], in: debrief.root)
            try git(["clone", "-q", origin, laptop], in: debrief.root)
            try debrief.write(".lock\ndrafts/\ntrash/\n", to: laptop + "/.gitignore")
            if setUpDriver { try setUp(laptop) }
        }

        var gitEnvironment: [String: String] {
            ["HOME": debrief.home, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "PATH": bin + ":/usr/local/bin:/usr/bin:/bin",
             "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
             "GIT_COMMITTER_EMAIL": "t@example.org", "LANG": "C.UTF-8", "TZ": "Europe/Berlin",
             "XDG_CONFIG_HOME": debrief.config, "XDG_CACHE_HOME": debrief.home + "/.cache"]
        }

        @discardableResult
        func git(_ args: [String], in dir: String, allowFailure: Bool = false) throws -> Subprocess.Output {
            let r = try Subprocess.run("/usr/bin/env", ["git"] + args, environment: gitEnvironment, directory: dir)
            if !allowFailure { try #require(r.status == 0, "git \(args): \(r.stderr)") }
            return r
        }

        /// `debrief sync setup` in the clone, then the line it prints run by the shell.
        func setUp(_ clone: String) throws {
            let setup = try debrief.run(["sync", "setup"], env: ["DEBRIEF_JOURNAL": clone])
            try #require(setup.status == 0, "\(setup.stderr)")
            let line = setup.stdout
            #expect(line == "git -C \(Self.shellQuoted(clone)) config merge.debrief.driver \"debrief merge %O %A %B %P\"\n")
            let r = try Subprocess.run("/bin/sh", ["-c", line], environment: gitEnvironment, directory: debrief.root)
            try #require(r.status == 0, "\(r.stderr)")
        }

        static func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

        /// Commits everything in `clone` and pushes.
        func commitAndPush(_ clone: String, _ message: String) throws {
            try git(["add", "-A"], in: clone)
            try git(["commit", "-q", "-m", message], in: clone)
            try git(["push", "-q", "origin", "main"], in: clone)
        }

        /// The second device: a clone of what was pushed, set up the same way.
        func cloneDesktop(setUpDriver: Bool = true) throws {
            try git(["clone", "-q", origin, desktop], in: debrief.root)
            if setUpDriver { try setUp(desktop) }
        }

        /// `debrief args…` on `clone`'s journal at `now`.
        func run(_ clone: String, _ args: [String], at now: String, stdin: String? = nil) throws -> BinaryRunner.Result {
            try debrief.run(args, stdin: stdin, env: ["DEBRIEF_JOURNAL": clone, "DEBRIEF_NOW": now])
        }

        /// Runs and requires exit 0.
        @discardableResult
        func ok(_ clone: String, _ args: [String], at now: String, stdin: String? = nil) throws -> BinaryRunner.Result {
            let r = try run(clone, args, at: now, stdin: stdin)
            try #require(r.status == 0, "\(args): \(r.stderr)")
            return r
        }

        func path(_ clone: String, _ id: String) -> String {
            clone + "/entries/" + id.prefix(4) + "/" + id.dropFirst(5).prefix(2) + "/" + id + ".md"
        }

        func text(_ clone: String, _ id: String) throws -> String {
            String(decoding: try BinaryRunner.bytes(path(clone, id)), as: UTF8.self)
        }

        /// Changes the entry file as an editor would.
        func editFile(_ clone: String, _ id: String, _ changes: [(String, String)]) throws {
            var text = try text(clone, id)
            for (old, new) in changes {
                try #require(text.contains(old))
                text = text.replacingOccurrences(of: old, with: new)
            }
            try debrief.write(text, to: path(clone, id))
        }
    }

    static let id = "2026-11-24-1830-swift-meetup-berlin"
    static let answers = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    purpose: Meet two people who run Swift on the server
    follow-ups:
      - who: Ana Li
        action: Send the benchmark link
        due: 2026-11-27
      - who: Ben
        action: Intro to Carla
        due: 2026-11-28

    """

    /// The issue's scenario up to the desktop's commit: the first follow-up done and shared; the
    /// laptop opens it again, the desktop marks the second done half an hour later.
    static func scenario(_ clones: TwoClones, desktopDriver: Bool = true) throws {
        try clones.ok(clones.laptop, ["add", "--answers", "-"], at: "2026-11-24T21:00:00+01:00", stdin: answers)
        try clones.ok(clones.laptop, ["done", id, "1"], at: "2026-11-25T09:00:00+01:00")
        try clones.commitAndPush(clones.laptop, "week 48")
        try clones.cloneDesktop(setUpDriver: desktopDriver)
        try clones.ok(clones.laptop, ["undone", id, "1"], at: "2026-11-26T10:00:00+01:00")
        try clones.commitAndPush(clones.laptop, "laptop")
        try clones.ok(clones.desktop, ["done", id, "2"], at: "2026-11-26T10:30:00+01:00")
        try clones.git(["commit", "-q", "-am", "desktop"], in: clones.desktop)
    }

    @Test("The issue's scenario: without the driver git stops with an unreadable entry; with it the pull merges, both edits kept")
    func issueScenario() throws {
        // Without the driver (main before this change): a conflict whose only clash is `updated:`,
        // and the entry does not read until it is resolved by hand.
        let plain = try TwoClones(setUpDriver: false)
        try Self.scenario(plain, desktopDriver: false)
        let conflicted = try plain.git(["pull", "-q", "--no-rebase", "origin", "main"], in: plain.desktop, allowFailure: true)
        #expect(conflicted.status != 0)
        let broken = try plain.run(plain.desktop, ["doctor"], at: "2026-11-26T11:00:00+01:00")
        #expect(broken.status == 1 && broken.stdout.contains(":5: expected one `key: value`"))

        let clones = try TwoClones()
        try Self.scenario(clones)
        let pull = try clones.git(["pull", "-q", "--no-rebase", "origin", "main"], in: clones.desktop, allowFailure: true)
        #expect(pull.status == 0, "\(pull.stderr)")
        let text = try clones.text(clones.desktop, Self.id)
        #expect(text.contains("updated: 2026-11-26T10:30:00+01:00\n"))
        let rows = text.components(separatedBy: "\n  - ")
        #expect(rows.count == 3 && !rows[1].contains("done:") && rows[2].contains("done: 2026-11-26"))
        #expect(!text.contains("<<<<<<<") && !text.contains("merge-conflict"))
        let doctor = try clones.run(clones.desktop, ["doctor"], at: "2026-11-26T11:00:00+01:00")
        #expect(doctor.status == 0, "\(doctor.stdout)")
        // Only the desktop's `done` and `updated:` lines differ from what the laptop pushed.
        let diff = try clones.git(["diff", "--unified=0", "origin/main", "HEAD", "--", "entries"], in: clones.desktop)
        let changed = diff.stdout.split(separator: "\n").filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(changed == ["-updated: 2026-11-26T10:00:00+01:00", "+updated: 2026-11-26T10:30:00+01:00", "+    done: 2026-11-26"])
        // Pushed and pulled back on the laptop: the same file, no merge needed.
        try clones.git(["push", "-q", "origin", "main"], in: clones.desktop)
        try clones.git(["pull", "-q", "--no-rebase", "origin", "main"], in: clones.laptop)
        #expect(try clones.text(clones.laptop, Self.id) == text)
    }

    @Test("A real clash stops the pull but leaves one readable entry, which doctor names until it is resolved")
    func realClash() throws {
        let clones = try TwoClones()
        try clones.ok(clones.laptop, ["add", "--answers", "-"], at: "2026-11-24T21:00:00+01:00", stdin: Self.answers)
        try clones.commitAndPush(clones.laptop, "base")
        try clones.cloneDesktop()
        // Both change the purpose in their editor, differently; the desktop also adds what it learned.
        try clones.editFile(clones.laptop, Self.id, [("purpose: Meet two people who run Swift on the server", "purpose: Find a mentor")])
        try clones.commitAndPush(clones.laptop, "laptop")
        try clones.editFile(clones.desktop, Self.id, [("purpose: Meet two people who run Swift on the server", "purpose: Hire a server engineer\nlearned: Latency first")])
        try clones.ok(clones.desktop, ["done", Self.id, "1"], at: "2026-11-25T10:05:00+01:00")
        try clones.git(["commit", "-q", "-am", "desktop"], in: clones.desktop)
        let pull = try clones.git(["pull", "-q", "--no-rebase", "origin", "main"], in: clones.desktop, allowFailure: true)
        #expect(pull.status != 0)
        // Named by its path in the repository (git's %P), not git's temporary file (before %P:
        // "debrief: .merge_file_a1B2c3: `purpose`: …").
        #expect(pull.stderr.contains("debrief: entries/2026/11/\(Self.id).md: `purpose`: both versions changed it"), "\(pull.stderr)")
        let text = try clones.text(clones.desktop, Self.id)
        #expect(!text.contains("<<<<<<<"))
        #expect(text.contains("purpose: Hire a server engineer\n") && text.contains("learned: Latency first\n"))
        #expect(text.contains("\n  purpose: Find a mentor\n"))
        // The entry reads: listed, shown, its follow-ups listed; doctor names it.
        let list = try clones.ok(clones.desktop, ["list", "--format", "json"], at: "2026-11-26T09:00:00+01:00")
        #expect(list.stdout.contains(Self.id))
        try clones.ok(clones.desktop, ["show", Self.id], at: "2026-11-26T09:00:00+01:00")
        try clones.ok(clones.desktop, ["followups", "--all"], at: "2026-11-26T09:00:00+01:00")
        try clones.ok(clones.desktop, ["review"], at: "2026-11-26T09:00:00+01:00")
        let doctor = try clones.run(clones.desktop, ["doctor"], at: "2026-11-26T09:00:00+01:00")
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("\(Self.id).md:"))
        #expect(doctor.stdout.contains("holds a merge conflict in `purpose` (the other version is under `merge-conflict:`)"))
        // Resolved as the doctor says: keep the answer, delete the key; then git and doctor are content.
        let path = clones.path(clones.desktop, Self.id)
        let resolved = text.components(separatedBy: "merge-conflict:")[0] + "---\n" + text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        try clones.debrief.write(resolved, to: path)
        try clones.git(["add", "-A"], in: clones.desktop)
        try clones.git(["commit", "-q", "-m", "resolved"], in: clones.desktop)
        #expect(try clones.run(clones.desktop, ["doctor"], at: "2026-11-26T09:00:00+01:00").status == 0)
    }

    @Test("Shell metacharacters in the journal's folder and in an entry's file name: set up, merged, nothing run")
    func metacharacters() throws {
        let folder = "it's $(touch PWNED1) a;b `touch PWNED2` & |x"
        let clones = try TwoClones(folder: folder)
        try clones.ok(clones.laptop, ["add", "--answers", "-"], at: "2026-11-24T21:00:00+01:00", stdin: Self.answers)
        // A file named by hand keeps its name; git hands it to the driver as %P.
        let name = "notes $(touch PWNED3);'q' `touch PWNED4` \\ \"x\""
        let handPath = clones.laptop + "/entries/2026/11/" + name + ".md"
        try FileManager.default.moveItem(atPath: clones.path(clones.laptop, Self.id), toPath: handPath)
        try clones.commitAndPush(clones.laptop, "base")
        try clones.cloneDesktop()
        try clones.ok(clones.laptop, ["done", name, "1"], at: "2026-11-25T10:00:00+01:00")
        try clones.commitAndPush(clones.laptop, "laptop")
        try clones.ok(clones.desktop, ["done", name, "2"], at: "2026-11-25T10:30:00+01:00")
        try clones.git(["commit", "-q", "-am", "desktop"], in: clones.desktop)
        let pull = try clones.git(["pull", "-q", "--no-rebase", "origin", "main"], in: clones.desktop, allowFailure: true)
        #expect(pull.status == 0, "\(pull.stderr)")
        let text = String(decoding: try BinaryRunner.bytes(clones.desktop + "/entries/2026/11/" + name + ".md"), as: UTF8.self)
        #expect(text.components(separatedBy: "done: 2026-11-25").count == 3, "\(text)")
        let found = FileManager.default.enumerator(atPath: clones.debrief.root)?.compactMap { $0 as? String }.filter { ($0 as NSString).lastPathComponent.hasPrefix("PWNED") } ?? []
        #expect(found.isEmpty, "\(found)")
    }
}
