import DebriefCore
import Testing

/// Every default rule, with entries that should and should not trigger it, including the
/// boundaries. Each test starts from a reflection that triggers nothing and changes one thing.
@Suite struct DetectorTests {
    let detector: Detector
    let asOf = ReviewFixture.day("2026-11-26")

    init() throws {
        detector = Detector(catalog: try ReviewFixture.catalog())
    }

    /// Pitfall id → reasons for the clean reflection with `changes` applied (nil removes a key).
    func flags(_ changes: [String: Answer?], asOf: Day? = nil) -> [String: [String]] {
        var answers = ReviewFixture.clean
        for (key, value) in changes { answers[key] = value }
        let entry = ReviewFixture.entry("Swift meetup", at: "2026-11-24T18:30:00+01:00", answers.compactMapValues { $0 })
        var out: [String: [String]] = [:]
        for flag in detector.flags(for: entry, asOf: asOf ?? self.asOf) { out[flag.pitfallID] = flag.reasons }
        return out
    }

    @Test func cleanReflectionTriggersNothing() {
        #expect(flags([:]).isEmpty)
    }

    @Test func flagsComeInCatalogOrder() throws {
        let entry = ReviewFixture.entry("Everything wrong", at: "2026-11-24T18:30:00+01:00", [
            "horizon": .choice("immediate"), "reconnected": .bool(false), "talk-share": .number(90),
        ])
        let ids = detector.flags(for: entry, asOf: asOf).map(\.pitfallID)
        #expect(ids == ["casual-socializing", "self-promotion", "ignoring-existing-network", "immediate-gratification"])
    }

    // MARK: casual-socializing

    @Test func casualSocializing() {
        #expect(flags(["purpose": nil])["casual-socializing"] == ["no purpose written down"])
        #expect(flags(["purpose": .text("   ")])["casual-socializing"] == ["no purpose written down"])
        #expect(flags(["professional-topics": .bool(false)])["casual-socializing"] == ["the conversations stayed off professional topics"])
        #expect(flags(["purpose": nil, "professional-topics": .bool(false)])["casual-socializing"]?.count == 2)
        // An absent yes/no signals nothing; only an explicit "no" does.
        #expect(flags(["professional-topics": nil])["casual-socializing"] == nil)
        #expect(flags(["professional-topics": .bool(true)])["casual-socializing"] == nil)
    }

    // MARK: self-promotion

    @Test(arguments: [(0, false), (50, false), (69, false), (70, true), (71, true), (100, true)])
    func talkShareThreshold(share: Int, flagged: Bool) {
        let reasons = flags(["talk-share": .number(share)])["self-promotion"]
        #expect((reasons != nil) == flagged)
        if flagged { #expect(reasons == ["talk-share \(share)% ≥ 70%"]) }
    }

    @Test func absentTalkShareSignalsNothing() {
        #expect(flags(["talk-share": nil])["self-promotion"] == nil)
    }

    @Test func notAskingAboutThem() {
        #expect(flags(["asked-about-them": .bool(false)])["self-promotion"] == ["did not ask about their work"])
        #expect(flags(["asked-about-them": nil])["self-promotion"] == nil)
    }

    @Test func askingAFavour() {
        // Yes with nothing offered (absent or blank) is one-way; yes with an offer is fair.
        #expect(flags(["asked-favor": .bool(true), "offered": nil])["self-promotion"] == ["asked a favour and offered nothing"])
        #expect(flags(["asked-favor": .bool(true), "offered": .text("  ")])["self-promotion"] == ["asked a favour and offered nothing"])
        #expect(flags(["asked-favor": .bool(true), "offered": .text("An intro to our CTO")])["self-promotion"] == nil)
        #expect(flags(["asked-favor": .bool(false), "offered": nil])["self-promotion"] == nil)
        #expect(flags(["asked-favor": nil, "offered": nil])["self-promotion"] == nil)
    }

    @Test func everySelfPromotionReasonIsListed() {
        let reasons = flags(["talk-share": .number(80), "asked-about-them": .bool(false), "asked-favor": .bool(true)])["self-promotion"]
        #expect(reasons == ["talk-share 80% ≥ 70%", "did not ask about their work", "asked a favour and offered nothing"])
    }

    // MARK: generic-outreach

    @Test(arguments: [
        (0, "all", false), (0, "some", false), (0, "none", false),
        (1, "all", false), (1, "some", true), (1, "none", true),
        (12, "all", false), (12, "none", true),
    ])
    func outreach(count: Int, personalized: String, flagged: Bool) {
        let reasons = flags(["outreach-count": .number(count), "outreach-personalized": .choice(personalized)])["generic-outreach"]
        #expect((reasons != nil) == flagged)
        // The reason names the answer it is about, not the gate's count.
        if flagged { #expect(reasons == ["\(personalized) of the outreach was personalised"]) }
    }

    @Test func outreachWithAbsentKeysSignalsNothing() {
        #expect(flags(["outreach-count": nil, "outreach-personalized": .choice("none")])["generic-outreach"] == nil)
        #expect(flags(["outreach-count": .number(5), "outreach-personalized": nil])["generic-outreach"] == nil)
    }

    // MARK: only-high-profile

    @Test func onlyHighProfile() {
        let p = ReviewFixture.person
        #expect(flags(["people": .people([p("A", "senior", "new"), p("B", "executive", "new")])])["only-high-profile"]
            == ["all 2 people met were senior or executive"])
        #expect(flags(["people": .people([p("A", "senior", "new"), p("B", "senior", "new"), p("C", "executive", "new")])])["only-high-profile"]
            == ["all 3 people met were senior or executive"])
        // One senior person is a conversation, not a pattern.
        #expect(flags(["people": .people([p("A", "executive", "new")])])["only-high-profile"] == nil)
        // Mixed levels, or a level not given, is not "only".
        #expect(flags(["people": .people([p("A", "senior", "new"), p("B", "peer", "new")])])["only-high-profile"] == nil)
        #expect(flags(["people": .people([p("A", "senior", "new"), p("B", nil, "new")])])["only-high-profile"] == nil)
        #expect(flags(["people": nil])["only-high-profile"] == nil)
    }

    // MARK: no-follow-up

    @Test func peopleWithoutFollowUps() {
        #expect(flags(["follow-ups": nil])["no-follow-up"] == ["met people but planned no follow-up"])
        #expect(flags(["follow-ups": .followUps([])])["no-follow-up"] == ["met people but planned no follow-up"])
        // Nobody met, nothing to follow up.
        #expect(flags(["follow-ups": nil, "people": nil])["no-follow-up"] == nil)
    }

    @Test func overdueIsJudgedAsOfADay() {
        let a = ReviewFixture.action
        let due27 = ["follow-ups": Answer?.some(.followUps([a("Ana Li", "Send the link", "2026-11-27", nil)]))]
        // Due on the 27th: not late on the 27th itself, late from the 28th.
        #expect(flags(due27, asOf: ReviewFixture.day("2026-11-27"))["no-follow-up"] == nil)
        #expect(flags(due27, asOf: ReviewFixture.day("2026-11-28"))["no-follow-up"]
            == ["follow-up overdue: Ana Li: Send the link (due 2026-11-27)"])
    }

    @Test func doneActionsAreNotOverdueFromTheDayTheyWereDone() {
        let a = ReviewFixture.action
        let late = ["follow-ups": Answer?.some(.followUps([a("Ana Li", "Send the link", "2026-11-20", "2026-11-25")]))]
        // Done on the 25th: overdue as of the 24th (a past review must not change), fine from the 25th.
        #expect(flags(late, asOf: ReviewFixture.day("2026-11-24"))["no-follow-up"] != nil)
        #expect(flags(late, asOf: ReviewFixture.day("2026-11-25"))["no-follow-up"] == nil)
        #expect(flags(late, asOf: ReviewFixture.day("2026-12-01"))["no-follow-up"] == nil)
    }

    @Test func actionsWithoutADueDateAreNeverOverdue() {
        let a = ReviewFixture.action
        #expect(flags(["follow-ups": .followUps([a("Ana Li", "Say hello", nil, nil)])], asOf: ReviewFixture.day("2030-01-01"))["no-follow-up"] == nil)
    }

    @Test func onlyTheLateActionsAreNamed() {
        let a = ReviewFixture.action
        let reasons = flags(["follow-ups": .followUps([
            a("Ana Li", "Send the link", "2026-11-20", nil),
            a("Bo Chen", "Book a call", "2026-12-10", nil),
            a("Cy Diaz", "Share slides", "2026-11-21", "2026-11-22"),
        ])])["no-follow-up"]
        #expect(reasons == ["follow-up overdue: Ana Li: Send the link (due 2026-11-20)"])
    }

    // MARK: ignoring-existing-network, immediate-gratification

    @Test func ignoringExistingNetwork() {
        #expect(flags(["reconnected": .bool(false)])["ignoring-existing-network"] == ["did not catch up with anyone you already knew"])
        #expect(flags(["reconnected": nil])["ignoring-existing-network"] == nil)
    }

    @Test(arguments: [("immediate", true), ("both", false), ("long-term", false)])
    func horizon(value: String, flagged: Bool) {
        #expect((flags(["horizon": .choice(value)])["immediate-gratification"] == ["only after an immediate return"]) == flagged)
    }

    @Test func absentHorizonSignalsNothing() {
        #expect(flags(["horizon": nil])["immediate-gratification"] == nil)
    }

    // MARK: user catalogs

    @Test func aUserOverrideChangesTheThreshold() throws {
        let override = """
        pitfalls:
          - id: self-promotion
            signals:
              - when: { answer: talk-share, at-least: 60 }
                reason: "talk-share {value}% ≥ {threshold}%"
        """
        let custom = Detector(catalog: try ReviewFixture.catalog(overrides: [override]))
        var answers = ReviewFixture.clean
        answers["talk-share"] = .number(65)
        let entry = ReviewFixture.entry("Pitch night", at: "2026-11-24T18:30:00+01:00", answers)
        #expect(detector.flags(for: entry, asOf: asOf).isEmpty)
        #expect(custom.flags(for: entry, asOf: asOf) == [PitfallFlag(pitfallID: "self-promotion", reasons: ["talk-share 65% ≥ 60%"])])
    }
}
