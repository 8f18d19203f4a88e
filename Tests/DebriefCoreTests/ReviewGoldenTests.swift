import DebriefCore
import Foundation
import Testing

/// The three formats of the review over the fixture journal, compared with files under
/// `Golden/`. Re-record after an intended change with `DEBRIEF_RECORD=1 swift test --filter
/// ReviewGolden`, then read the diff: the goldens are meant to read well to a person.
@Suite struct ReviewGoldenTests {
    /// 2026-W43 has the clock change, W48 is busy (with an imported note), W49 is empty, W53
    /// spans the new year (with a quick reflection) and 2027-W01 is still running on the fixed
    /// clock, with a habit pitfall.
    static let weeks = ["2026-W43", "2026-W48", "2026-W49", "2026-W53", "2027-W01"]

    let catalog: Catalog

    init() throws {
        catalog = try ReviewFixture.catalog()
    }

    func review(_ week: String) -> WeeklyReview {
        WeeklyReview.make(entries: ReviewFixture.journal, catalog: catalog, week: ReviewFixture.week(week),
                          weeks: 8, clock: ReviewFixture.clock)
    }

    @Test(arguments: weeks) func text(_ week: String) throws {
        try Self.check(ReviewText.render(review(week), options: .init(color: false, unicode: true)), "review-\(week).txt")
    }

    @Test(arguments: weeks) func markdown(_ week: String) throws {
        try Self.check(ReviewMarkdown.render(review(week)), "review-\(week).md")
    }

    @Test(arguments: weeks) func json(_ week: String) throws {
        try Self.check(ReviewJSON.render(review(week), catalog: catalog), "review-\(week).json")
    }

    @Test func asciiTextDiffersOnlyInTheSparklinesAndSeparators() {
        let r = review("2026-W48")
        let ascii = ReviewText.render(r, options: .init(color: false, unicode: false))
        #expect(!ascii.contains("▁") && !ascii.contains("·"))
        #expect(ascii.contains("trend   :_ =#+"))
    }

    @Test func colourOnlyWhenAskedFor() {
        let r = review("2026-W48")
        #expect(!ReviewText.render(r).contains("\u{1B}["))
        let coloured = ReviewText.render(r, options: .init(color: true))
        #expect(coloured.contains("\u{1B}[31mSelf-promotion without reciprocity\u{1B}[0m"))
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression) == ReviewText.render(r))
    }

    @Test func textFitsEightyColumns() {
        for week in Self.weeks {
            let long = ReviewText.render(review(week)).split(separator: "\n").filter { $0.count > 80 }
            #expect(long.isEmpty, "\(week): \(long)")
        }
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let text = ReviewJSON.render(review("2026-W48"), catalog: catalog)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["week", "start", "end", "entries", "imported", "trend_reflections", "pitfalls", "focus", "not_judged", "follow_ups", "people"] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["focus"] as? String == "self-promotion")
        #expect(object["entries"] as? Int == 3 && object["imported"] as? Int == 1)
        #expect(object["week"] as? String == "2026-W48")
        #expect(object["start"] as? String == "2026-11-23" && object["end"] as? String == "2026-11-29")
        let pitfalls = try #require(object["pitfalls"] as? [[String: Any]])
        #expect(pitfalls.compactMap { $0["id"] as? String } == Catalog.pitfallIDs)
        for p in pitfalls {
            #expect(Set(p.keys) == ["id", "title", "scope", "count", "recurring", "streak", "trend", "reasons"])
            #expect((p["trend"] as? [Int])?.count == 8)
        }
        let followUps = try #require(object["follow_ups"] as? [String: [[String: Any]]])
        #expect(Set(followUps.keys) == ["done", "open", "overdue"])
        for item in followUps.values.flatMap({ $0 }) {
            for key in ["entry", "who", "action", "due"] { #expect(item.keys.contains(key), "\(key)") }
        }
        let people = try #require(object["people"] as? [String: Any])
        #expect(people["met"] as? Int == 4 && people["new"] as? Int == 3 && people["existing"] as? Int == 1)
        #expect((people["levels"] as? [String: Int])?["executive"] == 2)
    }

    // MARK: - Golden files

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DEBRIEF_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(name); record it with DEBRIEF_RECORD=1 swift test --filter ReviewGolden")
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "\(name) differs; if the change is intended, re-record with DEBRIEF_RECORD=1")
    }
}
