import Foundation
import Testing

/// Home's follow-up and people screens, end to end: the built binary in tmux over a fixture
/// journal written as plain files, with a fixed clock and a temporary home.
@Suite(.serialized) struct FollowUpsTmuxTests {
    let root: String
    let meetupPath: String

    init() throws {
        root = NSTemporaryDirectory() + "debrief-followups-tmux-" + UUID().uuidString
        meetupPath = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try Self.meetup.write(toFile: meetupPath, atomically: true, encoding: .utf8)
        try Self.coffee.write(toFile: root + "/entries/2026/11/2026-11-20-0900-product-coffee.md", atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] {
        ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00", "TZ": "Europe/Berlin", "HOME": root, "EDITOR": "true"]
    }

    @Test func markAFollowUpDoneOpenItsEntryThenSeePeople() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        defer { tmux.stop() }
        try tmux.waitFor("6 days overdue")
        try tmux.type("f")
        let list = try tmux.waitFor("follow-ups · open · 2")
        #expect(list.contains("6 days overdue") && list.contains("Intro to Marc"))
        #expect(list.contains("due tomorrow") && list.contains("Send the talk link"))

        // Space on the first (overdue) action: done today, only its done line (and updated) written.
        try tmux.type(" ")
        try tmux.waitFor("Done: Ana Li: Intro to Marc")
        #expect(try tmux.capture().contains("done 2026-11-26"))
        let text = try String(contentsOfFile: meetupPath, encoding: .utf8)
        #expect(text == Self.meetup
            .replacingOccurrences(of: "    due: 2026-11-20\n", with: "    due: 2026-11-20\n    done: 2026-11-26\n")
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00"))

        // Enter opens the entry the action came from; q comes back to the list, q again to home.
        try tmux.press("Down")
        try tmux.press("Enter")
        let entry = try tmux.waitFor("Ask about the SwiftNIO migration next time.")
        #expect(entry.contains("Whom did you really talk to?"))
        try tmux.type("q")
        try tmux.waitFor("follow-ups · open")
        try tmux.waitUntil("the list read again") { $0.contains("Send the talk link") && !$0.contains("reading…") }
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")

        try tmux.type("p")
        // The heading can show the count a frame before the rows of a read still under way.
        try tmux.waitFor("people · everyone · 2")
        try tmux.waitUntil("both people listed") { $0.contains("Zoë Brandt") && $0.contains("Ana Li") }
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    static let meetup = """
    ---
    schema: 1
    id: 2026-11-24-1830-swift-meetup-berlin
    created: 2026-11-24T21:05:00+01:00
    updated: 2026-11-24T21:05:00+01:00
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    kind: meetup
    people:
      - name: Zoë Brandt
        level: peer
        relation: new
    follow-ups:
      - who: Zoë Brandt
        action: Send the talk link
        due: 2026-11-27
      - who: Ana Li
        action: Intro to Marc
        due: 2026-11-20
    ---
    Ask about the SwiftNIO migration next time.

    """

    static let coffee = """
    ---
    schema: 1
    id: 2026-11-20-0900-product-coffee
    created: 2026-11-20T10:00:00+01:00
    updated: 2026-11-20T10:00:00+01:00
    title: Product coffee
    date: 2026-11-20T09:00:00+01:00
    kind: one-on-one
    people:
      - name: Ana Li
        level: senior
        relation: existing
    ---

    """
}
