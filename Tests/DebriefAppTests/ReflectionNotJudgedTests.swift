@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

/// The summary of a shorter flow says what it could not judge the way the review does: a pitfall
/// judged in part (its talk share known and low, the favour not asked) is not "not judged".
@Suite struct ReflectionNotJudgedTests {
    func quickSummary(talkShare: Int) throws -> (screen: String, fx: ReflectionFixture) {
        let fx = try ReflectionFixture()
        var setup = fx.setup(prefill: [
            "title": .text("Coffee with Ana"), "date": .timestamp(Timestamp(iso: "2026-11-26T08:00:00+01:00")!),
            "kind": .choice("one-on-one"), "people": .people([Person(name: "Ana Lima", level: "peer", relation: "new")]),
            "talk-share": .number(talkShare),
            "follow-ups": .followUps([FollowUp(who: "Ana Lima", action: "Send the notes", due: Day(iso: "2026-12-04"))]),
        ])
        setup.flow = "quick"
        var d = fx.driver(setup, width: 200, height: 60)
        for _ in 0..<20 where d.program.mode != .summary { d.press(.enter) }
        #expect(d.program.mode == .summary)
        // The summary wraps its sentences; read them as one run of words.
        return (d.screen.split(whereSeparator: \.isWhitespace).joined(separator: " "), fx)
    }

    @Test func aPitfallJudgedInPartIsSaidApart() throws {
        let (screen, fx) = try quickSummary(talkShare: 40)
        defer { fx.remove() }
        #expect(screen.contains("Not judged, this flow does not ask about it: socializing with no professional purpose; mass connection requests and generic messages; networking only for an immediate return."))
        #expect(screen.contains("Judged only in part, from what this flow asks: self-promotion without reciprocity."))
    }

    @Test func aPitfallItsAnswersShowIsNotListedAsUnjudged() throws {
        let (screen, fx) = try quickSummary(talkShare: 80)
        defer { fx.remove() }
        #expect(screen.contains("Self-promotion without reciprocity: did 80% of the talking"))
        #expect(!screen.contains("only in part"))
        #expect(!screen.contains("professional purpose; self-promotion"))
    }
}
