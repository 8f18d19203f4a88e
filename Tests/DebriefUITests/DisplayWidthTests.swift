import Testing
@testable import DebriefUI

@Suite("Display width")
struct DisplayWidthTests {
    @Test("widths by grapheme cluster", arguments: [
        ("Zoë", 3),
        ("Zoe\u{308}", 3),
        ("李雷", 4),
        ("한국어", 6),
        ("ｈｉ", 4),
        ("👋", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("e\u{301}", 1),
        ("🇯🇵", 2),
        ("🇫🇷🇩🇪", 4),
        ("❤️", 2),
        ("☺", 1),
        ("1️⃣", 2),
        ("a\u{200B}b", 2),
        ("tab\there", 7),
        ("bell\u{7}", 4),
        ("", 0),
    ])
    func width(text: String, expected: Int) {
        #expect(text.displayWidth == expected, "\(text.debugDescription)")
    }

    /// Text of scalars below U+0300 is measured on its bytes, without breaking it into clusters:
    /// every such scalar alone and beside each of a few others (controls, CR LF, the soft hyphen,
    /// C1, the first combining mark), and random texts that mix them with wide and joining ones,
    /// as strings and substrings, give the sum over their clusters.
    @Test func latinTextIsMeasuredAsItsClustersAre() {
        func clusters<S: StringProtocol>(_ text: S) -> Int { text.reduce(0) { $0 + $1.displayWidth } }
        let partners: [String] = ["", "a", " ", "\r", "\n", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{AD}", "\u{B7}",
                                  "\u{2FF}", "\u{300}", "\u{301}", "李"]
        for value in 0..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for partner in partners {
                for text in [String(scalar) + partner, partner + String(scalar)] {
                    #expect(text.displayWidth == clusters(text), "\(text.unicodeScalars.map(\.value))")
                }
            }
        }
        let alphabet: [String] = ["a", " ", "~", "·", "é", "Ø", "ʼ", "\r", "\n", "\r\n", "\t", "\u{7F}", "\u{9B}", "\u{AD}",
                                  "\u{301}", "李", "👍🏽"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
            #expect(text.displayWidth == clusters(text), "\(text.debugDescription)")
            let cut = text.dropFirst(text.isEmpty ? 0 : 1)
            #expect(cut.displayWidth == clusters(cut), "\(cut.debugDescription)")
        }
        #expect("due Mon 13 Jan · from Zürich".displayWidth == 28)
    }

    @Test func singleClustersAreOneCharacter() {
        #expect("👍🏽".count == 1)
        #expect("👨‍👩‍👧".count == 1)
        #expect(Character("👨‍👩‍👧").displayWidth == 2)
        #expect(Character("\u{200D}").displayWidth == 0)
    }

    @Test func truncateKeepsWithinWidthAndNeverSplitsWideCharacters() {
        #expect("hello".truncated(toWidth: 5) == "hello")
        #expect("hello world".truncated(toWidth: 8) == "hello w…")
        #expect("李雷李雷".truncated(toWidth: 5) == "李雷…")
        #expect("李雷李雷".truncated(toWidth: 4) == "李…")
        #expect("abc".truncated(toWidth: 0) == "")
        #expect("abcdef".truncated(toWidth: 2, ellipsis: "...") == "ab")
        for limit in 0...9 {
            #expect("👋李a雷👍🏽bc".truncated(toWidth: limit).displayWidth <= limit)
        }
    }

    @Test func padAndFit() {
        #expect("李".padded(toWidth: 4) == "李  ")
        #expect("toolong".padded(toWidth: 3) == "toolong")
        #expect("李雷李".fitted(toWidth: 4) == "李… ")
        #expect("李雷李".fitted(toWidth: 4).displayWidth == 4)
    }
}
