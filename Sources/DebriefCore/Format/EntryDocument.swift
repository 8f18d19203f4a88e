/// An entry file as written: its front-matter fields, each with its raw text, and the body.
///
/// Saving changes only the fields whose answers changed; every other byte, including keys and
/// comments debrief does not know, is written back as it was read.
public struct EntryDocument: Sendable, Equatable {
    /// One top-level front-matter key and the lines that hold its value.
    public struct Field: Sendable, Equatable {
        public var key: String
        /// 1-based line of the key in the file.
        public var line: Int
        /// The key's lines, from `key:` to the end of its value, each ending in a newline.
        public var raw: String
        /// Blank lines and column-0 comments after the value, kept when the value is rewritten.
        public var trailer: String
        /// The decoded answer of a catalog prompt as read, to tell whether it changed since.
        public var answer: Answer?

        public init(key: String, line: Int, raw: String, trailer: String = "", answer: Answer? = nil) {
            self.key = key
            self.line = line
            self.raw = raw
            self.trailer = trailer
            self.answer = answer
        }
    }

    /// The opening delimiter line as written (normally `---\n`).
    public var opening: String
    /// Blank or comment lines before the first key.
    public var leading: String
    public var fields: [Field]
    /// The closing delimiter line as written (normally `---\n`).
    public var closing: String
    /// Everything after the closing delimiter, verbatim.
    public var body: String
    /// The body prompt's answer as read.
    public var bodyAnswer: Answer?

    public init(opening: String = "---\n", leading: String = "", fields: [Field] = [], closing: String = "---\n",
                body: String = "", bodyAnswer: Answer? = nil) {
        self.opening = opening
        self.leading = leading
        self.fields = fields
        self.closing = closing
        self.body = body
        self.bodyAnswer = bodyAnswer
    }

    /// The file's text.
    public var text: String {
        var out = opening + leading
        for f in fields { out += f.raw + f.trailer }
        return out + closing + body
    }
}

/// Finds the front matter and its fields in an entry file's text.
enum FrontMatter {
    /// Splits `text` into a document (answers not yet decoded), or explains why it cannot.
    static func split(_ text: String) throws(YAMLProblem) -> EntryDocument {
        let lines = text.scalarLines
        // A UTF-8 byte-order mark (some Windows editors write one) is read past, and kept in
        // `opening` so a save writes it back.
        guard let first = lines.first, isDelimiter(first.droppingByteOrderMark, "---") else {
            throw YAMLProblem(line: 1, message: "no front matter: the file must start with a `---` line")
        }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0], "---") || isDelimiter(lines[$0], "...") }) else {
            throw YAMLProblem(line: 1, message: "the front matter is not closed: no `---` line after line 1")
        }
        var doc = EntryDocument(opening: first, closing: lines[close], body: lines[(close + 1)...].joined())
        var current: EntryDocument.Field?
        var pendingTrailer = ""
        for index in 1..<close {
            let line = lines[index]
            let lineNumber = index + 1
            guard let c = line.unicodeScalars.first else { continue }
            let isBlank = line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if isBlank || c == "#" {
                if current == nil { doc.leading += line } else { pendingTrailer += line }
                continue
            }
            if c == " " || c == "\t" || c == "-" {
                guard current != nil else {
                    throw YAMLProblem(line: lineNumber, message: "expected a `key: value` line")
                }
                current?.raw += pendingTrailer + line
                pendingTrailer = ""
                continue
            }
            if let field = current {
                var f = field
                f.trailer = pendingTrailer
                doc.fields.append(f)
            }
            pendingTrailer = ""
            current = EntryDocument.Field(key: key(of: line), line: lineNumber, raw: line)
        }
        if var f = current {
            f.trailer = pendingTrailer
            doc.fields.append(f)
        } else if !pendingTrailer.isEmpty {
            doc.leading += pendingTrailer
        }
        // A keep-chomping block scalar owns its trailing blank lines.
        for i in doc.fields.indices where doc.fields[i].raw.hasKeepChompingHeader {
            doc.fields[i].raw += doc.fields[i].trailer
            doc.fields[i].trailer = ""
        }
        return doc
    }

    private static func isDelimiter(_ line: String, _ mark: String) -> Bool {
        let scalars = line.unicodeScalars
        guard scalars.starts(with: mark.unicodeScalars) else { return false }
        return scalars.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    }

    /// The key of a `key: value` line as written (quotes are resolved by the YAML fallback).
    private static func key(of line: String) -> String {
        if let colon = line.unicodeScalars.firstIndex(of: ":") { return String(line.unicodeScalars[..<colon]).trimmingBlanks }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    /// The lines of the text, each with its line break, split on U+000A alone (so `\r\n`, one
    /// Character to Swift, still ends a line and is kept byte for byte).
    var scalarLines: [String] {
        var lines: [String] = []
        let scalars = unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            if let nl = scalars[start...].firstIndex(of: "\n") {
                let next = scalars.index(after: nl)
                lines.append(String(scalars[start..<next]))
                start = next
            } else {
                lines.append(String(scalars[start...]))
                start = scalars.endIndex
            }
        }
        return lines
    }

    /// The text without a leading U+FEFF, the byte-order mark.
    var droppingByteOrderMark: String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }

    /// Whether the text starts with U+FEFF, the byte-order mark.
    var startsWithByteOrderMark: Bool { unicodeScalars.first == "\u{FEFF}" }

    fileprivate var hasKeepChompingHeader: Bool {
        guard let nl = firstIndex(of: "\n") else { return false }
        let head = self[..<nl]
        guard let colon = head.firstIndex(of: ":") else { return false }
        let value = head[head.index(after: colon)...].trimmingBlanks
        return (value.hasPrefix("|") || value.hasPrefix(">")) && value.contains("+")
    }
}

import Foundation
