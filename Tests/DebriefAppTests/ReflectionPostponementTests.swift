@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

/// Moving a due date in the guided edit: later is a postponement, as with `debrief reschedule`,
/// unless it corrects a row created within the day.
@Suite struct ReflectionPostponementTests {
    /// When the edited entry was written: a week before the fixture's clock (Thursday 2026-11-26).
    static let written = Timestamp(iso: "2026-11-19T21:00:00+01:00")!

    /// The follow-ups widget over `rows`, with the first row's due date retyped as `due`, in an
    /// entry created at `created` (nil: a new entry, not saved yet).
    static func edited(_ rows: [FollowUp], due: String, fx: ReflectionFixture, created: Timestamp? = written) throws -> [FollowUp] {
        let prompt = try #require(fx.catalog.prompt("follow-ups"))
        var field = AnswerField.make(for: prompt, answer: .followUps(rows),
                                     context: .init(clock: fx.clock, knownPeople: [], peopleHere: [], entryCreated: created))
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

    @Test func aCorrectionIsNotAPostponement() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let row = FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-11-27"), id: "abcd2345")
        // In a new entry (not saved yet) and in one written an hour ago: moved a week, nothing counted.
        let fresh = try Self.edited([row], due: "2026-12-04", fx: fx, created: nil)
        #expect(fresh == [FollowUp(who: "Ana", action: "Send the link", due: Day(iso: "2026-12-04"), id: "abcd2345")])
        let hourAgo = fx.clock.timestamp.seconds - 3600
        let recent = try Self.edited([row], due: "2026-12-04", fx: fx, created: Timestamp(seconds: hourAgo, utcOffset: 3600))
        #expect(recent.first?.postponed == 0 && recent.first?.firstDue == nil)
        // A row added to an old entry an hour ago (`added`) is fresh too.
        var added = row
        added.added = Timestamp(seconds: hourAgo, utcOffset: 3600)
        let addedRecently = try Self.edited([added], due: "2026-12-04", fx: fx)
        #expect(addedRecently.first?.postponed == 0 && addedRecently.first?.due == Day(iso: "2026-12-04"))
    }
}
