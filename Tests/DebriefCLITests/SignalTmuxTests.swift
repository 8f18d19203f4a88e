import Foundation
import Testing

/// Every screen × SIGTERM, SIGHUP and SIGINT, run in tmux on the debug binary and (when the run
/// was given one in `DEBRIEF_RELEASE_BINARY`) on the release binary, where a copy of the pending
/// signal per object file once made every signal go unheard. After the signal: the conventional
/// exit status, the alternate screen off, the tty's modes exactly as before the program started,
/// and in the reflection the answer being typed (not yet accepted with Enter) kept in the draft.
/// Ctrl-C typed as a key quits the screens with nothing to save, and asks first in the reflection.
@Suite("Signals in every screen", .serialized)
struct SignalTmuxTests {
    /// A screen and how to reach it from the command line.
    enum Screen: String, CaseIterable, Sendable {
        case home, browse, followUps, people, review, reflection, edit
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var screen: Screen
        var signal: Int32
        var testDescription: String { "\(screen.rawValue) × \(Self.name(signal))" }

        static func name(_ signal: Int32) -> String {
            switch signal {
            case SIGTERM: return "SIGTERM"
            case SIGHUP: return "SIGHUP"
            case SIGINT: return "SIGINT"
            default: return "signal \(signal)"
            }
        }
    }

    static let cases: [Case] = Screen.allCases.flatMap { screen in [SIGTERM, SIGHUP, SIGINT].map { Case(screen: screen, signal: $0) } }

    /// A journal with one entry that has a person and an open follow-up, so every screen has
    /// something to show.
    final class Journal {
        let debrief: BinaryRunner
        let id: String

        init() throws {
            debrief = try BinaryRunner(now: "2026-11-26T21:00:00+01:00")
            id = try debrief.add("""
            title: Coffee with Ana
            date: 2026-11-24 09:00
            kind: one-on-one
            people:
              - name: Ana Lima
            follow-ups:
              - who: Ana Lima
                action: send the deck
                due: 2026-11-25
            """).id
        }

        var environment: [String: String] {
            debrief.baseEnvironment.filter { $0.key != "PATH" && $0.key != "LANG" }.merging(["EDITOR": "true"]) { $1 }
        }

        var drafts: [String] {
            let dir = debrief.journal + "/drafts"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { $0.hasSuffix(".md") }.compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
        }
    }

    /// Starts `screen` and waits until it shows; for the reflection screens, types an answer
    /// without accepting it. Returns the text that answer must leave in the draft, if any.
    static func open(_ screen: Screen, _ journal: Journal, binary: String) throws -> (TmuxSession, String?) {
        let arguments: [String]
        switch screen {
        case .home, .followUps, .people, .review: arguments = []
        case .browse: arguments = ["browse"]
        case .reflection: arguments = ["new", "--full"]
        case .edit: arguments = ["edit", journal.id]
        }
        let tmux = try TmuxSession(arguments, environment: journal.environment, binary: binary)
        switch screen {
        case .home:
            try tmux.waitFor("Coffee with Ana")
        case .followUps:
            try tmux.waitFor("Coffee with Ana")
            try tmux.type("f")
            try tmux.waitFor("Debrief · follow-ups")
            try tmux.waitFor("send the deck")
        case .people:
            try tmux.waitFor("Coffee with Ana")
            try tmux.type("p")
            try tmux.waitFor("Debrief · people")
            try tmux.waitFor("Ana Lima")
        case .review:
            try tmux.waitFor("Coffee with Ana")
            try tmux.type("r")
            try tmux.waitFor("2026-W48")
        case .browse:
            try tmux.waitFor("Debrief · browse")
            try tmux.waitFor("Coffee with Ana")
        case .reflection:
            try tmux.waitFor("What would you call this event?")
            try tmux.type("Half-typed 👋 title")
            try tmux.waitFor("Half-typed 👋 title")
            return (tmux, "title: Half-typed 👋 title")
        case .edit:
            try tmux.waitFor("Coffee with Ana")
            try tmux.type(" and Bo")
            try tmux.waitFor("Coffee with Ana and Bo")
            return (tmux, "title: Coffee with Ana and Bo")
        }
        return (tmux, nil)
    }

    static func expectSignalEndsCleanly(_ c: Case, binary: String) throws {
        let journal = try Journal()
        let (tmux, typed) = try Self.open(c.screen, journal, binary: binary)
        defer { tmux.stop() }
        #expect(try tmux.value("#{alternate_on}") == "1")
        let pid = try tmux.pid()
        try #require(pid > 0)
        kill(pid, c.signal)
        // A bound that only a program ignoring the signal misses (the requirement is 0.5 s; the
        // pane's shell also runs `stty` before it reports the status).
        #expect(try tmux.waitForExit(timeout: 5) == 128 + c.signal)
        #expect(!TmuxSession.isRunning(pid), "the process is still alive")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.value("#{keypad_cursor_flag}") == "0")
        #expect(try tmux.terminalModesAfterExit() == tmux.terminalModesBefore())
        if let typed {
            let drafts = journal.drafts
            #expect(drafts.contains { $0.contains(typed) }, "no draft holds \(typed); drafts: \(drafts)")
        }
    }

    @Test(arguments: cases)
    func debugBuild(_ c: Case) throws {
        try Self.expectSignalEndsCleanly(c, binary: TmuxSession.binary)
    }

    @Test(.enabled(if: TmuxSession.releaseBinary != nil, "set DEBRIEF_RELEASE_BINARY (as .ci/run does) to run the release binary"),
          arguments: cases)
    func releaseBuild(_ c: Case) throws {
        try Self.expectSignalEndsCleanly(c, binary: try #require(TmuxSession.releaseBinary))
    }

    /// Ctrl-C typed on a screen with nothing to save leaves debrief at once (from a screen opened
    /// by home too, not only back to home), with the terminal as it was.
    @Test(arguments: [Screen.home, .browse, .followUps, .people, .review])
    func ctrlCQuitsAtOnce(_ screen: Screen) throws {
        let journal = try Journal()
        let (tmux, _) = try Self.open(screen, journal, binary: TmuxSession.binary)
        defer { tmux.stop() }
        try tmux.press("C-c")
        #expect(try tmux.waitForExit(timeout: 5) == 130)
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.terminalModesAfterExit() == tmux.terminalModesBefore())
    }

    /// In the reflection Ctrl-C asks whether to keep the answers; `s` keeps them in the draft.
    @Test func ctrlCInTheReflectionAsksFirst() throws {
        let journal = try Journal()
        let (tmux, typed) = try Self.open(.reflection, journal, binary: TmuxSession.binary)
        defer { tmux.stop() }
        try tmux.press("C-c")
        try tmux.waitFor("Leave?")
        try tmux.type("s")
        #expect(try tmux.waitForExit(timeout: 5) == 0)
        let text = try #require(typed)
        let drafts = journal.drafts
        #expect(drafts.contains { $0.contains(text) }, "drafts: \(drafts)")
    }

    /// SIGTERM while the editor is open (F2 in the reflection, E in browse): debrief passes it on
    /// to the editor's process group, then saves the draft, restores the terminal and exits 143
    /// at once; an editor that ignores SIGTERM is killed after two seconds. Before (issue 19),
    /// debrief waited for the editor to be closed: 20 s in the audit, 30 s here.
    struct EditorCase: Sendable, CustomTestStringConvertible {
        var screen: Screen
        var ignoresTerm: Bool
        var testDescription: String { "\(screen.rawValue), editor \(ignoresTerm ? "ignoring" : "taking") SIGTERM" }
    }

    static let editorCases = [Screen.reflection, .browse].flatMap { screen in [false, true].map { EditorCase(screen: screen, ignoresTerm: $0) } }

    static func expectSIGTERMEndsTheEditorToo(_ c: EditorCase, binary: String) throws {
        let journal = try Journal()
        let started = journal.debrief.root + "/editor-started"
        let editor = try ExecutableScript.write("#!/bin/sh\n" + (c.ignoresTerm ? "trap '' TERM HUP\n" : "")
            + "echo $$ > \(TmuxSession.quote(started))\nsleep 30\n", to: journal.debrief.root + "/slow-editor", mode: 0o755)
        var environment = journal.environment
        environment["EDITOR"] = editor
        let tmux = try TmuxSession(c.screen == .reflection ? ["new", "--full"] : ["browse"], environment: environment, binary: binary)
        defer { tmux.stop() }
        let typed = "Half-typed 👋 title"
        if c.screen == .reflection {
            try tmux.waitFor("What would you call this event?")
            try tmux.type(typed)
            try tmux.waitFor(typed)
            try tmux.press("F2")
        } else {
            try tmux.waitFor("Coffee with Ana")
            try tmux.type("E")
        }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: started), Date() < deadline { usleep(50_000) }
        let editorPID = try #require(pid_t((try? String(contentsOfFile: started, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        let pid = try tmux.pid()
        try #require(pid > 0)
        let entry = try #require(journal.debrief.entryFiles().first)
        let before = try BinaryRunner.bytes(entry)
        let sent = Date()
        kill(pid, SIGTERM)
        #expect(try tmux.waitForExit(timeout: 8) == 143)
        let took = Date().timeIntervalSince(sent)
        #expect(took < (c.ignoresTerm ? 6 : 3), "took \(took) s")
        #expect(!TmuxSession.isRunning(pid))
        usleep(200_000)
        #expect(!TmuxSession.isRunning(editorPID), "the editor is still running")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.terminalModesAfterExit() == tmux.terminalModesBefore())
        #expect(try BinaryRunner.bytes(entry) == before)
        if c.screen == .reflection {
            #expect(journal.drafts.contains { $0.contains("title: " + typed) }, "drafts: \(journal.drafts)")
        }
    }

    @Test(arguments: editorCases)
    func sigtermWhileTheEditorIsOpen(_ c: EditorCase) throws {
        try Self.expectSIGTERMEndsTheEditorToo(c, binary: TmuxSession.binary)
    }

    @Test(.enabled(if: TmuxSession.releaseBinary != nil, "set DEBRIEF_RELEASE_BINARY (as .ci/run does) to run the release binary"),
          arguments: editorCases)
    func sigtermWhileTheEditorIsOpenRelease(_ c: EditorCase) throws {
        try Self.expectSIGTERMEndsTheEditorToo(c, binary: try #require(TmuxSession.releaseBinary))
    }
}
