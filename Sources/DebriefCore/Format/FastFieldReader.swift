/// Reads the value of one front-matter field when it is in the canonical form debrief writes
/// (plain or double-quoted scalars, literal blocks, flow lists of scalars, block lists of flat
/// mappings), in microseconds. Anything else returns nil and goes to the Yams fallback, so this
/// path only has to be right, never complete. Tests check it agrees with Yams.
enum FastFieldReader {
    /// The value of `raw` (`key: …` lines without the trailer), or nil when not canonical.
    static func value(of raw: String) -> YAMLValue? {
        let lines = raw.scalarLines.map { $0.hasSuffix("\n") ? String($0.unicodeScalars.dropLast()) : $0 }
        guard let head = lines.first, let colon = head.unicodeScalars.firstIndex(of: ":") else { return nil }
        let key = head.unicodeScalars[..<colon]
        guard key.allSatisfy({ isKeyScalar($0) }) else { return nil }
        let rest = String(head.unicodeScalars[head.unicodeScalars.index(after: colon)...])
        var tail = Array(lines.dropFirst())
        while let last = tail.last, last.isEmpty { tail.removeLast() }
        if rest.isEmpty {
            return tail.isEmpty ? .null : blockList(tail)
        }
        guard rest.hasScalarPrefix(" ") else { return nil }
        let value = String(rest.unicodeScalars.dropFirst())
        if value.hasPrefix("|") { return literal(header: value, lines: tail) }
        guard tail.isEmpty else { return nil }
        if value.hasPrefix("[") { return flowList(value) }
        return scalar(value)
    }

    private static func isKeyScalar(_ u: Unicode.Scalar) -> Bool {
        (97...122).contains(u.value) || (65...90).contains(u.value) || (48...57).contains(u.value) || u == "-" || u == "_"
    }

    /// A one-line scalar: plain (when unambiguous) or double-quoted.
    static func scalar(_ text: String) -> YAMLValue? {
        if text.hasPrefix("\"") { return doubleQuoted(text).map { .scalar($0, plain: false) } }
        if let f = text.unicodeScalars.first, f == " " || f == "\t" { return nil }
        if let l = text.unicodeScalars.last, l == " " || l == "\t" { return nil }
        if YAMLValue.plainNulls.contains(text) { return .null }
        guard isReadablePlain(text) else { return nil }
        return .scalar(text, plain: true)
    }

    /// A plain scalar this reader can take without YAML's finer rules.
    private static func isReadablePlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if s.containsScalars(": ") || s.containsScalars(" #") || s.hasScalarSuffix(":") || s.containsScalars("\t") { return false }
        return s.unicodeScalars.allSatisfy(YAMLEmitter.isPrintable)
    }

    /// Decodes a whole double-quoted scalar; nil if it is not exactly one.
    static func doubleQuoted(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        guard it.next() == "\"" else { return nil }
        while let u = it.next() {
            switch u {
            case "\"":
                return it.next() == nil ? String(out) : nil
            case "\\":
                guard let e = it.next() else { return nil }
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "n": out.append("\n")
                case "t", "\t": out.append("\t")
                case "r": out.append("\r")
                case "0": out.append("\0")
                case " ": out.append(" ")
                case "a": out.append("\u{07}")
                case "b": out.append("\u{08}")
                case "e": out.append("\u{1B}")
                case "f": out.append("\u{0C}")
                case "v": out.append("\u{0B}")
                case "N": out.append("\u{85}")
                case "_": out.append("\u{A0}")
                case "L": out.append("\u{2028}")
                case "P": out.append("\u{2029}")
                case "x", "u", "U":
                    let width = e == "x" ? 2 : e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<width {
                        guard let h = it.next() else { return nil }
                        hex.unicodeScalars.append(h)
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(scalar)
                default: return nil
                }
            default:
                guard u != "\n", u != "\r" else { return nil }
                out.append(u)
            }
        }
        return nil
    }

    /// `[a, "b c"]`: a flow list of one-line scalars. Works on scalars, as YAML does: a quote or
    /// comma followed by a combining mark is one Character to Swift but still a quote or comma.
    private static func flowList(_ text: String) -> YAMLValue? {
        let all = text.unicodeScalars
        guard all.first == "[", all.last == "]", all.count >= 2 else { return nil }
        var rest = all.dropFirst().dropLast()
        if rest.allSatisfy({ $0 == " " }) { return .list([]) }
        var items: [YAMLValue] = []
        while true {
            rest = rest.drop(while: { $0 == " " })
            let item: String
            if rest.first == "\"" {
                // Find the closing quote, skipping escaped characters.
                var index = rest.index(after: rest.startIndex)
                var escaped = false
                var end: Substring.UnicodeScalarView.Index?
                while index < rest.endIndex {
                    let c = rest[index]
                    if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { end = index; break }
                    index = rest.index(after: index)
                }
                guard let end else { return nil }
                item = String(rest[...end])
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                var plain = rest[..<end]
                while plain.last == " " { plain.removeLast() }
                item = String(plain)
                rest = rest[end...]
                if item.unicodeScalars.contains(where: { "[]{}#:".unicodeScalars.contains($0) }) { return nil }
            }
            guard let value = scalar(item), value != .null else { return nil }
            items.append(value)
            rest = rest.drop(while: { $0 == " " })
            if rest.isEmpty { return .list(items) }
            guard rest.first == "," else { return nil }
            rest = rest.dropFirst()
        }
    }

    /// A block list of flat mappings (`  - name: Ana` / `    level: peer`) or of scalars.
    private static func blockList(_ lines: [String]) -> YAMLValue? {
        var items: [YAMLValue] = []
        var pairs: [(String, YAMLValue)]?
        func flush() { if let p = pairs { items.append(.map(p)) }; pairs = nil }
        for line in lines {
            if line.hasPrefix("  - ") {
                flush()
                let content = String(line.dropFirst(4))
                if let pair = keyValue(content) {
                    pairs = [pair]
                } else if let v = scalar(content), v != .null, !content.containsScalars(": ") {
                    items.append(v)
                } else {
                    return nil
                }
            } else if line.hasPrefix("    "), pairs != nil, !line.hasPrefix("     ") {
                guard let pair = keyValue(String(line.dropFirst(4))) else { return nil }
                pairs?.append(pair)
            } else {
                return nil
            }
        }
        flush()
        return items.isEmpty ? nil : .list(items)
    }

    private static func keyValue(_ text: String) -> (String, YAMLValue)? {
        guard let colon = text.unicodeScalars.firstIndex(of: ":") else { return nil }
        let key = String(text.unicodeScalars[..<colon])
        guard !key.isEmpty, key.unicodeScalars.allSatisfy(isKeyScalar) else { return nil }
        let rest = String(text.unicodeScalars[text.unicodeScalars.index(after: colon)...])
        if rest.isEmpty { return (key, .null) }
        guard rest.hasScalarPrefix(" "), let v = scalar(String(rest.unicodeScalars.dropFirst())) else { return nil }
        return (key, v)
    }

    /// `|`, `|-` or `|2-` style literal blocks.
    private static func literal(header: String, lines: [String]) -> YAMLValue? {
        var chomp: Character = " "
        var indicator: Int?
        for c in header.dropFirst() {
            if c == "-" || c == "+" { chomp = c } else if let d = c.wholeNumberValue, d > 0 { indicator = d } else { return nil }
        }
        guard chomp != "+" else { return nil }
        // Indentation counts scalars: " \u{301}" is one Character but two scalars.
        let indent: Int
        if let indicator {
            indent = indicator
        } else {
            // Auto-detected from the first non-empty line; leave blank-looking first lines and a tab
            // right after the indentation (which libyaml refuses) to the fallback.
            guard let first = lines.first(where: { !$0.isEmpty })?.unicodeScalars else { return nil }
            indent = first.prefix(while: { $0 == " " }).count
            guard indent < first.count, first.dropFirst(indent).first != "\t" else { return nil }
        }
        guard indent > 0 else { return nil }
        var content: [String] = []
        for line in lines {
            let scalars = line.unicodeScalars
            if scalars.allSatisfy({ $0 == " " }) && scalars.count <= indent {
                content.append("")
            } else if scalars.count > indent, scalars.prefix(indent).allSatisfy({ $0 == " " }) {
                content.append(String(scalars.dropFirst(indent)))
            } else {
                return nil
            }
        }
        while let last = content.last, last.isEmpty { content.removeLast() }
        var text = content.joined(separator: "\n")
        guard text.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || YAMLEmitter.isPrintable($0) }) else { return nil }
        if chomp == " ", !content.isEmpty { text += "\n" }
        return .scalar(text, plain: false)
    }
}

import Foundation
