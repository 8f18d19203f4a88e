/// The rule for files debrief writes outside the journal, in a folder that is not its own (a
/// calendar folder kept in step with `--vdir`): debrief changes or removes only a file it can
/// prove it wrote and that is unchanged since. Anything else there is the user's.
///
/// The proof is in the file. Each calendar item debrief writes carries two properties, just
/// before the item's `END:` line:
///
///     X-DEBRIEF-JOURNAL:<the journal's id>
///     X-DEBRIEF-WRITTEN:<fingerprint of the file's other bytes, as written>
///
/// The first names the journal that wrote it (``JournalStore/identity()``), so two journals
/// keeping one folder in step never take each other's files; the second is the content debrief
/// last wrote there, so a file changed since (an event edited on a phone, a to-do completed, a
/// sync tool that re-folded it) is recognised as changed whoever changed it. The other bytes
/// are the file without those two lines; the fingerprint is ``Fingerprint``'s
/// (`<FNV-1a 64 in hex>-<length>`).
///
/// What a file is (``Status``): `ours` (this journal's mark, the other bytes unchanged) may be
/// rewritten or removed; `changed` (this journal's mark, other bytes changed) is the user's now:
/// reported, never overwritten or removed; `otherJournal` and `unmarked` files are someone
/// else's and left alone. The one exception is a file holding exactly the bytes debrief is
/// about to write there less the mark (what a debrief before the mark wrote): replacing it
/// loses nothing, so it is rewritten with the mark.
///
/// A consumer that must know how a changed file of debrief's differs from what debrief wrote
/// (issue 20: a to-do completed on a phone) makes the content debrief would have written and
/// checks it with ``wrote(_:as:)``: when that holds, the two can be compared line by line, and
/// only a change it accepts is taken; any other change leaves the file the user's.
public enum OwnedFile {
    /// The mark's two properties, by name.
    public static let journalProperty = "X-DEBRIEF-JOURNAL"
    public static let writtenProperty = "X-DEBRIEF-WRITTEN"

    /// What a file carries: the journal that wrote it and the fingerprint of what it wrote.
    public struct Mark: Equatable, Sendable {
        public var journal: String
        public var written: Fingerprint
    }

    /// Whose a file is, by the rule above.
    public enum Status: Equatable, Sendable {
        /// This journal's, unchanged since debrief wrote it.
        case ours
        /// Marked by this journal but changed since: the user's.
        case changed(Mark)
        /// Marked by another journal.
        case otherJournal(String)
        /// No valid mark (a file debrief did not write, or whose mark was removed or altered).
        case unmarked
    }

    /// `content` (an iCalendar object of one item, CRLF lines) with this journal's mark before
    /// the item's `END:` line (the line before the last); nil when `content` is not shaped so.
    public static func marked(_ content: String, journal: String) -> String? {
        var lines = content.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, lines.last == "", lines[lines.count - 2] == "END:VCALENDAR",
              lines[lines.count - 3].hasPrefix("END:") else { return nil }
        let fingerprint = Fingerprint(of: content.utf8)
        lines.insert(contentsOf: [journalProperty + ":" + journal, writtenProperty + ":" + fingerprint.description],
                     at: lines.count - 3)
        return lines.joined(separator: "\r\n")
    }

    /// The mark `bytes` carry (exactly one line of each property, the journal's id and a
    /// fingerprint well formed) and the other bytes, the file without those lines.
    public static func read(_ bytes: [UInt8]) -> (mark: Mark?, content: [UInt8]) {
        var content: [UInt8] = []
        content.reserveCapacity(bytes.count)
        var journals: [String] = []
        var written: [String] = []
        var start = 0
        /// The physical line at `from`: its text without the line end, and where the next starts.
        func line(at from: Int) -> (text: ArraySlice<UInt8>, next: Int) {
            var end = from
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var text = bytes[from..<end]
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            return (text, min(end + 1, bytes.count))
        }
        while start < bytes.count {
            let (text, next) = line(at: start)
            guard let (name, first) = markValue(text) else {
                content.append(contentsOf: bytes[start..<next])
                start = next
                continue
            }
            // A writer that folds short lines (RFC 5545 lets it fold anywhere) continues the
            // mark's value on lines starting with a space or a tab: they belong to the mark.
            var value = first
            start = next
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 {
                let (more, after) = line(at: start)
                value += String(decoding: more.dropFirst(), as: UTF8.self)
                start = after
            }
            if name == journalProperty { journals.append(value) } else { written.append(value) }
        }
        guard journals.count == 1, written.count == 1, let journal = journals.first, !journal.isEmpty,
              let fingerprint = written.first.flatMap(Fingerprint.init) else { return (nil, bytes) }
        return (Mark(journal: journal, written: fingerprint), content)
    }

    /// Whose `bytes` are, for the journal whose id is `journal`.
    public static func status(of bytes: [UInt8], journal: String) -> Status {
        let (mark, content) = read(bytes)
        guard let mark else { return .unmarked }
        guard mark.journal == journal else { return .otherJournal(mark.journal) }
        return wrote(content, as: mark) ? .ours : .changed(mark)
    }

    /// Whether `content` (without a mark) is what debrief wrote into a file marked `mark`.
    public static func wrote(_ content: some Collection<UInt8>, as mark: Mark) -> Bool {
        Fingerprint(of: content) == mark.written
    }

    /// Which mark property a line starts, and the value on that line; nil for any other line.
    private static func markValue(_ line: ArraySlice<UInt8>) -> (String, String)? {
        if let v = value(line, journalProperty) { return (journalProperty, v) }
        if let v = value(line, writtenProperty) { return (writtenProperty, v) }
        return nil
    }

    /// The value of a `NAME:value` line for `name` (exactly, as debrief writes it), or nil.
    private static func value(_ line: ArraySlice<UInt8>, _ name: String) -> String? {
        let prefix = Array((name + ":").utf8)
        guard line.count > prefix.count, line.prefix(prefix.count).elementsEqual(prefix) else { return nil }
        return String(decoding: line.dropFirst(prefix.count), as: UTF8.self)
    }
}
