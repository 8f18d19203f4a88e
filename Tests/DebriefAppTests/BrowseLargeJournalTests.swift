import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// Writes a large journal for measuring `debrief browse` by hand (not a timing test):
/// `DEBRIEF_GENERATE_JOURNAL=/tmp/big DEBRIEF_GENERATE_COUNT=10000 swift test --filter BrowseLargeJournal`.
@Suite struct BrowseLargeJournalTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["DEBRIEF_GENERATE_JOURNAL"] != nil))
    func generateJournal() throws {
        let env = ProcessInfo.processInfo.environment
        let root = env["DEBRIEF_GENERATE_JOURNAL"] ?? ""
        let count = Int(env["DEBRIEF_GENERATE_COUNT"] ?? "") ?? 10_000
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let store = JournalStore(root: root, codec: f.store.codec)
        let names = ["Zoë Brandt", "Ana Li", "Marc Dubois", "李雷", "Kai Müller", "Sam Patel"]
        let kinds = ["meetup", "conference", "one-on-one", "online", "social"]
        let start = try #require(Day(iso: "2000-01-01"))
        for n in 0..<count {
            let day = start.adding(days: n * 9_000 / count)
            let when = try #require(Timestamp(day: day, hour: 8 + n % 12, minute: n % 60, in: BrowseFixture.zone))
            var entry = Entry(id: "", created: when, updated: when)
            entry["title"] = .text("Event \(n): \(kinds[n % kinds.count]) with \(names[n % names.count])")
            entry["date"] = .timestamp(when)
            entry["kind"] = .choice(kinds[n % kinds.count])
            entry["people"] = .people([Person(name: names[n % names.count], level: "peer", relation: "new", note: "Talked about Swift")])
            entry["follow-ups"] = .followUps([FollowUp(who: names[(n + 1) % names.count], action: "Send the link", due: day.adding(days: 3))])
            entry["learned"] = .text("Something worth remembering from event \(n), about servers and teams.")
            entry["tags"] = .tags(["swift", "batch\(n % 10)"])
            entry["notes"] = .text("Notes for event \(n).\nA second line of notes.")
            entry.id = String(format: "%@-%02d%02d-event-%05d", day.iso, when.hour, when.minute, n)
            guard let ref = store.canonicalRef(for: entry.id) else { continue }
            try AtomicFile.write(Array(store.codec.encode(entry).utf8), to: ref.path, replace: true)
        }
        #expect(store.refs().count == count)
    }
}
