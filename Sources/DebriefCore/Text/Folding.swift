import Foundation

extension String {
    /// The string with case and diacritics removed and runs of whitespace collapsed, for matching
    /// what people type against what they wrote ("zoe  brandt" finds "Zoë Brandt").
    public var folded: String {
        let base = self.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return base.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
