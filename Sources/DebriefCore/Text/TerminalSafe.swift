/// Text made harmless for a terminal: the one function every human-readable output of debrief
/// (text and Markdown on stdout, messages on stderr, exports) passes entry text and file names
/// through.
///
/// Entries come from files anyone can write (a synced folder, an import): a title holding
/// `ESC [2J` would clear the reader's screen, an OSC sequence retitle the window, BEL ring.
/// Every C0 control but newline and tab, DEL and every C1 control (U+0080–U+009F, which some
/// terminals read as escape sequences: U+009B is a one-character CSI) is shown visibly instead:
/// C0 and DEL in caret notation (`^[`, `^G`, `^?`), C1 as `<U+009B>`. A carriage return that ends
/// a line (CRLF) is dropped with the line break kept; any other is `^M`.
public enum TerminalSafe {
    public static func text(_ text: String) -> String {
        guard mayNeedEscaping(text) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            guard needsEscaping(u) else {
                out.append(u)
                continue
            }
            if u == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { continue }
            out.append(contentsOf: visible(u).unicodeScalars)
        }
        return String(out)
    }

    /// A value that is one line (a title, a name, a follow-up's action, a kind), made harmless and
    /// kept on one line: as ``text(_:)``, and line breaks and tabs shown visibly too (`^J`, `^M`,
    /// `^I`), so a title holding a line break can neither split a listing's row or a Markdown
    /// heading nor, with a carriage return, overwrite the line it is on.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscaping($0) || $0 == "\n" || $0 == "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            if needsEscaping(u) || u == "\n" || u == "\t" { out.append(contentsOf: visible(u).unicodeScalars) } else { out.append(u) }
        }
        return String(out)
    }

    /// Whether `text` holds a scalar ``needsEscaping(_:)``, decided on its UTF-8 bytes where they
    /// are contiguous (every output line passes here: scalar by scalar was a seventieth of
    /// `debrief people` at 10,000 entries). In UTF-8 a C0 control or DEL is its own byte, which
    /// no other scalar's bytes hold, and a C1 control is C2 80…C2 9F.
    static func mayNeedEscaping(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            let count = bytes.count
            var i = 0
            while i < count {
                let b = base[i]
                // Nearly every byte is printable ASCII or another lead or continuation byte.
                if b < 0x20 || b == 0x7F || b == 0xC2 {
                    if b == 0x7F || (b < 0x20 && b != 0x0A && b != 0x09) { return true }
                    if b == 0xC2, i + 1 < count, base[i + 1] >= 0x80, base[i + 1] <= 0x9F { return true }
                }
                i &+= 1
            }
            return false
        } ?? text.unicodeScalars.contains(where: needsEscaping)
    }

    /// Whether `u` is a control character other than newline and tab.
    public static func needsEscaping(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    /// How a control character is shown.
    static func visible(_ u: Unicode.Scalar) -> String {
        let v = u.value
        if v == 0x7F { return "^?" }
        if v < 0x20, let caret = Unicode.Scalar(v + 0x40) { return "^" + String(caret) }
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
