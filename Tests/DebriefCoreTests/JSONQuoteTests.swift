import Foundation
@testable import DebriefCore
import Testing

/// JSON strings are escaped on their UTF-8 bytes (``JSONValue/quote(_:into:)``): the same text
/// the scalar-by-scalar escaping gave, for texts made of every kind of character it treats
/// apart (quote, backslash, line feeds, controls, DEL, C1, U+2028/2029, their neighbours).
@Suite struct JSONQuoteTests {
    /// The escaping as it was, scalar by scalar: the reference.
    static func reference(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    static let pieces = ["a", " ", "\"", "\\", "\n", "\r", "\r\n", "\t", "\u{0}", "\u{1B}[31m", "\u{1F}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}",
                         "\u{A0}", "\u{BF}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "東京", "😀", "e\u{301}", "}"]

    @Test func bytesGiveWhatScalarsGave() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
            #expect(JSONValue.quote(s) == Self.reference(s), "\(String(reflecting: s))")
        }
        #expect(JSONValue.quote("line\n\u{9B}2J\u{2028}") == #""line\n\u009B2J\u2028""#)
    }
}
