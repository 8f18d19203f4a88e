import Foundation

/// jrnl's plain-text journal format: each entry starts on a line `[date] Title.`, the body
/// follows on the next lines, and entries are separated by a blank line.
///
///     [2026-11-24 06:30:00 PM] Swift meetup Berlin.
///     Met @ana and talked about the server.
///
///     [2026-11-25 09:00:00 AM] Coffee with Zoë. *
///
/// Writing uses jrnl 4's default `timeformat` (`%F %r`), so a stock jrnl reads the file; reading
/// takes that and the custom formats jrnl users commonly set (`%Y-%m-%d %H:%M`, with or without
/// seconds, and the 12-hour form without seconds).
public enum JrnlText {
    // MARK: - Reading

    /// The notes of a jrnl file, each read as jrnl reads it (``JrnlNote/read(_:date:tagSymbols:)``),
    /// and the parts that cannot be read, in file order. `tagSymbols` are the journal's (jrnl's
    /// `tagsymbols`; its default `#@`). An entry with nothing for a title is refused.
    public static func read(_ text: String, timeZone: TimeZone, tagSymbols: String = JrnlNote.defaultTagSymbols)
        -> (notes: [(line: Int, note: JrnlNote)], refused: [ImportRefusal]) {
        let scanned = entries(text, timeZone: timeZone)
        var notes: [(line: Int, note: JrnlNote)] = []
        var refused = scanned.refused
        for entry in scanned.entries {
            switch entry.note(tagSymbols: tagSymbols) {
            case .success(let note): notes.append((entry.line, note))
            case .failure(let refusal): refused.append(refusal)
            }
        }
        return (notes, refused.sorted { $0.line < $1.line })
    }

    /// One entry's place in a jrnl file: the line of its date, the date, and its text as jrnl
    /// hands it to its reading (after the date's `] `, up to the line break before the next date
    /// line).
    public struct EntryText: Sendable {
        public var line: Int
        public var date: Timestamp
        public var text: String

        /// The note jrnl reads here, or a refusal when the date line has nothing after it (jrnl
        /// would take the next line, or nothing, for a title; an empty title cannot be saved).
        public func note(tagSymbols: String) -> Result<JrnlNote, ImportRefusal> {
            let firstLine = text.prefix { $0 != "\n" }
            guard !firstLine.allSatisfy(\.isWhitespace) else {
                return .failure(ImportRefusal(line: line, message: "the entry has no title after its date"))
            }
            let note = JrnlNote.read(text, date: date, tagSymbols: tagSymbols)
            guard !note.title.allSatisfy(\.isWhitespace) else {
                return .failure(ImportRefusal(line: line, message: "the entry has no title after its date"))
            }
            return .success(note)
        }
    }

    /// The entries of a jrnl file and the parts that cannot be read. Times are read in `timeZone`
    /// (jrnl writes none). A line that starts like a date (`[2026-…]`) but is not one refuses its
    /// entry, up to the next date line, rather than gluing it to the previous one; text before
    /// the first entry is refused too.
    public static func entries(_ text: String, timeZone: TimeZone) -> (entries: [EntryText], refused: [ImportRefusal]) {
        var entries: [EntryText] = []
        var refused: [ImportRefusal] = []
        var current: (line: Int, date: Timestamp, lines: [String])?
        var skipping = false
        var preamble: Int?

        func finish() {
            guard let entry = current else { return }
            current = nil
            entries.append(EntryText(line: entry.line, date: entry.date, text: entry.lines.joined(separator: "\n")))
        }

        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        for (index, line) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if let (blob, rest) = dateLine(line) {
                if let date = date(blob, timeZone: timeZone) {
                    finish()
                    skipping = false
                    current = (number, date, [rest])
                    continue
                }
                if looksLikeDate(blob) {
                    finish()
                    skipping = true
                    // A wall-clock time the zone skips (a spring-forward night) is written right:
                    // saying the format is wrong would send the user looking for the wrong thing.
                    let skipped = TimeZone(secondsFromGMT: 0).flatMap { date(blob, timeZone: $0) } != nil
                    let why = skipped ? "is not a time that exists in \(timeZone.identifier) (the clocks skip it)"
                        : "is not a date and time in a jrnl format (\(formatsHelp))"
                    refused.append(ImportRefusal(line: number, message: "'\(blob)' \(why); this entry is skipped up to the next date line"))
                    continue
                }
            }
            if skipping { continue }
            if current != nil {
                current?.lines.append(String(line))
            } else if preamble == nil, !line.allSatisfy(\.isWhitespace) {
                preamble = number
            }
        }
        finish()
        if let preamble {
            refused.insert(ImportRefusal(line: preamble, message: "text before the first entry; jrnl entries start with a line like [2026-11-24 06:30:00 PM] Title"), at: 0)
        }
        return (entries, refused)
    }

    /// The forms of dates the reader takes, for messages.
    public static let formatsHelp = "2026-11-24 06:30:00 PM, 2026-11-24 18:30 or 2026-11-24 18:30:00"

    /// `[blob] rest` at the start of a line: the bracket's content and the text after `] `.
    static func dateLine(_ line: Substring) -> (String, String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let blob = line[line.index(after: line.startIndex)..<close]
        let after = line[line.index(after: close)...]
        guard !blob.isEmpty, after.isEmpty || after.hasPrefix(" ") else { return nil }
        return (String(blob), String(after.dropFirst()))
    }

    /// Whether a bracket's content was meant as a date: it starts with `YYYY-`.
    static func looksLikeDate(_ blob: String) -> Bool {
        let u = Array(blob.utf8)
        return u.count >= 5 && u[0..<4].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && u[4] == UInt8(ascii: "-")
    }

    /// `2026-11-24 06:30:00 PM` (`%F %r`), `2026-11-24 06:30 PM`, `2026-11-24 18:30:00`, `2026-11-24 18:30`.
    static func date(_ blob: String, timeZone: TimeZone) -> Timestamp? {
        let parts = blob.split(separator: " ")
        guard parts.count == 2 || parts.count == 3, let day = Day(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              var hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        let second = clock.count == 3 ? Int(clock[2]) : 0
        if parts.count == 3 {
            let meridiem = parts[2].uppercased()
            guard meridiem == "AM" || meridiem == "PM", (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard let second else { return nil }
        return Timestamp(day: day, hour: hour, minute: minute, second: second, in: timeZone)
    }

    // MARK: - Writing

    /// `%F %r` as jrnl 4 writes it by default: `2026-11-24 06:30:00 PM`, the wall-clock time of
    /// the entry where it was written.
    public static func format(_ ts: Timestamp) -> String {
        let hour12 = ts.hour % 12 == 0 ? 12 : ts.hour % 12
        return ts.day.iso + String(format: " %02d:%02d:%02d ", hour12, ts.minute, ts.second) + (ts.hour < 12 ? "AM" : "PM")
    }

    /// The notes as a jrnl file, oldest first, exactly as jrnl writes its own (each entry ends
    /// with a line break, and entries are separated by an empty line).
    public static func write(_ notes: [JrnlNote]) -> String {
        notes.sorted { $0.date < $1.date }.map(entry).joined(separator: "\n")
    }

    static func entry(_ note: JrnlNote) -> String {
        let title = note.title.split(whereSeparator: \.isNewline).joined(separator: " ")
        var head = "[" + format(note.date) + "] " + title
        if note.starred { head += " *" }
        // Trimmed at the end only, as jrnl does: a guarding space at the start must stay.
        var body = note.body.split(separator: "\n", omittingEmptySubsequences: false).map(guarded).joined(separator: "\n")
        while let last = body.last, last == "\n" || last == " " || last == "\t" || last == "\r" { body.removeLast() }
        while body.hasPrefix("\n") { body.removeFirst() }
        return head + (body.isEmpty ? "" : "\n" + body) + "\n"
    }

    /// A body line that jrnl could take for the start of an entry (`[anything] …`, which jrnl
    /// tries as a date, even `[monday]`) gets a leading space; Markdown task boxes are left alone.
    static func guarded(_ line: Substring) -> String {
        guard let (blob, _) = dateLine(line), !["x", "X", " "].contains(blob) else { return String(line) }
        return " " + line
    }
}
