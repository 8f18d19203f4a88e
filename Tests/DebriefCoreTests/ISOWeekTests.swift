import DebriefCore
import Testing

@Suite struct ISOWeekTests {
    let day = ReviewFixture.day

    @Test(arguments: [
        ("2026-11-23", "2026-W48"), ("2026-11-29", "2026-W48"), ("2026-11-30", "2026-W49"),
        ("2026-12-28", "2026-W53"), ("2026-12-31", "2026-W53"), ("2027-01-03", "2026-W53"),
        ("2027-01-04", "2027-W01"), ("2027-12-31", "2027-W52"), ("2026-01-01", "2026-W01"),
        ("2025-12-29", "2026-W01"), ("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"),
    ])
    func weekOfADay(_ date: String, _ expected: String) {
        #expect(ISOWeek(containing: day(date)).iso == expected)
    }

    @Test func mondayAndSunday() {
        let w53 = ReviewFixture.week("2026-W53")
        #expect(w53.monday == day("2026-12-28"))
        #expect(w53.sunday == day("2027-01-03"))
        #expect(ReviewFixture.week("2027-W01").monday == day("2027-01-04"))
        #expect(ReviewFixture.week("2026-W01").monday == day("2025-12-29"))
        #expect(ReviewFixture.week("2026-W48").monday.isoWeekday == 1)
    }

    @Test func longYears() {
        #expect(ISOWeek.weeks(in: 2026) == 53)
        #expect(ISOWeek.weeks(in: 2027) == 52)
        #expect(ISOWeek.weeks(in: 2020) == 53)
        #expect(ISOWeek(year: 2026, week: 53) != nil)
        #expect(ISOWeek(year: 2027, week: 53) == nil)
        #expect(ISOWeek(year: 2026, week: 0) == nil)
    }

    @Test func arithmeticAcrossTheYearBoundary() {
        let w52 = ReviewFixture.week("2026-W52")
        #expect(w52.adding(weeks: 1).iso == "2026-W53")
        #expect(w52.adding(weeks: 2).iso == "2027-W01")
        #expect(ReviewFixture.week("2027-W01").adding(weeks: -1).iso == "2026-W53")
        #expect(w52.weeks(until: ReviewFixture.week("2027-W02")) == 3)
        #expect(ReviewFixture.week("2026-W53") < ReviewFixture.week("2027-W01"))
    }

    @Test(arguments: [
        ("2026-W48", "2026-W48"), ("2026-w05", "2026-W05"), ("2026W5", "2026-W05"), ("this", "2027-W01"),
        ("last", "2026-W53"), ("2026-11-25", "2026-W48"), ("2027-01-03", "2026-W53"), ("today", "2027-W01"),
        ("mon", "2027-W01"), ("sun", "2026-W53"), ("LAST", "2026-W53"),
    ])
    func parsing(_ text: String, _ expected: String) {
        #expect(ISOWeek.parse(text, clock: ReviewFixture.clock)?.iso == expected)
    }

    @Test(arguments: ["2027-W53", "2026-W54", "2026-W00", "W48", "next", "2026-11-31", "", "wed-ish"])
    func rejects(_ text: String) {
        #expect(ISOWeek.parse(text, clock: ReviewFixture.clock) == nil)
    }
}
