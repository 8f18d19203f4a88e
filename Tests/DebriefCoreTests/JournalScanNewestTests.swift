import Foundation
import Testing
@testable import DebriefCore

/// `list --limit N` walks only the newest month folders (``JournalStore/scanNewest(atLeast:)``),
/// and answers as a walk of everything does; any layout but `entries/YYYY/MM` walks everything.
@Suite struct JournalScanNewestTests {
    /// Entries on the 10th of every month from 2024-01 to 2026-11 (35 months), two a month.
    static func journal(_ label: String) throws -> JournalStore {
        let store = Fixtures.store(Fixtures.tempDirectory(label))
        for year in 2024...2026 {
            for month in 1...12 where !(year == 2026 && month > 11) {
                let ym = String(format: "%04d-%02d", year, month)
                let dir = store.entriesDirectory + "/" + String(format: "%04d/%02d", year, month)
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                for hour in ["09", "18"] {
                    let id = "\(ym)-10-\(hour)00-event"
                    Fixtures.write("---\nschema: 1\ncreated: \(ym)-10T\(hour):00:00+01:00\ntitle: Event\n---\n", to: dir + "/\(id).md")
                }
            }
        }
        return store
    }

    static func newest(_ store: JournalStore, _ n: Int) -> [String] {
        store.entries(matching: EntryMatcher(EntryQuery(limit: n), catalog: Fixtures.codec.catalog,
                                             today: Day(iso: "2026-11-30")!)).entries.map(\.id)
    }

    @Test func onlyTheNewestMonthsAreWalkedAndTheAnswerIsTheSame() throws {
        let store = try Self.journal("newest")
        defer { Fixtures.removeTemp(store.root) }
        let all = store.scan()
        #expect(all.refs.count == 70)
        let partial = try #require(store.scanNewest(atLeast: 5))
        // Three months hold the 5 wanted (two a month): entries/, 2026/, and three month folders.
        #expect(partial.folders.count == 5)
        #expect(partial.refs.map(\.id) == Array(all.refs.prefix(6)).map(\.id))
        // Across a year's end too.
        let wider = try #require(store.scanNewest(atLeast: 24))
        #expect(wider.refs.map(\.id) == Array(all.refs.prefix(24)).map(\.id))
        #expect(Self.newest(store, 3) == Array(all.refs.prefix(3)).map(\.id))
        #expect(Self.newest(store, 100).count == 70)
    }

    /// A file or folder that is not `YYYY/MM` could hold a newer entry: everything is walked.
    @Test(arguments: ["2026-12-31-2300-loose.md", "inbox/2026-12-31-2300-loose.md", "2026/misc/2026-12-31-2300-loose.md"])
    func anyOtherLayoutWalksEverything(_ place: String) throws {
        let store = try Self.journal("layout")
        defer { Fixtures.removeTemp(store.root) }
        let path = store.entriesDirectory + "/" + place
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        Fixtures.write("---\nschema: 1\ncreated: 2026-12-31T23:00:00+01:00\ntitle: Loose\n---\n", to: path)
        #expect(store.scanNewest(atLeast: 2) == nil)
        #expect(Self.newest(store, 2).first == "2026-12-31-2300-loose")
    }

    /// Hidden files (debrief's temporaries) do not count as another layout.
    @Test func hiddenNamesAreIgnored() throws {
        let store = try Self.journal("hidden")
        defer { Fixtures.removeTemp(store.root) }
        Fixtures.write("x", to: store.entriesDirectory + "/.DS_Store")
        Fixtures.write("x", to: store.entriesDirectory + "/2026/.tmp")
        #expect(store.scanNewest(atLeast: 2) != nil)
    }
}
