import Foundation

extension String {
    /// The string with case and diacritics removed and runs of whitespace collapsed, for matching
    /// what people type against what they wrote ("zoe  brandt" finds "Zoë Brandt").
    public var folded: String {
        if let ascii = asciiFolded { return ascii }
        let base = self.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return base.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension String {
    /// The folded form of printable ASCII text with single spaces between words, which folding
    /// only lowercases, without Foundation (which costs microseconds a call); nil for any other
    /// text.
    fileprivate var asciiFolded: String? {
        var previousSpace = true
        var changed = false
        for b in utf8 {
            guard b >= 0x20, b < 0x7F else { return nil }
            if b == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
            } else {
                previousSpace = false
            }
            if b >= 0x41 && b <= 0x5A { changed = true }
        }
        if previousSpace && !isEmpty { return nil }
        guard changed else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for b in utf8 { bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
