import DebriefCore
import Testing

/// The review's styled lines: what the review screen draws, and what the CLI colours.
@Suite struct ReviewTextTests {
    let catalog: Catalog

    init() throws {
        catalog = try ReviewFixture.catalog()
    }

    func review(_ week: String) -> WeeklyReview {
        WeeklyReview.make(entries: ReviewFixture.journal, catalog: catalog, week: ReviewFixture.week(week),
                          weeks: 8, clock: ReviewFixture.clock)
    }

    func words(_ lines: [ReviewText.Line]) -> [Substring] { lines.flatMap { $0.text.split(separator: " ") } }

    @Test(arguments: ReviewGoldenTests.weeks) func narrowWidthsWrapEveryLineAndKeepEveryWord(_ week: String) {
        let r = review(week)
        let wide = ReviewText.lines(r)
        for width in [30, 40, 60] {
            let lines = ReviewText.lines(r, options: .init(width: width))
            let long = lines.filter { $0.text.count > width && $0.text.split(separator: " ").count > 1 }
            #expect(long.isEmpty, "\(week) at \(width): \(long.map(\.text))")
            #expect(words(lines) == words(wide), "\(week) at \(width)")
        }
    }

    @Test func theMeasureDecidesWhereLinesBreak() {
        // Text twice as wide breaks at 80 columns where plain text breaks at 40.
        let r = review("2026-W48")
        let double = ReviewText.lines(r, options: .init(width: 80, measure: { $0.count * 2 }))
        #expect(double.map(\.text) == ReviewText.lines(r, options: .init(width: 40)).map(\.text))
    }

    @Test func linesSayWhatTheirTextMeans() throws {
        let lines = ReviewText.lines(review("2026-W48"))
        func span(_ text: String) throws -> ReviewText.Span {
            try #require(lines.flatMap(\.spans).first { $0.text == text })
        }
        #expect(try span("Week 2026-W48") == ReviewText.Span("Week 2026-W48", .heading, strong: true))
        #expect(try span("PITFALLS").tone == .heading)
        #expect(try span("Self-promotion without reciprocity") == ReviewText.Span("Self-promotion without reciprocity", .bad, strong: true))
        #expect(try span("Mass connection requests and generic messages").tone == .warning)
        #expect(try span("Overdue").tone == .bad)
        #expect(try span("Done this week").tone == .good)
        let scale = try #require(lines.flatMap(\.spans).first { $0.text.hasPrefix("Longest-running first.") })
        #expect(scale.tone == .muted)
        #expect(ReviewText.lines(review("2027-W01")).flatMap(\.spans).first { $0.text == "+ " }?.tone == .good)
    }

    @Test func titleNamesTheWeekAndItsDays() {
        #expect(ReviewText.title(ReviewFixture.week("2026-W48")) == "2026-W48 · Mon 23 Nov – Sun 29 Nov")
        #expect(ReviewText.title(ReviewFixture.week("2026-W53"), unicode: false) == "2026-W53, Mon 28 Dec - Sun 3 Jan")
    }
}
