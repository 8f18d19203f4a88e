@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Synchronization
import Testing

@Suite("Reflection drafts")
struct ReflectionDraftTests {
    @Test func everyAcceptedAnswerIsInTheDraftAtOnce() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Zoë 李雷 👋")
        let name = d.program.draftName
        #expect(ReflectionDraft.read(name, from: fx.store)?.title == "Zoë 李雷 👋")
        d.answer("yesterday 19:00")
        #expect(ReflectionDraft.read(name, from: fx.store)?.answers["date"]?.timestamp?.display == "2026-11-25 19:00")
    }

    @Test func ctrlCAsksThenSavesTheDraftAndQuits() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Coffee")
        d.type("tomorrow")                                   // typed, not yet accepted
        d.press(.ctrl("c"))
        #expect(d.screen.contains("save the draft and quit"))
        d.press(.char("g"))                                  // go on
        #expect(d.program.mode == .prompting)
        #expect(d.screen.contains("tomorrow"))
        d.press(.escape)
        d.press(.char("s"))
        #expect(d.exitStatus == 0)
        let draft = try #require(ReflectionDraft.latestNew(in: fx.store))
        #expect(draft.title == "Coffee")
        #expect(draft.answers["date"]?.timestamp?.display == "2026-11-27 00:00")
        #expect(fx.entries.isEmpty)
    }

    @Test func discardRemovesTheDraft() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Coffee")
        #expect(!fx.store.draftNames().isEmpty)
        d.press(.escape, .char("d"))
        #expect(d.exitStatus == 0)
        #expect(fx.store.draftNames().isEmpty)
    }

    @Test func aSignalWritesTheDraftThenExits() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.type("Half a tit")
        d.send(.signal(15))
        #expect(d.exitSignal == 15)
        #expect(ReflectionDraft.latestNew(in: fx.store)?.title == "Half a tit")
    }

    @Test func theNextRunOffersToResumeKeepOrDiscard() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var first = fx.driver()
        first.answer("Swift meetup")
        first.answer("today 18:30")
        first.send(.signal(1))
        let draft = try #require(ReflectionDraft.latestNew(in: fx.store))

        var resumed = fx.driver(fx.setup(resumable: draft))
        #expect(resumed.screen.contains("Resume the unfinished reflection on “Swift meetup” from"))
        #expect(resumed.screen.contains("2026-11-26 21:00?"))
        resumed.press(.char("r"))
        #expect(resumed.promptID == "kind")
        resumed.press(.ctrl("s"), .ctrl("s"))
        #expect(resumed.exitStatus == 0)
        #expect(fx.entries.first?.title == "Swift meetup")
        #expect(fx.store.draftNames().isEmpty)

        var second = fx.driver(fx.setup(resumable: draft))
        second.press(.char("n"))
        #expect(second.promptID == "title")
        #expect(second.program.answers.isEmpty)
    }

    /// A reflection started from a calendar event (`new --event`, Enter on home) keeps the event's
    /// key and location through a draft: the next run resumes it and the saved entry still says
    /// which event it reflects on, so the event stops waiting on every device.
    @Test func aResumedDraftKeepsItsEventAndLocation() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var setup = fx.setup(prefill: ["title": .text("Lunch with Marc Weber")])
        setup.event = "lunch-marc@example.com/20261124T110000Z"
        setup.location = "Café Eins, Berlin"
        var first = fx.driver(setup)
        first.press(.enter)                                  // the prefilled title
        first.answer("2026-11-24 12:00")
        first.send(.signal(1))
        let draft = try #require(ReflectionDraft.latestNew(in: fx.store))
        #expect(draft.event == "lunch-marc@example.com/20261124T110000Z")
        #expect(draft.location == "Café Eins, Berlin")

        var resumed = fx.driver(fx.setup(resumable: draft))  // a new run knows nothing of the event
        resumed.press(.char("r"))
        resumed.press(.ctrl("s"), .ctrl("s"))
        #expect(resumed.exitStatus == 0)
        let saved = try #require(fx.entries.first)
        #expect(saved.title == "Lunch with Marc Weber")
        #expect(saved.event == "lunch-marc@example.com/20261124T110000Z")
        #expect(saved.location == "Café Eins, Berlin")
        let text = try String(contentsOfFile: try #require(saved.source?.path), encoding: .utf8)
        #expect(text.contains("\nevent: lunch-marc@example.com/20261124T110000Z\n"))
        #expect(text.contains("\nlocation: Café Eins, Berlin\n"))
        #expect(fx.store.draftNames().isEmpty)
    }

    @Test func editSavesOverTheEntryAndKeepsTheDraftWhenTheFileChanged() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let now = fx.clock.timestamp
        let saved = try fx.store.create(Entry(id: "", created: now, updated: now, answers: ["title": .text("Old title"), "talk-share": .number(50)]))
        var d = fx.driver(fx.setup(prefill: saved.answers, editing: saved))
        #expect(d.screen.contains("Old title"))
        d.press(.ctrl("u"))
        d.answer("New title")
        d.press(.ctrl("s"), .ctrl("s"))
        #expect(d.exitStatus == 0)
        let reread = try #require(fx.entries.first)
        #expect(reread.title == "New title")
        #expect(reread["talk-share"] == .number(50))
        #expect(fx.entries.count == 1)

        var stale = fx.driver(fx.setup(prefill: saved.answers, editing: saved))   // still the old fingerprint
        stale.press(.ctrl("u"))
        stale.answer("Stale edit")
        stale.press(.ctrl("s"), .ctrl("s"))
        #expect(stale.exitStatus == nil)
        #expect(stale.screen.contains("changed on disk"))
        let draft = try #require(ReflectionDraft.read(ReflectionDraft.editName(for: saved.id), from: fx.store))
        #expect(draft.title == "Stale edit")
        #expect(draft.draftOf == saved.id)
        #expect(fx.entries.first?.title == "New title")
    }

    @Test func externalEditorTextComesBack() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        // An editor given a file that ends with a line break, as text files do, which appends a
        // line the way `echo … >> file` would: the appended text stays on its own line.
        let handed = Mutex<[String]>([])
        var d = ProgramDriver(ReflectionProgram(fx.setup(prefill: ["title": .text("T")])), editor: { text in
            handed.withLock { $0.append(text) }
            return .edited(text + "from the editor\n")
        })
        d.tab(to: "purpose")
        d.type("typed")
        d.press(.function(2))
        #expect(handed.withLock { $0 } == ["typed\n"])
        d.press(.enter)
        #expect(d.program.answers["purpose"] == .text("typed\nfrom the editor"))
    }

    @Test func helpOverlayListsTheKeysAndTinyScreensAskForRoom() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("T")]))
        d.press(.tab, .tab)                                  // a choice: `?` is free for help
        d.type("?")
        #expect(d.screen.contains("Keys"))
        #expect(d.screen.contains("^S"))
        #expect(d.screen.contains("leave"))
        d.press(.enter)                                      // any key closes it
        #expect(!d.screen.contains("╭─ Keys"))
        d.send(.resize(width: 39, height: 20))
        #expect(d.screen.contains("needs at least 40×12"))
    }
}
