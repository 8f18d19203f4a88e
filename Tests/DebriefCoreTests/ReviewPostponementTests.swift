import DebriefCore
import Foundation
import Testing

/// The review's follow-up section on actions pushed back: each says how often and how far, and
/// the section calls repeated postponement what it is.
@Suite struct ReviewPostponementTests {
    typealias F = PeopleFixtures

    static let clock = Clock.fixed(F.time("2026-11-26T10:00:00+01:00").date, timeZone: Fixtures.berlin)

    static func review(_ followUps: [FollowUp]) -> WeeklyReview {
        let entry = F.entry("2026-11-10-1830-meetup", title: "Meetup", date: "2026-11-10", followUps: followUps)
        return WeeklyReview.make(entries: [entry], catalog: Fixtures.catalog, week: ISOWeek(containing: F.day("2026-11-26")),
                                 weeks: 1, clock: clock)
    }

    static let twice = FollowUp(who: "Ana Li", action: "Send the link", due: F.day("2026-12-09"), firstDue: F.day("2026-11-27"), postponed: 2)
    static let once = FollowUp(who: "Ben", action: "Thank him", due: F.day("2026-11-20"), firstDue: F.day("2026-11-18"), postponed: 1)

    @Test func eachPostponedActionSaysHowOftenAndHowFar() {
        let r = Self.review([Self.twice, Self.once])
        let text = ReviewText.render(r, options: .init(color: false, unicode: true, width: 200))
        #expect(text.contains("due Wed 9 Dec, postponed twice, 12 days past its first date"))
        #expect(text.contains("due Fri 20 Nov, 6 days late, postponed once, 2 days past its first date"))
        #expect(text.contains("1 follow-up was postponed twice or more: pushing a promise back again and again is failing to follow up, in slow motion."))
        let markdown = ReviewMarkdown.render(r)
        #expect(markdown.contains("(due Wed 9 Dec, postponed twice, 12 days past its first date; from Meetup, Tue 10 Nov)"))
        #expect(markdown.contains("1 follow-up was postponed twice or more"))
        let json = ReviewJSON.render(r, catalog: Fixtures.catalog)
        #expect(json.contains("\"first_due\": \"2026-11-27\",\n        \"postponed\": 2"))
    }

    @Test func onceIsNotYetAPattern() {
        let text = ReviewText.render(Self.review([Self.once]), options: .init(color: false, unicode: true, width: 200))
        #expect(text.contains("postponed once"))
        #expect(!text.contains("slow motion"))
        let never = ReviewText.render(Self.review([FollowUp(who: "C", action: "Call", due: F.day("2026-12-01"))]),
                                      options: .init(color: false, unicode: true, width: 200))
        #expect(!never.contains("postponed"))
    }
}
