@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// `debrief edit` finding its own unfinished draft: the offer says when the entry changed on
/// disk after the draft was written, and resuming then takes an explicit `r`.
@Suite("Reflection: stale edit drafts")
struct ReflectionStaleDraftTests {
    /// An entry, an edit of it interrupted by a hangup (draft: "Draft title"), and the entry
    /// changed on disk afterwards (title "Changed elsewhere", talk-share 70).
    struct Scenario {
        let fx: ReflectionFixture
        let original: Entry
        let current: Entry
        let draft: ReflectionDraft

        init() throws {
            fx = try ReflectionFixture()
            let now = fx.clock.timestamp
            original = try fx.store.create(Entry(id: "", created: now, updated: now,
                                                 answers: ["title": .text("Old title"), "people": .people([Person(name: "Ana")]),
                                                           "talk-share": .number(50)]))
            var d = fx.driver(fx.setup(prefill: original.answers, editing: original))
            d.press(.ctrl("u"))
            d.answer("Draft title")
            d.send(.signal(1))
            var changed = original
            changed["title"] = .text("Changed elsewhere")
            changed["talk-share"] = .number(70)
            current = try fx.store.save(changed, now: now)
            draft = try #require(ReflectionDraft.read(ReflectionDraft.editName(for: original.id), from: fx.store))
        }

        func driver() -> ProgramDriver<ReflectionProgram> {
            fx.driver(fx.setup(prefill: current.answers, editing: current, resumable: draft))
        }
    }

    @Test func theDraftKnowsWhetherItsEntryChangedSince() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        #expect(s.draft.draftOf == s.original.id)
        #expect(s.draft.isStale(against: s.current))
        #expect(!s.draft.isStale(against: s.original))
        #expect(!s.draft.isStale(against: nil))
        var newDraft = s.draft
        newDraft.draftOf = nil
        #expect(!newDraft.isStale(against: s.current))
    }

    @Test func theOfferWarnsAndEnterDoesNotResume() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        var d = s.driver()
        let screen = d.screen.replacingOccurrences(of: "│", with: " ").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("The entry changed after this draft was written. Saving the draft puts it over those changes."), "\(d.screen)")
        #expect(d.screen.contains("r    resume anyway"))
        #expect(d.screen.contains("d    discard it, edit the entry"))
        #expect(!d.screen.contains("keep it and start a new one"))
        d.press(.enter)
        #expect(d.program.mode == .resumeOffer)
        d.press(.char("n"))                                  // no "keep and start again" for an edit
        #expect(d.program.mode == .resumeOffer)
        d.press(.escape)
        #expect(d.exitStatus == 0)
        #expect(ReflectionDraft.read(s.draft.name, from: s.fx.store)?.title == "Draft title")
        #expect(s.fx.entries.first?.title == "Changed elsewhere")
    }

    @Test func theWarningAndEveryKeyFitTheSmallestScreen() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        let d = s.fx.driver(s.fx.setup(prefill: s.current.answers, editing: s.current, resumable: s.draft), width: 40, height: 12)
        for text in ["The entry changed after this", "r    resume anyway", "d    discard it, edit the entry", "Esc  decide later (keeps it)"] {
            #expect(d.screen.contains(text), "missing \(text) in\n\(d.screen)")
        }
    }

    @Test func resumingAnywaySavesTheDraftOverTheNewerEntry() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        var d = s.driver()
        d.press(.char("r"))
        #expect(d.program.mode == .prompting)
        #expect(d.screen.contains("saving puts it over the entry's newer changes"))
        #expect(d.program.answers["title"] == .text("Draft title"))
        d.press(.ctrl("s"), .ctrl("s"))
        #expect(d.exitStatus == 0)
        let saved = try #require(s.fx.entries.first)
        #expect(saved.title == "Draft title")
        #expect(saved["talk-share"] == .number(50))          // the draft's answer, as warned
        #expect(s.fx.store.draftNames().isEmpty)
    }

    @Test func discardingEditsTheEntryAsItIsNow() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        var d = s.driver()
        d.press(.char("d"))
        #expect(d.program.mode == .prompting)
        #expect(d.program.answers["title"] == .text("Changed elsewhere"))
        #expect(d.screen.contains("Changed elsewhere"))
        #expect(s.fx.store.draftNames().isEmpty)
    }

    @Test func anUpToDateEditDraftResumesWithEnterAndNoWarning() throws {
        let s = try Scenario()
        defer { s.fx.remove() }
        var fresh = s.draft
        fresh.base = s.current.source?.fingerprint.description
        var d = s.fx.driver(s.fx.setup(prefill: s.current.answers, editing: s.current, resumable: fresh))
        #expect(!d.screen.contains("changed after this draft"))
        #expect(d.screen.contains("r    resume where you left off"))
        d.press(.enter)
        #expect(d.program.mode == .prompting)
        #expect(d.program.answers["title"] == .text("Draft title"))
    }
}
