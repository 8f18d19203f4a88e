@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

/// The reflection's summary says how the event's week stands on the habit pitfalls, judged over
/// all of that week's reflections, and never marks a habit on the reflection itself.
@Suite struct ReflectionWeekSoFarTests {
    static func reflection(_ title: String, _ date: String, people: [Person]) -> [String: Answer] {
        [
            "title": .text(title), "date": .timestamp(Timestamp(iso: date)!), "kind": .choice("meetup"),
            "purpose": .text("Meet people who build payment systems"), "professional-topics": .bool(true),
            "horizon": .choice("long-term"), "people": .people(people), "asked-about-them": .bool(true),
            "talk-share": .number(40), "asked-favor": .bool(false),
            "follow-ups": .followUps([FollowUp(who: people[0].name, action: "Send the article", due: Day(iso: "2026-12-04"))]),
            "reconnected": .bool(true),
        ]
    }

    static let earlier = Entry(id: "2026-11-24-1900-board-dinner", created: Timestamp(iso: "2026-11-24T22:00:00+01:00")!,
                               updated: Timestamp(iso: "2026-11-24T22:00:00+01:00")!,
                               answers: reflection("Board dinner", "2026-11-24T19:00:00+01:00",
                                                   people: [Person(name: "Ada Stone", level: "executive", relation: "new")]))

    func summary(journal: [Entry]?) throws -> (screen: String, entry: Entry, fx: ReflectionFixture) {
        let fx = try ReflectionFixture()
        var setup = fx.setup(prefill: Self.reflection("CTO breakfast", "2026-11-26T08:00:00+01:00",
                                                       people: [Person(name: "Ben Ode", level: "senior", relation: "new")]))
        if let journal { setup.loadJournal = { journal } }
        var d = fx.driver(setup, width: 100, height: 80)
        for _ in 0..<40 where d.program.mode != .summary { d.press(.enter) }
        #expect(d.program.mode == .summary)
        for _ in 0..<20 { d.press(.down) }
        return (d.screen, d.program.entry, fx)
    }

    @Test func theWeekSoFarIsSaidForTheWeek() throws {
        let (screen, entry, fx) = try summary(journal: [Self.earlier])
        defer { fx.remove() }
        #expect(screen.contains("No networking pitfalls show in this reflection."))
        #expect(screen.contains("This week so far, over all its reflections"))
        #expect(screen.contains("• Talking only to senior or high-profile people"))
        #expect(screen.contains("both people you met this week were senior or executive"))
        // Never on the reflection itself.
        #expect(Detector(catalog: fx.catalog).flags(for: entry, asOf: fx.clock.today).isEmpty)
    }

    @Test func aPeerMetEarlierInTheWeekMeansNothingToSay() throws {
        var peer = Self.earlier
        peer["people"] = .people([Person(name: "Cleo Park", level: "peer", relation: "new")])
        let (screen, _, fx) = try summary(journal: [peer])
        defer { fx.remove() }
        #expect(!screen.contains("This week so far"))
    }

    @Test func untilTheJournalIsReadNothingIsGuessed() throws {
        let (screen, _, fx) = try summary(journal: nil)
        defer { fx.remove() }
        #expect(!screen.contains("This week so far"))
        // One senior person alone is not a pattern either.
        let (alone, _, fx2) = try summary(journal: [])
        defer { fx2.remove() }
        #expect(!alone.contains("This week so far"))
    }
}
