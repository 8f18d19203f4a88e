/// JSON writes a character outside the Basic Multilingual Plane as two escapes, a UTF-16
/// surrogate pair (`"\ud83c\udf89"` for 🎉), as `JSON.stringify` and Python's `json.dumps` do.
/// JSON is read as YAML, and YAML takes `\u` escapes as code points, where a lone surrogate is
/// invalid; so before parsing, each pair inside a double-quoted string becomes the one escape
/// YAML reads (`\U0001F389`). A surrogate without its partner is left for the parser to report.
enum JSONSurrogates {
    /// `text` with every escaped surrogate pair in a double-quoted string joined into one escape.
    /// Only a document that starts (after blanks) with `{` or `[`, as JSON does, is rewritten.
    static func joined(_ text: String) -> String {
        guard text.contains("\\u"),
              let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\n" && $0 != "\r" && $0 != "\t" && $0 != "\u{FEFF}" }),
              first == "{" || first == "[" else { return text }
        let u = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var inString = false
        var i = 0
        while i < u.count {
            let c = u[i]
            if !inString {
                if c == "\"" { inString = true }
                out.append(c)
                i += 1
                continue
            }
            if c == "\"" {
                inString = false
                out.append(c)
                i += 1
                continue
            }
            guard c == "\\", i + 1 < u.count else {
                out.append(c)
                i += 1
                continue
            }
            if u[i + 1] == "u", let high = hex(u, i + 2), (0xD800...0xDBFF).contains(high),
               i + 11 < u.count, u[i + 6] == "\\", u[i + 7] == "u", let low = hex(u, i + 8), (0xDC00...0xDFFF).contains(low) {
                let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let digits = String(scalar, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).unicodeScalars)
                i += 12
                continue
            }
            // Any other escape passes through whole, so `\\` followed by `u` is not read as one.
            out.append(c)
            out.append(u[i + 1])
            i += 2
        }
        return String(out)
    }

    /// The four hex digits at `start` as a number, or nil.
    private static func hex(_ u: [Unicode.Scalar], _ start: Int) -> UInt32? {
        guard start + 4 <= u.count else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + 4) {
            guard let d = UInt32(String(u[k]), radix: 16) else { return nil }
            value = value * 16 + d
        }
        return value
    }
}
