import Foundation
import Testing
@testable import DebriefCore

/// `EventWords.tokens` cuts ASCII texts on their bytes (`asciiTokens`); the words must be the ones
/// the character path (folding, then Swift's letters and digits) gives, or an event would be
/// judged worth a reflection, or matched to a title, differently from before.
@Suite struct EventWordsTests {
    @Test(arguments: [
        "Lunch with Marc Weber", "Coffee\nRoom 4.12, Zürich", "SWIFT meetup — talks", "a\r\nb", "x\u{1}y\u{7F}z",
        "  lead  and\ttrail  ", "", "1:1 Ana/Ben", "Q3-planning_(all hands)", "^`~|[]{}@#$%&*+=<>?!\"';:,.",
    ])
    func asciiWordsAreTheCharacterWords(_ text: String) {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(EventWords.asciiTokens(text) == EventWords.characterTokens(text), "\(text.debugDescription)")
        } else {
            #expect(EventWords.asciiTokens(text) == nil, "\(text.debugDescription)")
        }
        #expect(EventWords.tokens(text) == EventWords.characterTokens(text), "\(text.debugDescription)")
    }

    /// Every ASCII byte, in seeded random texts (CR LF, controls, punctuation, runs of spaces).
    @Test func randomASCIITextsCutTheSameEitherWay() {
        var seed: UInt64 = 0x20_2612_03
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        let pieces = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\r\n", "Lunch", "MEETUP", "2026", "  "]
        for _ in 0..<20_000 {
            let text = (0..<(next() % 14)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(EventWords.asciiTokens(text) == EventWords.characterTokens(text), "\(text.utf8.map { $0 })")
        }
    }
}
