@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

/// The frictions a second user met in the reflection (issue 21, part 2), each as she met it.
/// The fixture's clock is Thursday 2026-11-26, 21:00 Berlin.
@Suite("Reflection frictions")
struct ReflectionFrictionTests {
    static let withPeople: [String: Answer] = ["title": .text("T"), "people": .people([Person(name: "Ana Li"), Person(name: "Bo Chen")])]

    /// The row the follow-up form's field `label` is drawn on.
    static func formRow(_ d: ProgramDriver<ReflectionProgram>, _ label: String) -> String? {
        d.rows.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }
    }

    // MARK: - The offered due day

    /// Typing in the due field replaced nothing: "in 3 days" + "fri" read "in 3 daysfri".
    @Test func typingReplacesTheOfferedDueDayAndEscPutsItBack() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.withPeople))
        d.tab(to: "follow-ups")
        d.type("Send the slides")
        d.press(.down, .down)                                  // What → Who → Due
        #expect(Self.formRow(d, "Due")?.contains("in 3 days    → Sun 29 Nov (this week)") == true)
        #expect(d.screen.contains("Typing replaces “in 3 days”"))
        d.type("fri")
        #expect(Self.formRow(d, "Due")?.contains("fri") == true)
        #expect(Self.formRow(d, "Due")?.contains("in 3 days") == false)
        #expect(Self.formRow(d, "Due")?.contains("→ Fri 27 Nov (tomorrow)") == true)
        // Esc puts the offer back (the form says so) instead of opening the leave dialog.
        #expect(d.screen.contains("Esc puts back “in 3 days”"))
        #expect(ReflectionProgram.promptKeys(textInput: true, multiline: false, rows: true, offerReplaced: "in 3 days")
            .action(for: .escape) == .restoreOffer)
        d.press(.escape)
        #expect(d.program.mode == .prompting)
        #expect(Self.formRow(d, "Due")?.contains("in 3 days") == true)
        d.type("mon")
        d.press(.enter)
        #expect(d.program.answers["follow-ups"] == nil)           // the row is in the widget until the prompt is left
        d.press(.enter)
        #expect(d.program.answers["follow-ups"] == .followUps([FollowUp(who: "", action: "Send the slides", due: Day(iso: "2026-11-30"))]))
        // With nothing replaced, Esc means leaving again.
        d.press(.backTab)
        d.type("Call")
        d.press(.down, .down, .escape)
        #expect(d.program.mode == .confirmLeave)
    }

    /// Backspace on the offered day clears it whole: no due date.
    @Test func backspaceOnTheOfferedDueDayMeansNoDueDate() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.withPeople))
        d.tab(to: "follow-ups")
        d.type("Think about it")
        d.press(.down, .down, .backspace)
        #expect(Self.formRow(d, "Due")?.contains("→ no due date") == true)
        d.press(.enter, .enter)
        #expect(d.program.answers["follow-ups"] == .followUps([FollowUp(who: "", action: "Think about it")]))
    }

    // MARK: - The resolved date

    /// The resolved day says its weekday and week: `+7d` on Thursday is next week's Thursday.
    @Test func theResolvedDueDaySaysItsWeekdayAndWeek() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.withPeople))
        d.tab(to: "follow-ups")
        d.type("Call")
        d.press(.down, .down)
        for (typed, shown) in [("+7d", "→ Thu 3 Dec (next week)"), ("sat", "→ Sat 28 Nov (this week)"),
                               ("2027-01-08", "→ Fri 8 Jan 2027 (in 6 weeks)")] {
            d.press(.ctrl("u"))
            d.type(typed)
            #expect(Self.formRow(d, "Due")?.contains(shown) == true, "\(typed)")
        }
    }

    @Test func dayInWordsCountsWeeksFromMonday() {
        let thursday = Day(iso: "2026-11-26")!
        #expect(DayInWords.resolved(Day(iso: "2026-11-26")!, today: thursday) == "Thu 26 Nov (today)")
        #expect(DayInWords.resolved(Day(iso: "2026-11-29")!, today: thursday) == "Sun 29 Nov (this week)")
        #expect(DayInWords.resolved(Day(iso: "2026-11-30")!, today: thursday) == "Mon 30 Nov (next week)")
        #expect(DayInWords.resolved(Day(iso: "2026-11-23")!, today: thursday) == "Mon 23 Nov (this week)")
        #expect(DayInWords.resolved(Day(iso: "2026-11-22")!, today: thursday) == "Sun 22 Nov (last week)")
        #expect(DayInWords.resolved(Day(iso: "2026-11-08")!, today: thursday) == "Sun 8 Nov (3 weeks ago)")
        let sunday = Day(iso: "2026-11-29")!
        #expect(DayInWords.resolved(Day(iso: "2026-11-30")!, today: sunday) == "Mon 30 Nov (tomorrow, next week)")
    }

    // MARK: - A follow-up row starts on What

    /// Focus started on Who, so an action typed first went into the name.
    @Test func aFollowUpRowStartsOnWhat() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.withPeople))
        d.tab(to: "follow-ups")
        d.type("Send the deck")
        #expect(Self.formRow(d, "What*")?.contains("Send the deck") == true)
        // Tab picks who, from the people just met, and the cursor stays in What.
        d.press(.tab)
        #expect(Self.formRow(d, "Who")?.contains("Ana Li") == true)
        d.type("!")
        d.press(.enter)
        #expect(d.screen.contains("• Ana Li · Send the deck! · 2026-11-29"))
        d.press(.enter)
        #expect(d.program.answers["follow-ups"] == .followUps([FollowUp(who: "Ana Li", action: "Send the deck!", due: Day(iso: "2026-11-29"))]))
    }

    /// Enter on a row with a name and no action said nothing; the hint said "Enter: on to What"
    /// with the cursor already there.
    @Test func enterWithANameAndNoActionSaysWhy() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.withPeople))
        d.tab(to: "follow-ups")
        d.press(.down)
        d.type("Carla")
        d.press(.enter)
        #expect(d.promptID == "follow-ups")
        #expect(ReflectionCorrectnessTests.words(d.screen).contains("Every follow-up needs an action"))
        #expect(!d.screen.contains("Enter: on to What"))
        #expect(d.screen.contains("What is needed: type it, then Enter adds this row"))
        d.answer("Intro to Bo")
        d.press(.enter)
        #expect(d.program.answers["follow-ups"] == .followUps([FollowUp(who: "Carla", action: "Intro to Bo", due: Day(iso: "2026-11-29"))]))
    }

    // MARK: - Type-ahead in a choice

    /// `w` then `o` picked "other" (the next option starting with o); it is "workplace".
    @Test func typedLettersSelectByPrefixOfTheOptionsWords() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.tab(to: "kind")
        d.type("wo")
        #expect(d.screen.contains("› workplace"))
        d.press(.enter)
        #expect(d.program.answers["kind"] == .choice("workplace"))
        d.press(.backTab)
        d.type("onl")
        #expect(d.screen.contains("› online"))
        // The same letter again steps to the next option it starts.
        d.press(.backspace)
        d.type("o")
        #expect(d.screen.contains("› one-on-one"))
        d.type("o")
        #expect(d.screen.contains("› online"))
        d.type("o")
        #expect(d.screen.contains("› other"))
        // A word inside an option counts: "on" is the second word of one-on-one, "on" also
        // starts it, and "-" is not a letter.
        var field = OptionsField(options: ["long-term", "both", "immediate"], selected: nil, horizontal: false)
        for c in "te" { _ = field.handle(.char(c)) }
        #expect(field.value == "long-term")
        let usedZ = field.handle(.char("z"))
        #expect(!usedZ)
    }

    // MARK: - Reconnected, from the people list

    @Test func reconnectedIsAnsweredFromThePeopleListAndCanBeChanged() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(knownPeople: ["Bo Chen"], prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.type("Zoë")
        d.press(.enter)
        d.type("b")
        d.press(.tab, .enter)                                  // Bo Chen, existing
        d.press(.enter)
        #expect(d.program.answers["reconnected"] == .bool(true))
        d.enter(to: "reconnected")
        #expect(d.screen.contains("[yes]"))
        #expect(ReflectionCorrectnessTests.words(d.screen).contains("you met Bo Chen again (existing)"))
        d.press(.right)
        #expect(d.screen.contains("[no]"))
        #expect(!d.screen.contains("you met Bo Chen"))
        d.press(.enter)
        #expect(d.program.answers["reconnected"] == .bool(false))
    }

    @Test func nobodyExistingLeavesReconnectedUnansweredAndYourOwnAnswerStays() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.answer("Zoë")
        d.press(.enter)
        #expect(d.program.answers["reconnected"] == nil)
        // Made existing later: suggested; made new again: unanswered again.
        d.back(to: "people")
        d.press(.up, .enter, .down, .down)
        d.type("e")
        d.press(.enter, .enter)
        #expect(d.program.answers["reconnected"] == .bool(true))
        d.back(to: "people")
        d.press(.up, .enter, .down, .down)
        d.type("n")
        d.press(.enter, .enter)
        #expect(d.program.answers["reconnected"] == nil)
        // Answered no by the person: an existing person later does not change it.
        d.enter(to: "reconnected")
        d.type("n")
        d.press(.enter)
        d.back(to: "people")
        d.press(.up, .enter, .down, .down)
        d.type("e")
        d.press(.enter, .enter)
        #expect(d.program.answers["reconnected"] == .bool(false))
    }
}

extension ProgramDriver where P == ReflectionProgram {
    /// Presses Enter (accepting each answer; Tab on the follow-ups picks a person instead of
    /// moving on) until prompt `id` is in focus; at most 40 times.
    mutating func enter(to id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<40 where !(program.mode == .prompting && promptID == id) { press(.enter) }
        #expect(program.mode == .prompting && promptID == id, "never reached \(id)", sourceLocation: sourceLocation)
    }

    /// Presses Shift-Tab (keeping each answer) until prompt `id` is in focus; at most 40 times.
    mutating func back(to id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<40 where !(program.mode == .prompting && promptID == id) { press(.backTab) }
        #expect(program.mode == .prompting && promptID == id, "never reached \(id)", sourceLocation: sourceLocation)
    }

}

extension ReflectionFrictionTests {
    // MARK: - The summary

    /// A conference with four people and three follow-ups: the summary showed the people and
    /// the follow-ups each on one line, cut after the first (even at 120×40). Each person and
    /// each follow-up now has a line of its own, wrapped under the value column.
    static let conference: [String: Answer] = [
        "title": .text("DevRel summit"),
        "people": .people([Person(name: "Dr. Henrike Vogel", level: "executive", relation: "existing"),
                           Person(name: "李雷", level: "peer", relation: "new"),
                           Person(name: "Ana Li", level: "senior", relation: "existing", note: "Runs the platform team at a logistics company"),
                           Person(name: "Bo Chen", level: "peer", relation: "new")]),
        "follow-ups": .followUps([FollowUp(who: "Dr. Henrike Vogel", action: "Send her the three data-engineering case studies and the slides",
                                           due: Day(iso: "2026-11-30")),
                                  FollowUp(who: "李雷", action: "Intro to Marc", due: Day(iso: "2026-12-01")),
                                  FollowUp(who: "Bo Chen", action: "Share the Figma file")]),
    ]

    @Test(arguments: [(120, 40), (80, 24), (50, 20)])
    func theSummaryShowsEveryPersonAndEveryFollowUp(width: Int, height: Int) throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: Self.conference), width: width, height: height)
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        let expected = ["Dr. Henrike Vogel (executive, existing)", "李雷 (peer, new)", "Ana Li (senior, existing)", "Bo Chen (peer, new)",
                        "Intro to Marc", "Bo Chen: Share the Figma file"]
        // The rows shown as one text, the value column's wrapping undone.
        func shown() -> String {
            d.rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        // Up from Save onto the follow-ups, then the people: each row shows all of its lines.
        for _ in 0..<20 where !(d.rows.contains { $0.contains("▸ Follow") }) { d.press(.up) }
        for name in expected.suffix(2) { #expect(shown().contains(name), "\(name) at \(width)×\(height)") }
        #expect(shown().contains("Send her the three data-engineering case studies and the slides, due 2026-11-30"))
        for _ in 0..<20 where !(d.rows.contains { $0.contains("▸ People") }) { d.press(.up) }
        for name in expected.prefix(4) { #expect(shown().contains(name), "\(name) at \(width)×\(height)") }
        #expect(shown().contains("Runs the platform team at a logistics company"))
        // Each person starts a line of their own under the value column.
        let people = try #require(d.rows.firstIndex { $0.contains("▸ People") })
        let column = try #require(d.rows[people].range(of: "Dr. Henrike Vogel")).lowerBound
        let offset = d.rows[people].distance(from: d.rows[people].startIndex, to: column)
        #expect(d.rows[people + 1].dropFirst(offset).hasPrefix("李雷") || d.rows[people + 1].contains("Dr.") == false)
    }

    /// Found in the new-user trial (quick flow, 50×20): after listing someone she knew, the
    /// summary said "Not saved, no longer asked: Reconnected." — an answer she never gave, the
    /// reflection's own suggestion from the people list, which the quick flow does not ask.
    @Test func aSuggestedReconnectionIsNotReportedAsDroppedByAFlowThatDoesNotAskIt() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var setup = fx.setup(prefill: ["title": .text("Coffee"), "people": .people([Person(name: "Ana Li", level: "senior", relation: "existing")])])
        setup.flow = "quick"
        var d = fx.driver(setup, width: 50, height: 20)
        d.tab(to: "people")
        d.press(.enter)
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        #expect(!d.screen.contains("no longer asked"), "\(d.screen)")
    }

    /// Found in the new-user trial: the due field said "→ Fri 4 Dec (tomorrow)" but the event's
    /// own date said only "→ 2026-12-01 09:00" for `tue 9:00`; it now names the weekday and the
    /// week too.
    @Test func theEventDateShowsItsWeekdayAndWeek() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Coffee")]))
        d.tab(to: "date")
        d.type("tue 9:00")
        #expect(d.screen.contains("→ 2026-11-24 09:00, Tue (this week)"), "\(d.screen)")
        d.press(.ctrl("u"))
        d.type("yesterday 18:30")
        #expect(d.screen.contains("→ 2026-11-25 18:30, Wed (yesterday)"))
        d.press(.ctrl("u"))
        d.type("2026-11-20 18:30")
        #expect(d.screen.contains("→ 2026-11-20 18:30, Fri (last week)"))
    }
}

