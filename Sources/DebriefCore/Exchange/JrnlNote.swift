import Foundation

/// One entry of a jrnl journal (https://jrnl.sh), read from its plain-text or JSON format or
/// written to its plain-text format: a local date and time, a title, a body, tags and a star.
///
/// Imported, it becomes an entry marked `flow: imported` (a note, not a reflection) whose `source`
/// is ``key``, so importing the same journal again recognises it even after the entry was edited.
public struct JrnlNote: Equatable, Sendable {
    /// The wall-clock time as jrnl wrote it (jrnl stores no zone), read in the local zone.
    public var date: Timestamp
    public var title: String
    public var body: String
    /// Without the `@`, lowercased, in order of first appearance.
    public var tags: [String]
    public var starred: Bool

    public init(date: Timestamp, title: String, body: String, tags: [String], starred: Bool) {
        self.date = date
        self.title = title
        self.body = body
        self.tags = tags
        self.starred = starred
    }

    /// The tag a starred entry carries in debrief, and the one that writes the star back.
    public static let starTag = "starred"

    /// The duplicate key: `jrnl:` and a hash of the minute and the text. The text is the title
    /// and body with white space collapsed, so the plain-text and JSON exports of one jrnl
    /// journal (which split title from body differently when a line was edited by hand, and
    /// whose JSON has no seconds) give the same key.
    public var key: String {
        let minute = date.day.iso + String(format: " %02d:%02d", date.hour, date.minute)
        let text = (title + " " + body).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return "jrnl:" + String(Fingerprint(of: Array((minute + "\u{1F}" + text).utf8)).hash, radix: 16)
    }

    /// The entry this note becomes: title, date, tags (the star as ``starTag``) and the body as notes.
    public func entry() -> Entry {
        var answers: [String: Answer] = ["title": .text(title), "date": .timestamp(date), "notes": .text(body)]
        let allTags = tags + (starred && !tags.contains(Self.starTag) ? [Self.starTag] : [])
        if !allTags.isEmpty { answers["tags"] = .tags(allTags) }
        return Entry(id: "", created: date, updated: date, answers: answers, flow: Entry.importedFlow, origin: key)
    }

    /// An entry as a jrnl note: its event time, title and tags (``starTag`` as the star). An
    /// imported note's body is its notes; a reflection's body is its answers as `show` prints
    /// them, then its notes. Tags not already written as `@tag` in the text go on a last line,
    /// so jrnl finds them (a space in a tag becomes `-`).
    public init(exporting entry: Entry, catalog: Catalog) {
        var body: String
        if entry.isImported {
            body = entry.notes
        } else {
            // The report without its title line: the meta line, each answer, then the notes.
            let report = EntryReport.render(entry, catalog: catalog, flags: [], style: .text)
            body = report.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        }
        let title = entry.displayTitle
        let tags = entry.tags.filter { $0.lowercased() != Self.starTag }
        let written = Set(Self.tags(in: title + "\n" + body))
        let missing = tags.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: "-") }
            .filter { !written.contains($0.lowercased()) }
        if !missing.isEmpty {
            body = body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? missing.map { "@" + $0 }.joined(separator: " ")
                : body.trimmingCharacters(in: .newlines) + "\n\n" + missing.map { "@" + $0 }.joined(separator: " ")
        }
        self.init(date: entry.eventTime, title: title, body: body, tags: tags.map { $0.lowercased() },
                  starred: entry.tags.contains { $0.lowercased() == Self.starTag })
    }

    // MARK: - Title, body and tags as jrnl reads them

    /// Splits an entry's text as jrnl does: a `*` ending the first line stars the entry; the title
    /// is the first line's first sentence (up to `.`, `?`, `!` or `…` with an optional closing
    /// quote or bracket, followed by white space; CJK full stops need none), else the whole line;
    /// the rest of the line and the following lines are the body. Tags are `@words` anywhere.
    public static func split(_ text: String, date: Timestamp) -> JrnlNote {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = lines.first ?? ""
        var starred = false
        if first.trimmingCharacters(in: CharacterSet(charactersIn: " \t")).hasSuffix("*") {
            starred = true
            first = first.trimmingCharacters(in: CharacterSet(charactersIn: " *\t"))
        }
        lines = Array(lines.dropFirst())
        let (title, rest) = firstSentence(first)
        let body = ([rest] + lines).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let tags = self.tags(in: title + "\n" + body)
        return JrnlNote(date: date, title: title.trimmingCharacters(in: CharacterSet(charactersIn: " \t")), body: body, tags: tags, starred: starred)
    }

    /// Sentence ends jrnl splits at when followed by white space.
    private static let terminals: Set<Character> = [".", "!", "?", "\u{2026}", "\u{203C}", "\u{203D}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{22EF}", "\u{FE52}", "\u{FE57}"]
    /// Full-width and CJK sentence ends, which need no space after them.
    private static let cjkTerminals: Set<Character> = ["\u{FF01}", "\u{FF0E}", "\u{FF1F}", "\u{FF61}", "\u{3002}"]
    private static let closingQuotes: Set<Character> = ["'", "\u{2019}", "\"", "\u{201D}"]
    private static let closingBrackets: Set<Character> = ["]", ")"]

    /// The first sentence of a line and what follows it (after the separating white space).
    static func firstSentence(_ line: String) -> (String, String) {
        let chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if cjkTerminals.contains(c) {
                return (String(chars[...i]), String(chars[(i + 1)...]))
            }
            if terminals.contains(c) {
                var j = i + 1
                if j < chars.count, closingQuotes.contains(chars[j]) { j += 1 }
                while j < chars.count, closingBrackets.contains(chars[j]) { j += 1 }
                var k = j
                while k < chars.count, chars[k].isWhitespace { k += 1 }
                if k > j { return (String(chars[..<j]), String(chars[k...])) }
            }
            i += 1
        }
        return (line, "")
    }

    /// `@tags` as jrnl finds them: after white space or at the start, `@` and letters, digits,
    /// `_`, `-`, `+`, `*`, `#` or `/`; lowercased, each once.
    public static func tags(in text: String) -> [String] {
        var out: [String] = []
        var previous: Character = " "
        var current: String?
        func finish() {
            if let tag = current, !tag.isEmpty, !out.contains(tag) { out.append(tag) }
            current = nil
        }
        for c in text {
            if current != nil {
                if c.isLetter || c.isNumber || c == "_" || "-+*#/".contains(c) {
                    current?.append(contentsOf: c.lowercased())
                    previous = c
                    continue
                }
                finish()
            } else if c == "@", previous.isWhitespace {
                current = ""
                previous = c
                continue
            }
            previous = c
        }
        finish()
        return out
    }
}
