import Foundation
import Testing

/// The bugs users hit in the guided reflection, replayed on the built binary in tmux.
@Suite("Reflection correctness in tmux", .serialized)
struct ReflectionCorrectnessTmuxTests {
    typealias Sandbox = ReflectionTmuxTests.Sandbox

    /// A follow-up with a name and no action: no file reaches `entries/` however often the save
    /// is tried, the reason is on screen in full, and the entry saves once the action is typed.
    @Test func aFollowUpWithoutAnActionWritesNothing() throws {
        let box = try Sandbox()
        let errPath = box.dir + "/stderr"
        let tmux = try TmuxSession(["new", "--full", "--title", "Coffee"], environment: box.environment, width: 50, height: 20,
                                   stderrPath: errPath)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.tab(until: "What will you follow up")
        try tmux.press("Down")                             // Who (the form starts on What)
        try tmux.type("Ana")
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.waitFor("Every follow-up needs an action")
        for _ in 0..<2 {
            try tmux.press("C-s")
            try tmux.waitFor("Every follow-up needs an action")
            #expect(box.files("entries").isEmpty)
        }
        try tmux.type("Send the notes")
        try tmux.press("Enter")
        try tmux.waitFor("Ana · Send the notes · 2026-11-29")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        #expect(box.files("entries").count == 1)
        #expect(box.files("entries").first?.contains("action: Send the notes") == true)
        #expect(try tmux.printedLines().first == "2026-11-26-2100-coffee")
    }

    /// F2 hands the editor a file ending with a line break; a line the editor appends stays on
    /// its own line.
    @Test func theEditorsFileEndsWithANewline() throws {
        let (box, tmux) = try pressF2OnThePurpose(editor: "#!/bin/sh\necho 'from the editor' >> \"$1\"\n")
        defer { tmux.stop() }
        try tmux.waitFor("Took the text back from your editor.")
        let screen = try tmux.capture()
        #expect(screen.contains("    Typed here\n"), "\(screen)")
        #expect(screen.contains("    from the editor"), "\(screen)")
        try tmux.press("Escape")
        try tmux.waitFor("Leave?")
        try tmux.type("s")
        #expect(try tmux.waitForExit() == 0)
        #expect(box.files("drafts").first?.contains("purpose: |-\n  Typed here\n  from the editor\n") == true, "\(box.files("drafts"))")
    }

    /// F2 runs the editor in the terminal's foreground process group, as a shell would: an
    /// editor that reads the keyboard (vi, nano, ...) gets the keys typed. Run from its own
    /// process group (Foundation's `Process` makes one), it could not read the terminal and vi
    /// exited with status 1 at once. The script stands in for an interactive editor: it reads
    /// one line from the terminal when it is in the foreground, and says so when it is not.
    @Test func theEditorReadsTheKeyboard() throws {
        let (box, tmux) = try pressF2OnThePurpose(editor: """
            #!/bin/sh
            file=$1
            set -- $(cat /proc/$$/stat)
            if [ "$5" = "$8" ]; then
              echo "editor: type a line" > /dev/tty
              IFS= read -r line < /dev/tty
              echo "$line" >> "$file"
            else
              echo "not in the foreground" >> "$file"
            fi

            """)
        defer { withExtendedLifetime(box) { tmux.stop() } }
        try tmux.waitFor("editor: type a line")
        try tmux.type("typed in the editor")
        try tmux.press("Enter")
        try tmux.waitFor("Took the text back from your editor.")
        let screen = try tmux.capture()
        #expect(screen.contains("    Typed here\n    typed in the editor\n"), "\(screen)")
        #expect(!screen.contains("not in the foreground"), "\(screen)")
    }

    /// Starts a full reflection with `editor` (a script's text) as `$EDITOR`, types "Typed here"
    /// as the purpose and presses F2.
    private func pressF2OnThePurpose(editor: String) throws -> (Sandbox, TmuxSession) {
        let box = try Sandbox()
        let script = box.dir + "/editor.sh"
        try ExecutableScript.write(editor, to: script, mode: 0o755)
        var environment = box.environment
        environment["EDITOR"] = script
        let tmux = try TmuxSession(["new", "--full", "--title", "Coffee"], environment: environment)
        do {
            try tmux.waitFor("What would you call this event?")
            for _ in 0..<3 { try tmux.press("Tab") }
            try tmux.waitFor("What did you go there to do?")
            try tmux.type("Typed here")
            try tmux.press("F2")
        } catch {
            tmux.stop()
            throw error
        }
        return (box, tmux)
    }

    /// Tab on a name with no match stays on the question with the text; "hen" completes
    /// "Dr. Henrike Vogel" from an earlier entry, with her level and `existing`.
    @Test func tabCompletesAnyWordAndNeverLeavesWithHalfAName() throws {
        let box = try Sandbox()
        let added = try box.debrief(["add", "--answers", "-"], stdin: """
            title: Board dinner
            date: 2026-11-20 19:00
            people:
              - name: Dr. Henrike Vogel
                level: executive
            """)
        try #require(added.status == 0, "\(added.stderr)")
        let tmux = try TmuxSession(["new", "--full", "--title", "Coffee"], environment: box.environment, width: 50, height: 20)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.tab(until: "Whom did you really talk to?")
        try tmux.type("Xaver")
        try tmux.press("Tab")
        try tmux.type("!")
        try tmux.waitFor("Xaver!")
        #expect(try tmux.capture().contains("Whom did you really talk to?"))
        try tmux.press("C-u")
        try tmux.type("hen")
        try tmux.press("Tab")
        try tmux.waitFor("Dr. Henrike Vogel")
        try tmux.waitFor("[executive]")
        try tmux.waitFor("[existing]")
        try tmux.press("Enter")
        try tmux.waitFor("• Dr. Henrike Vogel · executive · existing")
    }
}

extension TmuxSession {
    /// Ctrl-S shows the summary first; Ctrl-S there saves.
    func saveFromAnywhere() throws {
        try press("C-s")
        try waitFor("Save this reflection")
        try press("C-s")
    }

    /// Presses Tab, one prompt at a time (waiting for each to show), until the screen shows `text`.
    func tab(until text: String, limit: Int = 25) throws {
        for _ in 0..<limit {
            let screen = try capture()
            if screen.contains(text) { return }
            try press("Tab")
            try waitUntil("the next prompt") { $0 != screen }
        }
        try waitFor(text, timeout: 1)
    }
}
