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
                         "\u{A0}", "\u{BF}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "東京", "😀", "e\u{301}", "}", "€", "\u{2000}", "\u{20AC}\u{2029}"]

    @Test func bytesGiveWhatScalarsGave() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
            #expect(JSONValue.quote(s) == Self.reference(s), "\(String(reflecting: s))")
        }
        #expect(JSONValue.quote("line\n\u{9B}2J\u{2028}") == #""line\n\u009B2J\u2028""#)
    }

    /// Long texts, where the clean runs between the pieces are read eight bytes at a time: every
    /// piece at every offset of a word, and pieces that straddle two words.
    @Test func wordsAtATimeGiveWhatScalarsGave() {
        var rng = SeededGenerator(seed: 23)
        let clean = "The quick brown fox jumps over the lazy dog 0123456789 ~{|}`_^[]@?>=<;:/.-,+*)('&%$#!"
        for _ in 0..<5_000 {
            let s = (0..<Int.random(in: 1...10, using: &rng)).map { _ in
                String(clean.prefix(Int.random(in: 0...40, using: &rng))) + (Self.pieces.randomElement(using: &rng) ?? "")
            }.joined()
            #expect(JSONValue.quote(s) == Self.reference(s), "\(String(reflecting: s))")
        }
        #expect(JSONValue.quote(clean + clean) == Self.reference(clean + clean))
    }

    /// The word test marks the first byte that may change, whatever its place and whatever
    /// follows it, and nothing in a word of bytes that never change.
    @Test func wordTestFindsTheFirstByteThatMayChange() {
        var rng = SeededGenerator(seed: 8)
        let safe = (0x20...0x7E).map(UInt8.init).filter { $0 != 0x22 && $0 != 0x5C }
        for _ in 0..<2_000 {
            var bytes = (0..<8).map { _ in safe.randomElement(using: &rng) ?? 0x41 }
            let word = { bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } }
            #expect(JSONValue.mayNeedEscape(word()) == 0)
            let at = Int.random(in: 0..<8, using: &rng)
            for byte in UInt8.min...UInt8.max where !safe.contains(byte) {
                bytes[at] = byte
                for later in (at + 1)..<9 where later < 8 { bytes[later] = UInt8.random(in: 0...255, using: &rng) }
                #expect(JSONValue.mayNeedEscape(word()).trailingZeroBitCount / 8 == at, "byte \(byte) at \(at) of \(bytes)")
            }
        }
    }
}
