import Foundation
import Testing

/// Home's calendar as a person meets it, the real binary inside tmux: "Coming up" with Enter to
/// the brief, "Awaiting a reflection" with `x` (skip, written to the journal's skip file), `u`
/// (undone) and Enter (a reflection prefilled from the event, which then no longer waits).
/// The clock is Thursday 2026-11-26 10:00 in Berlin (``PendingCLITests/seed(_:)``'s calendars).
@Suite("Home's calendar in tmux", .serialized)
struct HomeCalendarTmuxTests {
    /// The screen line holding `text`.
    func line(_ tmux: TmuxSession, _ text: String) throws -> String {
        try #require(try tmux.capture().split(separator: "\n").map(String.init).first { $0.contains(text) }, "no line with \(text)")
    }

    @Test func waitingEventsComingUpAndTheBrief() throws {
        let debrief = try BinaryRunner()
        _ = try PendingCLITests.seed(debrief)
        // Lena is in the journal, with an open follow-up: today's lunch with her is coming up.
        try debrief.add("""
        title: Hackathon
        date: 2026-11-02 10:00
        people:
          - name: Lena Koch
            note: Builds the data platform
        follow-ups:
          - who: Lena Koch
            action: Send the hackathon photos
            due: 2026-11-30
        """)
        let skipFile = debrief.journal + "/skipped-events.txt"
        let tmux = try TmuxSession([], environment: debrief.baseEnvironment.merging(["EDITOR": "true"]) { $1 }, width: 100, height: 30)
        defer { tmux.stop() }
        let home = try tmux.waitFor("Awaiting a reflection (3)")
        #expect(home.contains("Coming up: Lunch with Lena, Thu 12:00 — 1 open follow-up"), "\(home)")
        #expect(home.contains("Awaiting a reflection (3)   Enter reflect on it  x skip event  u undo skip"), "\(home)")
        let rows = home.split(separator: "\n").map(String.init)
        let lunch = try #require(rows.firstIndex { $0.contains("Tue 2026-11-24 12:00–13:00  Lunch with Marc Weber  with Marc Weber") })
        #expect(rows[lunch + 1].contains("Fri 2026-11-20 18:30–21:00  Swift Meetup Berlin"), "\(home)")
        #expect(rows[lunch + 2].contains("Wed 2026-11-18 09:00–18:00  Berlin Tech Summit"), "\(home)")
        #expect(!home.contains("Dentist") && !home.contains("Team stand-up"))

        // The next meeting is selected first: Enter opens its brief, q comes back.
        try tmux.press("Enter")
        let brief = try tmux.waitFor("Lena Koch · met once")
        #expect(brief.contains("Debrief · brief"))
        #expect(brief.contains("Thu 2026-11-26 12:00–13:00 · Lunch with Lena"), "\(brief)")
        #expect(brief.contains("Lena Koch · met once, 2026-11-02"), "\(brief)")
        #expect(brief.contains("Send the hackathon photos, in 4 days (2026-11-30)"), "\(brief)")
        #expect(brief.contains("2026-11-02 Hackathon: Builds the data platform"), "\(brief)")
        try tmux.type("q")
        try tmux.waitFor("Awaiting a reflection (3)")

        // Down to the lunch with Marc: x skips it, in the journal's skip file.
        try tmux.press("Down")
        try tmux.type("x")
        try tmux.waitFor("Skipped: Lunch with Marc Weber (u undoes)")
        try tmux.waitFor("Awaiting a reflection (2)")
        #expect(try String(contentsOfFile: skipFile, encoding: .utf8).hasSuffix("\nlunch-marc\n"))
        #expect(try PendingCLITests.keys(try debrief.run(["pending", "--format", "json"])) == ["swift-meetup", "conf"])
        // u takes it back: the key leaves the file, the event waits again.
        try tmux.type("u")
        try tmux.waitFor("Awaits a reflection again: Lunch with Marc Weber")
        try tmux.waitFor("Awaiting a reflection (3)")
        #expect(!(try String(contentsOfFile: skipFile, encoding: .utf8)).contains("lunch-marc"))
        #expect(try line(tmux, "Lunch with Marc Weber  with Marc Weber").hasPrefix("  Tue"), "the row is back in its place")

        // Down to the meetup: Enter starts a reflection prefilled from it.
        try tmux.press("Down")
        try tmux.press("Enter")
        try tmux.waitFor("How much do you want to answer?")
        try tmux.press("Enter")
        try tmux.waitFor("What would you call this event?")
        try tmux.waitFor("Swift Meetup Berlin")
        try tmux.saveFromAnywhere()
        // Back home, read again: the meetup has its reflection and no longer waits.
        try tmux.waitFor("Awaiting a reflection (2)")
        let after = try tmux.capture()
        #expect(!after.contains("Fri 2026-11-20 18:30–21:00  Swift Meetup Berlin"), "\(after)")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
        let saved = debrief.entryFiles().filter { $0.contains("2026-11-20-1830") }
        try #require(saved.count == 1, "\(debrief.entryFiles())")
        let text = try String(contentsOfFile: saved[0], encoding: .utf8)
        #expect(text.contains("\nevent: swift-meetup\nlocation: Factory Görlitzer Park\ntitle: Swift Meetup Berlin\n"), "\(text)")
        #expect(try PendingCLITests.keys(try debrief.run(["pending", "--format", "json"])) == ["lunch-marc", "conf"])
    }

    @Test func withoutCalendarsHomeIsAsBefore() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Coffee\ndate: 2026-11-25 09:00\n")
        let tmux = try TmuxSession([], environment: debrief.baseEnvironment, width: 80, height: 24)
        defer { tmux.stop() }
        let home = try tmux.waitFor("Recent reflections")
        #expect(!home.contains("Awaiting a reflection") && !home.contains("Coming up"))
        // x and u say what they are for rather than doing nothing silently.
        try tmux.type("u")
        try tmux.waitFor("Nothing skipped here to undo")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
