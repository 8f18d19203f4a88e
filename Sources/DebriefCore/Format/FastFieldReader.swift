/// Reads the value of one front-matter field straight from the file's bytes, in the styles common
/// writers produce: debrief's own canonical form, PyYAML's `safe_dump` (non-indented block lists,
/// single-quoted and folded multi-line scalars, `\x`/`\u` escapes) and a person in an editor
/// (indented or non-indented lists, single- or double-quoted scalars, flow lists, literal and
/// folded blocks). Anything else returns nil and goes to the Yams fallback, so this path only has
/// to be right, never complete; tests check that it agrees with Yams on large generated corpora.
///
/// It never makes a `String` per line: it walks byte offsets and builds one `String` per scalar,
/// which is what makes reading 10,000 entries a matter of milliseconds instead of seconds.
enum FastFieldReader {
    /// The value of `raw` (`key: …` lines without the trailer), or nil when not in a known style.
    static func value(of raw: String) -> YAMLValue? {
        var raw = raw
        return raw.withUTF8 { value(in: $0) }
    }

    /// The value of one field whose bytes (valid UTF-8, from `key:` to the end of its last line)
    /// are `bytes`.
    static func value(in bytes: UnsafeBufferPointer<UInt8>) -> YAMLValue? {
        guard let lines = ByteLines(bytes) else { return nil }
        return FieldParser(b: bytes, lines: lines.lines).field()
    }
}

/// The lines of a field as byte ranges, without their line breaks (`\n` or `\r\n`).
struct ByteLines {
    struct Line {
        var start: Int
        var end: Int
        /// Leading spaces.
        var indent: Int
        var isEmpty: Bool { start == end }
        /// Only spaces (or nothing).
        var isBlank: Bool { indent == end - start }
    }

    var lines: [Line]

    /// Nil when a carriage return stands alone (a line break to YAML 1.1 that this reader leaves
    /// to the fallback).
    init?(_ b: UnsafeBufferPointer<UInt8>) {
        var lines: [Line] = []
        var s = 0
        let n = b.count
        while s < n {
            var e = s
            while e < n, b[e] != 10 { e += 1 }
            var contentEnd = e
            if contentEnd > s, b[contentEnd - 1] == 13, e < n { contentEnd -= 1 }
            var indent = 0
            while s + indent < contentEnd, b[s + indent] == 32 { indent += 1 }
            var i = s + indent
            while i < contentEnd {
                if b[i] == 13 { return nil }
                i += 1
            }
            lines.append(Line(start: s, end: contentEnd, indent: indent))
            s = e + 1
        }
        self.lines = lines
    }
}

/// The parser behind ``FastFieldReader``: every function returns nil as soon as the text leaves
/// the styles it knows.
private struct FieldParser {
    let b: UnsafeBufferPointer<UInt8>
    let lines: [ByteLines.Line]

    // MARK: - Bytes

    static let space: UInt8 = 32, tab: UInt8 = 9, colon: UInt8 = 58, hash: UInt8 = 35, dash: UInt8 = 45
    static let singleQuote: UInt8 = 39, doubleQuote: UInt8 = 34, backslash: UInt8 = 92

    static func isKeyByte(_ c: UInt8) -> Bool {
        (97...122).contains(c) || (65...90).contains(c) || (48...57).contains(c) || c == 45 || c == 95
    }

    static func isAlphanumeric(_ c: UInt8) -> Bool {
        (97...122).contains(c) || (65...90).contains(c) || (48...57).contains(c)
    }

    /// Characters that may not start a plain scalar (YAML's indicators), plus the tab.
    static func isIndicator(_ c: UInt8) -> Bool {
        switch c {
        case 45, 63, 58, 44, 91, 93, 123, 125, 35, 38, 42, 33, 124, 62, 39, 34, 37, 64, 96, 9: return true
        default: return false
        }
    }

    /// Whether every character in `s..<e` is printable in YAML's sense (see
    /// `YAMLEmitter.isPrintable`), with tabs allowed only when `tabs` is set. Works on the UTF-8
    /// bytes of valid text: C1 controls are `C2 80…9F`, LS/PS `E2 80 A8/A9`, BOM `EF BB BF`,
    /// U+FFFE/U+FFFF `EF BF BE/BF`.
    func printable(_ s: Int, _ e: Int, tabs: Bool = false) -> Bool {
        var i = s
        while i < e {
            let c = b[i]
            if c < 0x80 {
                if c < 0x20 || c == 0x7F { if !(tabs && c == 9) { return false } }
                i += 1
                continue
            }
            if c == 0xC2, i + 1 < e, b[i + 1] <= 0x9F { return false }
            if c == 0xE2, i + 2 < e, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 { return false }
            if c == 0xEF, i + 2 < e, (b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE) { return false }
            i += 1
        }
        return true
    }

    func string(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self)
    }

    func contains(_ s: Int, _ e: Int, _ x: UInt8, followedBy y: UInt8) -> Bool {
        var i = s
        while i + 1 < e {
            if b[i] == x && b[i + 1] == y { return true }
            i += 1
        }
        return false
    }

    /// Whether only spaces follow `i` on line `l`.
    func restIsBlank(_ l: Int, from i: Int) -> Bool {
        var j = i
        while j < lines[l].end {
            if b[j] != Self.space { return false }
            j += 1
        }
        return true
    }

    /// `key:` (key of letters, digits, `-` and `_`, starting with a letter or digit) at `i`,
    /// followed by a space or the end of the line: the offset after the colon.
    func keyEnd(_ l: Int, at i: Int) -> Int? {
        let end = lines[l].end
        guard i < end, Self.isAlphanumeric(b[i]) else { return nil }
        var j = i
        while j < end, Self.isKeyByte(b[j]) { j += 1 }
        guard j < end, b[j] == Self.colon else { return nil }
        guard j + 1 == end || b[j + 1] == Self.space else { return nil }
        return j + 1
    }

    // MARK: - The field

    func field() -> YAMLValue? {
        guard let first = lines.first else { return nil }
        var last = lines.count - 1
        while last > 0, lines[last].isEmpty { last -= 1 }
        var i = first.start
        while i < first.end, Self.isKeyByte(b[i]) { i += 1 }
        guard i > first.start, i < first.end, b[i] == Self.colon else { return nil }
        i += 1
        if i == first.end {
            return last == 0 ? .null : blockSequence(from: 1, to: last)
        }
        guard b[i] == Self.space else { return nil }
        while i < first.end, b[i] == Self.space { i += 1 }
        guard i < first.end else { return nil }
        switch b[i] {
        case 124, 62: // | >
            return blockScalar(header: i, to: last)
        case 91: // [
            guard last == 0 else { return nil }
            return flowList(i, first.end)
        default:
            guard let (value, endLine, endAt) = scalar(line: 0, at: i, minIndent: 1, last: last),
                  endLine == last, restIsBlank(endLine, from: endAt) else { return nil }
            return value
        }
    }

    // MARK: - Scalars

    /// A plain, single- or double-quoted scalar starting at `i` on line `l`, continued on lines
    /// indented at least `minIndent` up to line `last`: the value, the line it ends on and the offset
    /// after it.
    func scalar(line l: Int, at i: Int, minIndent: Int, last: Int) -> (YAMLValue, Int, Int)? {
        switch b[i] {
        case Self.singleQuote, Self.doubleQuote:
            guard let (text, endLine, endAt) = quoted(line: l, at: i, minIndent: minIndent, last: last) else { return nil }
            return (.scalar(text, plain: false), endLine, endAt)
        default:
            return plain(line: l, at: i, minIndent: minIndent, last: last)
        }
    }

    /// A plain scalar's segment on one line: `s..<e` without trailing spaces, or nil when YAML's
    /// finer rules (`: `, ` #`, tabs, a trailing colon) might apply.
    func plainSegment(_ s: Int, _ e: Int) -> Int? {
        var end = e
        while end > s, b[end - 1] == Self.space { end -= 1 }
        guard end > s, b[end - 1] != Self.colon else { return nil }
        if contains(s, end, Self.colon, followedBy: Self.space) || contains(s, end, Self.space, followedBy: Self.hash) { return nil }
        guard printable(s, end) else { return nil }
        return end
    }

    func plain(line l: Int, at i: Int, minIndent: Int, last: Int) -> (YAMLValue, Int, Int)? {
        guard !Self.isIndicator(b[i]), let firstEnd = plainSegment(i, lines[l].end) else { return nil }
        // Continuation lines: more indented than the parent, blank lines folded into line breaks.
        var endLine = l
        var j = l + 1
        while j <= last {
            let line = lines[j]
            if line.isBlank { j += 1; continue }
            if line.indent < minIndent { break }
            endLine = j
            j += 1
        }
        if endLine == l {
            let text = string(i, firstEnd)
            if YAMLValue.isPlainNull(text) { return (.null, l, firstEnd) }
            return (.scalar(text, plain: true), l, lines[l].end)
        }
        var out: [UInt8] = []
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<firstEnd]))
        var breaks = 0
        for k in (l + 1)...endLine {
            let line = lines[k]
            if line.isBlank {
                breaks += 1
                continue
            }
            // libyaml ends a plain scalar at a comment; any other character may start a
            // continuation line (`- x` or `"x"` there is text, not structure).
            let s = line.start + line.indent
            guard b[s] != Self.hash, let e = plainSegment(s, line.end) else { return nil }
            if breaks == 0 { out.append(Self.space) } else { out.append(contentsOf: repeatElement(10, count: breaks)) }
            breaks = 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[s..<e]))
        }
        return (.scalar(String(decoding: out, as: UTF8.self), plain: true), endLine, lines[endLine].end)
    }

    /// A single- or double-quoted scalar, folded across lines as YAML does: a line break between
    /// text becomes a space, each empty line a line break; in double quotes a backslash before the
    /// break joins the lines without one.
    func quoted(line l: Int, at i: Int, minIndent: Int, last: Int, within bound: Int? = nil) -> (String, Int, Int)? {
        let single = b[i] == Self.singleQuote
        /// The end of line `k`'s text, or the bound inside a flow collection.
        func end(_ k: Int) -> Int { bound ?? lines[k].end }
        var out: [UInt8] = []
        var line = l
        var p = i + 1
        while true {
            // Text up to white space, a line break or the closing quote.
            var escapedBreak = false
            while p < end(line) {
                let c = b[p]
                if c == Self.space { break }
                if c < 0x20 || c == 0x7F { return nil }
                if single {
                    if c == Self.singleQuote {
                        if p + 1 < end(line), b[p + 1] == Self.singleQuote {
                            out.append(Self.singleQuote)
                            p += 2
                            continue
                        }
                        return (String(decoding: out, as: UTF8.self), line, p + 1)
                    }
                } else if c == Self.doubleQuote {
                    return (String(decoding: out, as: UTF8.self), line, p + 1)
                } else if c == Self.backslash {
                    if p + 1 == end(line) {
                        escapedBreak = true
                        p += 1
                        break
                    }
                    guard let next = escape(at: p + 1, end: end(line), into: &out) else { return nil }
                    p = next
                    continue
                }
                let width = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                guard printable(p, min(p + width, end(line))) else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[p..<(p + width)]))
                p += width
            }
            // White space and line breaks (after an escaped break, the break itself is skipped).
            var spaces = 0
            var leadingBlanks = escapedBreak
            var foldedBreak = false
            var trailingBreaks = 0
            if escapedBreak {
                guard line < last else { return nil }
                line += 1
                if !lines[line].isBlank, lines[line].indent < minIndent { return nil }
                p = lines[line].start
            }
            while true {
                if p < end(line) {
                    guard b[p] == Self.space else { break }
                    if !leadingBlanks { spaces += 1 }
                    p += 1
                    continue
                }
                guard line < last else { return nil }
                if leadingBlanks {
                    trailingBreaks += 1
                } else {
                    spaces = 0
                    leadingBlanks = true
                    foldedBreak = true
                }
                line += 1
                if !lines[line].isBlank, lines[line].indent < minIndent { return nil }
                p = lines[line].start
            }
            if leadingBlanks {
                if foldedBreak && trailingBreaks == 0 {
                    out.append(Self.space)
                } else {
                    out.append(contentsOf: repeatElement(10, count: trailingBreaks))
                }
            } else {
                out.append(contentsOf: repeatElement(Self.space, count: spaces))
            }
        }
    }

    /// One escape after a backslash in double quotes, appended to `out`: the offset after it.
    func escape(at i: Int, end: Int, into out: inout [UInt8]) -> Int? {
        let e = b[i]
        var scalar: Unicode.Scalar
        var next = i + 1
        switch e {
        case 34: scalar = "\""
        case 92: scalar = "\\"
        case 47: scalar = "/"
        case 110: scalar = "\n"
        case 116, 9: scalar = "\t"
        case 114: scalar = "\r"
        case 48: scalar = "\0"
        case 32: scalar = " "
        case 97: scalar = "\u{07}"
        case 98: scalar = "\u{08}"
        case 101: scalar = "\u{1B}"
        case 102: scalar = "\u{0C}"
        case 118: scalar = "\u{0B}"
        case 78: scalar = "\u{85}"
        case 95: scalar = "\u{A0}"
        case 76: scalar = "\u{2028}"
        case 80: scalar = "\u{2029}"
        case 120, 117, 85: // x u U
            let width = e == 120 ? 2 : e == 117 ? 4 : 8
            guard i + 1 + width <= end else { return nil }
            var v: UInt32 = 0
            for k in (i + 1)..<(i + 1 + width) {
                let h = b[k]
                let d: UInt8
                switch h {
                case 48...57: d = h - 48
                case 65...70: d = h - 55
                case 97...102: d = h - 87
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            guard let s = Unicode.Scalar(v) else { return nil }
            scalar = s
            next = i + 1 + width
        default:
            return nil
        }
        out.append(contentsOf: String(scalar).utf8)
        return next
    }

    // MARK: - Block scalars

    /// `|` or `>` with an optional chomping indicator (`-`; `+` is left to the fallback) and
    /// indentation indicator, then the block's lines.
    func blockScalar(header i: Int, to last: Int) -> YAMLValue? {
        let folded = b[i] == 62
        var strip = false
        var indicator: Int?
        var j = i + 1
        let end = lines[0].end
        while j < end, b[j] != Self.space {
            let c = b[j]
            if c == Self.dash, !strip { strip = true } else if (49...57).contains(c), indicator == nil { indicator = Int(c - 48) } else { return nil }
            j += 1
        }
        guard restIsBlank(0, from: j) else { return nil }
        let indent: Int
        if let indicator {
            indent = indicator
        } else {
            // Auto-detected from the first line that is not empty; leave blank-looking first lines
            // and a tab right after the indentation (which libyaml refuses) to the fallback.
            guard last >= 1, let first = lines[1...last].first(where: { !$0.isEmpty }) else {
                return last == 0 ? .scalar("", plain: false) : nil
            }
            indent = first.indent
            guard !first.isBlank, b[first.start + indent] != Self.tab else { return nil }
        }
        guard indent > 0 else { return nil }
        // Content lines as ranges; empty ones as nil.
        var content: [Range<Int>?] = []
        if last >= 1 {
            for k in 1...last {
                let line = lines[k]
                if line.isBlank && line.end - line.start <= indent {
                    content.append(nil)
                } else if line.indent >= indent {
                    let s = line.start + indent
                    guard printable(s, line.end, tabs: true) else { return nil }
                    content.append(s..<line.end)
                } else {
                    return nil
                }
            }
        }
        while let tail = content.last, tail == nil { content.removeLast() }
        var out: [UInt8] = []
        if folded {
            // Folding only for lines at the block's own indentation; more-indented lines keep
            // their breaks in YAML, a rule left to the fallback.
            var breaks = 0
            var seen = false
            for range in content {
                guard let range else {
                    breaks += 1
                    continue
                }
                guard b[range.lowerBound] != Self.space, b[range.lowerBound] != Self.tab else { return nil }
                if seen {
                    if breaks == 0 { out.append(Self.space) } else { out.append(contentsOf: repeatElement(10, count: breaks)) }
                } else {
                    out.append(contentsOf: repeatElement(10, count: breaks))
                }
                breaks = 0
                seen = true
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[range]))
            }
        } else {
            for (k, range) in content.enumerated() {
                if k > 0 { out.append(10) }
                if let range { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[range])) }
            }
        }
        if !strip, !content.isEmpty { out.append(10) }
        return .scalar(String(decoding: out, as: UTF8.self), plain: false)
    }

    // MARK: - Lists

    /// `[a, "b c", 'd']` on one line.
    func flowList(_ s: Int, _ e: Int) -> YAMLValue? {
        guard let close = flowClose(s, e, 93) else { return nil }
        var p = s + 1
        var items: [YAMLValue] = []
        p = skipSpaces(p, close)
        if p == close { return .list([]) }
        while true {
            guard let (item, after) = flowScalar(skipSpaces(p, close), close) else { return nil }
            items.append(item)
            p = skipSpaces(after, close)
            if p == close { return .list(items) }
            guard b[p] == 44 else { return nil }
            p += 1
        }
    }

    /// `{name: Ana Li, level: peer}` on one line, as a list item.
    func flowMapping(_ s: Int, _ e: Int) -> YAMLValue? {
        guard let close = flowClose(s, e, 125) else { return nil }
        var p = skipSpaces(s + 1, close)
        var pairs: [(String, YAMLValue)] = []
        if p == close { return .map([]) }
        while true {
            let keyStart = p
            guard p < close, Self.isAlphanumeric(b[p]) else { return nil }
            while p < close, Self.isKeyByte(b[p]) { p += 1 }
            guard p + 1 < close, b[p] == Self.colon, b[p + 1] == Self.space else { return nil }
            let key = string(keyStart, p)
            guard !pairs.contains(where: { $0.0 == key }) else { return nil }
            guard let (value, after) = flowScalar(skipSpaces(p + 1, close), close) else { return nil }
            pairs.append((key, value))
            p = skipSpaces(after, close)
            if p == close { return .map(pairs) }
            guard b[p] == 44 else { return nil }
            p = skipSpaces(p + 1, close)
        }
    }

    /// The offset of the closing bracket `mark` that ends the line `s..<e` (after spaces).
    func flowClose(_ s: Int, _ e: Int, _ mark: UInt8) -> Int? {
        var end = e
        while end > s, b[end - 1] == Self.space { end -= 1 }
        guard end - s >= 2, b[end - 1] == mark else { return nil }
        return end - 1
    }

    func skipSpaces(_ from: Int, _ end: Int) -> Int {
        var p = from
        while p < end, b[p] == Self.space { p += 1 }
        return p
    }

    /// One scalar inside a flow collection, up to `close`: a quoted one, or a plain one without
    /// any of the characters that would make YAML's flow rules matter. The offset after it.
    func flowScalar(_ p: Int, _ close: Int) -> (YAMLValue, Int)? {
        guard p < close else { return nil }
        let c = b[p]
        if c == Self.singleQuote || c == Self.doubleQuote {
            guard let (text, _, after) = quoted(line: 0, at: p, minIndent: Int.max, last: 0, within: close) else { return nil }
            return (.scalar(text, plain: false), after)
        }
        var q = p
        while q < close, b[q] != 44 { q += 1 }
        var itemEnd = q
        while itemEnd > p, b[itemEnd - 1] == Self.space { itemEnd -= 1 }
        guard itemEnd > p, !Self.isIndicator(c) else { return nil }
        for k in p..<itemEnd {
            switch b[k] {
            case 91, 93, 123, 125, 35, 58, 9: return nil
            default: continue
            }
        }
        guard printable(p, itemEnd) else { return nil }
        let text = string(p, itemEnd)
        guard !YAMLValue.isPlainNull(text) else { return nil }
        return (.scalar(text, plain: true), q)
    }

    /// A block list (`- …` lines, indented or not) of scalars or of flat mappings whose values are
    /// scalars.
    func blockSequence(from: Int, to last: Int) -> YAMLValue? {
        let itemIndent = lines[from].indent
        var items: [YAMLValue] = []
        var l = from
        while l <= last {
            let line = lines[l]
            if line.isBlank {
                l += 1
                continue
            }
            let dash = line.start + itemIndent
            guard line.indent == itemIndent, b[dash] == Self.dash, dash + 1 < line.end, b[dash + 1] == Self.space else { return nil }
            var c = dash + 1
            while c < line.end, b[c] == Self.space { c += 1 }
            guard c < line.end else { return nil }
            let column = c - line.start
            if b[c] == 123 {
                guard let map = flowMapping(c, line.end) else { return nil }
                items.append(map)
                l += 1
            } else if keyEnd(l, at: c) != nil {
                guard let (map, next) = mapping(line: l, at: c, indent: column, last: last) else { return nil }
                items.append(map)
                l = next
            } else {
                guard let (value, endLine, endAt) = scalar(line: l, at: c, minIndent: itemIndent + 2, last: last),
                      value != .null, restIsBlank(endLine, from: endAt) else { return nil }
                items.append(value)
                l = endLine + 1
            }
        }
        return items.isEmpty ? nil : .list(items)
    }

    /// A flat mapping whose first key is at `i` on line `l` and whose other keys sit at column
    /// `indent`: the mapping and the line after it.
    func mapping(line l: Int, at i: Int, indent: Int, last: Int) -> (YAMLValue, Int)? {
        var pairs: [(String, YAMLValue)] = []
        var line = l
        var at = i
        while true {
            guard let afterColon = keyEnd(line, at: at) else { return nil }
            let key = string(at, afterColon - 1)
            guard !pairs.contains(where: { $0.0 == key }) else { return nil }
            var v = afterColon
            while v < lines[line].end, b[v] == Self.space { v += 1 }
            var next: Int
            if v == lines[line].end {
                pairs.append((key, .null))
                next = line + 1
            } else {
                guard let (value, endLine, endAt) = scalar(line: line, at: v, minIndent: indent + 1, last: last),
                      restIsBlank(endLine, from: endAt) else { return nil }
                pairs.append((key, value))
                next = endLine + 1
            }
            // The next key of this mapping, at its indentation; anything deeper is a nested block.
            var k = next
            while k <= last, lines[k].isBlank { k += 1 }
            guard k <= last else { return (.map(pairs), k) }
            if lines[k].indent > indent { return nil }
            guard lines[k].indent == indent else { return (.map(pairs), k) }
            line = k
            at = lines[k].start + indent
            if b[at] == Self.dash { return (.map(pairs), k) }
        }
    }
}
