import DebriefCore
import Testing

/// The two habit pitfalls, judged over all of an ISO week's reflections together: one coffee with
/// a CEO is not "only high-profile people", one evening of new faces is not "ignoring your network".
@Suite struct WeekJudgementTests {
    let detector: Detector
    let sunday = ReviewFixture.day("2026-11-29")
    let p = ReviewFixture.person

    init() throws {
        detector = Detector(catalog: try ReviewFixture.catalog())
    }

    /// A clean reflection on `day` of 2026-W48 with these people, reconnected as given.
    func event(_ day: Int, _ people: [Person], reconnected: Bool? = false, flow: String? = nil,
               extra: [String: Answer] = [:]) -> Entry {
        var answers = ReviewFixture.clean
        answers["people"] = .people(people)
        answers["reconnected"] = reconnected.map(Answer.bool)
        for (k, v) in extra { answers[k] = v }
        return ReviewFixture.entry("Event \(day)", at: "2026-11-\(day)T18:00:00+01:00", flow: flow, answers)
    }

    func week(_ entries: [Entry]) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for flag in detector.judgeWeek(entries, asOf: sunday).flags { out[flag.pitfallID] = flag.reasons }
        return out
    }

    // MARK: only-high-profile

    @Test func aWeekOfThreeEventsWithOnlySeniorPeopleIsFlagged() {
        let flags = week([
            event(23, [p("Ada Stone", "executive", "new")], reconnected: true),
            event(25, [p("Ben Ode", "senior", "new"), p("Cleo Park", "senior", "existing")], reconnected: true),
            event(27, [p("Dev Rao", "executive", "new"), p("Ada Stone", "executive", "new")], reconnected: true),
        ])
        // Ada, met twice, counts once.
        #expect(flags["only-high-profile"] == ["all 4 people you met this week were senior or executive"])
    }

    /// Two people is the smallest week that shows it, so its evidence must read right: "both",
    /// never "all 2".
    @Test func aWeekOfTwoSeniorPeopleSaysBoth() {
        let flags = week([
            event(24, [p("Ada Stone", "executive", "new")]),
            event(26, [p("Ben Ode", "senior", "new"), p("ada stone", "executive", "new")]),
        ])
        #expect(flags["only-high-profile"] == ["both people you met this week were senior or executive"])
    }

    @Test func oneCoffeeWithACEOIsNotAPattern() {
        #expect(week([event(24, [p("Ada Stone", "executive", "new")])])["only-high-profile"] == nil)
        // The same senior person at two events is still one person.
        #expect(week([event(24, [p("Ada Stone", "executive", "new")]), event(26, [p("ada stone", "executive", "new")])])["only-high-profile"] == nil)
    }

    @Test func onePeerOrJuniorThatWeekIsEnough() {
        let entries = [
            event(23, [p("Ada Stone", "executive", "new"), p("Ben Ode", "senior", "new")]),
            event(26, [p("Eli Marsh", "junior", "new")]),
        ]
        #expect(week(entries)["only-high-profile"] == nil)
    }

    @Test func aPersonWithoutALevelIsNotSenior() {
        #expect(week([event(23, [p("Ada Stone", "executive", "new"), p("Ben Ode", nil, "new")])])["only-high-profile"] == nil)
    }

    // MARK: ignoring-existing-network

    @Test func oneExistingContactAmongSixNewOnesIsNotNeglect() {
        let entries = [
            event(23, [p("A", "peer", "new"), p("B", "peer", "new"), p("C", "junior", "new")]),
            event(25, [p("D", "senior", "new"), p("E", "peer", "new"), p("F", "peer", "new")]),
            event(27, [p("Gus Old", "peer", "existing")]),
        ]
        #expect(week(entries)["ignoring-existing-network"] == nil)
    }

    @Test func aWeekOfOnlyNewFacesAndNoCatchUpIsFlagged() {
        let entries = [
            event(23, [p("A", "peer", "new")]),
            event(25, [p("B", "peer", "new"), p("C", "senior", "new")]),
            event(27, [p("D", "junior", "new")]),
        ]
        #expect(week(entries)["ignoring-existing-network"]
            == ["nobody you met this week was someone you already knew, and no reflection says you caught up with one"])
        // The same with "did you catch up" left empty (asked, not answered yes).
        #expect(week(entries.map { var e = $0; e["reconnected"] = nil; return e })["ignoring-existing-network"] != nil)
    }

    @Test func oneReflectionThatCaughtUpClearsTheWeek() {
        let entries = [
            event(23, [p("A", "peer", "new")]),
            event(25, [p("B", "peer", "new")], reconnected: true),
        ]
        #expect(week(entries)["ignoring-existing-network"] == nil)
    }

    @Test func aWeekItCannotSettleIsNotJudged() {
        // The short reflection did not ask whether you caught up with someone: it might have.
        let entries = [
            event(23, [p("A", "peer", "new")]),
            ReviewFixture.entry("Quick chat", at: "2026-11-25T12:00:00+01:00", flow: "voice-memo", [
                "people": .people([p("B", "peer", "new")]), "talk-share": .number(40),
            ]),
        ]
        let judgement = detector.judgeWeek(entries, asOf: sunday)
        #expect(!judgement.shows("ignoring-existing-network"))
        #expect(judgement.unjudged("ignoring-existing-network") != nil)
        // An existing contact in any reflection settles it either way.
        let settled = entries + [event(27, [p("Gus Old", "peer", "existing")])]
        #expect(detector.judgeWeek(settled, asOf: sunday) == .none)
    }

    @Test func importedNotesAreNotEvidence() {
        // A note from another tool naming someone you knew does not clear the week, and imported
        // notes alone are not a week of reflections.
        let note = event(24, [p("Gus Old", "peer", "existing")], reconnected: true, flow: Entry.importedFlow)
        let entries = [event(23, [p("A", "peer", "new")]), note]
        #expect(week(entries)["ignoring-existing-network"] != nil)
        #expect(detector.judgeWeek([note], asOf: sunday) == .none)
        #expect(detector.judgeWeek([], asOf: sunday) == .none)
    }

    // MARK: catalog data

    @Test func thresholdsOfAHabitStayData() throws {
        let override = """
        pitfalls:
          - id: only-high-profile
            signals:
              - when: { all: [ { count: people, at-least: 3 }, { every: people, field: level, in: [senior, executive] } ] }
                reason: all {value} were senior
        """
        let custom = Detector(catalog: try ReviewFixture.catalog(overrides: [override]))
        let two = [event(23, [p("Ada Stone", "executive", "new")]), event(25, [p("Ben Ode", "senior", "new")])]
        #expect(week(two)["only-high-profile"] != nil)
        #expect(custom.judgeWeek(two, asOf: sunday).shows("only-high-profile") == false)
        let three = two + [event(27, [p("Cleo Park", "senior", "new")])]
        #expect(custom.judgeWeek(three, asOf: sunday).flags.first { $0.pitfallID == "only-high-profile" }?.reasons == ["all 3 were senior"])
    }

    @Test func aUserCanMakeAnEventPitfallAHabitAndBack() throws {
        let override = """
        pitfalls:
          - id: immediate-gratification
            scope: week
          - id: only-high-profile
            scope: event
        """
        let custom = Detector(catalog: try ReviewFixture.catalog(overrides: [override]))
        let entry = event(23, [p("Ada Stone", "executive", "new"), p("Ben Ode", "senior", "new")], reconnected: true,
                          extra: ["horizon": .choice("immediate"),
                                  "follow-ups": .followUps([ReviewFixture.action("Ada Stone", "Send the memo", due: "2026-12-04"),
                                                            ReviewFixture.action("Ben Ode", "Thank him", due: "2026-12-04")])])
        #expect(custom.flags(for: entry, asOf: sunday).map(\.pitfallID) == ["only-high-profile"])
        #expect(custom.judgeWeek([entry], asOf: sunday).flags.map(\.pitfallID) == ["immediate-gratification"])
    }
}
