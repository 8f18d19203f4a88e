@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

/// Moving a due date in the guided edit: later is a postponement, as with `debrief reschedule`.
@Suite struct ReflectionPostponementTests {
    /// The follow-ups widget over `rows`, with the first row's due date retyped as `due`.
    static func edited(_ rows: [FollowUp], due: String, fx: ReflectionFixture) throws -> [FollowUp] {
        let prompt = try #require(fx.catalog.prompt("follow-ups"))
        var field = AnswerField.make(for: prompt, answer: .followUps(rows),
                                     context: .init(clock: fx.clock, knownPeople: [], peopleHere: []))
        // Up selects the last row, Enter edits it, Down twice goes to its due date.
        for _ in rows.indices { _ = field.handle(.up) }
        for key: Key in [.enter, .down, .down, .ctrl("u")] { _ = field.handle(key) }
        for c in due { _ = field.handle(.char(c)) }
        _ = field.handle(.enter)
        guard case .success(let answer) = field.value(for: prompt, clock: fx.clock) else {
            Issue.record("the field did not give a value")
            return []
        }
        return answer?.followUps ?? []
    }

    @Test func aLaterDueDateIsAPostponementAndAnEarlierOneIsNot() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let row = FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-11-20"), id: "abcd2345")
        // The clock stands on Thursday 2026-11-26, so fri is the 27th.
        let later = try Self.edited([row], due: "fri", fx: fx)
        #expect(later == [FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-11-27"), id: "abcd2345",
                                   firstDue: Day(iso: "2026-11-20"), postponed: 1)])
        let again = try Self.edited(later, due: "2026-12-04", fx: fx)
        #expect(again.first?.postponed == 2 && again.first?.firstDue == Day(iso: "2026-11-20"))
        let earlier = try Self.edited([FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-12-10"))], due: "fri", fx: fx)
        #expect(earlier == [FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-11-27"))])
        let same = try Self.edited([row], due: "2026-11-20", fx: fx)
        #expect(same == [row])
    }
}
