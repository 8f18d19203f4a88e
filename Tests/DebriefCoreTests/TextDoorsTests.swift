import Foundation
import Testing
@testable import DebriefCore

/// The small readers and the terminal-safe text at the doors (issue 19).
@Suite struct TextDoorsTests {
    @Test func oneLineValuesShowEveryControlCharacter() {
        #expect(TerminalSafe.line("plain") == "plain")
        #expect(TerminalSafe.line("a\nb\r\nc\rd\te\u{1B}[2Jf\u{9B}g\u{7F}") == "a^Jb^M^Jc^Md^Ie^[[2Jf<U+009B>g^?")
        // Multi-line text keeps its line breaks and tabs; a CR before LF goes, a lone one shows.
        #expect(TerminalSafe.text("a\nb\r\nc\rd\te") == "a\nb\nc^Md\te")
    }

    /// Whether a text needs escaping is decided on its UTF-8 bytes (issue 23): a C1 control is
    /// C2 80…C2 9F there, and the same bytes after another lead (é, €, a no-break space) are not one.
    @Test func textIsEscapedOnItsBytesAsOnItsScalars() {
        for text in ["café € 東京 \u{A0}x", "\u{C2}\u{A9}", "tab\tand\nline", "", "\u{80}", "x\u{9F}", "\u{85}y", "a\u{1B}b", "\u{7F}", "\u{1F}"] {
            #expect(TerminalSafe.mayNeedEscaping(text) == text.unicodeScalars.contains(where: TerminalSafe.needsEscaping), "\(text.debugDescription)")
        }
        #expect(TerminalSafe.text("café € \u{A0}") == "café € \u{A0}")
        #expect(TerminalSafe.text("x\u{85}y") == "x<U+0085>y")
    }

    @Test func wholeNumbersInJSONsSpellings() {
        for (text, value) in [("40", 40), ("40.0", 40), ("4e1", 40), ("1E2", 100), ("0.3e1", 3), ("-2.0", -2), ("40%", 40), (" 7 ", 7)] {
            #expect(AnswerCoding.number(text, percent: true) == value, "\(text)")
        }
        for text in ["40.5", "1e400", "inf", "nan", "0x10", "4e", ".5", "1.", "4 0", "", "+4.0"] {
            #expect(AnswerCoding.number(text, percent: false) == nil, "\(text)")
        }
    }

    @Test func aKeyGivenTwiceInAJSONObjectIsRefusedWithItsLine() {
        #expect(throws: YAMLProblem(line: 3, message: "invalid JSON: the key \"a\" is given twice in one object (first on line 2)")) {
            try JSONReader.parse("[{\n\"a\": 1,\n\"a\": 2}]")
        }
        // The same key in two objects is fine.
        #expect((try? JSONReader.parse("[{\"a\": 1}, {\"a\": 2}]")) != nil)
    }

    @Test func invalidUTF8NamesTheLine() {
        #expect(UTF8Check.text(Array("fine\n".utf8)) == .success("fine\n"))
        #expect(UTF8Check.text(Array("one\ntwo\n".utf8) + [0xFF] + Array("\n".utf8)) == .failure(.init(line: 3)))
    }
}
