import Foundation
import Testing
@testable import DebriefCore

/// The index stores per entry only what the weekly review reads of it (``ReviewFacts``, issue 23):
/// an entry reduced so is judged by the one evaluator exactly as the whole entry, and the review
/// of reduced entries (with its cold contacts from the people index) is the review of the whole
/// entries, for any week and trend, through every flow, answer and follow-up state.
@Suite struct ReviewFactsTests {
    typealias F = ReviewFixture

    /// A year and a half of reflections varying every answer a rule reads, with notes, tags,
    /// locations, event keys, quick and imported flows, and people mentioned in notes only.
    static func journal() -> [Entry] {
        var out: [Entry] = []
        var rng = SeededGenerator(seed: 23)
        var day = F.day("2025-09-01")
        var n = 0
        let names = ["Ana Li", "Zoë Brandt", "Omar Haddad", "Henrike Müller", "Lena Vogt"]
        while day <= F.day("2027-01-07") {
            for k in 0..<Int.random(in: 0...4, using: &rng) {
                var a = F.clean
                func maybe(_ key: String, _ value: Answer?) { if Int.random(in: 0..<3, using: &rng) == 0 { a[key] = value } }
                maybe("talk-share", .number(Int.random(in: 10...95, using: &rng)))
                maybe("asked-about-them", .bool(Bool.random(using: &rng)))
                maybe("asked-favor", .bool(true))
                maybe("offered", .text("An intro"))
                maybe("purpose", nil)
                maybe("professional-topics", .bool(Bool.random(using: &rng)))
                maybe("horizon", .choice("immediate"))
                maybe("outreach-count", .number(Int.random(in: 0...4, using: &rng)))
                maybe("outreach-personalized", .choice(["all", "some", "none"][Int.random(in: 0..<3, using: &rng)]))
                maybe("outreach-generic", .number(Int.random(in: 0...3, using: &rng)))
                a["reconnected"] = .bool(Int.random(in: 0..<5, using: &rng) == 0)
                maybe("notes", .text("Lunch with \(names[Int.random(in: 0..<names.count, using: &rng)]) about Zürich."))
                maybe("tags", .tags(["swift", "rust"]))
                var people = (0..<Int.random(in: 0...3, using: &rng)).map { i in
                    F.person(names[(n + i) % names.count], ["peer", "senior", "executive", nil][Int.random(in: 0..<4, using: &rng)],
                             ["new", "new", "new", "existing", nil][Int.random(in: 0..<5, using: &rng)])
                }
                // People met only in the first months, some mentioned in notes later: cold or not.
                if day < F.day("2026-03-01") { people.append(F.person("Early \(n % 6)", "peer", "existing")) }
                if n % 9 == 0 { a["notes"] = .text("Heard from Early \(n % 12) today.") }
                a["people"] = people.isEmpty ? nil : .people(people)
                let due = day.adding(days: Int.random(in: -5...20, using: &rng))
                let done: Day? = Int.random(in: 0..<2, using: &rng) == 0 ? due.adding(days: Int.random(in: -3...9, using: &rng)) : nil
                a["follow-ups"] = Int.random(in: 0..<4, using: &rng) == 0 ? nil
                    : .followUps([FollowUp(who: people.first?.name ?? "Nobody", action: "Call \(n)", due: due, done: done)])
                let flow = [nil, nil, nil, "quick", Entry.importedFlow][Int.random(in: 0..<5, using: &rng)]
                var entry = F.entry("Event \(n)", at: day.adding(days: k).iso + "T18:30:00+01:00",
                                    createdAfterHours: Double(Int.random(in: 1...40, using: &rng)), flow: flow, a)
                if n % 7 == 0 { entry.event = "uid-\(n)" }
                if n % 5 == 0 { entry.location = "Berlin" }
                out.append(entry)
                n += 1
            }
            day = day.adding(days: 7)
        }
        return out
    }

    /// The index's two blobs of an entry, made from one sort of its answers, are the blob of the
    /// entry and the blob of the entry reduced, byte for byte, for every entry of the journal.
    @Test func theBlobsOfAnEntryAndItsFactsAreThoseOfTheEntryAndItsReducedForm() throws {
        let catalog = try F.catalog()
        let ids = ReviewFacts.promptIDs(catalog)
        for entry in Self.journal() + RoundTripTests.generated() {
            let blobs = ReviewFacts.blobs(of: entry, keeping: ids)
            #expect(blobs.whole == EntryBlob.encode(entry), "\(entry.id)")
            #expect(blobs.reduced == EntryBlob.encode(ReviewFacts.reduced(entry, keeping: ids)), "\(entry.id)")
        }
        let entry = try #require(Self.journal().first)
        let none = ReviewFacts.blobs(of: entry, keeping: [])
        #expect(none.reduced == EntryBlob.encode(ReviewFacts.reduced(entry, keeping: [])))
        let all = entry.answers.keys.sorted()
        #expect(ReviewFacts.blobs(of: entry, keeping: all).reduced == EntryBlob.encode(ReviewFacts.reduced(entry, keeping: Set(all))))
    }

    @Test func aReducedEntryIsJudgedAsTheWholeEntry() throws {
        let catalog = try F.catalog()
        let detector = Detector(catalog: catalog)
        let ids = ReviewFacts.promptIDs(catalog)
        #expect(!ids.contains("notes") && !ids.contains("tags") && ids.contains("talk-share") && ids.contains("people"))
        let entries = Self.journal()
        #expect(entries.count > 100)
        var flagged = 0
        for entry in entries {
            let reduced = ReviewFacts.reduced(entry, keeping: ids)
            for asOf in [entry.eventTime.day, entry.eventTime.day.adding(days: 10)] {
                let whole = detector.judge(entry, asOf: asOf)
                #expect(detector.judge(reduced, asOf: asOf) == whole, "\(entry.id)")
                flagged += whole.flags.count
            }
        }
        #expect(flagged > 100, "the journal shows pitfalls to compare")
    }

    @Test func theReviewOfReducedEntriesIsTheReviewOfTheWholeEntries() throws {
        let catalog = try F.catalog()
        let entries = Self.journal()
        let ids = ReviewFacts.promptIDs(catalog)
        let reduced = entries.map { ReviewFacts.reduced($0, keeping: ids) }
        var cold = 0
        for weekISO in ["2027-W01", "2026-W52", "2026-W40", "2026-W12", "2025-W40"] {
            for weeks in [1, 8, 52] {
                let week = F.week(weekISO)
                let whole = ReviewSource(entries: entries)
                // The reduced entries, with the cold contacts from the whole ones (as the index
                // answers them from its people rows: mentions are not among the review's facts).
                let shrunk = ReviewSource(entries: reduced)
                let facts = ReviewSource(keys: shrunk.keys, problems: [], reduced: true, entries: shrunk.entries,
                                         followUps: shrunk.followUps(notDoneBefore:), coldNames: whole.coldNames(asOf:days:))
                let a = WeeklyReview.make(source: whole, catalog: catalog, week: week, weeks: weeks, clock: F.clock, coldDays: 30)
                let judgedWhole = FlaggedJournal(entries: entries, catalog: catalog, clock: F.clock)
                #expect(WeeklyReview.make(journal: judgedWhole, catalog: catalog, week: week, weeks: weeks, clock: F.clock, coldDays: 30) == a,
                        "\(weekISO) over \(weeks) weeks: the journal judged whole")
                let b = WeeklyReview.make(source: facts, catalog: catalog, week: week, weeks: weeks, clock: F.clock, coldDays: 30)
                #expect(a == b, "\(weekISO) over \(weeks) weeks")
                cold += a.people.cold.count
            }
        }
        #expect(cold > 0, "some review names cold contacts (found through notes)")
    }
}
