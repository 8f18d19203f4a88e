import DebriefCore
import Testing

/// The review's numbers over the fixture journal, checked one definition at a time.
@Suite struct WeeklyReviewTests {
    let catalog: Catalog

    init() throws {
        catalog = try ReviewFixture.catalog()
    }

    func review(_ week: String, weeks: Int = 8, cold: [String] = []) -> WeeklyReview {
        WeeklyReview.make(entries: ReviewFixture.journal, catalog: catalog, week: ReviewFixture.week(week),
                          weeks: weeks, clock: ReviewFixture.clock, coldPeople: cold)
    }

    func pitfall(_ review: WeeklyReview, _ id: String) -> WeeklyReview.PitfallLine? {
        review.pitfalls.first { $0.id == id }
    }

    @Test func listsEveryPitfallLongestRunningFirst() {
        let r = review("2026-W48")
        #expect(r.pitfalls.count == 7)
        #expect(Set(r.pitfalls.map(\.id)) == Set(Catalog.pitfallIDs))
        #expect(r.pitfalls.map(\.streak) == r.pitfalls.map(\.streak).sorted(by: >))
        #expect(r.pitfalls.first?.id == "self-promotion")
        #expect(r.focus == "self-promotion")
    }

    @Test func entriesBelongToTheWeekOfTheirWallClockDay() {
        // Sunday 23:30 after the clock change, and Sunday 23:30 written in UTC (already Monday in
        // Berlin), both stay in 2026-W43; Monday 00:30 is in W44.
        #expect(review("2026-W43").entries.map(\.title) == ["Design systems meetup", "Hackathon wrap-up", "Remote panel on hiring"])
        #expect(review("2026-W44").entries.map(\.title) == ["Monday breakfast"])
    }

    @Test func within24HoursIsRealElapsedTime() {
        // 19:00 on Saturday to 19:00 on Sunday across the clock change is 25 hours.
        let r = review("2026-W43")
        #expect(r.entries.map(\.writtenWithin24Hours) == [false, true, true])
        #expect(r.writtenWithin24Hours == 2)
        #expect(review("2026-W48").writtenWithin24Hours == 2)
    }

    @Test func recurringMeansTwiceThisWeekOrThisWeekAndTheOneBefore() throws {
        let w48 = review("2026-W48")
        // Twice in W48, also in W46 and W47.
        let selfPromotion = try #require(pitfall(w48, "self-promotion"))
        #expect(selfPromotion.count == 2 && selfPromotion.recurring && selfPromotion.streak == 3)
        #expect(selfPromotion.trend == [0, 0, 1, 0, 0, 1, 1, 2])
        // Once, and not the week before: not recurring.
        let immediate = try #require(pitfall(w48, "immediate-gratification"))
        #expect(immediate.count == 1 && !immediate.recurring && immediate.streak == 1)
        // The coffee with Dana wrote no purpose, but the talk reached work: not casual socializing.
        #expect(pitfall(w48, "casual-socializing")?.count == 0)
        // 2026-W43: one reflection that did 70% of the talking and one that did not: not recurring.
        #expect(pitfall(review("2026-W43"), "self-promotion")?.recurring == false)
    }

    @Test func theAlumniWeekCaughtUpWithSomeoneSoItIsNotNeglect() throws {
        // 2026-W46: two evenings said "did not catch up with anyone", but Jonas, met at the
        // alumni dinner, was someone you already knew. Judged per week, that settles it.
        let w46 = try #require(pitfall(review("2026-W46"), "ignoring-existing-network"))
        #expect(w46.count == 0 && !w46.recurring && w46.reasons.isEmpty)
        // 2026-W44's one breakfast met nobody and caught up with nobody: the week shows it.
        let w44 = try #require(pitfall(review("2026-W44"), "ignoring-existing-network"))
        #expect(w44.count == 1 && w44.scope == .week && w44.involved == 1)
        #expect(w44.reasons == [WeeklyReview.Reason(entry: nil, texts: [
            "nobody you met this week was someone you already knew, and no reflection says you caught up with one",
        ])])
    }

    @Test func streaksCrossTheYearBoundary() throws {
        let w01 = review("2027-W01")
        let immediate = try #require(pitfall(w01, "immediate-gratification"))
        #expect(immediate.count == 1 && immediate.recurring && immediate.streak == 2)
        #expect(w01.trendWeeks.map(\.iso).suffix(3) == ["2026-W52", "2026-W53", "2027-W01"])
        #expect(immediate.trend.suffix(3) == [0, 1, 1])
    }

    @Test func progressIsWhatRecurredEarlierInTheTrendAndIsGoneNow() {
        let w01 = review("2027-W01")
        // Failing to follow up is not progress: the kickoff breakfast met Ines Kalb for the first
        // time and planned a follow-up with someone else only (each new person counts).
        #expect(w01.progress.map(\.id) == ["self-promotion"])
        #expect(w01.progress.first?.lastRecurring.iso == "2026-W48")
        // Outside the trend window it no longer counts as progress.
        #expect(review("2027-W01", weeks: 3).progress.isEmpty)
        // An empty week avoids nothing.
        #expect(review("2026-W49").progress.isEmpty)
    }

    @Test func followUpsAcrossTheJournalAsOfTheEndOfTheWeek() {
        let f = review("2026-W48").followUps
        // Eve's slides (from W47) and Bo's intro were done during W48.
        #expect(f.done.map(\.who) == ["Eve Martin", "Bo Chen"])
        #expect(f.overdue.map(\.who) == ["Ana Li"])
        #expect(f.open.map(\.who) == ["Carla Ruiz"])
        #expect(f.overdue.first?.entryID == "2026-11-24-1830-swift-meetup-berlin")
    }

    @Test func anActionDoneLaterWasOverdueInItsOwnWeek() throws {
        let w47 = review("2026-W47")
        let late = try #require(w47.followUps.overdue.first)
        #expect(late.action == "Share the slides" && late.done == nil)
        // Raj Patel, met there for the first time, has no follow-up of his own (Eve's does not count for him).
        #expect(pitfall(w47, "no-follow-up")?.reasons.map(\.text)
            == ["met Raj Patel for the first time and planned no follow-up; follow-up overdue: Eve Martin: Share the slides (due 2026-11-20)"])
        #expect(pitfall(w47, "no-follow-up")?.reasons.first?.entry?.id == "2026-11-17-0900-product-conference")
    }

    @Test func aRunningWeekIsJudgedAsOfToday() {
        let w01 = review("2027-W01")
        #expect(w01.asOf == ReviewFixture.day("2027-01-07") && w01.inProgress)
        #expect(w01.followUps.overdue.map(\.who) == ["Ana Li", "Mia Scholz"])
        #expect(w01.followUps.open.map(\.who) == ["Jonas Berg", "Sven Olsen", "Tom Rees", "Carla Ruiz"])
        #expect(!review("2026-W53").inProgress)
    }

    @Test func anEmptyWeekStillShowsWhatIsOpen() {
        let w49 = review("2026-W49")
        #expect(w49.isEmpty && w49.entries.isEmpty)
        #expect(w49.pitfalls.allSatisfy { $0.count == 0 && !$0.recurring && $0.streak == 0 })
        #expect(w49.followUps.overdue.map(\.who) == ["Ana Li"])
        #expect(w49.followUps.open.map(\.who) == ["Carla Ruiz"])
        #expect(w49.advice.isEmpty && w49.focus == nil)
    }

    @Test func peopleMetThisWeek() {
        let people = review("2026-W48").people
        // Bo Chen, met twice, counts once.
        #expect(people.met.map(\.name) == ["Ana Li", "Bo Chen", "Dana Wu", "Carla Ruiz"])
        #expect(people.new == 3 && people.existing == 1)
        #expect(people.levels.map(\.level) == ["junior", "peer", "senior", "executive"])
        #expect(people.levels.map(\.count) == [0, 1, 1, 2])
    }

    @Test func adviceForEveryRecurringPitfall() {
        let r = review("2026-W48")
        #expect(r.advice.map(\.id) == r.pitfalls.filter(\.recurring).map(\.id))
        #expect(r.advice.first?.instead == catalog.pitfall("self-promotion")?.instead)
    }

    @Test func coldPeopleArePassedThrough() {
        #expect(review("2026-W48", cold: ["Jonas Berg"]).people.cold == ["Jonas Berg"])
        #expect(review("2026-W48").people.cold.isEmpty)
    }

    @Test func entriesAfterTheWeekAreIgnored() {
        // Reviewing W43 knows nothing of later entries, nor that Lena's write-up was sent on the 27th.
        let w43 = review("2026-W43").followUps
        #expect(w43.open.map(\.who) == ["Lena Vogt"] && w43.open.first?.done == nil)
        #expect(w43.done.isEmpty && w43.overdue.isEmpty)
    }

    @Test func sparklines() {
        #expect(Sparkline.render([0, 1.0 / 3, 2.0 / 3, 1], unicode: true) == "▁▃▆█")
        #expect(Sparkline.render([0, 1.0 / 3, 2.0 / 3, 1], unicode: false) == "_:+#")
        // Any share above zero is visible; a share above 1 is a full bar.
        #expect(Sparkline.render([0, 0.01], unicode: true) == "▁▂")
        #expect(Sparkline.render([0, 0, 2], unicode: true) == "▁▁█")
        // A week without reflections is not a low bar.
        #expect(Sparkline.render([nil, 0, 1], unicode: true) == "·▁█")
        #expect(Sparkline.render([nil, 0, 1], unicode: false) == " _#")
    }
}
