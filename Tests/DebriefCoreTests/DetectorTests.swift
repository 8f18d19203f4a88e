@testable import DebriefCore
import Testing

/// Every default event rule, with entries that should and should not trigger it, including the
/// boundaries. Each test starts from a reflection that triggers nothing and changes one thing.
/// The habit pitfalls, judged per week, are in `WeekJudgementTests`.
@Suite struct DetectorTests {
    let detector: Detector
    let asOf = ReviewFixture.day("2026-11-26")

    init() throws {
        detector = Detector(catalog: try ReviewFixture.catalog())
    }

    func entry(_ changes: [String: Answer?], flow: String? = nil) -> Entry {
        var answers = ReviewFixture.clean
        for (key, value) in changes { answers[key] = value }
        return ReviewFixture.entry("Swift meetup", at: "2026-11-24T18:30:00+01:00", flow: flow, answers.compactMapValues { $0 })
    }

    /// Pitfall id → reasons for the clean reflection with `changes` applied (nil removes a key).
    func flags(_ changes: [String: Answer?], asOf: Day? = nil, flow: String? = nil) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for flag in detector.flags(for: entry(changes, flow: flow), asOf: asOf ?? self.asOf) { out[flag.pitfallID] = flag.reasons }
        return out
    }

    @Test func cleanReflectionTriggersNothing() {
        #expect(flags([:]).isEmpty)
        #expect(detector.judge(entry([:]), asOf: asOf) == .none)
    }

    @Test func flagsComeInCatalogOrder() throws {
        let entry = ReviewFixture.entry("Everything wrong", at: "2026-11-24T18:30:00+01:00", [
            "horizon": .choice("immediate"), "reconnected": .bool(false), "talk-share": .number(90),
            "people": .people([ReviewFixture.person("Ana Li", "peer", "new")]),
        ])
        let ids = detector.flags(for: entry, asOf: asOf).map(\.pitfallID)
        #expect(ids == ["casual-socializing", "self-promotion", "no-follow-up", "immediate-gratification"])
    }

    /// `counts(ofWeek:)` (the weeks a review only counts, which skip writing the reasons) counts
    /// exactly what the whole judgements flag: per event pitfall the reflections flagged, 1 for
    /// each habit the week shows; unknown is not shown, imported notes are not judged.
    @Test func weekCountsAgreeWithTheWholeJudgements() {
        let everything: [String: Answer?] = ["horizon": .choice("immediate"), "reconnected": .bool(false), "talk-share": .number(90),
                                             "people": .people([ReviewFixture.person("Ana Li", "peer", "new")])]
        let entries = [entry([:]), entry(everything), entry(["purpose": nil, "professional-topics": .bool(false)]),
                       entry(["purpose": nil], flow: "voice-memo"), entry(everything, flow: "voice-memo")]
        let senior = ReviewFixture.person("Ben Ode", "senior", "new")
        let weeks = [[entries[0]], entries, [entry(["people": .people([senior]), "reconnected": .bool(true)])], [entries[1], entries[1]]]
        var shown = 0
        for week in weeks {
            let whole = WeekTally(judgements: week.map { detector.judge($0, asOf: asOf) }, habits: detector.judgeWeek(week, asOf: asOf))
            #expect(detector.counts(ofWeek: week, asOf: asOf) == whole.counts)
            shown += whole.counts.count
        }
        // Not a comparison of empty counts: the weeks show event and habit pitfalls.
        #expect(shown > 4)
        #expect(detector.counts(ofWeek: [], asOf: asOf).isEmpty)
    }

    /// `pitfallIDs(shownBy:asOf:)` (`list`, browse: ids only, no reasons written) gives the ids
    /// of the whole judgement's flags, in their order, for entries flagged many ways, clear,
    /// partly unknown, and an imported note (none); and as of days before and after an action is due.
    @Test func pitfallIDsAreTheFlagsIDs() {
        let everything: [String: Answer?] = ["horizon": .choice("immediate"), "reconnected": .bool(false), "talk-share": .number(90),
                                             "people": .people([ReviewFixture.person("Ana Li", "peer", "new")])]
        let late = FollowUp(who: "Ana Li", action: "send the talk", due: ReviewFixture.day("2026-11-25"))
        let entries = [entry([:]), entry(everything), entry(["purpose": nil, "professional-topics": .bool(false)]),
                       entry(["purpose": nil], flow: "voice-memo"), entry(everything, flow: "voice-memo"),
                       entry(["follow-ups": .followUps([late])]), entry(everything, flow: Entry.importedFlow)]
        for entry in entries {
            for day in [asOf, ReviewFixture.day("2026-11-20")] {
                #expect(detector.pitfallIDs(shownBy: entry, asOf: day) == detector.flags(for: entry, asOf: day).map(\.pitfallID))
            }
        }
        // Not vacuous: flagged two ways, flagged overdue, and the note none.
        #expect(detector.pitfallIDs(shownBy: entries[1], asOf: asOf) == ["self-promotion", "immediate-gratification"])
        #expect(!detector.pitfallIDs(shownBy: entries[5], asOf: asOf).isEmpty)
        #expect(detector.pitfallIDs(shownBy: entries[6], asOf: asOf).isEmpty)
    }

    /// The prompt the evaluator reads for a test of one answer (``Condition/firstPromptID``) is
    /// the first the condition names, for every condition of the catalog and its parts.
    @Test func theFirstPromptReadIsTheFirstNamed() {
        func check(_ condition: Condition) {
            #expect(condition.firstPromptID == condition.promptIDs.first, "\(condition)")
            switch condition {
            case .all(let parts), .any(let parts): parts.forEach(check)
            case .not(let part): check(part)
            default: break
            }
        }
        for pitfall in detector.catalog.pitfalls { pitfall.signals.forEach { check($0.condition) } }
        check(.all([]))
        check(.any([.all([]), .not(.share("part", of: "whole", atLeast: 5))]))
        check(.unfollowed("people", by: "follow-ups", where: nil))
    }

    // MARK: casual-socializing

    @Test func casualSocializing() {
        // No aim written down and nothing saying the talk reached work.
        #expect(flags(["purpose": nil, "professional-topics": nil])["casual-socializing"] == ["no purpose written down"])
        #expect(flags(["purpose": .text("   "), "professional-topics": nil])["casual-socializing"] == ["no purpose written down"])
        #expect(flags(["professional-topics": .bool(false)])["casual-socializing"] == ["the conversations stayed off professional topics"])
        #expect(flags(["purpose": nil, "professional-topics": .bool(false)])["casual-socializing"]?.count == 2)
        // An absent yes/no signals nothing; only an explicit "no" does.
        #expect(flags(["professional-topics": nil])["casual-socializing"] == nil)
        #expect(flags(["professional-topics": .bool(true)])["casual-socializing"] == nil)
    }

    /// The article's contrast to casual socializing is a conversation about shared professional
    /// interests, aim written down or not: a conference day or drinks with colleagues where the talk
    /// reached work, careers or plans is not purposeless socializing. The missing purpose alone is
    /// one answer read alone.
    @Test func aConversationThatReachedWorkIsNotCasualWithoutAWrittenPurpose() {
        #expect(flags(["purpose": nil])["casual-socializing"] == nil)
        #expect(flags(["kind": .choice("conference"), "purpose": nil, "horizon": nil])["casual-socializing"] == nil)
        #expect(flags(["kind": .choice("social"), "purpose": .text(" ")])["casual-socializing"] == nil)
        // A flow that asked about the topics but not the aim: the topics answer it.
        let judgement = detector.judge(entry(["purpose": nil], flow: "voice-memo"), asOf: asOf)
        #expect(!judgement.shows("casual-socializing") && judgement.unjudged("casual-socializing") == nil)
    }

    // MARK: self-promotion

    @Test(arguments: [(0, false), (49, false), (50, false), (69, false), (70, true), (71, true), (100, true)])
    func talkShareAloneFromSeventyPercent(share: Int, flagged: Bool) {
        // Asking about them: only the share of the talking can make it one-way.
        let reasons = flags(["talk-share": .number(share)])["self-promotion"]
        #expect((reasons != nil) == flagged)
        if flagged { #expect(reasons == ["did \(share)% of the talking"]) }
    }

    @Test(arguments: [(0, false), (30, false), (49, false), (50, true), (60, true), (69, true), (70, true), (100, true)])
    func notAskingAboutThemFromHalfTheTalking(share: Int, flagged: Bool) {
        let reasons = flags(["asked-about-them": .bool(false), "talk-share": .number(share)])["self-promotion"]
        #expect((reasons != nil) == flagged)
        if share >= 70 {
            // Both facts, each said once.
            #expect(reasons == ["did \(share)% of the talking", "did not ask about their work"])
        } else if flagged {
            #expect(reasons == ["did not ask about their work while doing \(share)% of the talking"])
        }
    }

    @Test func notAskingAtASocialEveningWhereYouMostlyListenedIsCasualNotSelfPromotion() {
        let f = flags(["kind": .choice("social"), "purpose": nil, "professional-topics": .bool(false),
                       "asked-about-them": .bool(false), "talk-share": .number(25)])
        #expect(f["self-promotion"] == nil)
        #expect(f["casual-socializing"]?.count == 2)
    }

    @Test func notAskingWithTheTalkShareLeftEmptyIsNotJudgedOneWay() {
        // Asked and left empty: the share is not known to be half or more, so nothing holds.
        #expect(flags(["asked-about-them": .bool(false), "talk-share": nil])["self-promotion"] == nil)
        #expect(flags(["asked-about-them": nil, "talk-share": .number(60)])["self-promotion"] == nil)
    }

    @Test func askingAFavour() {
        // Yes with nothing offered (absent or blank) is one-way; yes with an offer is fair.
        #expect(flags(["asked-favor": .bool(true), "offered": nil])["self-promotion"] == ["asked a favour and offered nothing in return"])
        #expect(flags(["asked-favor": .bool(true), "offered": .text("  ")])["self-promotion"] == ["asked a favour and offered nothing in return"])
        #expect(flags(["asked-favor": .bool(true), "offered": .text("An intro to our CTO")])["self-promotion"] == nil)
        #expect(flags(["asked-favor": .bool(false), "offered": nil])["self-promotion"] == nil)
        #expect(flags(["asked-favor": nil, "offered": nil])["self-promotion"] == nil)
    }

    @Test func everySelfPromotionReasonIsListed() {
        let reasons = flags(["talk-share": .number(80), "asked-about-them": .bool(false), "asked-favor": .bool(true)])["self-promotion"]
        #expect(reasons == ["did 80% of the talking", "did not ask about their work", "asked a favour and offered nothing in return"])
    }

    // MARK: asked but empty versus not asked

    @Test func anAnswerLeftEmptyCountsButOneNeverAskedIsUnknown() {
        let favour: [String: Answer?] = ["asked-favor": .bool(true), "offered": nil]
        // The full reflection asked "what did you offer": empty means nothing was offered.
        #expect(flags(favour)["self-promotion"] == ["asked a favour and offered nothing in return"])
        // A flow the catalog does not know asked only what it answered: nothing is concluded
        // from "offered", and the pitfall is said to be judged only in part (the talk share was known).
        let judgement = detector.judge(entry(favour, flow: "voice-memo"), asOf: asOf)
        #expect(!judgement.shows("self-promotion"))
        #expect(judgement.unjudged("self-promotion") == UnjudgedPitfall(pitfallID: "self-promotion", inPart: true))
    }

    @Test func aShortFlowStillFlagsWhatItsAnswersShow() {
        let short = ReviewFixture.entry("Quick coffee", at: "2026-11-24T08:00:00+01:00", flow: "voice-memo", [
            "kind": .choice("one-on-one"), "talk-share": .number(80),
            "people": .people([ReviewFixture.person("Ana Li", "peer", "new")]),
        ])
        let judgement = detector.judge(short, asOf: asOf)
        #expect(judgement.flags == [PitfallFlag(pitfallID: "self-promotion", reasons: ["did 80% of the talking"])])
        // Nothing about purpose, outreach, follow-ups or the horizon was asked.
        #expect(judgement.unjudged.map(\.pitfallID) == ["casual-socializing", "generic-outreach", "no-follow-up", "immediate-gratification"])
        #expect(judgement.unjudged.allSatisfy { !$0.inPart })
    }

    @Test func theFullReflectionAsksEveryPromptSoNothingIsUnknown() throws {
        let catalog = try ReviewFixture.catalog()
        let bare = ReviewFixture.entry("Bare", at: "2026-11-24T08:00:00+01:00")
        #expect(catalog.prompts.allSatisfy { catalog.asked($0.id, in: bare) })
        #expect(detector.judge(bare, asOf: asOf).unjudged.isEmpty)
        // Whatever the flow, an answer that is there was asked.
        let memo = ReviewFixture.entry("Memo", at: "2026-11-24T08:00:00+01:00", flow: "voice-memo", ["purpose": .text("x")])
        #expect(catalog.asked("purpose", in: memo) && !catalog.asked("horizon", in: memo))
    }

    // MARK: generic-outreach

    @Test(arguments: [
        (0, "all", nil), (0, "some", nil), (0, "none", nil),
        (1, "all", nil), (1, "some", "the one message you sent was not fully personalised"),
        (1, "none", "the one message you sent was not fully personalised"),
        (12, "all", nil), (12, "none", "none of the 12 messages were personalised"),
    ] as [(Int, String, String?)])
    func outreach(count: Int, personalized: String, reason: String?) {
        let reasons = flags(["outreach-count": .number(count), "outreach-personalized": .choice(personalized)])["generic-outreach"]
        #expect(reasons == reason.map { [$0] })
    }

    /// "Some" messages personalised: the evidence is the entry's own numbers, and the pitfall
    /// shows only when at least half could have gone to anyone (the catalog's threshold). Her
    /// five messages with three personal (2 of 5 generic) were called "mass connection requests".
    @Test(arguments: [
        (5, 2, nil), (5, 3, "3 of 5 messages were not personalised"), (4, 2, "2 of 4 messages were not personalised"),
        (2, 1, "1 of 2 messages were not personalised"), (12, 5, nil), (12, 12, "12 of 12 messages were not personalised"),
    ] as [(Int, Int, String?)])
    func someOutreachShowsItsNumbers(count: Int, generic: Int, reason: String?) throws {
        let answers: [String: Answer?] = ["outreach-count": .number(count), "outreach-personalized": .choice("some"), "outreach-generic": .number(generic)]
        #expect(flags(answers)["generic-outreach"] == reason.map { [$0] })
        let judgement = detector.judge(ReviewFixture.entry("Messages", at: "2026-11-24T12:00:00+01:00", answers.compactMapValues { $0 }), asOf: asOf)
        if reason != nil {
            let flag = try #require(judgement.flags.first { $0.pitfallID == "generic-outreach" })
            #expect(detector.catalog.title(of: flag) == "Mostly generic messages")
            #expect(detector.catalog.instead(of: flag).hasPrefix("Keep writing the personal ones"))
        } else {
            #expect(judgement.unjudged("generic-outreach") == nil, "judged and clear")
        }
    }

    /// One message: its own title and advice, never "mass connection requests … send fewer".
    @Test func oneGenericMessageHasItsOwnTitleAndAdvice() throws {
        let entry = ReviewFixture.entry("One note", at: "2026-11-24T12:00:00+01:00",
                                        ["outreach-count": .number(1), "outreach-personalized": .choice("none")])
        let flag = try #require(detector.judge(entry, asOf: asOf).flags.first { $0.pitfallID == "generic-outreach" })
        #expect(detector.catalog.title(of: flag) == "A generic message")
        #expect(!detector.catalog.instead(of: flag).contains("fewer"))
        // Twelve with none personalised keep the pitfall's own title and advice.
        let mass = ReviewFixture.entry("Batch", at: "2026-11-24T12:00:00+01:00",
                                       ["outreach-count": .number(12), "outreach-personalized": .choice("none")])
        let massFlag = try #require(detector.judge(mass, asOf: asOf).flags.first { $0.pitfallID == "generic-outreach" })
        #expect(detector.catalog.title(of: massFlag) == "Mass connection requests and generic messages")
    }

    /// "Some" without how many (a reflection written before the question, or the count left
    /// empty), or more generic messages than were sent: not judged, rather than a guess.
    @Test(arguments: [nil, 6] as [Int?])
    func someWithoutUsableNumbersIsNotJudged(generic: Int?) {
        var answers: [String: Answer] = ["outreach-count": .number(5), "outreach-personalized": .choice("some")]
        if let generic { answers["outreach-generic"] = .number(generic) }
        let judgement = detector.judge(ReviewFixture.entry("Messages", at: "2026-11-24T12:00:00+01:00", answers), asOf: asOf)
        #expect(!judgement.shows("generic-outreach"))
        #expect(judgement.unjudged("generic-outreach")?.inPart == true)
    }

    @Test func outreachWithAbsentKeysSignalsNothing() {
        #expect(flags(["outreach-count": nil, "outreach-personalized": .choice("none")])["generic-outreach"] == nil)
        #expect(flags(["outreach-count": .number(5), "outreach-personalized": nil])["generic-outreach"] == nil)
    }

    // MARK: habits are never marked on one entry

    @Test func habitPitfallsAreNotJudgedPerEntry() {
        let p = ReviewFixture.person
        let seniors = flags(["people": .people([p("A", "senior", "new"), p("B", "executive", "new")])])
        #expect(seniors["only-high-profile"] == nil)
        #expect(flags(["reconnected": .bool(false)])["ignoring-existing-network"] == nil)
        #expect(detector.pitfalls(.week).map(\.id) == ["only-high-profile", "ignoring-existing-network"])
    }

    // MARK: no-follow-up

    @Test func newPeopleWithoutFollowUps() {
        #expect(flags(["follow-ups": nil])["no-follow-up"] == ["met Ana Li for the first time and planned no follow-up"])
        #expect(flags(["follow-ups": .followUps([])])["no-follow-up"] == ["met Ana Li for the first time and planned no follow-up"])
        // Nobody met, nothing to follow up.
        #expect(flags(["follow-ups": nil, "people": nil])["no-follow-up"] == nil)
    }

    @Test func onlyPeopleYouAlreadyKnewNeedNoPlannedFollowUp() {
        let p = ReviewFixture.person
        #expect(flags(["follow-ups": nil, "people": .people([p("Bo Chen", "senior", "existing")])])["no-follow-up"] == nil)
        // A relation not given is not "new".
        #expect(flags(["follow-ups": nil, "people": .people([p("Bo Chen", "senior", nil)])])["no-follow-up"] == nil)
        // One new person among known ones is enough.
        #expect(flags(["follow-ups": nil, "people": .people([p("Bo Chen", "senior", "existing"), p("Ana Li", "peer", "new")])])["no-follow-up"]
            == ["met Ana Li for the first time and planned no follow-up"])
    }

    /// Failing to follow up is about each new person: a follow-up planned with an old colleague
    /// does not follow up the new person met the same evening. Before, any row cleared the entry
    /// and this test failed (no flag).
    @Test func eachNewPersonNeedsTheirOwnFollowUp() {
        let p = ReviewFixture.person, a = ReviewFixture.action
        let evening: [String: Answer?] = ["people": .people([p("Bo Chen", "senior", "existing"), p("Jonas Berg", "peer", "new")]),
                                          "follow-ups": .followUps([a("Bo Chen", "Send the deck", "2026-12-01", nil)])]
        #expect(flags(evening)["no-follow-up"] == ["met Jonas Berg for the first time and planned no follow-up"])
        // Two new people, one followed up: the other is named; both forgotten: both named.
        let two: [String: Answer?] = ["people": .people([p("Jonas Berg", "peer", "new"), p("Zoë Brandt", "senior", "new"), p("Ana Li", "peer", "new")]),
                                      "follow-ups": .followUps([a("Ana Li", "Send the link", "2026-12-01", nil)])]
        #expect(flags(two)["no-follow-up"] == ["met Jonas Berg and Zoë Brandt for the first time and planned no follow-up"])
        // A row naming the person clears them: any case or accents, a title, or with someone else.
        for who in ["jonas berg", "Dr. Jonas Berg", "Jonas Berg and Bo Chen", "JONAS BERG"] {
            let named = evening.merging(["follow-ups": .followUps([a(who, "Thank him", "2026-12-01", nil)])]) { $1 }
            #expect(flags(named)["no-follow-up"] == nil, "\(who)")
        }
        // A part of a name or a longer word does not: "Jonas" alone, "Jonasberg".
        for who in ["Jonas", "Jonasberg", ""] {
            let other = evening.merging(["follow-ups": .followUps([a(who, "Thank him", "2026-12-01", nil)])]) { $1 }
            #expect(flags(other)["no-follow-up"] == ["met Jonas Berg for the first time and planned no follow-up"], "\(who)")
        }
        // A message already sent that day, written as a done row for them, is a follow-up; the
        // outreach answers (messages, not people) clear nobody.
        let sent = evening.merging(["follow-ups": .followUps([a("Jonas Berg", "Thanked him on LinkedIn", "2026-11-24", "2026-11-24")])]) { $1 }
        #expect(flags(sent)["no-follow-up"] == nil)
        let outreach = evening.merging(["outreach-count": .number(3), "outreach-personalized": .choice("all")]) { $1 }
        #expect(flags(outreach)["no-follow-up"] == ["met Jonas Berg for the first time and planned no follow-up"])
    }

    @Test func anOverdueFollowUpCountsWhoeverItIsFor() {
        let a = ReviewFixture.action
        let known = flags(["people": .people([ReviewFixture.person("Bo Chen", "senior", "existing")]),
                           "follow-ups": .followUps([a("Bo Chen", "Send the deck", "2026-11-20", nil)])])
        #expect(known["no-follow-up"] == ["follow-up overdue: Bo Chen: Send the deck (due 2026-11-20)"])
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

    // MARK: immediate-gratification

    @Test(arguments: [("immediate", true), ("both", false), ("long-term", false)])
    func horizon(value: String, flagged: Bool) {
        #expect((flags(["horizon": .choice(value)])["immediate-gratification"] == ["went for an immediate return"]) == flagged)
    }

    @Test func absentHorizonSignalsNothing() {
        #expect(flags(["horizon": nil])["immediate-gratification"] == nil)
    }

    // MARK: imported notes

    @Test func anImportedNoteIsNeverJudged() {
        let note = entry(["talk-share": .number(95), "horizon": .choice("immediate"), "purpose": nil], flow: Entry.importedFlow)
        #expect(detector.judge(note, asOf: asOf) == .none)
        #expect(detector.judgeWeek([note], asOf: asOf) == .none)
    }

    // MARK: user catalogs

    @Test func aUserOverrideChangesTheThreshold() throws {
        let override = """
        pitfalls:
          - id: self-promotion
            signals:
              - when: { answer: talk-share, at-least: 60 }
                reason: "did {value}% of the talking, {threshold}% or more"
        """
        let custom = Detector(catalog: try ReviewFixture.catalog(overrides: [override]))
        let pitch = entry(["talk-share": .number(65)])
        #expect(detector.flags(for: pitch, asOf: asOf).isEmpty)
        #expect(custom.flags(for: pitch, asOf: asOf) == [PitfallFlag(pitfallID: "self-promotion", reasons: ["did 65% of the talking, 60% or more"])])
    }
}
