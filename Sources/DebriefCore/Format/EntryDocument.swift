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

/// Finds the front matter and its fields in an entry file, working on the file's bytes: one pass
/// over the lines finds the delimiters and the fields, and each field's text becomes one `String`
/// (the lines themselves never do), so splitting a file costs about a microsecond.
enum FrontMatter {
    /// A document and, per field, the byte range its raw text came from (for the fast reader).
    struct Split {
        var document: EntryDocument
        var ranges: [Range<Int>]
        /// Where the body starts.
        var bodyStart = 0
    }

    /// Splits `text` into a document (answers not yet decoded), or explains why it cannot.
    static func split(_ text: String) throws(YAMLProblem) -> EntryDocument {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(YAMLProblem) in try split(bytes).document } }
        return try result.get()
    }

    /// Splits a file's bytes (valid UTF-8) into a document and its fields' byte ranges.
    static func split(_ b: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) -> Split {
        let n = b.count
        /// The end of the line starting at `i`, after its line break.
        func next(_ i: Int) -> Int {
            var j = i
            while j < n, b[j] != 10 { j += 1 }
            return j < n ? j + 1 : n
        }
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        func isDelimiter(_ s: Int, _ e: Int, _ mark: UInt8) -> Bool {
            guard e - s >= 3, b[s] == mark, b[s + 1] == mark, b[s + 2] == mark else { return false }
            var i = s + 3
            while i < e { if !isBlank(b[i]) { return false }; i += 1 }
            return true
        }
        // A UTF-8 byte-order mark (some Windows editors write one) is read past, and kept in
        // `opening` so a save writes it back.
        let bom = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        guard n > bom, isDelimiter(bom, next(0), 45) else {
            throw YAMLProblem(line: 1, message: "no front matter: the file must start with a `---` line")
        }
        let openEnd = next(0)
        var doc = EntryDocument(opening: string(0..<openEnd), closing: "")
        var ranges: [Range<Int>] = []
        var current: (key: String, line: Int, start: Int)?
        /// Where the blank and comment lines after the current field's last line begin.
        var trailerStart: Int?
        var bodyStart = n
        var lineNumber = 1
        var s = openEnd
        func finishField(at end: Int) {
            guard let field = current else {
                doc.leading = string(openEnd..<end)
                return
            }
            let rawEnd = trailerStart ?? end
            doc.fields.append(EntryDocument.Field(key: field.key, line: field.line, raw: string(field.start..<rawEnd),
                                                  trailer: string(rawEnd..<end)))
            ranges.append(field.start..<rawEnd)
        }
        while true {
            guard s < n else { throw YAMLProblem(line: 1, message: "the front matter is not closed: no `---` line after line 1") }
            let e = next(s)
            lineNumber += 1
            if isDelimiter(s, e, 45) || isDelimiter(s, e, 46) {
                finishField(at: s)
                doc.closing = string(s..<e)
                doc.body = string(e..<n)
                bodyStart = e
                break
            }
            let c = b[s]
            var blank = true
            for i in s..<e where !isBlank(b[i]) {
                blank = false
                break
            }
            if blank || c == 35 {
                if trailerStart == nil { trailerStart = s }
            } else if c == 32 || c == 9 || c == 45 {
                guard current != nil else { throw YAMLProblem(line: lineNumber, message: "expected a `key: value` line") }
                trailerStart = nil
            } else {
                finishField(at: s)
                trailerStart = nil
                current = (key(b, s, e), lineNumber, s)
            }
            s = e
        }
        // A keep-chomping block scalar owns its trailing blank lines.
        for i in doc.fields.indices where !doc.fields[i].trailer.isEmpty && hasKeepChompingHeader(b, ranges[i]) {
            doc.fields[i].raw += doc.fields[i].trailer
            ranges[i] = ranges[i].lowerBound..<(ranges[i].upperBound + doc.fields[i].trailer.utf8.count)
            doc.fields[i].trailer = ""
        }
        return Split(document: doc, ranges: ranges, bodyStart: bodyStart)
    }

    /// The key of a `key: value` line as written (quotes are resolved by the YAML fallback).
    private static func key(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> String {
        var colon = s
        while colon < e, b[colon] != 58 { colon += 1 }
        guard colon < e else {
            return String(decoding: UnsafeBufferPointer(rebasing: b[s..<e]), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var lo = s, hi = colon
        while lo < hi, b[lo] == 32 || b[lo] == 9 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 || b[hi - 1] == 9 { hi -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
    }

    /// Whether the field's first line is `key: |+`, `key: >2+` and the like.
    private static func hasKeepChompingHeader(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound, b[i] != 58, b[i] != 10 { i += 1 }
        guard i < range.upperBound, b[i] == 58 else { return false }
        i += 1
        while i < range.upperBound, b[i] == 32 || b[i] == 9 { i += 1 }
        guard i < range.upperBound, b[i] == 124 || b[i] == 62 else { return false }
        while i < range.upperBound, b[i] != 10 {
            if b[i] == 43 { return true }
            i += 1
        }
        return false
    }
}

extension String {
    /// The text without a leading U+FEFF, the byte-order mark.
    var droppingByteOrderMark: String {
        unicodeScalars.first == "\u{FEFF}" ? String(unicodeScalars.dropFirst()) : self
    }

    /// Whether the text starts with U+FEFF, the byte-order mark.
    var startsWithByteOrderMark: Bool { unicodeScalars.first == "\u{FEFF}" }

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
}

import Foundation
