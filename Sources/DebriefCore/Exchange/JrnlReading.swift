/// jrnl's own reading of one entry's text, step for step as jrnl 4 does it (`Entry._parse_text`,
/// `split_title` and `Entry.tag_regex` in jrnl's `journals/Entry.py`), so that a journal imported
/// into debrief has, entry for entry, the titles, bodies, stars and tags `jrnl --format json`
/// shows for the same file (`JrnlCorpusCLITests` compares the two on a corpus).
///
/// The text is what jrnl hands its entry: everything after the `] ` of the date line up to the
/// line break before the next entry's date line, so an entry followed by another (or by the
/// final line break) ends with a line break. What jrnl then does:
///
/// - A first line that ends with `*` (after white space is stripped) stars the entry; spaces and
///   `*` are stripped from both ends of that line and a line break is put after it.
/// - The title is the **whole first line** when the text holds a line break; only a text without
///   one (a lone line with nothing after it, as jrnl's command line writes them) is cut at its
///   first sentence end (`.`, `?`, `!`, `…` and the like, an optional closing quote and brackets,
///   then white space; CJK full stops need none). "Call with Dr. Henrike Vogel." followed by a
///   body line keeps its whole line as the title.
/// - The body is the rest, stripped of white space at both ends.
/// - Tags are words that start with one of the journal's tag symbols (jrnl 4's default: `#` and
///   `@`) after white space or at the start, then letters, digits, `_`, `-`, `+`, `*`, `#` or `/`,
///   found in the whole text. jrnl lowercases them and keeps the symbol; debrief keeps the first
///   spelling without the symbol (docs/FORMAT.md, "Tags").
///
/// jrnl works on Unicode code points with Python's notion of white space and line breaks, so this
/// does too (Swift's characters would join `\r\n` and a letter with its combining marks). It keeps
/// one quirk of jrnl's on purpose: the line break is looked for after leading white space is
/// stripped but the cut is made at that position in the unstripped text, so a title line starting
/// with spaces loses as many characters to its body as it had spaces, in jrnl and here alike.
extension JrnlNote {
    /// The default tag symbols of jrnl 4 (`tagsymbols` in its config).
    public static let defaultTagSymbols = "#@"

    /// jrnl's reading of `text` (see the type's comment), dated `date`.
    public static func read(_ text: String, date: Timestamp, tagSymbols: String = defaultTagSymbols) -> JrnlNote {
        var raw = Array(text.unicodeScalars)
        let lines = PythonText.splitLines(raw)
        var starred = false
        if let first = lines.first, PythonText.strip(first).last == "*" {
            starred = true
            raw = PythonText.strip(first, of: ["\n", " ", "*"]) + ["\n"] + Array(lines.dropFirst().joined(separator: ["\n"]))
        }
        let (title, body) = splitTitle(raw)
        let symbols = Set(tagSymbols.unicodeScalars)
        return JrnlNote(date: date, title: String(scalars: title), body: String(scalars: body),
                        tags: TagSpelling.unique(tags(in: Array(text.unicodeScalars), symbols: symbols)
                            .compactMap { TagSpelling.tag($0, symbols: symbols) }),
                        starred: starred)
    }

    /// `split_title`: at the first line break, else at the first sentence end, else all title.
    static func splitTitle(_ text: [Unicode.Scalar]) -> ([Unicode.Scalar], [Unicode.Scalar]) {
        let leading = text.prefix(while: PythonText.isSpace).count
        var end: Int?
        if let newline = text[leading...].firstIndex(of: "\n") {
            // jrnl searches the text without its leading white space and cuts the whole text at
            // the index it found there (see the type's comment).
            end = newline - leading + 1
        } else {
            end = sentenceEnd(text)
        }
        guard let end else { return (text, []) }
        return (PythonText.strip(Array(text[..<end])), PythonText.strip(Array(text[end...])))
    }

    /// Sentence terminals that end a sentence when white space follows.
    private static let terminals: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{203C}", "\u{203D}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{22EF}", "\u{FE52}", "\u{FE57}"]
    /// Full-width and CJK sentence ends, which need no space after them.
    private static let cjkTerminals: Set<Unicode.Scalar> = ["\u{FF01}", "\u{FF0E}", "\u{FF1F}", "\u{FF61}", "\u{3002}"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\"", "\u{201D}"]
    private static let closingBrackets: Set<Unicode.Scalar> = ["]", ")"]

    /// The end of jrnl's `SENTENCE_SPLITTER`'s first match: a terminal, an optional closing quote,
    /// closing brackets and the white space after them; or a CJK terminal alone.
    static func sentenceEnd(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count {
            if cjkTerminals.contains(s[i]) { return i + 1 }
            if terminals.contains(s[i]) {
                // With the quote, then (the regex backtracking) without it.
                for quote in [true, false] {
                    var j = i + 1
                    if quote {
                        guard j < s.count, closingQuotes.contains(s[j]) else { continue }
                        j += 1
                    }
                    while j < s.count, closingBrackets.contains(s[j]) { j += 1 }
                    var k = j
                    while k < s.count, PythonText.isSpace(s[k]) { k += 1 }
                    if k > j { return k }
                }
            }
            i += 1
        }
        return nil
    }

    /// jrnl's tags in `text` as it finds them (`(?<!\S)([symbols][-+*#/\w]+)`), with their symbol.
    static func tags(in s: [Unicode.Scalar], symbols: Set<Unicode.Scalar>) -> [String] {
        var out: [String] = []
        var i = 0
        while i < s.count {
            if symbols.contains(s[i]), i == 0 || PythonText.isSpace(s[i - 1]) {
                var j = i + 1
                while j < s.count, isTagScalar(s[j]) { j += 1 }
                if j > i + 1 {
                    out.append(String(scalars: s[i..<j]))
                    i = j
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// `[-+*#/\w]` in Python: `\w` is a letter, a number or `_`.
    static func isTagScalar(_ c: Unicode.Scalar) -> Bool {
        if "-+*#/_".unicodeScalars.contains(c) { return true }
        let p = c.properties
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return p.numericType != nil
        }
    }
}

/// Python's `str.isspace`, `str.strip` and `str.splitlines`, which jrnl's reading is made of.
enum PythonText {
    /// White space as Python sees it: Unicode white space and the information separators
    /// U+001C–U+001F.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
    }

    /// `str.strip()`: white space off both ends.
    static func strip(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let start = s.firstIndex(where: { !isSpace($0) }), let end = s.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(s[start...end])
    }

    /// `str.strip(chars)`: those scalars off both ends.
    static func strip(_ s: [Unicode.Scalar], of chars: Set<Unicode.Scalar>) -> [Unicode.Scalar] {
        guard let start = s.firstIndex(where: { !chars.contains($0) }), let end = s.lastIndex(where: { !chars.contains($0) }) else { return [] }
        return Array(s[start...end])
    }

    /// Python's line boundaries: `\n`, `\r`, `\r\n`, VT, FF, FS, GS, RS, NEL, LS and PS.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `str.splitlines()`: the lines without their breaks, and no empty line after a final break.
    static func splitLines(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = []
        var start = 0, i = 0
        while i < s.count {
            if isLineBreak(s[i]) {
                lines.append(Array(s[start..<i]))
                if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < s.count { lines.append(Array(s[start...])) }
        return lines
    }
}

extension String {
    /// The string made of these scalars.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self = String(view)
    }
}
