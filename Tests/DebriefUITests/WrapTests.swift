import Testing
@testable import DebriefUI

@Suite("Word wrap")
struct WrapTests {
    @Test func softWrapsAtSpaces() {
        #expect(wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    }

    @Test func hardBreaksLongWords() {
        #expect(wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(wrap("go supercalifragilistic", width: 6) == ["go", "superc", "alifra", "gilist", "ic"])
    }

    @Test func keepsExplicitLineBreaks() {
        #expect(wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(wrap("", width: 10) == [""])
    }

    @Test func wideCharactersNeverExceedWidth() {
        #expect(wrap("李雷李雷李", width: 5) == ["李雷", "李雷", "李"])
        #expect(wrap("hello 世界和平", width: 7) == ["hello", "世界和", "平"])
        let text = "Met 李雷 at the 👋 mixer; talked about 한국어 tooling and 👨‍👩‍👧 family leave"
        for width in 2...30 {
            for line in wrap(text, width: width) {
                #expect(line.displayWidth <= width, "width \(width): \(line.debugDescription)")
            }
        }
    }

    @Test func wrapKeepsEveryNonSpaceCharacter() {
        let text = "one two  three\nfour 李雷 five"
        let joined = wrap(text, width: 5).joined()
        #expect(joined.filter { $0 != " " && $0 != "\n" } == text.filter { $0 != " " && $0 != "\n" })
    }
}
