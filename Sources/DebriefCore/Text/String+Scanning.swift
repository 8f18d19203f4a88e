extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string. A plain byte scan: Foundation's
    /// `contains` bridges to NSString and dominated the cost of reading a journal.
    func containsBytes(_ needle: String) -> Bool {
        let hay = Array(utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, hay.count >= pin.count else { return pin.isEmpty }
        var i = 0
        while i <= hay.count - pin.count {
            if hay[i] == pin[0] {
                var j = 1
                while j < pin.count, hay[i + j] == pin[j] { j += 1 }
                if j == pin.count { return true }
            }
            i += 1
        }
        return false
    }

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
