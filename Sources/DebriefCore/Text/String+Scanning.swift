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
