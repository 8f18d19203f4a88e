@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

@Suite("Reflection widgets")
struct ReflectionWidgetTests {
    /// An edit starts from the answer's own text: a multi-line answer keeps its line breaks (shown
    /// as `^J` only on one-line listings, never turned into `^J` in the file by opening the field).
    @Test func aFieldStartsFromTheAnswersOwnCharacters() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        for (id, text) in [("notes", "first\nsecond\n\nthird"), ("purpose", "one\ntwo")] {
            let prompt = try #require(fx.catalog.prompt(id))
            let field = AnswerField.make(for: prompt, answer: .text(text), context: .init(clock: fx.clock, knownPeople: [], peopleHere: []))
            guard case .text(let editor) = field else {
                Issue.record("\(id) is not a text field")
                continue
            }
            #expect(editor.text == text)
            guard case .success(let answer) = field.value(for: prompt, clock: fx.clock) else {
                Issue.record("\(id): the field did not give a value")
                continue
            }
            #expect(answer == .text(text))
        }
    }

    @Test func wideCharactersStayAlignedAndTheCursorFollowsTheirWidth() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.type("Zoë 李雷 👋")
        let row = try #require(d.rows.firstIndex { $0.contains("Zoë") })
        // Two margin columns, two of indent, then 3 + 1 + 4 + 1 + 2 columns of text.
        #expect(d.frame.cursor == Position(row: row, col: 4 + 11))
        #expect(d.rows[row].hasPrefix("    Zoë 李雷 👋"))
        #expect(d.rows.allSatisfy { $0.displayWidth == 80 })
        // The rule under the field still ends where the others do.
        #expect(d.rows[row + 1].trimmingCharacters(in: .whitespaces).count == 74)
        d.press(.left, .left)
        #expect(d.frame.cursor == Position(row: row, col: 4 + 8))   // before " 👋"
    }

    @Test func resizeMidTypingKeepsTextAndCursorAndAsksForRoomWhenSmall() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        for _ in 0..<3 { d.press(.tab) }                 // to "purpose", a multi-line text
        #expect(d.promptID == "purpose")
        d.type("Meet people who run Swift on servers and ask them about Zoë 李雷 👋")
        d.press(.left, .left)
        d.send(.resize(width: 50, height: 16))
        #expect(d.screen.contains("Zoë 李雷"))
        d.type("!")
        d.send(.resize(width: 30, height: 10))
        #expect(d.screen.contains("needs at least 40×12"))
        d.type("?")
        d.send(.resize(width: 120, height: 40))
        #expect(d.screen.contains("Zoë 李雷!? 👋"))
        #expect(d.program.fields["purpose"].flatMap { if case .text(let e) = $0 { return e.text } else { return nil } }
                == "Meet people who run Swift on servers and ask them about Zoë 李雷!? 👋")
        #expect(d.frame.cursor != nil)
    }

    @Test func peopleRowsAreAddedEditedAndRemovedAndKnownNamesComplete() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(knownPeople: ["Ana Li", "Bo Chen"], prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.type("b")
        d.press(.tab)
        #expect(d.screen.contains("Bo Chen"))
        #expect(d.screen.contains("[existing]"))
        d.press(.enter)                                       // added: level empty, relation existing, no note
        d.type("Zoë 李雷 👋")
        d.press(.down)
        d.type("j")
        d.press(.down)
        d.type("n")
        d.press(.down)
        d.answer("Great questions")
        #expect(d.screen.contains("Bo Chen · existing"))
        #expect(d.screen.contains("Zoë 李雷 👋 · junior · new · Great questions"))
        d.press(.up)                                          // to the last row
        d.press(.enter)                                       // edit it
        d.press(.down)                                        // keep the name
        d.type("e")                                           // level: executive
        d.press(.enter)                                       // updates the row
        #expect(d.screen.contains("Zoë 李雷 👋 · executive · new"))
        d.press(.up, .up)                                     // Bo Chen
        d.type("d")
        #expect(!d.screen.contains("Bo Chen"))
        d.press(.down)
        d.press(.enter)                                       // empty form: next prompt
        #expect(d.promptID == "asked-about-them")
        #expect(d.program.answers["people"] == .people([Person(name: "Zoë 李雷 👋", level: "executive", relation: "new", note: "Great questions")]))
    }

    @Test func namesReadInTheBackgroundCompleteIgnoringAccentsOnceTheyArrive() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let setup = ReflectionSetup(catalog: fx.catalog, store: fx.store, clock: fx.clock,
                                    loadKnownPeople: { ["Zoë Brandt", "Ana Li"] }, prefill: ["title": .text("T")])
        var d = ProgramDriver(holdingBackground: ReflectionProgram(setup), width: 80, height: 24)
        d.tab(to: "people")
        #expect(d.heldBackground.count == 1)                  // the names are still being read
        d.type("zoe")
        d.finishBackground()
        d.press(.tab)
        #expect(d.screen.contains("Zoë Brandt"))
        #expect(d.screen.contains("[existing]"))
    }

    @Test func followUpsOfferThePeopleJustMetAndDefaultToThreeDaysAhead() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let prefill: [String: Answer] = ["title": .text("T"), "people": .people([Person(name: "Ana Li"), Person(name: "Bo Chen")])]
        var d = fx.driver(fx.setup(prefill: prefill))
        d.tab(to: "follow-ups")
        d.press(.tab)                                         // Who, from the people just met; the cursor stays in What
        #expect(d.screen.contains("Who   Ana Li"))
        d.press(.tab)
        #expect(d.screen.contains("Who   Bo Chen"))
        d.answer("Send the slides")                           // added, due as offered
        d.type("Intro to Bo")
        d.press(.down)
        d.type("Carla")
        d.press(.down)
        d.answer("fri")                                       // replaces the offered day
        d.type("Call")
        d.press(.down)
        d.type("Dan")
        d.press(.down)
        d.answer("whenever")
        #expect(d.screen.contains("I can't read “whenever” as a date"))
        d.press(.ctrl("u"))
        d.answer("+7d")
        d.type("Think about it")
        d.press(.down)
        d.type("Eve")
        d.press(.down, .backspace)                            // the offered date cleared: no due date
        #expect(d.screen.contains("→ no due date"))
        d.press(.enter)
        d.press(.enter)
        #expect(d.promptID == "reconnected")
        #expect(d.program.answers["follow-ups"] == .followUps([
            FollowUp(who: "Bo Chen", action: "Send the slides", due: Day(iso: "2026-11-29")),
            // A due date looks forward: "fri" on Thursday the 26th is tomorrow, not last week.
            FollowUp(who: "Carla", action: "Intro to Bo", due: Day(iso: "2026-11-27")),
            FollowUp(who: "Dan", action: "Call", due: Day(iso: "2026-12-03")),
            FollowUp(who: "Eve", action: "Think about it"),
        ]))
    }

    @Test func choicesScalesAndPercentsByArrowsLettersAndDigits() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        // A purpose and someone met, so the scale and the percent are asked.
        var d = fx.driver(fx.setup(prefill: ["title": .text("T"), "purpose": .text("Meet"), "people": .people([Person(name: "Ana")])]))
        d.press(.tab, .tab)
        #expect(d.promptID == "kind")
        d.press(.down, .down, .down)                          // conference → meetup → one-on-one
        d.type("o")                                           // next starting with o: online
        d.press(.enter)
        #expect(d.program.answers["kind"] == .choice("online"))
        d.press(.tab)
        d.press(.right)                                       // yes/no: yes
        #expect(d.screen.contains("[yes]"))
        let row = try #require(d.rows.firstIndex { $0.contains("[yes]") })
        let col = try #require(d.rows[row].firstRange(of: "[yes]")).lowerBound.utf16Offset(in: d.rows[row])
        #expect(d.frame.buffer.style(row: row, col: col)?.reverse == true)   // visible without colour
        d.type("n")
        d.press(.enter)
        #expect(d.program.answers["professional-topics"] == .bool(false))
        d.press(.right, .right, .right, .left)
        d.press(.enter)
        #expect(d.program.answers["purpose-met"] == .number(2))
        d.tab(to: "talk-share")
        d.type("7")
        d.type("5")
        d.press(.right)
        d.press(.enter)
        #expect(d.program.answers["talk-share"] == .number(80))
    }

    /// At 50×20, four people and their form fit: the hint gives way (marked "…"), not the rows.
    @Test func fourPeopleFitAt50x20() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("DevOps Days")]), width: 50, height: 20)
        d.tab(to: "people")
        for name in ["Ana Lima", "Bo Chen", "Carla Diaz", "Dan Eriksson"] { d.answer(name) }
        for name in ["Ana Lima", "Bo Chen", "Carla Diaz", "Dan Eriksson"] {
            #expect(d.rows.contains { $0.contains("• \(name) · new") }, "\(name) missing:\n\(d.screen)")
        }
        #expect(d.rows.contains { $0.hasSuffix("…") || $0.trimmingCharacters(in: .whitespaces).hasSuffix("…") })
        #expect(d.screen.contains("Relation"))
    }
}
