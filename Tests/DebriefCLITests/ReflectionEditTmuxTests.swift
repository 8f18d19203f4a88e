import Foundation
import Testing

/// `debrief edit ID` and `debrief new --title/--kind/--date` run in tmux: what the screen shows,
/// what the file holds afterwards, and what stdout and stderr say.
@Suite("Reflection edit and prefill in tmux", .serialized)
struct ReflectionEditTmuxTests {
    typealias Sandbox = ReflectionTmuxTests.Sandbox

    /// A full entry written with `debrief add`; returns its id and path.
    static func addCoffee(_ box: Sandbox) throws -> (id: String, path: String) {
        let answers = """
        title: Coffee with Ana
        date: 2026-11-25 15:00
        kind: one-on-one
        purpose: |
          Hear how her team
          runs Swift on the server
        people:
          - name: Ana Lima
            level: senior
            relation: existing
            note: Leads the platform team
        talk-share: 40
        follow-ups:
          - who: Ana Lima
            action: Send the benchmark notes
            due: 2026-11-28
        tags: [swift, server]
        notes: |
          Free notes, *Markdown*.
        """
        let r = try box.debrief(["add", "--answers", "-"], stdin: answers)
        try #require(r.status == 0, "add failed: \(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        return (lines[0], lines[1])
    }

    @Test func editChangesOneAnswerAndPrintsTheIdAndPath() throws {
        let box = try Sandbox()
        let (id, path) = try Self.addCoffee(box)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let errPath = box.dir + "/stderr"
        let tmux = try TmuxSession(["edit", String(id.prefix(10))], environment: box.environment, stderrPath: errPath)
        defer { tmux.stop() }
        try tmux.waitFor("Debrief · editing “Coffee with Ana”")
        try tmux.press("C-u")
        try tmux.type("Coffee with Ana Lima 👋")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.waitFor("2026-11-25 15:00")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        // A new title is a new id: the file moved, and only its id and title lines changed; the
        // old id is kept in `former-ids`, right after the id, so it still finds the entry.
        let newID = "2026-11-25-1500-coffee-with-ana-lima"
        let newPath = path.replacingOccurrences(of: id, with: newID)
        #expect(!FileManager.default.fileExists(atPath: path))
        let after = try String(contentsOfFile: newPath, encoding: .utf8)
        let old = before.split(separator: "\n", omittingEmptySubsequences: false)
        var new = after.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(new.count > 3 && new[3] == "former-ids: [\(id)]", "\(after)")
        if new.count > 3 { new.remove(at: 3) }
        #expect(old.count == new.count)
        let changed = zip(old, new).filter { $0 != $1 }.map { "\($0.0) → \($0.1)" }
        #expect(changed == ["id: \(id) → id: \(newID)", "title: Coffee with Ana → title: Coffee with Ana Lima 👋"], "changed lines: \(changed)")
        #expect(try tmux.printedLines() == [newID, newPath])
        #expect(try String(contentsOfFile: errPath, encoding: .utf8).isEmpty)
        #expect(box.files("drafts").isEmpty)
    }

    /// The store's rule end to end: the file changed on disk while `edit` ran, so the save writes
    /// nothing, the screen says so, the answers stay in the draft and stderr says how to resume.
    /// The next `edit` warns that the entry changed since the draft, and `r` saves it over.
    @Test func aFileChangedMeanwhileKeepsTheAnswersInTheDraft() throws {
        let box = try Sandbox()
        let (id, path) = try Self.addCoffee(box)
        let errPath = box.dir + "/stderr"
        do {
            let tmux = try TmuxSession(["edit", id], environment: box.environment, stderrPath: errPath)
            defer { tmux.stop() }
            try tmux.waitFor("What would you call this event?")
            try tmux.press("C-u")
            try tmux.type("Coffee with Ana Lima")
            try tmux.press("Enter")
            try tmux.waitFor("When did it start?")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("Added by hand.\n".utf8))
            handle.closeFile()
            let changed = try String(contentsOfFile: path, encoding: .utf8)
            try tmux.saveFromAnywhere()
            let screen = try tmux.waitFor("answers are kept in the draft.")
            #expect(screen.contains("The entry changed on disk meanwhile, so nothing was overwritten; your\n"), "\(screen)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == changed)
            try tmux.press("Escape")
            try tmux.waitFor("Leave?")
            try tmux.type("s")
            #expect(try tmux.waitForExit() == 0)
            let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
            #expect(stderr.contains("Your answers wait in a draft; `debrief edit \(id)` offers to resume it."), "stderr was \(stderr)")
            #expect(try tmux.printedLines().isEmpty, "stdout claimed a save")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == changed)
            let draft = try #require(box.files("drafts").first)
            #expect(draft.contains("draft-of: \(id)"))
            #expect(draft.contains("title: Coffee with Ana Lima"), "draft was\n\(draft)")
        }
        let tmux = try TmuxSession(["edit", id], environment: box.environment, stderrPath: errPath)
        defer { tmux.stop() }
        try tmux.waitFor("The entry changed after this draft was written.")
        try tmux.waitFor("r    resume anyway")
        try tmux.type("r")
        try tmux.waitFor("saving puts it over the entry's newer changes")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        let newID = "2026-11-25-1500-coffee-with-ana-lima"
        let newPath = path.replacingOccurrences(of: id, with: newID)
        let saved = try String(contentsOfFile: newPath, encoding: .utf8)
        #expect(saved.contains("title: Coffee with Ana Lima\n"), "file was\n\(saved)")
        #expect(!saved.contains("Added by hand."), "the warned-about change should be replaced")
        #expect(try tmux.printedLines() == [newID, newPath])
        #expect(box.files("drafts").isEmpty)
    }

    @Test func newWithPrefillShowsAndSavesThoseAnswers() throws {
        let box = try Sandbox()
        let errPath = box.dir + "/stderr"
        let tmux = try TmuxSession(["new", "--full", "--title", "Zoë's meetup", "--kind", "meetup", "--date", "today 18:30"],
                                   environment: box.environment, stderrPath: errPath)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        #expect(try tmux.capture().contains("    Zoë's meetup"))
        try tmux.press("Tab")
        try tmux.waitFor("When did it start?")
        try tmux.waitFor("→ 2026-11-26 18:30")
        try tmux.press("Tab")
        try tmux.waitFor("› meetup")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        let file = try #require(box.files("entries").first)
        for line in ["title: Zoë's meetup", "date: 2026-11-26T18:30:00+01:00", "kind: meetup"] {
            #expect(file.contains(line + "\n"), "missing \(line) in\n\(file)")
        }
        #expect(try tmux.printedLines().first == "2026-11-26-1830-zoes-meetup")
        #expect(box.files("drafts").isEmpty)
    }

    /// Bad prefill values stop before the screen: exit 64 (a bad option value, as for every
    /// command), one line on stderr naming the option rather than the missing terminal, nothing on stdout.
    @Test(arguments: [(["--kind", "nonsense"], "--kind: `kind` must be one of conference, meetup"),
                      (["--date", "garbage"], "--date: 'garbage' is not a date")])
    func badPrefillValuesAreRejectedBeforeTheScreen(arguments: [String], message: String) throws {
        let box = try Sandbox()
        let r = try box.debrief(["new", "--title", "T"] + arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("debrief: " + message), "stderr was \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stderr.contains("\u{1b}"))
        #expect(box.files("drafts").isEmpty)
    }
}

extension ReflectionEditTmuxTests {
    /// An edit that moves the entry to another day: the file moves to the new id (printed), the
    /// entry is found by its new date, its follow-up keeps its id, and nothing is left at the old one.
    @Test func anEditThatChangesTheDateMovesTheEntry() throws {
        let box = try Sandbox()
        let (id, path) = try Self.addCoffee(box)
        let followUpID = try #require(try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("    id: ") }).dropFirst(8)
        let errPath = box.dir + "/stderr"
        let tmux = try TmuxSession(["edit", id], environment: box.environment, width: 50, height: 20, stderrPath: errPath)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.press("C-u")
        try tmux.type("last fri 19:00")
        try tmux.waitFor("→ 2026-11-20 19:00")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        let newID = "2026-11-20-1900-coffee-with-ana"
        let newPath = box.dir + "/journal/entries/2026/11/\(newID).md"
        #expect(try tmux.printedLines() == [newID, newPath])
        #expect(!FileManager.default.fileExists(atPath: path))
        let moved = try String(contentsOfFile: newPath, encoding: .utf8)
        #expect(moved.contains("id: \(newID)\n") && moved.contains("date: 2026-11-20T19:00:00+01:00\n"))
        #expect(moved.contains("    id: \(followUpID)\n"), "the follow-up keeps its id")
        let listed = try box.debrief(["list", "--since", "2026-11-20", "--until", "2026-11-20"])
        #expect(listed.stdout.contains(newID), "\(listed.stdout)")
        #expect(try box.debrief(["show", newID]).status == 0)
        #expect(box.files("drafts").isEmpty)
    }
}

extension ReflectionTmuxTests.Sandbox {
    /// Runs `debrief arguments…` to completion outside tmux, in this sandbox.
    func debrief(_ arguments: [String], stdin: String = "") throws -> Subprocess.Output {
        try Subprocess.run(TmuxSession.binary, arguments,
                           environment: environment.merging(["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]) { $1 }, stdin: stdin)
    }
}
