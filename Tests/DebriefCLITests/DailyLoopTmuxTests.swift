import Foundation
import Testing

/// The daily loop end to end in tmux: moving and marking follow-ups from home without leaving it,
/// and renaming someone from the people screen, over a fixture journal written as plain files.
@Suite(.serialized) struct DailyLoopTmuxTests {
    let root: String
    let meetupPath: String
    let coffeePath: String

    init() throws {
        root = NSTemporaryDirectory() + "debrief-daily-loop-tmux-" + UUID().uuidString
        meetupPath = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        coffeePath = root + "/entries/2026/11/2026-11-20-0900-product-coffee.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try FollowUpsTmuxTests.meetup.write(toFile: meetupPath, atomically: true, encoding: .utf8)
        try FollowUpsTmuxTests.coffee.write(toFile: coffeePath, atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// Thursday 2026-11-26, 10:00 in Berlin.
    var environment: [String: String] {
        ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00", "TZ": "Europe/Berlin", "HOME": root, "EDITOR": "true"]
    }

    func file(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The screen line holding `text`.
    func line(_ tmux: TmuxSession, _ text: String) throws -> String {
        try #require(try tmux.capture().split(separator: "\n").map(String.init).first { $0.contains(text) })
    }

    @Test func rescheduleAndMarkDoneFromHome() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        defer { tmux.stop() }
        let home = try tmux.waitFor("6 days overdue")
        #expect(home.contains("Follow-ups due   Space done/open  s reschedule  D done another day  Enter open its entry"))

        // The most urgent one is selected: s asks for its new date; fri is tomorrow.
        try tmux.type("s")
        try tmux.waitFor("New due date for Ana Li: Intro to Marc:")
        try tmux.type("fri")
        try tmux.press("Enter")
        try tmux.waitFor("Due 2026-11-27: Ana Li: Intro to Marc; postponed once, 7 days past its first date")
        #expect(try line(tmux, "Ana Li: Intro to Marc").contains("[ ] due tomorrow"))

        // Down, Space: the talk link is done today, in place.
        try tmux.press("Down")
        try tmux.type(" ")
        try tmux.waitFor("Done: Zoë Brandt: Send the talk link (Space again reopens)")
        #expect(try line(tmux, "Zoë Brandt: Send the talk link").contains("[x] done today"))

        // Up, D: the intro was in fact done yesterday.
        try tmux.press("Up")
        try tmux.type("D")
        try tmux.waitFor("Done on (Enter: today) for Ana Li: Intro to Marc:")
        try tmux.type("yesterday")
        try tmux.press("Enter")
        try tmux.waitFor("Done on 2026-11-25: Ana Li: Intro to Marc")

        // Only those rows' lines and `updated:` changed; the coffee is untouched.
        #expect(try file(meetupPath) == FollowUpsTmuxTests.meetup
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n", with: "    due: 2026-11-27\n    done: 2026-11-26\n")
            .replacingOccurrences(of: "    due: 2026-11-20\n",
                                  with: "    due: 2026-11-27\n    done: 2026-11-25\n    first-due: 2026-11-20\n    postponed: 1\n"))
        #expect(try file(coffeePath) == FollowUpsTmuxTests.coffee)

        // Back later: nothing is due any more.
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
        let again = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        defer { again.stop() }
        try again.waitFor("Nothing overdue or due this week.")
        try again.type("q")
        #expect(try again.waitForExit() == 0)
    }

    /// The cold days set with `+` on the people screen hold for the rest of the run: the people
    /// screen opened again starts from them, and the review's catch-up names use them too.
    @Test func coldDaysSetOnThePeopleScreenHoldForTheWholeRun() throws {
        defer { cleanUp() }
        let lunch = root + "/entries/2026/06/2026-06-01-1200-old-lunch.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/06", withIntermediateDirectories: true)
        try """
        ---
        schema: 1
        id: 2026-06-01-1200-old-lunch
        created: 2026-06-01T14:00:00+02:00
        updated: 2026-06-01T14:00:00+02:00
        title: Old lunch
        date: 2026-06-01T12:00:00+02:00
        people:
          - name: Kai Berg
            relation: existing
        ---

        """.write(toFile: lunch, atomically: true, encoding: .utf8)
        // This week's meetup met only someone new, so the review suggests a catch-up; Kai has
        // been silent 178 days, cold after the config's 120 but not after 180.
        try FileManager.default.removeItem(atPath: coffeePath)
        try FileManager.default.createDirectory(atPath: root + "/config/debrief", withIntermediateDirectories: true)
        try "cold-days: 120\n".write(toFile: root + "/config/debrief/config.yaml", atomically: true, encoding: .utf8)
        var env = environment
        env["XDG_CONFIG_HOME"] = root + "/config"
        env["XDG_STATE_HOME"] = root + "/state"
        let tmux = try TmuxSession(["--journal", root], environment: env, width: 100, height: 60)
        defer { tmux.stop() }
        try tmux.waitFor("Recent reflections")
        try tmux.type("p")
        try tmux.waitUntil("the people read") { $0.contains("people · everyone · 2") }
        try tmux.type("c")
        try tmux.waitFor("cold (120+ days unmentioned) · 1")
        try tmux.type("+")
        try tmux.waitFor("cold (180+ days unmentioned) · 0")
        try tmux.waitFor("Cold after 180 days without a mention (remembered for next time)")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("p")
        try tmux.waitUntil("the people read again") { $0.contains("people · everyone · 2") }
        try tmux.type("c")
        try tmux.waitFor("cold (180+ days unmentioned) · 0")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("r")
        let review = try tmux.waitFor("YOUR NETWORK")
        #expect(review.contains("Neglecting the people you already know"))
        #expect(!review.contains("Kai Berg"), "\(review)")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func renameFromThePeopleScreen() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        defer { tmux.stop() }
        try tmux.waitFor("6 days overdue")
        try tmux.type("p")
        try tmux.waitUntil("the people read") { $0.contains("people · everyone · 2") && $0.contains("Zoë Brandt") }
        try tmux.type("R")
        try tmux.waitFor("Rename Zoë Brandt to: Zoë Brandt")
        try tmux.press("C-u")
        try tmux.type("Zoë Brandt-Kim")
        try tmux.press("Enter")
        try tmux.waitFor("Renamed to “Zoë Brandt-Kim” in 1 file (1 people row, 1 follow-up)")
        try tmux.waitUntil("the list read again") { $0.contains("Zoë Brandt-Kim") && !$0.contains("reading…") }
        #expect(try file(meetupPath) == FollowUpsTmuxTests.meetup
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "  - name: Zoë Brandt\n", with: "  - name: Zoë Brandt-Kim\n")
            .replacingOccurrences(of: "  - who: Zoë Brandt\n", with: "  - who: Zoë Brandt-Kim\n"))
        #expect(try file(coffeePath) == FollowUpsTmuxTests.coffee)
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
