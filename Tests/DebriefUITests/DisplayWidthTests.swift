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
