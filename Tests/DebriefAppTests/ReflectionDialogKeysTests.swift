@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// Every dialog of the reflection dispatches through its key map, and lists what the map holds:
/// a key it does not list does nothing, and every key it answers is listed.
@Suite struct ReflectionDialogKeysTests {
    /// The dialog's text, its box drawn away, one line per row, trimmed.
    static func lines(_ d: ProgramDriver<ReflectionProgram>) -> [String] {
        d.rows.map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
    }

    static func draft(_ fx: ReflectionFixture) -> ReflectionDraft {
        ReflectionDraft(name: "new-2026-11-26-200000", answers: ["title": .text("Coffee with Ana")], savedAt: fx.clock.timestamp)
    }

    /// The offer to resume lists each of its keys, Esc included; `k`, which used to keep the
    /// draft and start afresh without being listed, does nothing.
    @Test func theResumeOfferAnswersOnlyTheKeysItLists() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(resumable: Self.draft(fx)))
        let lines = Self.lines(d)
        for line in ["r    resume where you left off (or Enter)", "d    discard it and start a new one",
                     "n    keep it and start a new one", "Esc  leave (keeps it)"] {
            #expect(lines.contains(line), "missing \(line) in\n\(d.screen)")
        }
        d.press(.char("k"))
        #expect(d.program.mode == .resumeOffer)
        d.press(.char("x"), .char("?"), .tab)
        #expect(d.program.mode == .resumeOffer)
        d.press(.char("n"))
        #expect(d.program.mode == .prompting)
        #expect(fx.store.draftNames() == [])     // never written by the fixture; nothing was removed either
    }

    /// The dialog Esc opens says that Enter saves and Esc goes back, as they do.
    @Test func theLeaveDialogListsEnterAndEsc() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Coffee")
        d.press(.escape)
        let lines = Self.lines(d)
        for line in ["s  save the draft and quit (or Enter)", "d  discard this reflection and quit", "g  go on answering (or Esc)"] {
            #expect(lines.contains(line), "missing \(line) in\n\(d.screen)")
        }
        d.press(.char("x"))
        #expect(d.program.mode == .confirmLeave)
        d.press(.escape)
        #expect(d.program.mode == .prompting)
        d.press(.escape, .enter)
        #expect(d.exitStatus == 0)
        #expect(ReflectionDraft.latestNew(in: fx.store)?.title == "Coffee")
    }

    /// Home and End on the summary are in its key map, so its `?` overlay lists them, and they
    /// select the first answer and Save.
    @Test func theSummaryListsHomeAndEnd() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Coffee")
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        d.press(.char("?"))
        let lines = Self.lines(d)
        #expect(lines.contains { $0.contains("Home   first answer") }, "\(d.screen)")
        #expect(lines.contains { $0.contains("End    Save") }, "\(d.screen)")
        d.press(.char("?"), .home)
        #expect(d.rows.contains { $0.contains("▸ Title") }, "\(d.screen)")
        d.press(.end)
        #expect(d.rows.contains { $0.contains("▸ Save this reflection (Enter)") }, "\(d.screen)")
    }

    /// The summary's verdicts are worked out when it opens and when what they come from changes,
    /// not for each frame: drawing it reads them from the state.
    @Test func theSummaryWorksItsVerdictsOutInUpdate() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Coffee")
        d.press(.ctrl("s"))
        guard case .summary(let summary) = d.program.phase else {
            Issue.record("not on the summary")
            return
        }
        #expect(summary.verdicts.entry.title == "Coffee")
        #expect(summary.verdicts.judgement.flags.map(\.pitfallID).contains("casual-socializing"))
        #expect(summary.verdicts.isCurrent(for: d.program))
        let frame = d.frame
        #expect(d.frame == frame)
    }

    /// Browse's detail view judges its entry in `update`, when it opens, and keeps the verdicts
    /// with what they were judged from; drawing reads them.
    @Test func anEntryIsJudgedWhenItOpensNotWhenItIsDrawn() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver()
        #expect(d.program.detailFlags == nil)
        d.press(.enter)
        let judged = try #require(d.program.detailFlags)
        #expect(judged.entry.title == "Swift meetup Berlin")
        #expect(judged.flags.map(\.pitfallID).contains("casual-socializing"))
        #expect(d.screen.contains("! Socializing with no professional purpose"))
        d.press(.escape)
        #expect(d.program.detailFlags == nil)
    }
}
