import Foundation

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs (YAML's white space), without
    /// going through Foundation.
    var trimmingBlanks: String {
        let bytes = Array(utf8)
        if let first = bytes.first, let last = bytes.last, first != 32, first != 9, last != 32, last != 9 {
            return String(self)
        }
        let scalars = Array(unicodeScalars)
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start...end])
        return String(out)
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without the trip through Foundation when neither
    /// end is white space (nearly always).
    var trimmingSpaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// Whether the text is empty or white space and line breaks only (`.whitespacesAndNewlines`,
    /// which is Unicode's White_Space), deciding at the first other character. A first byte of
    /// ASCII other than its White_Space (tab to carriage return, space) decides without
    /// Unicode's property tables: `people` asks it of every note (15,000 at 10,000 entries, 310
    /// instructions each through the tables).
    var isBlank: Bool {
        if let first = utf8.first, first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
