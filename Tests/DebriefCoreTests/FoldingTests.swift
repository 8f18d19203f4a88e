import Foundation
import Testing
@testable import DebriefCore

/// `foldedByWords` (an entry's search text) must equal `folded` of the whole text, or a search
/// typed as one piece would miss what the index stored word by word.
@Suite struct FoldingTests {
    @Test(arguments: [
        "Zoë Brandt", "ZOË  brandt\n\tMüller", "Straße STRASSE", "ΣΊΣΥΦΟΣ σίσυφος ς", "Ｆｕｌｌ ｗｉｄｔｈ",
        "東京 São Paulo naïve café", "a \u{301} b", "\u{301}", "e\u{301}t\u{E9}", "x\u{00A0}y\u{3000}z", "  lead and trail  ",
        "İstanbul ıi", "ﬁne ﬀ", "a\r\nb\u{2028}c\u{85}d", "", "plain ascii words", "Ǆ ǅ ǆ", "👋🏽 Zoë",
    ])
    func wordByWordEqualsTheWhole(_ text: String) {
        #expect(text.foldedByWords == text.folded, "\(text.debugDescription)")
    }

    /// Random texts from letters, marks, spaces and symbols that folding treats specially.
    @Test func randomTextsFoldTheSameEitherWay() {
        let pool: [String] = ["a", "Z", "ë", "e", "\u{301}", "\u{308}", " ", "  ", "\n", "\t", "\u{A0}", "\u{3000}",
                              "ß", "Σ", "ς", "İ", "ı", "Ｆ", "ﬁ", "東", "👋", "🏽", "Ǆ", "ǅ", "-", "'", "1", "\u{200B}", "\u{FEFF}", "\u{600}", "\u{1}", "\r\n", "\u{85}", "\u{2028}", "\u{200D}", "\u{FE0F}", "\u{1F1E9}", "\u{1F1EA}", "\u{1100}", "\u{1161}", "\u{903}"]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<20000 {
            let text = (0..<(next() % 12)).map { _ in pool[next() % pool.count] }.joined()
            #expect(text.foldedByWords == text.folded, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every file of the committed PyYAML corpora: its search text either way.
    @Test func corpusTextsFoldTheSameEitherWay() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        for name in ["safe-dump.txt", "adversarial.txt", "styles.txt"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for piece in text.components(separatedBy: "%%%% ").prefix(400) {
                #expect(piece.foldedByWords == piece.folded, "\(name): \(piece.prefix(80))")
            }
        }
    }
}
