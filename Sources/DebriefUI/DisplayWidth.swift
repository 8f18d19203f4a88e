/// Terminal column widths, decided by our own table rather than `wcwidth`.
///
/// `wcwidth` depends on the process locale (it reports -1 for 中 under the C locale) and works on
/// single code points, while what a terminal draws is a grapheme cluster: 👍🏽, 👨‍👩‍👧 or e + U+0301.
/// Widths here are decided per cluster and never depend on the environment, so layout computed in
/// tests matches what the terminal shows.
public enum DisplayWidth {
    /// East Asian Wide and Fullwidth ranges (Unicode `EastAsianWidth.txt`, W and F), sorted.
    ///
    /// Emoji with default emoji presentation are covered by the scalar property instead, so
    /// only the CJK-style blocks are listed here.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation, ideographic space
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1AFF0...0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x1F300...0x1F64F, // pictographs and emoticons
        0x1F900...0x1F9FF, // supplemental symbols and pictographs
        0x20000...0x2FFFD, // CJK extensions B–F
        0x30000...0x3FFFD, // CJK extension G and later
    ]

    /// Whether a scalar is East Asian Wide or Fullwidth according to ``wideRanges``.
    static func isWide(_ value: UInt32) -> Bool {
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Whether a scalar is a C0/C1 control character or DEL, which the screen never draws.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Whether a scalar takes no column of its own: combining marks, format characters
    /// (ZWJ, ZWSP, word joiner, BOM), variation selectors and Hangul medial/final Jamo.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        if value == 0x200B { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return true
        default:
            return false
        }
    }

    /// The number of terminal columns a grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // Fast path: printable ASCII is by far the most common input.
        if let ascii = character.asciiValue {
            return isControl(UInt32(ascii)) ? 0 : 1
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        if isControl(value) { return 0 }

        let properties = first.properties
        var hasEmojiSelector = false
        var hasTextSelector = false
        var hasEmojiModifierOrJoiner = false
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0F: hasEmojiSelector = true
            case 0xFE0E: hasTextSelector = true
            case 0x200D, 0x1F3FB...0x1F3FF: hasEmojiModifierOrJoiner = true
            default: break
            }
        }
        if properties.isEmoji {
            // VS16 (and ZWJ sequences / skin tones) request emoji presentation, drawn two wide.
            if hasEmojiSelector || hasEmojiModifierOrJoiner { return 2 }
            if properties.isEmojiPresentation && !hasTextSelector { return 2 }
        }
        if isWide(value) { return 2 }
        if isZeroWidth(first) {
            // A cluster that starts with a zero-width scalar only has width if something
            // visible follows it inside the same cluster (rare; e.g. a stray ZWJ).
            return scalars.contains(where: { !isZeroWidth($0) && !isControl($0.value) }) ? 1 : 0
        }
        return 1
    }
}

extension Character {
    /// Columns this grapheme cluster occupies in a terminal (0, 1 or 2); see ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
