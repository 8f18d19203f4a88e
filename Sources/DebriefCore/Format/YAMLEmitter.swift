/// Writes values in the one canonical form debrief uses, which the fast reader understands and
/// any YAML parser reads back to the same strings.
enum YAMLEmitter {
    /// A scalar on one line: plain when that is unambiguous, otherwise double-quoted.
    static func inlineScalar(_ s: String, inFlow: Bool = false) -> String {
        isPlainSafe(s, inFlow: inFlow) ? s : doubleQuoted(s)
    }

    /// `key: value` lines (with a final newline) for a top-level text answer: plain or quoted on
    /// one line, or a literal block for multi-line text so it stays readable in an editor.
    static func topLevelText(key: String, _ s: String) -> String {
        if s.contains("\n"), let block = literalBlock(s) { return "\(key): \(block)" }
        return "\(key): \(inlineScalar(s))\n"
    }

    /// A literal block (`|` or `|-`, with an indentation indicator when needed) including the
    /// header, the indented lines and a final newline; nil when the text cannot be one exactly.
    static func literalBlock(_ s: String) -> String? {
        guard s.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || isPrintable($0) }) else { return nil }
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let chomp: String
        if s.hasSuffix("\n") {
            // Clip keeps exactly one final newline; more need `|+`, which we avoid: blank lines after
            // a field belong to the file's layout.
            if s.hasSuffix("\n\n") { return nil }
            lines.removeLast()
            chomp = ""
        } else {
            chomp = "-"
        }
        // Trailing lines of blanks only would be read as blank lines (and split off as the field's
        // trailer), not content.
        if let last = lines.last, !last.isEmpty, last.unicodeScalars.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
        guard let first = lines.first(where: { !$0.isEmpty }) else { return nil }
        // Scalars, not Characters: " \u{301}" is one Character but still starts with a space. A
        // first line starting with a tab needs the indicator too (libyaml refuses it otherwise).
        let needsIndicator = first.unicodeScalars.first == " " || first.unicodeScalars.first == "\t"
            || lines.first?.isEmpty == true
        var out = "|" + (needsIndicator ? "2" : "") + chomp + "\n"
        for line in lines {
            out += line.isEmpty ? "\n" : "  " + line + "\n"
        }
        return out
    }

    /// An entry id: plain when it is debrief's own `YYYY-MM-DD-HHMM-slug` shape (a string to
    /// every YAML reader), quoted otherwise.
    static func idScalar(_ id: String, inFlow: Bool = false) -> String {
        let u = Array(id.utf8)
        let ownShape = u.count > 16 && u.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
            && u.contains(where: { (97...122).contains($0) }) && u.first != 45 && u.last != 45
        return ownShape ? id : inlineScalar(id, inFlow: inFlow)
    }

    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if isPrintable(u) {
                    out.unicodeScalars.append(u)
                } else if u.value <= 0xFF {
                    out += "\\x" + hex(u.value, 2)
                } else if u.value <= 0xFFFF {
                    out += "\\u" + hex(u.value, 4)
                } else {
                    out += "\\U" + hex(u.value, 8)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// Printable in YAML's sense and not a line break to YAML 1.1 (NEL, LS, PS) nor a BOM.
    static func isPrintable(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return false }
        if v == 0x2028 || v == 0x2029 || v == 0xFEFF || (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", ".nan", "-.inf", "+.inf", "<<", "=",
    ]

    /// Whether `s` reads back as the same string when written plain, to Yams and to other YAML
    /// tools alike. Errs on the side of quoting.
    static func isPlainSafe(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789 \t".unicodeScalars.contains(first) { return false }
        if reservedWords.contains(s.lowercased()) { return false }
        if s.containsScalars(": ") || s.containsScalars(" #") || s.containsScalars("\t") { return false }
        if inFlow, s.unicodeScalars.contains(where: { ",[]{}:#".unicodeScalars.contains($0) }) { return false }
        return s.unicodeScalars.allSatisfy(isPrintable)
    }

    /// Block-style YAML for an arbitrary value under `indent` spaces, used for extra keys inside
    /// people and follow-up rows. Returns the text that follows `key:` (starting with a space or a
    /// newline).
    static func value(_ v: YAMLValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch v {
        case .null: return "\n"
        case .scalar(let s, _): return " " + inlineScalar(s) + "\n"
        case .list(let items):
            if items.isEmpty { return " []\n" }
            return "\n" + items.map { pad + "-" + value($0, indent: indent + 2) }.joined()
        case .map(let pairs):
            if pairs.isEmpty { return " {}\n" }
            return "\n" + pairs.map { pad + inlineScalar($0.0) + ":" + value($0.1, indent: indent + 2) }.joined()
        }
    }
}

extension StringProtocol {
    /// Whether `other` occurs in the text byte for byte. `String.contains` compares Characters, so
    /// it does not find ": " in ": \u{301}" (a space with a combining accent), which YAML does.
    func containsScalars(_ other: String) -> Bool {
        let needle = Array(other.utf8)
        guard let first = needle.first else { return true }
        // On contiguous bytes when the text has them: a 9 MB answer is searched in milliseconds.
        let search = { (hay: UnsafeBufferPointer<UInt8>) -> Bool in
            guard hay.count >= needle.count else { return false }
            for i in 0...(hay.count - needle.count) where hay[i] == first {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }

    /// `hasPrefix` scalar for scalar (see `containsScalars`).
    func hasScalarPrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// `hasSuffix` scalar for scalar (see `containsScalars`).
    func hasScalarSuffix(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }
}
