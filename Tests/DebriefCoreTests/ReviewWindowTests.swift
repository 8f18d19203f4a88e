import Foundation
import Testing
@testable import DebriefCore

/// `FlaggedJournal.forReview` judges only the weeks a review looks at; the review must be the same
/// as over the journal judged whole, however long the streaks, for any week and trend length.
@Suite struct ReviewWindowTests {
    typealias F = ReviewFixture

    /// A year of reflections: a 30-week run of self-promotion (a streak longer than any trend),
    /// habits on and off, follow-ups open and done, and quiet weeks.
    static func journal() -> [Entry] {
        var out: [Entry] = []
        var rng = SeededGenerator(seed: 48)
        var day = F.day("2026-01-05")
        var n = 0
        while day <= F.day("2027-01-07") {
            let weekIndex = (day.ordinal - F.day("2026-01-05").ordinal) / 7
            let perWeek = Int.random(in: (10..<40).contains(weekIndex) ? 1...3 : 0...3, using: &rng)
            for k in 0..<perWeek {
                var answers = F.clean
                if (10..<40).contains(weekIndex) { answers["talk-share"] = .number(85) }
                if Int.random(in: 0..<4, using: &rng) == 0 { answers["asked-about-them"] = .bool(false) }
                if Int.random(in: 0..<3, using: &rng) == 0 {
                    answers["people"] = .people([F.person("Zoë Brandt", "executive", "existing")])
                }
                let due = day.adding(days: Int.random(in: 1...20, using: &rng))
                let done: Day? = Int.random(in: 0..<2, using: &rng) == 0 ? due.adding(days: 2) : nil
                answers["follow-ups"] = .followUps([FollowUp(who: "Ana Li", action: "Call \(n)", due: due, done: done)])
                let when = day.adding(days: k * 2)
                out.append(F.entry("Event \(n)", at: when.iso + "T18:30:00+01:00", answers))
                n += 1
            }
            day = day.adding(days: 7)
        }
        return out
    }

    @Test func reviewsOfAWindowEqualReviewsOfTheWholeJournal() throws {
        let entries = Self.journal()
        let catalog = try F.catalog()
        let whole = FlaggedJournal(entries: entries, catalog: catalog, clock: F.clock)
        for weekISO in ["2027-W01", "2026-W52", "2026-W40", "2026-W30", "2026-W12", "2026-W02"] {
            for weeks in [1, 8, 52] {
                let week = F.week(weekISO)
                let a = WeeklyReview.make(journal: whole, catalog: catalog, week: week, weeks: weeks, clock: F.clock)
                let b = WeeklyReview.make(source: ReviewSource(entries: entries), catalog: catalog, week: week, weeks: weeks, clock: F.clock)
                #expect(a == b, "\(weekISO) over \(weeks) weeks")
            }
        }
        // The streak of the 30-week run is longer than an 8-week trend: the window had to widen.
        let review = WeeklyReview.make(journal: whole, catalog: catalog, week: F.week("2026-W40"), weeks: 8, clock: F.clock)
        #expect(review.pitfalls.map(\.streak).max() ?? 0 > 9)
    }

    /// What a memo keeps between two reviews, by everything a tally is judged from.
    final class Kept: @unchecked Sendable {
        var tallies: [String: WeekTally] = [:]
        var recalled = 0
        var recorded = 0

        static func key(_ k: WeekMemo.Key) -> String { "\(k.week) \(k.asOf.ordinal) \(k.catalog) \(k.positions)" }

        var memo: WeekMemo {
            WeekMemo(recall: { [self] key in
                let tally = tallies[Self.key(key)]
                if tally != nil { recalled += 1 }
                return tally
            }, record: { [self] key, tally in
                recorded += 1
                tallies[Self.key(key)] = tally
            })
        }
    }

    /// Reviews counting earlier weeks from a memo's tallies are the reviews of the whole journal,
    /// the first time (every tally judged and offered) and the next (every tally recalled).
    @Test func reviewsFromAMemoEqualReviewsOfTheWholeJournal() throws {
        let entries = Self.journal()
        let catalog = try F.catalog()
        let whole = FlaggedJournal(entries: entries, catalog: catalog, clock: F.clock)
        let kept = Kept()
        let plain = ReviewSource(entries: entries)
        let source = ReviewSource(keys: plain.keys, problems: [], reduced: false, entries: plain.entries,
                                  followUps: plain.followUps(notDoneBefore:), coldNames: plain.coldNames(asOf:days:), memo: kept.memo)
        for pass in ["first", "second"] {
            let recorded = kept.recorded
            for weekISO in ["2027-W01", "2026-W40", "2026-W12"] {
                for weeks in [1, 8, 52] {
                    let week = F.week(weekISO)
                    let a = WeeklyReview.make(journal: whole, catalog: catalog, week: week, weeks: weeks, clock: F.clock)
                    let b = WeeklyReview.make(source: source, catalog: catalog, week: week, weeks: weeks, clock: F.clock)
                    #expect(a == b, "\(pass): \(weekISO) over \(weeks) weeks")
                }
            }
            if pass == "second" { #expect(kept.recorded == recorded, "nothing judged again") }
        }
        #expect(kept.recorded > 40 && kept.recalled > kept.recorded)
    }
}
