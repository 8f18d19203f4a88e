@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Synchronization
import Testing

/// Prompts asked only when their catalog condition holds, live as answers change, and the
/// catalog's quick flow with the choice at the start.
@Suite("Reflection: skip logic and flows")
struct ReflectionSkipLogicTests {
    /// Every prompt id shown, by walking with Enter from the first prompt to the summary.
    static func walk(_ d: inout ProgramDriver<ReflectionProgram>, answering answers: [String: [Key]] = [:]) -> [String] {
        var shown: [String] = []
        for _ in 0..<40 where d.program.mode == .prompting {
            shown.append(d.promptID)
            for key in answers[d.promptID] ?? [] { d.press(key) }
            d.press(.enter)
        }
        return shown
    }

    static func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    /// No purpose, nobody met, no outreach: 12 prompts are shown in the full flow (19 before).
    @Test func aBareReflectionShowsTwelvePrompts() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        let shown = Self.walk(&d, answering: ["title": Self.keys("Quiet evening"), "outreach-count": Self.keys("0")])
        #expect(shown == ["title", "date", "kind", "purpose", "professional-topics", "people", "outreach-count",
                          "follow-ups", "reconnected", "learned", "tags", "notes"])
        #expect(d.program.mode == .summary)
    }

    /// Shift-Tab back to an earlier answer and changing it shows or hides the later prompts at
    /// once, in the header's count and in where Enter goes next.
    @Test func goingBackAndChangingAnAnswerShowsAndHidesLaterPrompts() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Meetup")]))
        d.tab(to: "purpose")
        #expect(d.screen.contains("Purpose · 1 of 2"))
        d.type("Meet two Swift people")
        // Live: as soon as a purpose is typed, its two follow-up questions count.
        #expect(d.screen.contains("Purpose · 1 of 4"))
        d.press(.ctrl("u"))
        #expect(d.screen.contains("Purpose · 1 of 2"))
        d.press(.enter)                                  // no purpose
        d.answer("y")                                    // professional topics
        #expect(d.promptID == "people")                  // purpose-met and horizon skipped
        d.press(.backTab, .backTab)
        #expect(d.promptID == "purpose")
        d.type("Meet two Swift people")
        d.press(.enter)
        d.press(.enter)                                  // professional topics kept
        #expect(d.promptID == "purpose-met")             // shown again
        #expect(d.screen.contains("Purpose · 3 of 4"))
        d.answer("4")
        d.answer("l")
        #expect(d.promptID == "people")
        let fraction = d.program.progress.fraction
        #expect(fraction == 7.0 / 14.0, "people is the 8th of 14 prompts asked now")
    }

    /// An answer given in this session to a prompt that became hidden is dropped on save, and
    /// the summary says so first.
    @Test func answersOfPromptsNoLongerAskedAreDroppedAndTheSummarySaysSo() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Meetup")]))
        d.tab(to: "purpose")
        d.answer("Meet two Swift people")
        d.press(.enter)
        d.answer("4")
        d.answer("i")                                    // horizon: immediate
        d.press(.backTab, .backTab, .backTab, .backTab)
        #expect(d.promptID == "purpose")
        d.press(.ctrl("u"))
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        let top = try #require(d.rows.firstIndex { $0.contains("Not saved, no longer asked: Purpose met, Horizon.") })
        #expect(top <= 4, "the notice comes first")
        #expect(!d.screen.contains("Networking only for an immediate return"))
        d.press(.ctrl("s"))
        let entry = try #require(fx.entries.first)
        #expect(entry["purpose-met"] == nil && entry["horizon"] == nil && entry["purpose"] == nil)
        #expect(entry.flow == nil)
    }

    /// An answer already in the file (an older or hand-written entry) is never dropped: the
    /// summary shows it as kept and the save keeps it.
    @Test func answersInTheFileAreKept() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let now = fx.clock.timestamp
        let old = try fx.store.create(Entry(id: "", created: now, updated: now, answers: [
            "title": .text("Old mixer"), "date": .timestamp(now), "purpose-met": .number(3), "talk-share": .number(80),
        ]))
        var d = fx.driver(fx.setup(prefill: old.answers, editing: old))
        d.press(.ctrl("s"))
        #expect(d.screen.contains("Kept as the file has them, not asked now: Purpose met, Talk share."))
        d.press(.ctrl("s"))
        #expect(d.exitStatus == 0)
        let saved = try #require(fx.entries.first)
        #expect(saved["purpose-met"] == .number(3) && saved["talk-share"] == .number(80))
    }

    /// The quick flow: six prompts (five without anyone met), saved as `flow: quick`; what it
    /// does not ask is unknown, never "left empty", and the summary says what was not judged.
    @Test func theQuickFlowAsksItsPromptsAndMarksTheEntry() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var setup = fx.setup()
        setup.flow = "quick"
        var d = fx.driver(setup)
        let shown = Self.walk(&d, answering: [
            "title": Self.keys("Coffee with Ana"), "kind": [.char("o")], "people": Self.keys("Ana Lima") + [.enter],
            "talk-share": Self.keys("40"), "follow-ups": [.tab, .enter] + Self.keys("Send the notes") + [.enter],
        ])
        #expect(shown == ["title", "date", "kind", "people", "talk-share", "follow-ups"])
        #expect(d.screen.contains("Not judged, this flow does not ask about it"))
        d.press(.enter)                                  // Save is selected
        #expect(d.exitStatus == 0)
        let entry = try #require(fx.entries.first)
        #expect(entry.flow == "quick")
        #expect(entry.kind == "one-on-one")
        #expect(entry.people.map(\.name) == ["Ana Lima"])
        #expect(entry.followUps.map(\.action) == ["Send the notes"])
        let file = try String(contentsOfFile: try #require(entry.source?.path), encoding: .utf8)
        #expect(file.contains("\nflow: quick\n"))
        #expect(!Detector(catalog: fx.catalog).judge(entry, asOf: fx.clock.today).unjudged.isEmpty)
    }

    /// `debrief new` starts with the choice, the remembered flow selected; the pick is passed
    /// to be remembered. Quick by its letter, or Enter for the one selected.
    @Test func theChoiceAtTheStartIsRememberedAndItsDefaultPreselected() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let remembered = Mutex<[String]>([])
        var setup = fx.setup()
        setup.offersFlowChoice = true
        setup.flow = "quick"
        let store = SettingsStore { change in
            if case .reflectionFlow(let id) = change { remembered.withLock { $0.append(id) } }
            return nil
        }
        func driver(_ setup: ReflectionSetup) -> ProgramDriver<ReflectionProgram> {
            ProgramDriver(ReflectionProgram(setup), settingsStore: store)
        }
        var d = driver(setup)
        #expect(d.program.mode == .chooseFlow)
        #expect(d.rows.contains { $0.contains("▸ q  Quick reflection: 6 questions") }, "\(d.screen)")
        #expect(d.screen.contains("f  Full reflection: up to 20 questions"))
        d.press(.enter)
        #expect(d.program.flow == "quick" && d.promptID == "title")
        #expect(remembered.withLock { $0 } == ["quick"])
        #expect(d.runtime.settings.reflectionFlow == "quick")
        var full = driver(setup)
        full.press(.char("f"))
        #expect(full.program.flow == nil && full.promptID == "title")
        #expect(remembered.withLock { $0 } == ["quick", "full"])
        // Leaving the choice: Esc quietly, Ctrl-C as an interrupted program (130); nothing remembered.
        var esc = driver(setup)
        esc.press(.escape)
        #expect(esc.exitStatus == 0)
        var interrupted = driver(setup)
        interrupted.press(.ctrl("c"))
        #expect(interrupted.exitStatus == 130)
        #expect(remembered.withLock { $0 } == ["quick", "full"])
    }

    /// The choice at the start dispatches through its key map, so its help overlay lists every
    /// key it answers, `?` included; the key that closes the overlay picks nothing.
    @Test func theChoiceAtTheStartListsItsKeysFromItsKeyMap() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var setup = fx.setup()
        setup.offersFlowChoice = true
        for helpKey in [Key.char("?"), .function(1)] {
            var d = fx.driver(setup)
            d.press(helpKey)
            #expect(d.screen.contains("╭─ Keys"), "\(d.screen)")
            for line in ReflectionProgram.flowChoiceKeys.helpLines() {
                #expect(ReflectionCorrectnessTests.words(d.screen).contains(ReflectionCorrectnessTests.words(line)), "\(line)")
            }
            #expect(ReflectionCorrectnessTests.words(d.screen).contains("? keys"))
            d.press(.char("q"))
            #expect(!d.screen.contains("╭─ Keys"))
            #expect(d.program.mode == .chooseFlow)
        }
    }

    /// `debrief edit` of a quick entry: keep it quick, or answer the rest; then it becomes a full
    /// reflection (the `flow` key goes).
    @Test func editingAQuickEntryCanAddTheRest() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let now = fx.clock.timestamp
        let quick = try fx.store.create(Entry(id: "", created: now, updated: now, answers: [
            "title": .text("Coffee"), "date": .timestamp(now), "people": .people([Person(name: "Ana")]), "talk-share": .number(40),
        ], flow: "quick"))
        var setup = fx.setup(prefill: quick.answers, editing: quick)
        setup.flow = "quick"
        setup.offersFlowChoice = true
        var keep = fx.driver(setup)
        #expect(keep.rows.contains { $0.contains("▸ q  Quick reflection: edit its 6 answers") }, "\(keep.screen)")
        #expect(ReflectionCorrectnessTests.words(keep.screen).contains("f Full reflection: answer the rest too; it becomes a full reflection"))
        keep.press(.char("f"))
        let shown = Self.walk(&keep)
        #expect(shown.count == 16, "\(shown)")   // all but purpose-met, horizon, outreach-personalized
        keep.press(.enter)
        #expect(keep.exitStatus == 0)
        let saved = try #require(fx.entries.first)
        #expect(saved.flow == nil)
        #expect(saved.id == quick.id)
        let file = try String(contentsOfFile: try #require(saved.source?.path), encoding: .utf8)
        #expect(!file.contains("flow:"))
    }
}
