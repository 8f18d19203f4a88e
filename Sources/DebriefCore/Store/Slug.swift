/// File-name slugs from titles: lowercase ASCII letters, digits and hyphens, at most 40 characters.
public enum Slug {
    public static let maxLength = 40

    /// "Zoë's Swift meetup — Berlin!" → `zoes-swift-meetup-berlin`; a title with no Latin letters
    /// or digits becomes `reflection`.
    public static func make(_ title: String) -> String {
        var out = ""
        var pendingHyphen = false
        // Letters that folding leaves alone because they are not a base letter plus a diacritic.
        var folded = ""
        for c in title.folded.unicodeScalars { folded += Self.letters[c] ?? String(c) }
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            if (97...122).contains(v) || (48...57).contains(v) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingHyphen = true
            }
        }
        if out.count > maxLength {
            out = String(out.prefix(maxLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "reflection" : out
    }

    private static let letters: [Unicode.Scalar: String] = [
        "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŧ": "t", "ħ": "h",
    ]
}
