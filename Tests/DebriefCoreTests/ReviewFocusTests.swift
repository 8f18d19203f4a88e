import DebriefCore
import Foundation
import Testing

/// The focus rule (`WeeklyReview.focusRule`) on the two weeks: in her second week the old
/// rule (longest streak first) picked generic outreach, a two-week streak of two unlike LinkedIn
/// batches, over a founders' mixer where she did 80% of the talking, asked a favour, offered
/// nothing and planned no follow-up, though doing most of the talking was what her last four
/// weeks showed most. Before the rule, `secondWeek` failed (focus `generic-outreach`).
@Suite struct ReviewFocusTests {
    typealias R = ReviewFixture

    let catalog: Catalog
    init() throws { catalog = try R.catalog() }

    /// Reflections that trigger nothing but what each changes.
    static func answers(_ changes: [String: Answer?]) -> [String: Answer] {
        var all = R.clean
        // Its follow-up is due after every week reviewed here, so none is overdue.
        all["follow-ups"] = .followUps([R.action("Ana Li", "Send the benchmark link", due: "2026-12-20")])
        for (k, v) in changes { all[k] = v }
        return all.compactMapValues { $0 }
    }

    /// Her journal: two earlier weeks where she did most of the talking, then her two weeks.
    static var journal: [Entry] {
        [
            // 2026-W46 and W47: most of the talking, once each.
            R.entry("Tech talk", at: "2026-11-10T19:00:00+01:00", answers(["talk-share": .number(75)])),
            R.entry("Conference dinner", at: "2026-11-19T20:00:00+01:00", answers(["talk-share": .number(72)])),
            // 2026-W48, her first week: a LinkedIn batch, two of three generic, and a clean meetup.
            R.entry("LinkedIn follow-ups", at: "2026-11-24T12:00:00+01:00",
                    answers(["outreach-count": .number(3), "outreach-personalized": .choice("some"), "outreach-generic": .number(2)])),
            R.entry("Swift meetup", at: "2026-11-26T19:00:00+01:00", answers([:])),
            // 2026-W49, her second week: five messages to people she knew, three personal; the mixer.
            R.entry("LinkedIn messages", at: "2026-12-01T12:00:00+01:00",
                    answers(["outreach-count": .number(5), "outreach-personalized": .choice("some"), "outreach-generic": .number(2)])),
            R.entry("Founders mixer", at: "2026-12-03T19:00:00+01:00", answers([
                "people": .people([R.person("Jonas Berg", "senior", "new")]),
                "talk-share": .number(80), "asked-favor": .bool(true), "offered": nil, "follow-ups": nil,
            ])),
        ]
    }

    static let clock = Clock.fixed(R.time("2026-12-07T09:00:00+01:00").date, timeZone: R.berlin)

    func review(_ week: String) -> WeeklyReview {
        WeeklyReview.make(entries: Self.journal, catalog: catalog, week: R.week(week), weeks: 4, clock: Self.clock)
    }

    @Test func secondWeek() throws {
        let r = review("2026-W49")
        // Five messages to people she knew, three of them personal: 2 of 5 generic is under the
        // catalog's threshold (half), so generic outreach is not shown at all this week (it was,
        // as "Mass connection requests…", with a two-week streak that outranked the mixer).
        let outreach = try #require(r.pitfalls.first { $0.id == "generic-outreach" })
        #expect(outreach.count == 0 && outreach.streak == 0 && outreach.unjudged == 0)
        #expect(r.pitfalls.first { $0.id == "self-promotion" }?.streak == 1)
        #expect(r.focus == "self-promotion")
        #expect(r.focusWhy == WeeklyReview.FocusWhy(seen: 3, outOf: 6, thisWeek: 1, scope: .event))
        let text = ReviewText.render(r, options: .init(color: false, unicode: true, width: 200))
        #expect(text.contains("Focus: Self-promotion without reciprocity"))
        #expect(text.contains("Why this one: seen in 3 of your last 6 reflections, 1 of them this week."))
        #expect(text.contains("Founders mixer, Thu 3 Dec: did 80% of the talking; asked a favour and offered nothing in return"), "\(text)")
        #expect(r.advice.first?.id == "self-promotion")
        let markdown = ReviewMarkdown.render(r)
        #expect(markdown.contains("Why this one: seen in 3 of your last 6 reflections, 1 of them this week."))
        let json = ReviewJSON.render(r, catalog: catalog)
        #expect(json.contains("\"focus\": \"self-promotion\""))
        #expect(json.contains("\"seen\": 3") && json.contains("\"out_of\": 6"))
    }

    @Test func firstWeek() {
        let r = review("2026-W48")
        // Self-promotion did not show this week: the focus is only ever something this week showed.
        #expect(r.focus == "generic-outreach")
        #expect(r.focusWhy == WeeklyReview.FocusWhy(seen: 1, outOf: 4, thisWeek: 1, scope: .event))
        let text = ReviewText.render(r, options: .init(color: false, unicode: true, width: 200))
        #expect(text.contains("Why this one: seen in 1 of your last 4 reflections, this week."))
        // Not recurring, yet its advice is in every format (JSON's `advice` was `[]` before).
        #expect(r.advice.map(\.id) == ["generic-outreach"])
        // The title and advice fit what was found: two of three generic is "mostly generic", with
        // the evidence in the entry's own numbers, in every format.
        #expect(text.contains("Focus: Mostly generic messages"), "\(text)")
        #expect(text.contains("LinkedIn follow-ups, Tue 24 Nov: 2 of 3 messages were not personalised"), "\(text)")
        #expect(ReviewJSON.render(r, catalog: catalog).contains("\"instead\": \"Keep writing the personal ones"))
        #expect(ReviewMarkdown.render(r).contains("Mostly generic messages"))
    }

    /// "Recurring" is defined once and the review never prints it beside a one-week streak:
    /// midweek a pitfall in two reflections read "recurring · streak 1 week".
    @Test func recurringNeverContradictsTheStreak() throws {
        let twice = [
            R.entry("Meetup A", at: "2026-12-01T19:00:00+01:00", Self.answers(["talk-share": .number(75)])),
            R.entry("Meetup B", at: "2026-12-02T19:00:00+01:00", Self.answers(["talk-share": .number(85)])),
        ]
        let r = WeeklyReview.make(entries: twice, catalog: catalog, week: R.week("2026-W49"), weeks: 4,
                                  clock: Clock.fixed(R.time("2026-12-03T09:00:00+01:00").date, timeZone: R.berlin))
        let line = try #require(r.pitfalls.first { $0.id == "self-promotion" })
        #expect(line.recurring && line.streak == 1)
        let text = ReviewText.render(r, options: .init(color: false, unicode: true, width: 200))
        #expect(text.contains("2 of 2 reflections · not the week before"), "\(text)")
        #expect(!text.contains("streak 1 week") && !text.contains("· recurring"))
        #expect(text.contains(WeeklyReview.recurringMeaning))
        #expect(ReviewMarkdown.render(r).contains(WeeklyReview.recurringMeaning))
    }
}
