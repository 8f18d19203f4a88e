import Foundation
import Testing

/// `debrief new` run as a person would, inside tmux: typed keys in, the screen and the saved
/// file out. Polls the screen; never sleeps a fixed time.
@Suite("Reflection in tmux", .serialized)
struct ReflectionTmuxTests {
    /// A temp journal, config and home, and a clock stopped at Thu 2026-11-26 21:00 Berlin.
    final class Sandbox {
        let dir: String
        init() throws {
            dir = NSTemporaryDirectory() + "debrief-tmux-" + UUID().uuidString
            for sub in ["journal", "config", "home"] {
                try FileManager.default.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true)
            }
        }
        deinit { try? FileManager.default.removeItem(atPath: dir) }

        var environment: [String: String] {
            ["DEBRIEF_JOURNAL": dir + "/journal", "DEBRIEF_NOW": "2026-11-26T21:00:00+01:00", "TZ": "Europe/Berlin",
             "HOME": dir + "/home", "XDG_CONFIG_HOME": dir + "/config", "EDITOR": "true"]
        }

        /// Texts of the files in a journal folder (`entries` or `drafts`), recursively.
        func files(_ folder: String) -> [String] {
            let root = dir + "/journal/" + folder
            guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
            return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
                .compactMap { try? String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
        }
    }

    @Test func fullReflectionWithUnicodeIsSavedFromKeysAlone() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.type("Zoë 李雷 👋 meetup")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.type("today 18:30")
        try tmux.waitFor("→ 2026-11-26 18:30")
        try tmux.press("Enter")
        try tmux.waitFor("What kind of event")
        try tmux.type("m")
        try tmux.press("Enter")
        try tmux.type("Meet Swift people")
        try tmux.press("C-j")
        try tmux.type("and listen")
        try tmux.press("Enter")
        for key in ["y", "4", "l"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("Whom did you really talk to?")
        for field in ["Zoë 李雷 👋", "s", "n", "Runs 李雷's team 👋"] {
            try tmux.type(field)
            try tmux.press("Down")
        }
        try tmux.press("Enter")
        try tmux.waitFor("Zoë 李雷 👋 · senior · new")
        try tmux.press("Enter")
        for key in ["y", "40", "n", "A link", "2", "s", "1"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("What will you follow up")
        try tmux.press("Tab")
        try tmux.press("Enter")
        try tmux.type("Send the slides")
        try tmux.waitFor("→ Sun 29 Nov (this week)")
        try tmux.press("Enter")
        try tmux.waitFor("Zoë 李雷 👋 · Send the slides · 2026-11-29")
        try tmux.press("Enter")
        for key in ["y", "Vapor is close", "swift, 李雷"] {
            try tmux.type(key)
            try tmux.press("Enter")
        }
        try tmux.waitFor("Anything else?")
        try tmux.type("Thanks Zoë 👋")
        try tmux.press("Enter")
        try tmux.waitFor("Summary")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit() == 0)
        #expect(try tmux.value("#{alternate_on}") == "0")
        let file = try #require(box.files("entries").first)
        for expected in ["Zoë 李雷 👋 meetup", "2026-11-26T18:30:00+01:00", "kind: meetup", "Meet Swift people", "and listen",
                         "name: Zoë 李雷 👋", "level: senior", "relation: new", "Runs 李雷's team 👋", "talk-share: 40",
                         "outreach-count: 2", "outreach-personalized: some", "outreach-generic: 1", "who: Zoë 李雷 👋", "action: Send the slides",
                         "due: 2026-11-29", "Vapor is close", "李雷", "Thanks Zoë 👋"] {
            #expect(file.contains(expected), "missing \(expected) in\n\(file)")
        }
        #expect(box.files("drafts").isEmpty)
    }

    @Test func resizeMidTypingThenCtrlCSavesTheDraft() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.type("Zoë 李雷")
        try tmux.waitFor("Zoë 李雷")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitUntil("the 100-column layout") { $0.split(separator: "\n").contains { $0.contains("Event · 1 of 3") && $0.count > 90 } }
        try tmux.type(" 👋")
        try tmux.waitFor("Zoë 李雷 👋")
        try tmux.resize(width: 30, height: 10)
        try tmux.waitFor("needs at least 40×12")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("What would you call this event?")
        try tmux.type(" party")
        try tmux.waitFor("Zoë 李雷 👋 party")
        try tmux.press("C-c")
        try tmux.waitFor("Leave?")
        try tmux.type("s")
        #expect(try tmux.waitForExit() == 0)
        let draft = try #require(box.files("drafts").first)
        #expect(draft.contains("title: Zoë 李雷 👋 party"), "draft was\n\(draft)")
    }

    @Test func killedMidFlowThenNewOffersToResume() throws {
        let box = try Sandbox()
        do {
            let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
            defer { tmux.stop() }
            try tmux.waitFor("What would you call this event?")
            try tmux.type("Coffee with Zoë")
            try tmux.press("Enter")
            try tmux.waitFor("When did it start?")
            try tmux.type("yesterday")
            kill(try tmux.pid(), SIGKILL)
            #expect(try tmux.waitForExit() == 128 + SIGKILL)
        }
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("Resume the unfinished reflection on “Coffee with Zoë”")
        try tmux.type("r")
        try tmux.waitFor("When did it start?")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        #expect(box.files("entries").first?.contains("title: Coffee with Zoë") == true)
        #expect(box.files("drafts").isEmpty)
    }

    @Test func withoutATerminalItExplainsAndExits64() throws {
        let box = try Sandbox()
        let result = try Subprocess.run(TmuxSession.binary, ["new"],
            environment: box.environment.merging(["TERM": "xterm-256color", "PATH": "/usr/bin:/bin"]) { $1 })
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let text = result.stderr
        #expect(text.contains("debrief add"))
        #expect(!text.contains("\u{1b}"))
        #expect(text.split(separator: "\n").count == 1)
    }
}
