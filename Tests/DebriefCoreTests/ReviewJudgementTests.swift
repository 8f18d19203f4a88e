import DebriefCore
import Foundation
import Testing

/// The review's verdicts over small journals written for one point each: habit pitfalls per
/// week, the focus, one line per reflection, imported notes and short flows counted apart, the
/// trend's scale and dates relative to the week reviewed.
@Suite struct ReviewJudgementTests {
    let catalog: Catalog
    let p = ReviewFixture.person
    /// Thursday of 2026-W49, so 2026-W48 is over.
    let clock = Clock.fixed(ReviewFixture.time("2026-12-03T12:00:00+01:00").date, timeZone: ReviewFixture.berlin)

    init() throws {
        catalog = try ReviewFixture.catalog()
    }

    /// A clean reflection at `at` (ISO, Berlin) with some answers changed; its follow-up is due
    /// after every week these tests review.
    func reflection(_ title: String, _ at: String, flow: String? = nil, _ changes: [String: Answer?] = [:]) -> Entry {
        var answers = ReviewFixture.clean
        answers["follow-ups"] = .followUps([ReviewFixture.action("Ana Li", "Send the benchmark link", due: "2026-12-20")])
        for (k, v) in changes { answers[k] = v }
        return ReviewFixture.entry(title, at: at + ":00+01:00", flow: flow, answers.compactMapValues { $0 })
    }

    func review(_ entries: [Entry], week: String = "2026-W48", weeks: Int = 4, clock: Clock? = nil) -> WeeklyReview {
        WeeklyReview.make(entries: entries, catalog: catalog, week: ReviewFixture.week(week), weeks: weeks, clock: clock ?? self.clock)
    }

    func line(_ r: WeeklyReview, _ id: String) throws -> WeeklyReview.PitfallLine {
        try #require(r.pitfalls.first { $0.id == id })
    }

    /// Two evenings a week that met only senior people, in W47 and W48.
    var seniorWeeks: [Entry] {
        // Each new person has a follow-up naming them (one row may name two).
        let a = ReviewFixture.action
        let seniors: [String: Answer?] = ["people": .people([p("Ada Stone", "executive", "new"), p("Ben Ode", "senior", "new")]),
                                          "follow-ups": .followUps([a("Ada Stone and Ben Ode", "Send the deck", "2026-12-20", nil)])]
        return [
            reflection("Board dinner", "2026-11-17T19:00", seniors),
            reflection("Investor breakfast", "2026-11-19T08:00", seniors),
            reflection("CTO roundtable", "2026-11-24T18:00", seniors),
            reflection("VP coffee", "2026-11-26T09:00", ["people": .people([p("Cleo Park", "executive", "new")]),
                                                         "follow-ups": .followUps([a("Cleo Park", "Thank her", "2026-12-20", nil)])]),
        ]
    }

    // MARK: habit pitfalls

    @Test func aHabitCountsWeeksNotReflections() throws {
        let r = review(seniorWeeks)
        let habit = try line(r, "only-high-profile")
        #expect(habit.scope == .week)
        #expect(habit.count == 1 && habit.recurring && habit.streak == 2)
        #expect(habit.trend == [0, 0, 1, 1])
        #expect(habit.involved == 2)
        #expect(habit.reasons == [WeeklyReview.Reason(entry: nil, texts: ["all 3 people you met this week were senior or executive"])])
        // A full bar for each week that showed it; the weeks before had no reflections at all.
        #expect(r.shares(habit) == [nil, nil, 1, 1])
        #expect(ReviewText.render(r).contains("trend ··██"))
    }

    @Test func aHabitIsRecurringOnlyInThisWeekAndTheOneBefore() throws {
        // Only W48 met only senior people: once is not recurring, however many reflections.
        let r = review(Array(seniorWeeks.dropFirst(2)))
        let habit = try line(r, "only-high-profile")
        #expect(habit.count == 1 && !habit.recurring && habit.streak == 1)
    }

    @Test func habitsAreNotOnEntriesInJSON() throws {
        let json = ReviewJSON.render(review(seniorWeeks), catalog: catalog)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let pitfalls = try #require(object["pitfalls"] as? [[String: Any]])
        for p in pitfalls { #expect(p["scope"] as? String == (["only-high-profile", "ignoring-existing-network"].contains(p["id"] as? String) ? "week" : "event")) }
        let habit = try #require(pitfalls.first { $0["id"] as? String == "only-high-profile" })
        let reasons = try #require(habit["reasons"] as? [[String: Any]])
        #expect(reasons.count == 1)
        #expect(reasons.first?["entry"] is NSNull)
        #expect(reasons.first?["reason"] as? String == "all 3 people you met this week were senior or executive")
    }

    // MARK: the focus

    @Test func theFocusIsWhatRecurredMost() throws {
        // Self-promotion in W47 and W48 (one reflection each); casual socializing in two of W48's.
        // The longer streak used to win; by the focus rule this week's two reflections (counting
        // double: 4) outweigh once a week for two weeks (1 + 2 = 3).
        let entries = [
            reflection("Pitch night", "2026-11-18T19:00", ["talk-share": .number(80)]),
            reflection("Demo day", "2026-11-24T18:00", ["talk-share": .number(75), "purpose": nil, "professional-topics": nil]),
            reflection("Pub quiz", "2026-11-25T20:00", ["purpose": nil, "professional-topics": nil]),
        ]
        let r = review(entries)
        #expect(r.focus == "casual-socializing")
        #expect(try line(r, "self-promotion").streak == 2)
        #expect(try line(r, "casual-socializing").count == 2)
        #expect(r.focusWhy == WeeklyReview.FocusWhy(seen: 2, outOf: 3, thisWeek: 2, scope: .event))
        let text = ReviewText.render(r)
        #expect(text.contains("  Focus: Socializing with no professional purpose\n    Why this one: seen in 2 of your last 3 reflections,"
            + " all of them this week.\n    This week:\n"), "\(text)")
        #expect(text.contains("    Instead: Before the next event"))
        // The other recurring pitfall follows in one line.
        #expect(text.contains("  Also recurring:\n    - Self-promotion without reciprocity, 2 weeks running. Instead: Ask two\n"), "\(text)")
    }

    @Test func aTieGoesToTheLongerStreak() throws {
        // Both seen twice in four weeks, once this week (1 + 2 = 3 each): self-promotion in W47
        // and W48 (2 weeks running) wins over casual socializing in W46 and W48, which catalog
        // order alone would pick.
        let entries = [
            reflection("Pub night", "2026-11-11T20:00", ["purpose": nil, "professional-topics": nil]),
            reflection("Pitch night", "2026-11-18T19:00", ["talk-share": .number(80)]),
            reflection("Demo day", "2026-11-24T18:00", ["talk-share": .number(75), "purpose": nil, "professional-topics": nil]),
        ]
        let r = review(entries)
        #expect(try line(r, "self-promotion").streak == 2 && line(r, "casual-socializing").streak == 1)
        #expect(r.focus == "self-promotion")
        #expect(r.focusWhy == WeeklyReview.FocusWhy(seen: 2, outOf: 3, thisWeek: 1, scope: .event))
    }

    @Test func thenTheMostReflectionsInvolvedThenCatalogOrder() throws {
        // W48 only: self-promotion in 1 reflection, casual socializing in 2, and a week of only
        // new people that caught up with nobody: the habit involves all 3 reflections. The list
        // still puts the habit first (it involves the most); the focus is casual socializing,
        // seen in 2 reflections (counting double) against the habit's one week.
        let alone: [String: Answer?] = ["reconnected": .bool(false)]
        let entries = [
            reflection("Demo day", "2026-11-24T18:00", alone.merging(["talk-share": .number(75), "purpose": nil, "professional-topics": nil]) { $1 }),
            reflection("Pub quiz", "2026-11-25T20:00", alone.merging(["purpose": nil, "professional-topics": nil]) { $1 }),
            reflection("Meetup", "2026-11-26T19:00", alone),
        ]
        let r = review(entries)
        #expect(r.pitfalls.prefix(3).map(\.id) == ["ignoring-existing-network", "casual-socializing", "self-promotion"])
        #expect(r.focus == "casual-socializing")
        // Equal count, streak and reach: catalog order.
        let tie = review([reflection("Demo day", "2026-11-24T18:00", ["talk-share": .number(75), "purpose": nil, "professional-topics": nil])])
        #expect(tie.focus == "casual-socializing")
        #expect(review([]).focus == nil)
    }

    @Test func aHabitFocusShowsTheWeeksEvidence() {
        let text = ReviewText.render(review(seniorWeeks))
        #expect(text.contains("""
          Focus: Talking only to senior or high-profile people
            Why this one: seen in 2 of the last 2 weeks with reflections, this week
            included.
            This week:
            - all 3 people you met this week were senior or executive
            Instead: At your next event, start one conversation with a peer or someone
        """), "\(text)")
    }

    // MARK: one line per reflection

    @Test func anEntryWithThreeReasonsIsListedOnce() throws {
        let r = review([reflection("Coffee with Dana", "2026-11-26T08:30", [
            "talk-share": .number(80), "asked-about-them": .bool(false), "asked-favor": .bool(true), "offered": nil,
        ])])
        let reasons = try line(r, "self-promotion").reasons
        #expect(reasons.count == 1)
        #expect(reasons.first?.text == "did 80% of the talking; did not ask about their work; asked a favour and offered nothing in return")
        #expect(ReviewText.render(r).contains("""
            - Coffee with Dana, Thu 26 Nov: did 80% of the talking; did not ask about
              their work; asked a favour and offered nothing in return
        """))
    }

    // MARK: imported notes and short flows

    @Test func importedNotesAreCountedApartAndNeverInAShare() throws {
        let note: [String: Answer?] = ["talk-share": .number(95), "purpose": nil]
        let entries = [
            reflection("Meetup", "2026-11-24T19:00", ["talk-share": .number(80)]),
            reflection("jrnl note 1", "2026-11-25T09:00", flow: Entry.importedFlow, note),
            reflection("jrnl note 2", "2026-11-26T09:00", flow: Entry.importedFlow, note),
            reflection("jrnl note 3", "2026-11-27T09:00", flow: Entry.importedFlow, note),
        ]
        let r = review(entries)
        #expect(r.entries.map(\.title) == ["Meetup"] && r.imported == 3)
        #expect(r.trendReflections.last == 1)
        let selfPromotion = try line(r, "self-promotion")
        #expect(selfPromotion.count == 1 && selfPromotion.reasons.count == 1)
        #expect(r.shares(selfPromotion).last == 1)
        #expect(try line(r, "casual-socializing").count == 0)
        #expect(ReviewText.render(r).contains("1 reflection, written within 24 hours of the event, and 3 imported notes.\n"))
        // A week of imported notes only has no reflections to judge.
        let notes = review(Array(entries.dropFirst()))
        #expect(notes.isEmpty && notes.pitfalls.allSatisfy { $0.count == 0 } && notes.imported == 3)
        #expect(ReviewText.render(notes).contains("No reflections this week (3 imported notes, which the review does not judge)."))
    }

    @Test func whatCouldNotBeJudgedIsSaid() throws {
        // Nine reflections, two of them quick: only title, date, kind, people, talk share and follow-ups.
        var entries = (0..<7).map { n in reflection("Event \(n)", "2026-11-2\(3 + n % 5)T1\(n):00") }
        for n in 0..<2 {
            entries.append(ReviewFixture.entry("Quick \(n)", at: "2026-11-2\(4 + n)T07:00:00+01:00", flow: "quick", [
                "kind": .choice("one-on-one"), "talk-share": .number(40),
                "people": .people([p("Ana Li", "peer", "new")]),
                "follow-ups": .followUps([ReviewFixture.action("Ana Li", "Send the link", due: "2026-12-20")]),
            ]))
        }
        let r = review(entries)
        #expect(r.entries.count == 9)
        #expect(r.unjudged == [WeeklyReview.UnjudgedGroup(flow: "quick", reflections: 2,
            notJudged: ["casual-socializing", "generic-outreach", "immediate-gratification"], inPart: ["self-promotion"])])
        #expect(try line(r, "casual-socializing").unjudged == 2)
        let text = ReviewText.render(r, options: .init(width: 200))
        #expect(text.contains("2 of the 9 reflections were quick: casual socializing, generic outreach and immediate return "
            + "could not be judged for them, self-promotion only in part.\n"))
        // The full reflections said they caught up with someone, so the week is settled.
        #expect(r.unjudgedHabits.isEmpty)
        // A week of quick reflections cannot say whether you caught up with anyone.
        let quick = review(Array(entries.suffix(2)))
        #expect(quick.unjudgedHabits == ["ignoring-existing-network"])
        #expect(ReviewText.render(quick, options: .init(width: 200)).contains(
            "All 2 reflections were quick: casual socializing, generic outreach and immediate return could not be judged for them, "
                + "self-promotion only in part.\nNeglecting the people you already know could not be judged for the week as a whole.\n"))
        // Nothing claims progress it could not see.
        #expect(quick.progress.isEmpty)
    }

    @Test func aPitfallNoReflectionCouldJudgeIsNotListedAsNotSeen() throws {
        // A week of one quick reflection: casual socializing, outreach, the horizon and whether you
        // caught up with anyone were never asked. "Not seen" would be a guess; they are said apart.
        let quick = ReviewFixture.entry("Quick coffee", at: "2026-11-25T08:00:00+01:00", flow: "quick", [
            "kind": .choice("one-on-one"), "talk-share": .number(40),
            "people": .people([p("Ana Li", "peer", "new")]),
            "follow-ups": .followUps([ReviewFixture.action("Ana Li", "Send the link", due: "2026-12-20")]),
        ])
        let r = review([quick])
        #expect(try line(r, "casual-socializing").notJudged)
        #expect(try line(r, "ignoring-existing-network").notJudged)
        // Judged in part (the talk share was known) or fully: not seen.
        #expect(try !line(r, "self-promotion").notJudged && !line(r, "no-follow-up").notJudged)
        let text = ReviewText.render(r, options: .init(width: 200))
        #expect(text.contains("  None of the pitfalls that could be judged showed this week. Well done.\n"))
        let notSeen = try #require(text.range(of: "  Not seen this week:\n"))
        let notJudged = try #require(text.range(of: "  Not judged this week:\n"))
        let seen = String(text[notSeen.upperBound..<notJudged.lowerBound])
        let unjudged = String(text[notJudged.upperBound...]).components(separatedBy: "\n\n")[0]
        for title in ["Self-promotion without reciprocity", "Talking only to senior or high-profile people", "Failing to follow up"] {
            #expect(seen.contains(title) && !unjudged.contains(title), "\(title)")
        }
        for title in ["Socializing with no professional purpose", "Mass connection requests and generic messages",
                      "Neglecting the people you already know", "Networking only for an immediate return"] {
            #expect(unjudged.contains(title) && !seen.contains(title), "\(title)")
        }
        // The sentence above the lists names the habit as the list does.
        #expect(text.contains("Neglecting the people you already know could not be judged for the week as a whole.\n"))
        // The Markdown table says it in the week's column.
        let markdown = ReviewMarkdown.render(r)
        #expect(markdown.contains("| Socializing with no professional purpose | not judged |"))
        #expect(markdown.contains("| Neglecting the people you already know | not judged |"))
        #expect(markdown.contains("| Self-promotion without reciprocity | 0/1 |"))
        // A week whose full reflections judged everything keeps the plain sentence and one list.
        let full = ReviewText.render(review([reflection("Meetup", "2026-11-24T19:00")]), options: .init(width: 200))
        #expect(full.contains("  None of the seven pitfalls showed this week. Well done.\n") && !full.contains("Not judged this week"))
    }

    // MARK: the trend's scale

    @Test func eachBarIsAShareOfThatWeeksReflections() throws {
        let entries = [
            reflection("A", "2026-11-10T19:00", ["talk-share": .number(80)]),
            reflection("B", "2026-11-11T19:00"),
            reflection("C", "2026-11-17T19:00", ["talk-share": .number(80)]),
            reflection("D", "2026-11-24T19:00", ["talk-share": .number(80)]),
            reflection("E", "2026-11-25T19:00", ["talk-share": .number(80)]),
            reflection("F", "2026-11-26T19:00"),
        ]
        let r = review(entries)
        let selfPromotion = try line(r, "self-promotion")
        #expect(r.trendReflections == [0, 2, 1, 3])
        #expect(selfPromotion.trend == [0, 1, 1, 2])
        #expect(r.shares(selfPromotion) == [nil, 0.5, 1, 2.0 / 3])
        let text = ReviewText.render(r, options: .init(width: 200))
        #expect(text.contains("trend ·▅█▆"))
        #expect(text.contains("; · is a week without reflections."))
        #expect(text.contains("a full bar means every reflection that week showed the pitfall"))
    }

    // MARK: dates relative to the week reviewed

    @Test func aPastWeekNeverSaysDueToday() {
        let entries = [reflection("Meetup", "2026-11-24T19:00", [
            "follow-ups": .followUps([ReviewFixture.action("Ana Li", "Send the link", due: "2026-11-29"),
                                      ReviewFixture.action("Bo Chen", "Book a call", due: "2026-11-27")]),
        ])]
        // Reviewed on Thursday 3 December: the week ended on Sunday 29 November.
        let past = ReviewText.render(review(entries))
        #expect(!past.contains("today"))
        #expect(past.contains("due Sun 29 Nov · from Meetup"))
        #expect(past.contains("due Fri 27 Nov, 2 days late by the end of the week"))
        // Reviewed on that Sunday, it is today.
        let sunday = Clock.fixed(ReviewFixture.time("2026-11-29T20:00:00+01:00").date, timeZone: ReviewFixture.berlin)
        let current = ReviewText.render(review(entries, clock: sunday))
        #expect(current.contains("due today, Sun 29 Nov"))
        #expect(current.contains("due Fri 27 Nov, 2 days late ·"))
    }
}
