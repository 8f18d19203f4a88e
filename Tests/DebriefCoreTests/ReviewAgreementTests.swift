import DebriefCore
import Foundation
import Testing

/// The text, the Markdown and the JSON are three renderings of one `WeeklyReview`: on every golden
/// week, each thing the value holds for a section is said by all three. Before, the JSON's
/// `advice` was `[]` for a week whose focus (generic outreach) did not recur, while the text and
/// the Markdown printed its advice; this test failed on that week.
@Suite struct ReviewAgreementTests {
    let catalog: Catalog

    init() throws {
        catalog = try ReviewFixture.catalog()
    }

    /// What a reader of each format sees as plain text: the text review unwrapped, the Markdown
    /// without its escapes, the JSON's strings.
    struct Renderings {
        var text: String
        var markdown: String
        var json: [String]
        var jsonObject: [String: Any]

        func says(_ s: String) -> (text: Bool, markdown: Bool, json: Bool) {
            (text.contains(s), markdown.contains(s), json.contains { $0.contains(s) })
        }
    }

    func render(_ review: WeeklyReview) throws -> Renderings {
        let text = ReviewText.render(review, options: .init(color: false, unicode: true, width: 100_000))
        let markdown = ReviewMarkdown.render(review).replacingOccurrences(of: "\\", with: "")
        let jsonText = ReviewJSON.render(review, catalog: catalog)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as? [String: Any])
        func strings(_ value: Any) -> [String] {
            switch value {
            case let s as String: return [s]
            case let a as [Any]: return a.flatMap(strings)
            case let o as [String: Any]: return o.values.flatMap(strings)
            default: return []
            }
        }
        return Renderings(text: text, markdown: markdown, json: strings(object), jsonObject: object)
    }

    static let weeks = ReviewGoldenTests.weeks + ["2026-W47", "2026-W46", "2026-W45"]

    @Test(arguments: weeks)
    func everySectionSaysTheSameInTheThreeFormats(_ week: String) throws {
        let review = WeeklyReview.make(entries: ReviewFixture.journal, catalog: catalog, week: ReviewFixture.week(week),
                                       weeks: 8, clock: ReviewFixture.clock)
        let r = try render(review)
        func expectAll(_ s: String, _ section: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let said = r.says(s)
            #expect(said.text && said.markdown && said.json, "\(week) \(section): “\(s)” text \(said.text), markdown \(said.markdown), json \(said.json)",
                    sourceLocation: sourceLocation)
        }
        // The focus and everything said about it.
        if let focus = review.focusLine {
            expectAll(focus.title, "focus")
            let why = try #require(((r.jsonObject["next_week"] as? [String: Any])?["why"] as? [String: Any])?["text"] as? String)
            #expect(why.hasPrefix("Why this one: seen in \(review.focusWhy?.seen ?? -1) of "), "\(week): \(why)")
            expectAll(why, "why the focus")
            for reason in focus.reasons { expectAll(reason.text, "focus reasons") }
            expectAll(WeeklyReview.focusRule, "focus rule")
        } else {
            #expect(r.jsonObject["next_week"] is NSNull, "\(week): no focus, no next_week")
            #expect(!r.text.contains("WHAT TO TRY NEXT WEEK") && !r.markdown.contains("What to try next week"))
        }
        // Advice: exactly what the value holds, in all three (the `advice: []` bug).
        let advice = try #require(r.jsonObject["advice"] as? [[String: Any]])
        #expect(advice.compactMap { $0["instead"] as? String } == review.advice.map(\.instead), "\(week)")
        for a in review.advice { expectAll(a.title, "advice"); expectAll(a.instead, "advice") }
        if let focusAdvice = review.focusAdvice { #expect(review.advice.first == focusAdvice, "\(week): the focus's advice comes first") }
        // Pitfalls that showed, with every reason.
        for p in review.pitfalls where p.count > 0 {
            expectAll(p.title, "pitfalls")
            for reason in p.reasons { expectAll(reason.text, "pitfall reasons") }
        }
        // Progress, follow-ups, people.
        for p in review.progress { expectAll(p.title, "progress") }
        for f in review.followUps.overdue + review.followUps.open + review.followUps.done { expectAll(f.action, "follow-ups") }
        for person in review.people.met { expectAll(person.name, "people") }
        for name in review.people.cold { expectAll(name, "cold") }
    }

    /// The focus comes first in the text and the Markdown: before the pitfalls and the follow-ups.
    @Test func theFocusComesFirst() throws {
        let review = WeeklyReview.make(entries: ReviewFixture.journal, catalog: catalog, week: ReviewFixture.week("2026-W48"),
                                       weeks: 8, clock: ReviewFixture.clock)
        let r = try render(review)
        let text = try #require(r.text.range(of: "WHAT TO TRY NEXT WEEK")), pitfalls = try #require(r.text.range(of: "PITFALLS"))
        #expect(text.lowerBound < pitfalls.lowerBound)
        let md = try #require(r.markdown.range(of: "## What to try next week")), mdPitfalls = try #require(r.markdown.range(of: "## Pitfalls"))
        #expect(md.lowerBound < mdPitfalls.lowerBound)
    }
}
