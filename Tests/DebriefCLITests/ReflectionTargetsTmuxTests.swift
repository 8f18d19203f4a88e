import Foundation
import Testing

/// The two targets, measured on the built binary in tmux and written in the README.
/// Counting rule: every key press counts except the characters of free text, names, actions and
/// numbers typed; a letter or arrow that picks a choice counts.
@Suite("Reflection targets in tmux", .serialized)
struct ReflectionTargetsTmuxTests {
    typealias Sandbox = ReflectionTmuxTests.Sandbox

    /// Presses keys and counts them; typed text is not counted.
    final class Counter {
        let tmux: TmuxSession
        private(set) var keys: [String] = []
        init(_ tmux: TmuxSession) { self.tmux = tmux }

        /// A counted key (Enter, Tab, Down, or a letter that picks a choice), then waits for the
        /// screen to change so the next key lands on the next state.
        func press(_ key: String, literal: Bool = false) throws {
            // With attributes: moving the focus between fields changes only the highlighting.
            let before = try tmux.captureStyled()
            keys.append(key)
            if literal { try tmux.type(key) } else { try tmux.press(key) }
            let deadline = Date().addingTimeInterval(10)
            while try tmux.captureStyled() == before {
                guard Date() < deadline else { throw TmuxError.timeout("nothing changed after \(key):\n\(try tmux.capture())") }
                usleep(20_000)
            }
        }

        /// Free text, a name, an action or a number: not counted.
        func type(_ text: String) throws {
            try tmux.type(text)
            try tmux.waitFor(text)
        }
    }

    /// A one-on-one coffee with one person and one follow-up, in quick mode chosen at the start
    /// of `debrief new`: at most 15 counted keys (a user needed about 45 in the old full flow).
    @Test func aCoffeeInQuickModeTakesAtMost15Keys() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new"], environment: box.environment)
        defer { tmux.stop() }
        try tmux.waitFor("How much do you want to answer?")
        let c = Counter(tmux)
        try c.press("q", literal: true)                    // the quick reflection
        try tmux.waitFor("What would you call this event?")
        try c.type("Coffee with Ana")
        try c.press("Enter")
        try c.type("today 15:00")
        try c.press("Enter")
        try c.press("o", literal: true)                    // one-on-one
        try c.press("Enter")
        try c.type("Ana Lima")
        try c.press("Down")                                // to her level
        try c.press("p", literal: true)                    // peer
        try c.press("Enter")                               // adds her (relation: new)
        try tmux.waitFor("• Ana Lima · peer · new")
        try c.press("Enter")                               // on to the talk share
        try c.type("40")
        try c.press("Enter")
        try tmux.waitFor("What will you follow up")
        try c.press("Tab")                                 // Who: Ana Lima (the cursor stays in What)
        try c.press("Enter")                               // What is empty: says a follow-up needs one
        try c.type("Send the benchmark notes")
        try c.press("Enter")                               // adds it, due in 3 days as offered
        try c.press("Enter")                               // to the summary
        try tmux.waitFor("▸ Save this reflection")
        try c.press("Enter")                               // save
        #expect(try tmux.waitForExit() == 0)
        #expect(c.keys.count <= 15, "\(c.keys.count) keys: \(c.keys)")
        #expect(c.keys.count == 15)
        let file = try #require(box.files("entries").first)
        for line in ["flow: quick", "title: Coffee with Ana", "date: 2026-11-26T15:00:00+01:00", "kind: one-on-one",
                     "  - name: Ana Lima\n    level: peer\n    relation: new", "talk-share: 40",
                     "  - who: Ana Lima\n    action: Send the benchmark notes\n    due: 2026-11-29"] {
            #expect(file.contains(line), "missing \(line) in\n\(file)")
        }
        // The choice is remembered in debrief's state file, never in the config.
        let state = try String(contentsOfFile: box.dir + "/home/.local/state/debrief/state.yaml", encoding: .utf8)
        #expect(state.contains("reflection-flow: quick\n"))
        #expect(!FileManager.default.fileExists(atPath: box.dir + "/config/debrief/config.yaml"))
    }

    /// No purpose, nobody met, no outreach: the full flow shows 12 prompts (20 before).
    @Test func aBareFullReflectionShowsTwelvePrompts() throws {
        let box = try Sandbox()
        let tmux = try TmuxSession(["new", "--full"], environment: box.environment)
        defer { tmux.stop() }
        var questions: [String] = []
        func question(_ screen: String) -> String {
            screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        let answers: [String: String] = ["What would you call": "Quiet evening", "What kind of event": "m",
                                         "Did the talk reach your work": "n", "How many connection requests": "0",
                                         "Did you catch up with someone": "n"]
        var screen = try tmux.waitFor("What would you call this event?")
        while !screen.contains("Save this reflection"), questions.count < 25 {
            let q = question(screen)
            questions.append(q)
            if let text = answers.first(where: { q.hasPrefix($0.key) })?.value {
                try tmux.type(text)
                try tmux.waitFor(text)
            }
            let before = try tmux.capture()
            try tmux.press("Enter")
            screen = try tmux.waitUntil("the next prompt") { $0 != before && question($0) != q }
        }
        #expect(questions.count == 12, "\(questions)")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit() == 0)
        let file = try #require(box.files("entries").first)
        #expect(!file.contains("flow:"))
        #expect(!file.contains("purpose-met") && !file.contains("talk-share") && !file.contains("outreach-personalized"))
    }
}
