@testable import DebriefCore
import Testing

/// ``Swift/String/isBlank`` is Unicode's White_Space over every scalar, whether the first byte
/// decides (ASCII) or the scalars do (past ASCII).
@Suite struct StringBlankTests {
    static func reference(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    @Test func everyFirstByteAnswersAsTheScalarsDo() {
        for byte in 0..<0x80 {
            let c = String(UnicodeScalar(UInt8(byte)))
            for text in [c, c + "x", c + " ", " " + c, c + "\u{A0}", c + c, c + "\n"] {
                #expect(text.isBlank == Self.reference(text), "\(byte) \(String(reflecting: text))")
            }
        }
        for text in ["", " ", "\t\n\r\u{0B}\u{0C}", "\u{A0}", "\u{2003}x", "\u{85}", "\u{3000} ", "é", " é", "\u{FEFF}", "\u{2028}"] {
            #expect(text.isBlank == Self.reference(text), "\(String(reflecting: text))")
        }
    }
}
