@testable import DebriefCore
import Testing

/// A pitfall's reason is filled (`{value}`, `{threshold}`) on bytes when its text is ASCII and
/// by the standard library's `replacing` otherwise (``Detector/replacing(_:_:with:)``): the
/// same text either way, for texts made of the pieces where bytes and characters could part
/// (CR LF, a combining mark after a brace, non-ASCII values, the pattern inside a value).
@Suite struct ReasonFillTests {
    static let pieces = ["{value}", "{threshold}", "{", "}", "value", "{val", "ue}", "a", " ", "\r", "\n", "\r\n", "é", "e\u{301}",
                         "\u{301}", "東", "{{value}}", "x{value}y", "{threshold}{value}"]
    static let values = ["", "3", "80%", "{value}", "{threshold}", "\u{301}", "Zoë", "\r", "\n", "a{value}b"]

    @Test func bytesAndCharactersGiveTheSameText() {
        var rng = SeededGenerator(seed: 23)
        var checked = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
            let value = Self.values.randomElement(using: &rng) ?? ""
            for pattern in ["{value}", "{threshold}"] {
                #expect(Detector.replacing(text, pattern, with: value) == text.replacing(pattern, with: value),
                        "\(String(reflecting: text)) \(pattern) → \(String(reflecting: value))")
                checked += 1
            }
            let match = Verdict.Match(value: value, threshold: Self.values.randomElement(using: &rng))
            #expect(Detector.fill(text, match) == text.replacing("{value}", with: match.value ?? "").replacing("{threshold}", with: match.threshold ?? ""))
        }
        #expect(checked == 8_000)
        #expect(Detector.replacing("talked {value} of the time", "{value}", with: "80%") == "talked 80% of the time")
        #expect(Detector.replacing("}\u{301}{value}", "{value}", with: "x") == "}\u{301}x")
    }
}
