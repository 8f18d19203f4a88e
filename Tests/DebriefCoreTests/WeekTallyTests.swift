import Testing
@testable import DebriefCore

/// A week's tally as a memo stores it: every tally reads back as itself, and any text the memo
/// never writes reads as nothing (the week is judged again, never trusted).
@Suite struct WeekTallyTests {
    @Test func everyTallyReadsBackAsItself() {
        var rng = SeededGenerator(seed: 7)
        let ids = ["self-promotion", "no-follow-up", "a", "b-2", "ignoring-existing-network", "Zed", "é-accent", "z"]
        for _ in 0..<300 {
            var counts: [String: Int] = [:]
            for id in ids where Bool.random(using: &rng) { counts[id] = Int.random(in: 1...1_000_000, using: &rng) }
            let tally = WeekTally(counts: counts)
            #expect(WeekTally(encoded: tally.encoded) == tally, "\(tally.encoded.debugDescription)")
        }
        #expect(WeekTally(counts: [:]).encoded == "")
        #expect(WeekTally(encoded: "") == WeekTally(counts: [:]))
        #expect(WeekTally(counts: ["b": 2, "a": 10]).encoded == "a 10\nb 2\n")
    }

    @Test func textTheMemoNeverWritesIsNothing() {
        for text in ["a 1", "a 1\nb", "b 1\na 1\n", "a 1\na 2\n", "a 0\n", "a 01\n", "a -1\n", "a +1\n", "a 1 \n", " 1\n", "a\n",
                     "a 1\n\n", "\n", "a 1x\n", "a 9999999999999999999\n", "a  1\n"] {
            #expect(WeekTally(encoded: text) == nil, "\(text.debugDescription)")
        }
    }
}
