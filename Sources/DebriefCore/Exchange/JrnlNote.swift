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
    /// In debrief's one spelling (``TagSpelling``): without the symbol, as first written, each
    /// once, in order of first appearance.
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
    /// them, then its notes. Tags not already written as `@tag` or `#tag` in the text go on a last
    /// line as `@tag`, so jrnl finds them (a space in a tag becomes `-`).
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
        let written = Set(Self.read(title + "\n" + body, date: entry.eventTime).tags.map(\.folded))
        let missing = tags.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: "-") }
            .filter { !written.contains($0.folded) }
        if !missing.isEmpty {
            body = body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? missing.map { "@" + $0 }.joined(separator: " ")
                : body.trimmingCharacters(in: .newlines) + "\n\n" + missing.map { "@" + $0 }.joined(separator: " ")
        }
        self.init(date: entry.eventTime, title: title, body: body, tags: tags.map { $0.lowercased() },
                  starred: entry.tags.contains { $0.lowercased() == Self.starTag })
    }
}
