import Foundation
import Testing

/// `debrief new --event KEY` as a person runs it, inside tmux: the reflection starts prefilled from
/// the calendar event, saving keeps the event's key, and the event no longer waits.
@Suite("New from an event in tmux", .serialized)
struct NewFromEventTmuxTests {
    @Test func aReflectionFromAnEventIsPrefilledAndMatched() throws {
        let debrief = try BinaryRunner()
        _ = try PendingCLITests.seed(debrief)
        let before = try PendingCLITests.keys(try debrief.run(["pending", "--format", "json"]))
        #expect(before.first == "lunch-marc")
        let tmux = try TmuxSession(["new", "--quick", "--event", "lunch-marc"],
                                   environment: debrief.baseEnvironment.merging(["EDITOR": "true"]) { $1 })
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.waitFor("Lunch with Marc Weber")
        try tmux.saveFromAnywhere()
        #expect(try tmux.waitForExit() == 0)
        let saved = debrief.entryFiles().filter { $0.contains("2026-11-24-1200") }
        try #require(saved.count == 1, "\(debrief.entryFiles())")
        let text = try String(contentsOfFile: saved[0], encoding: .utf8)
        #expect(text.contains("\nevent: lunch-marc\nlocation: Café Eins\ntitle: Lunch with Marc Weber\ndate: 2026-11-24T12:00:00+01:00\nkind: one-on-one\n"), "\(text)")
        #expect(text.contains("  - name: Marc Weber\n    relation: new\n    email: marc.weber@example.com\n"), "\(text)")
        let after = try PendingCLITests.keys(try debrief.run(["pending", "--format", "json"]))
        #expect(after == Array(before.dropFirst()))
    }

    @Test func anUnknownKeyOrNoCalendarsIsAClearError() throws {
        let debrief = try BinaryRunner()
        let none = try debrief.run(["new", "--event", "x"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("no calendars to read"), "\(none.stderr)")
        _ = try PendingCLITests.seed(debrief)
        let unknown = try debrief.run(["new", "--event", "no-such-event"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no event has the key 'no-such-event'"), "\(unknown.stderr)")
    }
}
