import Foundation
import Testing
@testable import DebriefCore

/// The rules a file must keep to be read back, checked before anything is written.
@Suite struct AnswerRulesTests {
    @Test func aFollowUpWithoutAnActionIsAProblemAtItsRow() {
        let answers: [String: Answer] = [
            "title": .text("Coffee"),
            "follow-ups": .followUps([FollowUp(who: "Ana", action: "Call"), FollowUp(who: "Bo", action: "  ")]),
        ]
        let problems = AnswerRules.problems(in: answers, catalog: Fixtures.catalog)
        #expect(problems == [AnswerProblem(promptID: "follow-ups", kind: .missingField, row: 1, field: "action",
                                           message: "`follow-ups` item 2 needs an action")])
    }

    @Test func requiredOnlyCountsForAskedPromptsAndValuesStayInRange() {
        let catalog = Fixtures.catalog
        let answers: [String: Answer] = ["talk-share": .number(150), "people": .people([Person(name: " ", level: "boss")])]
        let problems = AnswerRules.problems(in: answers, catalog: catalog)
        #expect(problems.map(\.promptID) == ["title", "people", "people", "talk-share"])
        #expect(problems.map(\.kind) == [.required, .missingField, .invalidValue, .invalidValue])
        #expect(problems[3].message == "`talk-share` must be a whole number from 0 to 100, not 150")
        let askedWithoutTitle = catalog.prompts.filter { $0.id != "title" }
        #expect(AnswerRules.problems(in: answers, catalog: catalog, asked: askedWithoutTitle).map(\.promptID)
                == ["people", "people", "talk-share"])
    }

    /// The journal never holds a file it cannot read: a save that would write one writes
    /// nothing, and trying again adds no `-2.md`.
    @Test func theStoreRefusesToWriteWhatItCouldNotReadBack() throws {
        let root = Fixtures.tempDirectory("rules")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let now = Fixtures.ts("2026-11-24T21:05:12+01:00")
        var entry = Entry(id: "", created: now, updated: now, answers: [
            "title": .text("Coffee"), "date": .timestamp(now),
            "follow-ups": .followUps([FollowUp(who: "Ana", action: "")]),
        ])
        for _ in 0..<2 {
            #expect(throws: (any Error).self) { try store.create(entry) }
        }
        #expect(store.refs().isEmpty)
        entry["follow-ups"] = .followUps([FollowUp(who: "Ana", action: "Call")])
        let saved = try store.create(entry)
        #expect(saved.id == "2026-11-24-2105-coffee")
        var broken = saved
        broken["follow-ups"] = .followUps([FollowUp(who: "Ana", action: "")])
        let before = Fixtures.bytes(try #require(saved.source?.path))
        #expect(throws: (any Error).self) { try store.save(broken, now: now) }
        #expect(Fixtures.bytes(try #require(saved.source?.path)) == before)
    }
}
