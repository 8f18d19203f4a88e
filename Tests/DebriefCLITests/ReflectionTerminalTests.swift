import Foundation
import Testing

/// How `debrief new` treats the terminal, run in tmux: termination signals, `NO_COLOR`, pasted
/// text, an unknown `TERM` and a screen too small to draw on.
@Suite("Reflection and the terminal", .serialized)
struct ReflectionTerminalTests {
    typealias Sandbox = ReflectionTmuxTests.Sandbox

    /// SIGTERM (143) and SIGHUP (129) end the program as the signal would, after the accepted
    /// answers are in the draft, with the terminal back as the shell left it: the main screen,
    /// canonical input with echo, signals and flow control on. A crash (SIGSEGV, SIGABRT, sent
    /// from outside as the nearest stand-in for a real one) restores the terminal the same way,
    /// and the draft written at the last accepted answer is still there.
    @Test(arguments: [SIGTERM, SIGHUP, SIGSEGV, SIGABRT])
    func aTerminationSignalKeepsTheDraftAndRestoresTheTerminal(signal: Int32) throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        #expect(try tmux.value("#{alternate_on}") == "1")
        try tmux.type("Swift meetup 👋")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.type("today 18:30")
        try tmux.waitFor("→ 2026-11-26 18:30")
        try tmux.press("Enter")
        try tmux.waitFor("What kind of event")
        let pid = try tmux.pid()
        try #require(pid > 0)
        kill(pid, signal)
        #expect(try tmux.waitForExit() == 128 + signal)
        #expect(kill(pid, 0) != 0, "the process is still alive")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.value("#{keypad_cursor_flag}") == "0")
        let modes = try tmux.terminalModesAfterExit()
        for mode in ["icanon", "echo", "isig", "ixon", "icrnl"] {
            #expect(modes.contains(mode), "\(mode) was not restored: \(modes.joined(separator: " "))")
        }
        let draft = try #require(box.files("drafts").first)
        #expect(draft.contains("title: Swift meetup 👋"), "draft was\n\(draft)")
        #expect(draft.contains("date: 2026-11-26T18:30:00+01:00"), "draft was\n\(draft)")
        #expect(box.files("entries").isEmpty)
    }

    /// Under `NO_COLOR` the selected choice is still marked, by bold and reverse, and no colour
    /// escape reaches the terminal. The same screen with colours is the control: it shows the
    /// check can see colour codes at all.
    @Test func noColorKeepsTheSelectionVisibleWithoutColourCodes() throws {
        func kindScreen(_ extra: [String: String]) throws -> String {
            let box = try Sandbox()
            let tmux = try TmuxSession(["new", "--full", "--title", "T"], environment: box.environment.merging(extra) { $1 })
            defer { tmux.stop() }
            try tmux.waitFor("What would you call this event?")
            try tmux.press("Tab", "Tab")
            try tmux.waitFor("What kind of event")
            try tmux.press("Down", "Down")
            try tmux.waitFor("› meetup")
            return try tmux.captureStyled()
        }
        let plain = try kindScreen(["NO_COLOR": "1"])
        let colourCodes = SGR.colourParameters(in: plain)
        #expect(colourCodes.isEmpty, "colour codes under NO_COLOR: \(colourCodes)")
        let selected = try #require(plain.split(separator: "\n").first { $0.contains("› meetup") })
        let attributes = Set(SGR.parameters(in: String(selected)).flatMap { $0 })
        #expect(attributes.isSuperset(of: [1, 7]), "the selected line has \(attributes): \(selected.debugDescription)")
        #expect(SGR.parameters(in: plain).flatMap { $0 }.contains(2), "hints and the key bar should be dim")

        let coloured = try kindScreen([:])
        #expect(!SGR.colourParameters(in: coloured).isEmpty, "the control run shows no colour either")
    }

    /// A bracketed paste of several lines lands in a multi-line answer as those lines (tmux sends
    /// them with carriage returns, as terminals do), and in a one-line answer as one line,
    /// without the line breaks acting as Enter.
    @Test func pastedLinesArriveIntact() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.paste("Swift\nmeetup 李雷")
        try tmux.waitFor("Swift meetup 李雷")
        #expect(try tmux.capture().contains("What would you call this event?"), "a pasted line break accepted the title")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.press("Enter")
        try tmux.waitFor("What kind of event")
        try tmux.press("Enter")
        try tmux.waitFor("What did you go there to do?")
        try tmux.type("Aim: ")
        try tmux.paste("Meet Swift people\nand listen 👋\n\nthird line")
        let screen = try tmux.waitFor("third line")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let first = try #require(lines.firstIndex(of: "Aim: Meet Swift people"), "screen was\n\(screen)")
        #expect(Array(lines[first...].prefix(4)) == ["Aim: Meet Swift people", "and listen 👋", "", "third line"])
        #expect(try tmux.capture().contains("What did you go there to do?"))
        try tmux.press("Enter")
        try tmux.waitFor("Did the talk reach your work")
        let draft = try #require(box.files("drafts").first)
        #expect(draft.contains("title: Swift meetup 李雷"), "draft was\n\(draft)")
        #expect(draft.contains("purpose: |-\n  Aim: Meet Swift people\n  and listen 👋\n\n  third line\n"), "draft was\n\(draft)")
    }

    /// An unknown `TERM` is explained in one line on stderr and exits 64, before curses writes
    /// anything: the pane (stdout) stays blank and its modes untouched.
    @Test func anUnknownTermIsExplainedWithoutEscapeCodes() throws {
        let box = try Sandbox()
        let errPath = box.dir + "/stderr"
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment.merging(["TERM": "nonexistent-term"]) { $1 },
                                   stderrPath: errPath)
        defer { tmux.stop() }
        #expect(try tmux.waitForExit() == 64)
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(stderr.split(separator: "\n").count == 1, "stderr was \(stderr.debugDescription)")
        #expect(stderr.contains("unknown terminal type 'nonexistent-term'"), "stderr was \(stderr.debugDescription)")
        #expect(!stderr.contains("\u{1b}"))
        let stdout = try tmux.printedLines(styled: true)
        #expect(stdout.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "stdout showed \(stdout)")
        #expect(try tmux.value("#{alternate_on}") == "0")
        #expect(try tmux.terminalModesAfterExit().contains("icanon"))
        #expect(box.files("drafts").isEmpty)
    }

    /// Started below 40×12, the screen asks for room; keys typed meanwhile are kept, and at
    /// exactly 40×12 the prompt is drawn with the text and the cursor after it.
    @Test func tooSmallAScreenAsksForRoomThenContinues() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment, width: 39, height: 11)
        defer { tmux.stop() }
        try tmux.waitFor("needs at least 40×12")
        try tmux.type("Tiny")
        try tmux.resize(width: 40, height: 12)
        try tmux.waitFor("Tiny")
        try tmux.type(" start 李")
        try tmux.waitFor("Tiny start 李")
        let screen = try tmux.capture()
        #expect(!screen.contains("needs at least"))
        let row = try #require(screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Tiny start 李") })
        #expect(try tmux.value("#{cursor_y}") == "\(row)")
        #expect(try tmux.value("#{cursor_x}") == "\(4 + "Tiny start ".count + 2)")
        try tmux.resize(width: 40, height: 11)
        try tmux.waitFor("needs at least 40×12")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("What would you call this event? (required)")
        try tmux.type("!")
        try tmux.waitFor("Tiny start 李!")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        #expect(box.files("drafts").first?.contains("title: Tiny start 李!") == true)
    }
}

/// SGR escape sequences (`ESC [ … m`) in a `capture-pane -e` screen.
enum SGR {
    /// The parameter lists of every SGR sequence, in order.
    static func parameters(in text: String) -> [[Int]] {
        var result: [[Int]] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let escape = scalars.firstIndex(of: "\u{1b}") {
            scalars = scalars[(escape + 1)...]
            guard scalars.first == "[" else { continue }
            let body = scalars.dropFirst().prefix { $0 == ";" || ("0"..."9").contains($0) }
            let end = scalars.startIndex + 1 + body.count
            guard end < scalars.endIndex, scalars[end] == "m" else { continue }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: body)
            result.append(String(s).split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
            scalars = scalars[(end + 1)...]
        }
        return result
    }

    /// Parameters that set a colour: 30–38 and 40–48 (basic, 256 and RGB), 90–97 and 100–107.
    /// 39 and 49 (back to the default colours) are not colours; tmux writes them after every reset.
    static func colourParameters(in text: String) -> [Int] {
        parameters(in: text).flatMap { $0 }.filter { (30...38).contains($0) || (40...48).contains($0) || (90...97).contains($0) || (100...107).contains($0) }
    }
}
