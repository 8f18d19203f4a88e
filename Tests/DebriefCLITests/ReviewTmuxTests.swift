import Foundation
import Testing

/// The review screen end to end: the built binary in tmux over the browse fixture's journal
/// (an entry this week and one last week), with a fixed clock (Thursday of 2026-W48).
@Suite(.serialized) struct ReviewTmuxTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "debrief-review-tmux-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try BrowseTmuxTests.meetup.write(toFile: root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md",
                                         atomically: true, encoding: .utf8)
        try BrowseTmuxTests.coffee.write(toFile: root + "/entries/2026/11/2026-11-20-0900-product-coffee.md",
                                         atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] {
        ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00", "TZ": "Europe/Berlin", "HOME": root, "EDITOR": "true"]
    }

    @Test func homeOpensTheReviewWhichMovesBetweenWeeks() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        defer { tmux.stop() }
        try tmux.waitFor("Recent reflections")
        try tmux.type("r")
        let review = try tmux.waitFor("Week 2026-W48: Monday 23 to Sunday 29 November 2026")
        #expect(review.contains("2026-W48 · Mon 23 Nov – Sun 29 Nov"))
        #expect(review.contains("Socializing with no professional purpose"))
        // The focus comes first, with why it was picked.
        #expect(review.contains("WHAT TO TRY NEXT WEEK") && review.contains("Why this one: seen in"), "\(review)")
        #expect(review.contains("←/h previous week"))
        try tmux.press("Left")
        let last = try tmux.waitFor("Week 2026-W47: Monday 16 to Sunday 22 November 2026")
        #expect(last.contains("2026-W47 · Mon 16 Nov – Sun 22 Nov"))
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func browseOpensTheReviewAndQGoesBackToTheList() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        defer { tmux.stop() }
        try tmux.waitFor("2 entries")
        try tmux.type("r")
        try tmux.waitFor("Week 2026-W48: Monday 23 to Sunday 29 November 2026")
        try tmux.press("Right")
        try tmux.waitFor("2026-W48 is this week; the next one has not started yet.")
        try tmux.type("q")
        try tmux.waitFor("Enter open")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    /// The review acts on its follow-ups in the real binary: Tab to the overdue one, Space marks
    /// it done in its file (it moves to "Done this week"), Enter opens the entry at it, and Esc
    /// comes back to the review.
    @Test func theReviewMarksAFollowUpDoneAndOpensItsEntry() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 80, height: 24)
        defer { tmux.stop() }
        try tmux.waitFor("Recent reflections")
        try tmux.type("r")
        try tmux.waitFor("Week 2026-W48")
        let file = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        // From the end, Shift-Tab selects the last follow-up in sight (Zoë's, still open), then
        // the one before it (Ana Li's, overdue).
        try tmux.type("G")
        try tmux.waitFor("100%")
        try tmux.press("BTab", "BTab")
        try tmux.type(" ")
        try tmux.waitFor("Done: Ana Li: Intro to Marc")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("    due: 2026-11-20\n    done: 2026-11-26\n"), "\(text)")
        try tmux.waitFor("Done this week (1)")
        try tmux.press("Enter")
        try tmux.waitFor("Ask about the SwiftNIO migration")
        // Back on the review where it was left.
        try tmux.press("Escape")
        try tmux.waitFor("Done this week (1)")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }
}
