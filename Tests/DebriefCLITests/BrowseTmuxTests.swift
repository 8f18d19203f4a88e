import Foundation
import Testing

/// `debrief browse` and the home screen, end to end: the built binary in tmux over a fixture
/// journal written as plain files, with a fixed clock.
@Suite(.serialized) struct BrowseTmuxTests {
    let root: String
    let meetupPath: String
    let coffeePath: String

    init() throws {
        root = NSTemporaryDirectory() + "debrief-browse-tmux-" + UUID().uuidString
        meetupPath = root + "/entries/2026/11/2026-11-24-1830-swift-meetup-berlin.md"
        coffeePath = root + "/entries/2026/11/2026-11-20-0900-product-coffee.md"
        try FileManager.default.createDirectory(atPath: root + "/entries/2026/11", withIntermediateDirectories: true)
        try Self.meetup.write(toFile: meetupPath, atomically: true, encoding: .utf8)
        try Self.coffee.write(toFile: coffeePath, atomically: true, encoding: .utf8)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    var environment: [String: String] {
        ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00", "TZ": "Europe/Berlin", "HOME": root, "EDITOR": "true"]
    }

    @Test func searchAWordAndOpenTheEntry() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.type("/")
        try tmux.type("swiftnio")
        try tmux.press("Enter")
        try tmux.press("Enter")
        let screen = try tmux.waitFor("Ask about the SwiftNIO migration next time.")
        #expect(screen.contains("Whom did you really talk to?"))
        #expect(screen.contains("Zoë Brandt"))
        #expect(screen.contains("Send the talk link"))
        try tmux.press("Escape")
        try tmux.waitFor("Enter open")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func markAFollowUpDone() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.press("Enter")
        try tmux.waitFor("Intro to Marc")
        try tmux.press("Tab", "Tab")
        try tmux.type(" ")
        try tmux.waitFor("done 2026-11-26")
        let text = try String(contentsOfFile: meetupPath, encoding: .utf8)
        #expect(text.contains("    due: 2026-11-20\n    done: 2026-11-26\n"))
        #expect(text.contains("updated: 2026-11-26T10:00:00+01:00"))
        #expect(text.replacingOccurrences(of: "    done: 2026-11-26\n", with: "")
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-24T21:05:00+01:00") == Self.meetup)
        try tmux.type("q")
        try tmux.waitFor("Enter open")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func deleteAndUndo() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["browse", "--journal", root], environment: environment, width: 100, height: 30)
        try tmux.waitFor("2 entries")
        try tmux.press("Down")
        try tmux.type("d")
        try tmux.waitFor("Move “Product coffee” to trash? y/n")
        try tmux.type("y")
        try tmux.waitFor("u undoes")
        #expect(!FileManager.default.fileExists(atPath: coffeePath))
        #expect(FileManager.default.fileExists(atPath: root + "/trash/2026-11-20-0900-product-coffee.md"))
        try tmux.type("u")
        try tmux.waitFor("Restored “Product coffee”")
        #expect(try String(contentsOfFile: coffeePath, encoding: .utf8) == Self.coffee)
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
    }

    @Test func homeLeadsToBrowseAndBack() throws {
        defer { cleanUp() }
        let tmux = try TmuxSession(["--journal", root], environment: environment, width: 100, height: 30)
        // The first frame comes before the journal is read; the follow-ups arrive with the read.
        let home = try tmux.waitFor("6 days overdue")
        #expect(home.contains("Follow-ups due"))
        #expect(home.contains("Ana Li: Intro to Marc"))
        try tmux.type("b")
        try tmux.waitFor("Debrief · browse · 2 entries")
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
    ---

    """
}
