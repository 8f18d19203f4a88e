@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// The bugs users hit in the guided reflection, each driven by keys on the virtual screen.
@Suite("Reflection: correctness in every path")
struct ReflectionCorrectnessTests {
    /// The screen's words in order, borders and line breaks ignored, to find a wrapped message.
    static func words(_ screen: String) -> String {
        screen.replacingOccurrences(of: "│", with: " ").split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// A follow-up with a name and no action used to be added and saved as a file the journal
    /// could not read, with another `-2.md` at each try. Now nothing reaches `entries/`, the
    /// reason is shown in full and the focus is on the action.
    @Test func aFollowUpWithoutAnActionIsNeverSaved() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Coffee")]))
        d.tab(to: "follow-ups")
        d.press(.down)                                        // Who (the form starts on What)
        d.type("Ana")
        d.press(.enter, .enter, .enter)
        #expect(Self.words(d.screen).contains("needs an action"))
        for _ in 0..<3 {
            d.press(.ctrl("s"))
            #expect(fx.entryFiles.isEmpty)
            #expect(d.exitStatus == nil)
        }
        #expect(d.promptID == "follow-ups")
        #expect(Self.words(d.screen).contains("needs an action"))
        let whatRow = try #require(d.rows.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("What") && !$0.contains("What will") })
        #expect(d.frame.cursor?.row == whatRow)
    }

    /// An answer too long for the journal to read back (the file would pass 8 MB) is refused on
    /// saving with the reason on the screen, and nothing reaches `entries/` (issue 19: before,
    /// the file was written and then skipped by every listing).
    @Test func anEntryTooLargeToReadBackIsNeverSaved() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let prefill: [String: Answer] = ["title": .text("Coffee"), "learned": .text(String(repeating: "a", count: 9 << 20))]
        var d = fx.driver(fx.setup(prefill: prefill), width: 200)
        d.press(.ctrl("s"), .ctrl("s"))
        #expect(fx.entryFiles.isEmpty)
        #expect(d.exitStatus == nil)
        #expect(Self.words(d.screen).contains("the entry would be 9.0 MB, and debrief reads no file over 8 MB; nothing was written"), "\(d.screen)")
    }

    /// An answer that breaks the file's rules however it got there (a draft, a prefill) is
    /// caught before saving: the row opens with the focus on the missing field.
    @Test func savingAnInvalidRowOpensItAtTheFieldAtFault() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let prefill: [String: Answer] = ["title": .text("Coffee"), "follow-ups": .followUps([FollowUp(who: "Ana Li", action: "")])]
        var d = fx.driver(fx.setup(prefill: prefill))
        d.press(.ctrl("s"))                                   // the summary first
        #expect(d.screen.contains("Save this reflection"))
        d.press(.ctrl("s"))
        #expect(fx.entryFiles.isEmpty)
        #expect(d.exitStatus == nil)
        #expect(d.promptID == "follow-ups")
        let screen = Self.words(d.screen)
        #expect(screen.contains("Not saved. Follow-up 1 (open below) needs an action: type what you will do, then save again."), "\(d.screen)")
        d.press(.ctrl("s"))
        #expect(fx.entryFiles.isEmpty)
        let whatRow = try #require(d.rows.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("What") && !$0.contains("What will") })
        #expect(d.frame.cursor?.row == whatRow)
        #expect(d.rows.contains { $0.contains("Who") && $0.contains("Ana Li") })
        d.type("Send the notes")
        d.press(.enter, .enter)
        d.press(.ctrl("s"), .ctrl("s"))
        #expect(d.exitStatus == 0)
        #expect(fx.entries.first?.followUps.map(\.action) == ["Send the notes"])
        #expect(fx.entryFiles.count == 1)
    }

    /// Tab on a name nobody in the journal has does nothing: the question stays, the text stays
    /// in the form, no row is added.
    @Test func tabWithNoMatchDoesNothing() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(knownPeople: ["Ana Li"], prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.type("Xaver")
        d.press(.tab)
        #expect(d.promptID == "people")
        #expect(d.program.answers["people"] == nil)
        #expect(d.rows.contains { $0.contains("Name") && $0.contains("Xaver") })
        #expect(d.screen.contains("Nobody yet"))
    }

    /// "hen" finds "Dr. Henrike Vogel" (any word), "zoe" finds "Zoë Brandt" (accents ignored);
    /// Tab fills the level from her last entry and the relation `existing`.
    @Test func completionMatchesAnyWordAndFillsLevelAndRelation() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let now = fx.clock.timestamp
        for (title, person) in [("Old", Person(name: "Dr. Henrike Vogel", level: "executive")),
                                ("Older", Person(name: "Zoë Brandt", level: "peer"))] {
            _ = try fx.store.create(Entry(id: "", created: now, updated: now,
                                          answers: ["title": .text(title), "date": .timestamp(now), "people": .people([person])]))
        }
        var d = fx.driver(fx.setup(knownPeople: ReflectionSetup.knownPeople(in: fx.entries), prefill: ["title": .text("T")]))
        d.tab(to: "people")
        d.type("hen")
        d.press(.tab)
        #expect(d.promptID == "people")
        #expect(d.screen.contains("Dr. Henrike Vogel"))
        #expect(d.screen.contains("[executive]"))
        #expect(d.screen.contains("[existing]"))
        d.press(.ctrl("u"))
        d.type("zoe")
        d.press(.tab)
        #expect(d.screen.contains("Zoë Brandt"))
        #expect(d.screen.contains("[peer]"))
    }

    /// 150 in a percent field stays shown as 150% with its reason, and Enter does not accept
    /// it: it never becomes 0, 100 or (as it did) 15 without the person seeing it.
    @Test func aPercentAbove100IsRefusedWithAMessage() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T"), "people": .people([Person(name: "Ana")])]))
        d.tab(to: "talk-share")
        d.type("150")
        #expect(d.screen.contains("150% is out of range"))
        #expect(d.screen.contains("150%"))
        d.press(.enter)
        #expect(d.promptID == "talk-share")
        #expect(d.program.answers["talk-share"] == nil)
        #expect(d.screen.contains("150% is out of range"))
        d.press(.backspace)
        #expect(!d.screen.contains("out of range"))
        d.press(.enter)
        #expect(d.program.answers["talk-share"] == .number(15))
        #expect(d.promptID != "talk-share")
    }

    /// Enter on an empty required answer stays and says why: the question needs an answer.
    @Test func enterOnAnEmptyRequiredAnswerSaysWhy() throws {
        let fx = try ReflectionFixture(overrides: ["sections:\n  - id: event\n    prompts:\n      - id: kind\n        required: true\n"])
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.press(.tab, .tab)
        #expect(d.promptID == "kind")
        d.press(.enter)
        #expect(d.promptID == "kind")
        #expect(Self.words(d.screen).contains("“What kind of event was it?” needs an answer before moving on"))
    }

    /// A draft resumed in a later run saves the entry with `created` from when it was started.
    @Test func aResumedDraftKeepsCreated() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var first = fx.driver()
        first.answer("Swift meetup")
        first.answer("today 18:30")
        first.send(.signal(1))
        let draft = try #require(ReflectionDraft.latestNew(in: fx.store))
        let later = Clock.fixed(Timestamp(iso: "2026-11-27T09:15:00+01:00")!.date, timeZone: fx.clock.timeZone)
        var second = ProgramDriver(ReflectionProgram(ReflectionSetup(catalog: fx.catalog, store: fx.store, clock: later, resumable: draft)))
        second.press(.char("r"))
        second.answer("m")
        second.press(.ctrl("s"), .ctrl("s"))
        #expect(second.exitStatus == 0)
        let entry = try #require(fx.entries.first)
        #expect(entry.created == fx.clock.timestamp)
        #expect(entry.updated == later.timestamp)
    }

    /// A long message (a refused save) wraps whole at 50 columns: nothing is cut.
    @Test func longMessagesWrapWhole() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let now = fx.clock.timestamp
        let saved = try fx.store.create(Entry(id: "", created: now, updated: now, answers: ["title": .text("Old title")]))
        var d = fx.driver(fx.setup(prefill: saved.answers, editing: saved), width: 50, height: 20)
        var changed = saved
        changed["title"] = .text("Changed elsewhere")
        _ = try fx.store.save(changed, now: now)
        d.press(.ctrl("s"), .ctrl("s"))
        #expect(d.exitStatus == nil)
        let message = "The entry changed on disk meanwhile, so nothing was overwritten; your answers are kept in the draft."
        #expect(Self.words(d.screen).contains(message), "\(d.screen)")
    }

    /// ↑ in a long answer moves the cursor up through the text shown; the text scrolls only
    /// when the cursor leaves it (the scroll position lives in the state, not in a drawing copy).
    @Test func upInALongAnswerDoesNotScrollNeedlessly() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.tab(to: "purpose")
        for n in 1...30 {
            d.type("line \(n)")
            if n < 30 { d.press(.ctrl("j")) }
        }
        let before = d.rows
        #expect(before.contains { $0.contains("line 30") })
        d.press(.up)
        #expect(d.rows.filter { $0.contains("line ") } == before.filter { $0.contains("line ") })
        #expect(d.promptID == "purpose")
    }

    /// A long note shows the part around the cursor while typed and its beginning once the
    /// focus moves on; a title exactly as wide as its field is never drawn blank.
    @Test func longOneLineFieldsAndExactlyFullOnes() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(width: 50, height: 20)
        let title = String(repeating: "abcdefghij", count: 5).prefix(44)
        d.type(String(title))
        #expect(d.rows.contains { $0.contains(String(title.suffix(30))) }, "\(d.screen)")
        d.answer("")
        d.press(.backTab)
        #expect(d.rows.contains { $0.contains(String(title.suffix(30))) }, "\(d.screen)")
        d.tab(to: "people")
        d.type("Ana")
        d.press(.down, .down, .down)
        let note = "Leads the platform team and wants to hire two people who know Swift on the server"
        d.type(note)
        #expect(d.rows.contains { $0.contains("Swift on the server") })
        d.press(.up)
        #expect(d.rows.contains { $0.contains("Note") && $0.contains("Leads the platform") && $0.contains("…") }, "\(d.screen)")
    }

    /// A due date in the past is kept only after the field said so and Enter was pressed again;
    /// the offered date (in 3 days) can be cleared for no due date at all.
    @Test func aPastDueDateTakesASecondEnter() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.tab(to: "follow-ups")
        d.type("Send the link")
        d.press(.down)
        d.type("Ana")
        d.press(.down, .ctrl("u"))
        d.type("2026-10-30")
        #expect(d.screen.contains("→ 2026-10-30, already past"))
        d.press(.enter)
        #expect(Self.words(d.screen).contains("→ 2026-10-30, already past — Enter again to keep"))
        #expect(d.screen.contains("No actions yet"))
        d.press(.enter)
        #expect(d.screen.contains("Ana · Send the link · 2026-10-30"))
        d.type("Think")
        d.press(.down)
        d.type("Bo")
        d.press(.down, .ctrl("u"))
        #expect(d.screen.contains("→ no due date"))
        d.press(.enter, .enter)
        #expect(d.program.answers["follow-ups"] == .followUps([
            FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-10-30")), FollowUp(who: "Bo", action: "Think")]))
    }

    /// An event date in the future ("tomorrow 18:00") is kept only on a second Enter with the
    /// same text, after the field and the status line say "in the future"; a past date goes on at
    /// once. Failed before: the first Enter moved on and saved a reflection of an event not held.
    @Test func aFutureEventDateTakesASecondEnter() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Dinner")]))
        d.tab(to: "date")
        d.type("tomorrow 18:00")
        #expect(d.screen.contains("→ 2026-11-27 18:00, in the future"))
        d.press(.enter)
        #expect(d.promptID == "date", "the first Enter stays")
        #expect(Self.words(d.screen).contains("→ 2026-11-27 18:00, in the future — Enter again to keep"), "\(d.screen)")
        d.press(.ctrl("u"))
        d.type("tomorrow 19:00")
        d.press(.enter)
        #expect(d.promptID == "date", "another future text is warned about again")
        d.press(.enter)
        #expect(d.promptID != "date")
        #expect(d.program.answers["date"] == .timestamp(Timestamp(iso: "2026-11-27T19:00:00+01:00")!))
        var past = fx.driver(fx.setup(prefill: ["title": .text("Lunch")]))
        past.tab(to: "date")
        past.type("today 12:00")
        past.press(.enter)
        #expect(past.promptID != "date", "a date already past goes on at once")
    }
}
