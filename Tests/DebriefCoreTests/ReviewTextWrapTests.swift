import Testing
@testable import DebriefCore

/// The review's wrapping works on slices of the spans' text; it must lay out exactly as the
/// first version did, which split the text one character at a time into a styled line per word
/// (a space being a character that is exactly U+0020: a space carrying a combining mark belongs
/// to its word), for any styles, widths and measure.
@Suite struct ReviewTextWrapTests {
    typealias Span = ReviewText.Span
    typealias Line = ReviewText.Line

    /// The wrap as it was first written.
    static func reference(_ spans: [Span], first: String, rest: String, collapsingSpaces: Bool,
                          width: Int, measure: (String) -> Int) -> [Line] {
        var words: [(gap: Line, line: Line)] = []
        var gap = Line()
        var current = Line()
        for span in spans {
            for character in span.text {
                if character == " " {
                    if !current.isEmpty {
                        words.append((gap, current))
                        gap = Line()
                        current = Line()
                    }
                    gap.append(Span(" ", span.tone, strong: span.strong))
                } else {
                    current.append(Span(String(character), span.tone, strong: span.strong))
                }
            }
        }
        if !current.isEmpty { words.append((gap, current)) }
        var lines: [Line] = []
        var line = Line([Span(first)])
        var used = measure(first)
        var empty = true
        for word in words {
            var gap = word.gap
            if collapsingSpaces, let space = gap.spans.first { gap = Line([Span(" ", space.tone, strong: space.strong)]) }
            let gapWidth = measure(gap.text)
            let wordWidth = measure(word.line.text)
            if !empty, used + gapWidth + wordWidth > width {
                lines.append(line)
                line = Line([Span(rest)])
                used = measure(rest)
                empty = true
            }
            if !empty {
                for span in gap.spans { line.append(span) }
                used += gapWidth
            }
            for span in word.line.spans { line.append(span) }
            used += wordWidth
            empty = false
        }
        lines.append(line)
        return lines
    }

    static func wrapped(_ spans: [Span], first: String, rest: String, collapsingSpaces: Bool,
                        width: Int, measure: @escaping @Sendable (String) -> Int) -> [Line] {
        var renderer = ReviewText.Renderer(options: .init(width: width, measure: measure))
        renderer.wrap(spans, first: first, rest: rest, collapsingSpaces: collapsingSpaces)
        return renderer.lines
    }

    static let texts = [
        "", " ", "   ", "word", "  two  words  ", "Zürich café naïve", "a \u{301}b c", "e\u{301} \u{301} x",
        "👩‍👩‍👧 family  🇩🇪 flag", "tab\tstays inside", "日本語 の テキスト", "end ", " start", "\u{200D} zwj",
        "\u{600} prepend", "a \u{903}b", "x \u{200D}y", "late · from", "\u{600}  two",
        "Feedback on-call hiring café the. due Mon 13 Jan, 3641 days late · from Security conference 2020 #31",
    ]

    /// The command line's measure (``ReviewText/Options/characters(_:)``) counts text of scalars
    /// below U+0300 on its bytes, without breaking it into clusters: the same count as `count`
    /// for every such scalar alone and beside each of a few others (CR LF, controls, the first
    /// combining mark), for random texts that mix them with joining and wide ones, and for every
    /// text above.
    @Test func theCommandLinesMeasureIsTheCharacterCount() {
        let partners = ["", "a", " ", "\r", "\n", "\u{0}", "\u{85}", "\u{AD}", "\u{B7}", "\u{2FF}", "\u{300}", "\u{301}", "日"]
        for value in 0..<0x300 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for partner in partners {
                for text in [String(scalar) + partner, partner + String(scalar)] {
                    #expect(ReviewText.Options.characters(text) == text.count, "\(text.unicodeScalars.map(\.value))")
                }
            }
        }
        let alphabet = ["a", " ", "~", "·", "é", "ʼ", "\r", "\n", "\r\n", "\t", "\u{0}", "\u{7F}", "\u{301}", "日", "🇩🇪"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "" }.joined()
            #expect(ReviewText.Options.characters(text) == text.count, "\(text.debugDescription)")
        }
        for text in Self.texts { #expect(ReviewText.Options.characters(text) == text.count, "\(text.debugDescription)") }
        #expect(ReviewText.Options.characters("a\r\nb · c") == 7)
    }

    @Test(arguments: texts) func oneSpanWrapsAsCharacterByCharacter(_ text: String) {
        for width in [0, 5, 12, 40, 120] {
            for collapsing in [true, false] {
                let spans = [Span(text, .bad, strong: true)]
                let got = Self.wrapped(spans, first: "  - ", rest: "    ", collapsingSpaces: collapsing, width: width) { $0.count }
                let expected = Self.reference(spans, first: "  - ", rest: "    ", collapsingSpaces: collapsing, width: width) { $0.count }
                #expect(got == expected, "\(text.debugDescription) at \(width), collapsing \(collapsing)")
            }
        }
    }

    @Test func stylesChangingMidWordAndMidGapWrapAsCharacterByCharacter() {
        var rng = SeededGenerator(seed: 7)
        let pieces = ["a", "bc ", " ", "  d", "é ", "\u{301}", "x y", "👍🏽", "  ", "日本", "", "\u{600}", "\u{903}", " · "]
        let tones: [ReviewText.Tone] = [.plain, .muted, .bad, .good]
        let measures: [@Sendable (String) -> Int] = [{ $0.count }, { $0.unicodeScalars.count * 2 }, { $0.utf8.count }]
        for round in 0..<600 {
            let spans = (0..<Int.random(in: 1...7, using: &rng)).map { _ in
                Span(pieces.randomElement(using: &rng) ?? "", tones.randomElement(using: &rng) ?? .plain,
                     strong: Bool.random(using: &rng))
            }
            let width = Int.random(in: 0...14, using: &rng)
            let collapsing = Bool.random(using: &rng)
            let measure = measures[round % measures.count]
            let got = Self.wrapped(spans, first: " ", rest: "  ", collapsingSpaces: collapsing, width: width, measure: measure)
            let expected = Self.reference(spans, first: " ", rest: "  ", collapsingSpaces: collapsing, width: width, measure: measure)
            #expect(got == expected, "\(spans) at \(width), collapsing \(collapsing)")
        }
    }

    /// Spans that fit on one row take a shorter way (``ReviewText/Renderer/oneRow(_:first:)``):
    /// wide rows, so that most of these fit, give the reference's rows whatever the spaces, styles
    /// and measure.
    @Test func rowsThatFitAreTheReferenceRows() {
        var rng = SeededGenerator(seed: 11)
        let pieces = ["a", "bc ", " ", "  d", "é ", "\u{301}", "x y", "👍🏽", "日本", "", "\u{600}", "\u{903}", " · ",
                      "Ana Li", " from ", "Zoë", "\u{200D}", "ü", "overdue 3 days"]
        let tones: [ReviewText.Tone] = [.plain, .muted, .bad]
        let measures: [@Sendable (String) -> Int] = [{ $0.count }, { $0.unicodeScalars.count * 2 }, { $0.utf8.count }]
        var oneRow = 0
        for round in 0..<600 {
            let spans = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                Span(pieces.randomElement(using: &rng) ?? "", tones.randomElement(using: &rng) ?? .plain,
                     strong: Bool.random(using: &rng))
            }
            let width = Int.random(in: 8...60, using: &rng)
            let measure = measures[round % measures.count]
            let got = Self.wrapped(spans, first: "    - ", rest: "      ", collapsingSpaces: true, width: width, measure: measure)
            let expected = Self.reference(spans, first: "    - ", rest: "      ", collapsingSpaces: true, width: width, measure: measure)
            #expect(got == expected, "\(spans) at \(width)")
            if expected.count == 1 { oneRow += 1 }
        }
        #expect(oneRow > 300, "most rows fit: \(oneRow)")
    }
}
