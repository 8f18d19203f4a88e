import DebriefCore
@testable import DebriefIndex
import DebriefPrompts
import Foundation
import GRDB
import Testing

/// The index remembers what each week's reflections counted (`week_tallies`, ``WeekTallyRows``),
/// so a review judges again only the weeks whose key changed. The memo must be used (a review
/// reads it), and must never answer for anything but the same week judged from the same
/// reflections, as of the same day, under the same catalog: each of those changed gives the
/// review of the files, and so does a row that does not match its checksum.
@Suite struct WeekTallyIndexTests {
    /// Twenty weeks of two reflections each (Monday and Wednesday evening), every one talking 90 %
    /// of the time: a twenty-week streak of self-promotion, longer than any trend.
    static func seed(_ f: IndexFixture) {
        var monday = Day(iso: "2029-08-13")!
        for n in 0..<20 {
            for (offset, name) in [(0, "mon"), (2, "wed")] {
                let day = monday.adding(days: offset)
                f.write("\(day.iso)-1830-\(name)", IndexFixture.text(title: "Meetup \(n) \(name)", date: "\(day.iso)T18:30:00+01:00",
                                                                    people: ["Ana Li"], talk: 90, followUp: "Ana Li"))
            }
            monday = monday.adding(days: 7)
        }
    }

    static func clock(_ iso: String) throws -> Clock {
        Clock.fixed(try #require(Timestamp(iso: iso)).date, timeZone: IndexFixture.berlin)
    }

    static func review(_ store: JournalStore, _ week: String, weeks: Int = 8, today: String = "2029-12-30T12:00:00+01:00",
                       catalog: Catalog = IndexFixture.catalog) throws -> WeeklyReview {
        let clock = try clock(today)
        let target = try #require(ISOWeek(iso: week))
        return store.review { source in
            WeeklyReview.make(source: source, catalog: catalog, week: target, weeks: weeks, clock: clock, coldDays: 20)
        }
    }

    /// The memo's rows: week (a Monday's day number), key, counts, sum.
    static func rows(_ f: IndexFixture) throws -> [(week: Int64, key: Int64, counts: String, sum: Int64)] {
        let queue = try DatabaseQueue(path: f.index.location.database)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT week, key, counts, sum FROM week_tallies ORDER BY week").map { ($0[0], $0[1], $0[2], $0[3]) }
        }
    }

    /// Every row's counts replaced by `counts`, with a checksum that matches: what only the memo
    /// itself could answer with, so a review that shows it read the memo.
    static func rewrite(_ f: IndexFixture, counts: String, weeks: [String]? = nil) throws {
        let mondays = try weeks.map { try $0.map { Int64(try #require(ISOWeek(iso: $0)).monday.ordinal) } }
        for row in try rows(f) where mondays?.contains(row.week) ?? true {
            let sum = IndexRow.sum([row.week.databaseValue, row.key.databaseValue, counts.databaseValue])
            try f.damage("UPDATE week_tallies SET counts = ?, sum = ? WHERE week = ?", arguments: [counts, sum, row.week])
        }
        f.reopen()
    }

    static func selfPromotion(_ review: WeeklyReview) throws -> WeeklyReview.PitfallLine {
        try #require(review.pitfalls.first { $0.id == "self-promotion" })
    }

    @Test func aReviewReadsTheMemoAndJudgesAgainOnlyAChangedWeek() throws {
        let f = IndexFixture("week-tallies", racyMargin: 0)
        Self.seed(f)
        let files = try Self.review(f.plain, "2029-W52")
        #expect(try Self.selfPromotion(files).streak == 20)
        #expect(try Self.review(f.indexed, "2029-W52") == files, "cold")
        // Every earlier week the review counted is kept: the trend's and the streak's.
        let kept = try Self.rows(f)
        #expect(kept.count == 19)
        #expect(kept.allSatisfy { $0.counts.contains("self-promotion 2\n") })
        #expect(try Self.review(f.indexed, "2029-W52") == files, "warm")

        // Counts only the memo holds: the review shows them, so it read them.
        try Self.rewrite(f, counts: "self-promotion 3\n")
        let remembered = try Self.selfPromotion(try Self.review(f.indexed, "2029-W52"))
        #expect(remembered.trend == [3, 3, 3, 3, 3, 3, 3, 2])

        // One reflection of W50 changed by another program: that week alone is judged again.
        f.write("2029-12-10-1830-mon", IndexFixture.text(title: "Meetup 17 mon", date: "2029-12-10T18:30:00+01:00",
                                                         people: ["Ana Li"], talk: 20, followUp: "Ana Li"))
        let changed = try Self.selfPromotion(try Self.review(f.indexed, "2029-W52"))
        #expect(changed.trend == [3, 3, 3, 3, 3, 1, 3, 2], "W50 judged again (1 of 2), the others remembered")
        #expect(try Self.selfPromotion(try Self.review(f.plain, "2029-W52")).trend == [2, 2, 2, 2, 2, 1, 2, 2])
        #expect(try Self.rows(f).first { $0.week == Int64(Day(iso: "2029-12-10")!.ordinal) }?.counts.contains("self-promotion 1\n") == true)
    }

    @Test func aRowThatDoesNotMatchItsChecksumIsJudgedAgain() throws {
        let f = IndexFixture("week-tallies-damaged", racyMargin: 0)
        Self.seed(f)
        let files = try Self.review(f.plain, "2029-W52")
        #expect(try Self.review(f.indexed, "2029-W52") == files)
        // Counts changed under their checksum, as a flipped byte would.
        #expect(try f.damage("UPDATE week_tallies SET counts = 'self-promotion 1\n'") == 19)
        f.reopen()
        #expect(try Self.review(f.indexed, "2029-W52") == files)
        #expect(try Self.rows(f).allSatisfy { $0.counts.contains("self-promotion 2\n") }, "the rows written again")
        // Text the memo never writes, under a matching checksum: not trusted either.
        for counts in ["self-promotion 01\n", "self-promotion 1", "b 1\na 1\n", "self-promotion 0\n", " 1\n"] {
            try Self.rewrite(f, counts: counts)
            #expect(try Self.review(f.indexed, "2029-W52") == files, "\(counts.debugDescription)")
        }
    }

    @Test func anotherDayOrCatalogIsNotAnsweredFromTheMemo() throws {
        let f = IndexFixture("week-tallies-day", racyMargin: 0)
        Self.seed(f)
        // Reviewing the week after today's: today's week is counted as of today. W52's follow-ups
        // are due 2029-12-20 (IndexFixture.text), so they are overdue by the 23rd, not on the 20th.
        let before = "2029-12-20T12:00:00+01:00", after = "2029-12-23T12:00:00+01:00"
        let early = try Self.review(f.plain, "2030-W01", today: before)
        let late = try Self.review(f.plain, "2030-W01", today: after)
        #expect(early != late, "the day changes what W51 showed")
        #expect(try Self.review(f.indexed, "2030-W01", today: before) == early)
        // The weeks counted as of today (W51 and W52), with counts only the memo holds: read on
        // the same day, never on another.
        try Self.rewrite(f, counts: "self-promotion 3\n", weeks: ["2029-W51", "2029-W52"])
        #expect(try Self.review(f.indexed, "2030-W01", today: before) != early)
        try Self.rewrite(f, counts: "self-promotion 3\n", weeks: ["2029-W51", "2029-W52"])
        #expect(try Self.review(f.indexed, "2030-W01", today: after) == late)

        // The same weeks under a catalog whose self-promotion threshold is higher.
        let pitfalls = String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)
        #expect(pitfalls.contains("{ answer: talk-share, at-least: 70 }"))
        let stricter = try CatalogLoader.load([
            CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
            CatalogFile(name: "Prompts/pitfalls.yaml",
                        text: pitfalls.replacingOccurrences(of: "{ answer: talk-share, at-least: 70 }", with: "{ answer: talk-share, at-least: 95 }")),
        ])
        try Self.rewrite(f, counts: "self-promotion 3\n")
        let files = try Self.review(f.plain, "2029-W52", catalog: stricter)
        #expect(try Self.selfPromotion(files).streak == 0)
        #expect(try Self.review(f.indexed, "2029-W52", catalog: stricter) == files)
    }

    /// Tallies are kept only when nothing else changed the index while the review judged them:
    /// another process may have given the rows read other entries.
    @Test func talliesJudgedWhileTheIndexChangedAreNotKept() throws {
        let f = IndexFixture("week-tallies-race", racyMargin: 0)
        Self.seed(f)
        let files = try Self.review(f.plain, "2029-W52")
        let clock = try Self.clock("2029-12-30T12:00:00+01:00")
        let target = try #require(ISOWeek(iso: "2029-W52"))
        var wrote: Int?
        let raced = f.indexed.review { source in
            // Another process's write between the review's reading of its keys and its tallies.
            wrote = try? f.damage("INSERT INTO meta(key, value) VALUES ('another-process', 'was here')")
            return WeeklyReview.make(source: source, catalog: IndexFixture.catalog, week: target, weeks: 8, clock: clock, coldDays: 20)
        }
        #expect(wrote == 1)
        #expect(raced == files)
        #expect(try Self.rows(f).isEmpty)
        #expect(try Self.review(f.indexed, "2029-W52") == files)
        #expect(try Self.rows(f).count == 19)
    }
}
