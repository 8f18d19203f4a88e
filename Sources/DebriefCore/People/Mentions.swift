import Foundation

/// An entry that names someone without listing them among the people met: their full name in its
/// text, or (in a note imported from another tool) a tag that is their name joined.
public struct PersonMention: Hashable, Sendable {
    public var entryID: String
    public var entryTitle: String
    /// The event's day.
    public var day: Day
    /// The line of the entry the name (or tag) stands in, cut to about ``MentionFinder/contextWidth``
    /// characters around it.
    public var line: String
    /// A note imported from another tool (`flow: imported`), not a reflection.
    public var imported: Bool

    public init(entryID: String, entryTitle: String, day: Day, line: String, imported: Bool) {
        self.entryID = entryID
        self.entryTitle = entryTitle
        self.day = day
        self.line = line
        self.imported = imported
    }
}

/// Finds the people the journal knows (from the `people` of its reflections) where an entry
/// mentions them:
///
/// - in its text (title, notes, every text answer, people's notes and follow-up actions) by their
///   full name, folded for case and accents, on word boundaries: "Henrike Vogel" is found in "met
///   henrike vogel." and in "Dr. Henrike Vögel's idea", "Ana" never in "Banana" or "Anastasia".
///   A short word with a full stop that opens a name ("Dr.", "Prof.") need not be written; every
///   other word of the name must, in order;
/// - in a note imported from another tool, by a tag that is their name joined, whatever the case,
///   `_`, `-` or symbol (`@henrike_vogel`, `#HenrikeVogel`).
///
/// Names are never guessed from the text: a mention only counts for someone a reflection lists.
public struct MentionFinder: Sendable {
    /// About how many characters of a long line a mention keeps around the name.
    public static let contextWidth = 80

    private struct Name: Sendable {
        var key: String
        var words: [String]
    }

    /// Names by their first folded word.
    private var byFirstWord: [String: [Name]] = [:]
    /// Person keys by their name's words joined (`henrikevogel`), for tags.
    private var byJoined: [String: Set<String>] = [:]

    /// `people`: each person's key (folded name) and every spelling the journal has for them.
    public init(people: [(key: String, spellings: [String])]) {
        for person in people {
            for spelling in person.spellings {
                let words = Self.nameWords(spelling)
                guard let first = words.first else { continue }
                if !(byFirstWord[first]?.contains { $0.key == person.key && $0.words == words } ?? false) {
                    byFirstWord[first, default: []].append(Name(key: person.key, words: words))
                }
                byJoined[words.joined(), default: []].insert(person.key)
            }
        }
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    /// Whether `text` names `name`: its words, folded for case and accents, in order on word
    /// boundaries, an opening title like "Dr." optional (the same rule as mentions). A follow-up's
    /// `who` of "Ana Li and Ben" names both; "Anastasia" never names "Ana".
    public static func text(_ text: String, names name: String) -> Bool {
        words(nameWords(name), standIn: Self.words(in: Substring(text)).map(\.word))
    }

    /// Whether `target` (a name's words, ``nameWords(_:)``) stands in `words` in a row: the test
    /// of ``text(_:names:)`` on words cut once, for a text asked about several names (a
    /// follow-up's `who`, asked about each person of its entry, ``shortTextWords(_:)``).
    static func words(_ target: [String], standIn words: [String]) -> Bool {
        guard !target.isEmpty, words.count >= target.count else { return false }
        return (0...(words.count - target.count)).contains { i in words[i..<(i + target.count)].elementsEqual(target) }
    }

    /// The folded words of a short text (``words(in:)``), once a process per text: a follow-up's
    /// `who` ("Zoë Brandt") recurs through a journal and is asked about every person of its entry
    /// when a pitfall looks for the people nobody follows up with; cutting it again each time was
    /// a third of that pitfall's cost in `list` at 10,000 entries.
    static func shortTextWords(_ text: String) -> [String] {
        shortTextWordsMemo.value(for: text) { words(in: Substring(text)).map(\.word) }
    }

    private static let shortTextWordsMemo = BytesMemo<[String]>()

    /// The folded words a name must show, without an opening title like "Dr." (a word of at most
    /// four letters ending in a full stop) when other words follow.
    public static func nameWords(_ name: String) -> [String] {
        // Once a process per name: a pitfall on unfollowed people asks it for every person of
        // every entry judged (a tenth of `list --format json` on 10,000 entries).
        nameWordsMemo.value(for: name) {
            var parts = name.split(whereSeparator: \.isWhitespace)
            while parts.count > 1, let first = parts.first, first.hasSuffix("."), first.count <= 5 { parts.removeFirst() }
            return parts.flatMap { words(in: $0).map(\.word) }
        }
    }

    private static let nameWordsMemo = TextMemo<[String]>()

    /// Bumped when what ``foldedWords(of:)`` or ``tagWords(_:)`` give for the same entry changes:
    /// the index stores them, and rebuilds when this differs.
    public static let wordsRevision = 1

    /// Every line of every text of `entry` a name can stand in (``texts(of:)``), as its folded
    /// words separated by one space, the lines separated by a line feed: what the index stores so
    /// that the entries holding a name's words in a row (``nameWords(_:)``) are looked up instead
    /// of every entry's text being read (`debrief people` on 10,000 entries). Only a superset:
    /// a name across two lines also holds its words in a row here, so the entries found are read
    /// and ``mentions(in:)`` decides.
    public static func foldedWords(of entry: Entry) -> String {
        String(decoding: foldedWordsUTF8(of: entry), as: UTF8.self)
    }

    /// ``foldedWords(of:)`` as UTF-8, for the index, which stores and compares the bytes: valid
    /// UTF-8 as written (ASCII, and the words ``characterWords(in:)`` gives), so no `String` is
    /// made of it to check every byte again.
    public static func foldedWordsUTF8(of entry: Entry) -> [UInt8] {
        // Written byte by byte into one buffer as the words come, no `String` per word (every
        // entry is recorded with these, and `doctor` computes them again for every entry: the
        // words as ``words(in:)`` gives them were a quarter of a cold build).
        // Each text's lines are cut and read on its bytes in place, no `Substring` made per line
        // (one is made only for a piece that goes character by character).
        var out: [UInt8] = []
        var firstLine = true
        for text in texts(of: entry) {
            out.reserveCapacity(out.count + text.utf8.count)
            let whole = Substring(text)
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                for cut in lineCuts(bytes) {
                    if !firstLine { out.append(0x0A) }
                    firstLine = false
                    appendWords(of: whole, from: cut.start, bytes: UnsafeBufferPointer(rebasing: bytes[cut.start..<cut.end]), to: &out)
                }
            }
            let done: Void? = whole.utf8.withContiguousStorageIfAvailable(append)
            if done == nil { Array(whole.utf8).withUnsafeBufferPointer(append) }
        }
        return out
    }

    /// The words ``words(in:)`` gives for `line`, separated by one space, appended to `out`: the
    /// same cuts as ``pieceWords(in:)`` (which gives the same words as the other two ways), each
    /// piece of ASCII letters and digits lowercased straight into `out`, and a piece holding
    /// anything else taken back and given by ``characterWords(in:)``.
    static func appendWords(of line: Substring, to out: inout [UInt8]) {
        // On the line's bytes in place, by offset: stepping a `Substring`'s UTF-8 view index by
        // index was most of this loop's 2.4 G instructions in `doctor` at 10,000 entries.
        let done: Void? = line.utf8.withContiguousStorageIfAvailable { appendWords(of: line, from: 0, bytes: $0, to: &out) }
        if done == nil { Array(line.utf8).withUnsafeBufferPointer { appendWords(of: line, from: 0, bytes: $0, to: &out) } }
    }

    /// ``appendWords(of:to:)`` over `bytes`, the UTF-8 of the line of `text` that starts
    /// `lineStart` bytes into it (`text` is where a piece that goes character by character is
    /// cut from).
    private static func appendWords(of text: Substring, from lineStart: Int, bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var wrote = false
        var pieceStart = 0
        // Where the piece's bytes began in `out`, and whether a word came before it.
        var mark = out.count
        var wroteBefore = false
        var simple = true
        func flush(_ end: Int) {
            guard pieceStart < end, !simple else { return }
            out.removeSubrange(mark...)
            wrote = wroteBefore
            // Cut after an ASCII byte followed by one, so at a Character's edge (made only when
            // the memo does not know the piece).
            let piece = { [start = pieceStart] in
                let utf8 = text.utf8
                let from = utf8.index(utf8.startIndex, offsetBy: lineStart + start)
                return joinedWords(text[from..<utf8.index(from, offsetBy: end - start)])
            }
            let words = pieceMemo.value(forBytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[pieceStart..<end])), piece)
            guard words.any else { return }
            if wrote { out.append(0x20) }
            out.append(contentsOf: words.joined)
            wrote = true
        }
        func isAlphanumeric(_ b: UInt8) -> Bool { b &- 0x61 < 26 || b &- 0x41 < 26 || b &- 0x30 < 10 }
        var previousASCII = true
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if isAlphanumeric(b) {
                // A run of ASCII letters and digits, copied at once (an `append` per byte was most
                // of this loop's 0.8 G instructions in `doctor` at 10,000 entries). The first
                // letter of a piece's word starts it: a space first if a word came before.
                var end = i + 1
                while end < count, isAlphanumeric(bytes[end]) { end += 1 }
                if simple, out.count == mark, wrote { out.append(0x20) }
                out.appendASCIILowercased(UnsafeBufferPointer(rebasing: bytes[i..<end]))
                if simple { wrote = true }
                previousASCII = true
                i = end
                continue
            }
            let next = i + 1
            if b >= 0x20, b < 0x7F, previousASCII, next == count || bytes[next] < 0x80 {
                flush(i)
                pieceStart = next
                mark = out.count
                wroteBefore = wrote
                simple = true
            } else {
                simple = false
            }
            previousASCII = b < 0x80
            i = next
        }
        flush(count)
    }

    /// ``characterWords(in:)`` of a piece, as the bytes ``appendWords(of:to:)`` writes: the words
    /// separated by one space, and whether there was any.
    private static func joinedWords(_ piece: Substring) -> (joined: [UInt8], any: Bool) {
        let words = characterWords(in: piece)
        return (Array(words.map(\.word).joined(separator: " ").utf8), !words.isEmpty)
    }

    /// The pieces that are not plain ASCII words (``appendWords(of:to:)``), by their bytes: the same
    /// few recur through a journal ("café", "Zürich", a name with an accent), and going through
    /// their characters and Foundation's folding was a sixth of `doctor` at 10,000 entries.
    private static let pieceMemo = BytesMemo<(joined: [UInt8], any: Bool)>()

    /// The lines of `text`, as `text.split(whereSeparator: \.isNewline)` gives them (no empty
    /// ones), found on its bytes: LF, VT, FF, CR, NEL, U+2028 and U+2029 are the scalars of the
    /// Characters that are newlines (CR LF is one Character; cutting at each of its two scalars
    /// gives the same lines, as empty ones are left out), and each is always a Character of its
    /// own (Unicode's grapheme rules break around controls), so cutting there cuts where
    /// Characters would, without walking the text's graphemes.
    static func lines(of text: String) -> [Substring] {
        // The cuts found on the text's bytes in place, by offset (stepping its UTF-8 view index
        // by index was 0.6 G of `doctor`'s 13.6 G instructions at 10,000 entries), then made
        // into the lines: an offset is an index of the view at once.
        var text = text
        let cuts = text.withUTF8(lineCuts)
        let utf8 = text.utf8
        return cuts.map { cut in
            text[utf8.index(utf8.startIndex, offsetBy: cut.start)..<utf8.index(utf8.startIndex, offsetBy: cut.end)]
        }
    }

    /// Where the lines of ``lines(of:)`` are in `bytes`, the UTF-8 of a text: byte offsets.
    static func lineCuts(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
        var cuts: [(start: Int, end: Int)] = []
        var start = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            var width = 0
            if b >= 0x0A && b <= 0x0D {
                width = 1
            } else if b == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {
                width = 2
            } else if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                width = 3
            }
            if width == 0 {
                i += 1
                continue
            }
            if start < i { cuts.append((start, i)) }
            i += width
            start = i
        }
        if start < count { cuts.append((start, count)) }
        return cuts
    }

    /// A tag's words joined (`@henrike_vogel` → `henrikevogel`): the form a tag of an imported note
    /// names someone in (``mentions(in:)``), which the index stores per tag.
    public static func tagWords(_ tag: String) -> String {
        words(in: Substring(tag)).map(\.word).joined()
    }

    /// The people `entry` mentions, each once with the first line that names them: the key and
    /// the line of context.
    public func mentions(in entry: Entry) -> [(key: String, line: String)] {
        guard !isEmpty else { return [] }
        var found: [(key: String, line: String)] = []
        var seen = Set<String>()
        for text in Self.texts(of: entry) {
            for line in Self.lines(of: text) {
                let words = Self.words(in: line)
                for (i, w) in words.enumerated() {
                    guard let names = byFirstWord[w.word] else { continue }
                    for name in names where !seen.contains(name.key) && i + name.words.count <= words.count {
                        if zip(name.words, words[i...]).allSatisfy({ $0 == $1.word }) {
                            seen.insert(name.key)
                            found.append((name.key, Self.context(line, at: w.offset)))
                        }
                    }
                }
            }
        }
        if entry.isImported {
            for tag in entry.tags {
                let joined = Self.tagWords(tag)
                for key in byJoined[joined] ?? [] where seen.insert(key).inserted {
                    found.append((key, Self.tagLine(tag, in: entry)))
                }
            }
        }
        return found
    }

    /// Every text of an entry a name can stand in.
    /// The title first, so the context shown is the most telling line; the other text answers
    /// in key order, so the line shown does not depend on a dictionary's order.
    static func texts(of entry: Entry) -> [String] {
        var texts = [entry.title]
        // Only the answers with a text are sorted (a third of an entry's answers).
        var answers: [(key: String, text: String)] = []
        for (key, answer) in entry.answers where key != "title" {
            if let text = answer.text { answers.append((key, text)) }
        }
        answers.sort { $0.key < $1.key }
        for answer in answers { texts.append(answer.text) }
        for person in entry.people { if let note = person.note { texts.append(note) } }
        for followUp in entry.followUps { texts.append(followUp.action) }
        return texts
    }

    /// The line of the entry's text holding `tag` with its symbol, else the tag itself.
    static func tagLine(_ tag: String, in entry: Entry) -> String {
        let wanted = tag.lowercased()
        for text in texts(of: entry) {
            for line in text.split(whereSeparator: \.isNewline) where line.lowercased().contains(wanted) {
                return context(line, at: 0)
            }
        }
        return "#" + tag
    }

    /// The line trimmed, and cut around `offset` (in characters) when it is long.
    static func context(_ line: Substring, at offset: Int) -> String {
        let chars = Array(line.trimmingCharacters(in: .whitespaces))
        guard chars.count > contextWidth else { return String(chars) }
        let lead = line.prefix { $0 == " " || $0 == "\t" }.count
        let start = max(0, min(offset - lead - contextWidth / 4, chars.count - contextWidth))
        let end = min(chars.count, start + contextWidth)
        return (start > 0 ? "…" : "") + String(chars[start..<end]).trimmingCharacters(in: .whitespaces) + (end < chars.count ? "…" : "")
    }

    /// The words of a line, folded, with the character offset each starts at: runs of letters,
    /// digits and marks; anything else (spaces, punctuation, `_`, `@`) separates words.
    static func words(in line: Substring) -> [(word: String, offset: Int)] {
        asciiWords(in: line) ?? pieceWords(in: line)
    }

    /// ``words(in:)`` for a line with other than printable ASCII: cut at each printable ASCII
    /// byte that is neither letter nor digit and has ASCII on both sides (always a character of
    /// its own there: no mark joins an ASCII neighbour, and no ASCII scalar is prepended), a piece
    /// of ASCII letters and digits is one word on its bytes, and only the pieces holding anything
    /// else (an accented or CJK word, a control character) go character by character. The same
    /// words and offsets as ``characterWords(in:)``: generated notes put a word like "café" or
    /// "東京" in most lines, which sent every line the slow way.
    static func pieceWords(in line: Substring) -> [(word: String, offset: Int)] {
        var out: [(word: String, offset: Int)] = []
        let bytes = line.utf8
        var characters = 0
        var pieceStart = bytes.startIndex
        var pieceBytes: [UInt8] = []
        var simple = true
        func flush(_ end: String.Index) {
            guard pieceStart < end else { return }
            if simple {
                out.append((String(decoding: pieceBytes, as: UTF8.self), characters))
                characters += pieceBytes.count
            } else {
                let piece = line[pieceStart..<end]
                out += characterWords(in: piece).map { ($0.word, $0.offset + characters) }
                characters += piece.count
            }
        }
        var previousASCII = true
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let next = bytes.index(after: i)
            let upper = b >= 0x41 && b <= 0x5A
            let alnum = upper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
            if !alnum, b >= 0x20, b < 0x7F, previousASCII, next == bytes.endIndex || bytes[next] < 0x80 {
                flush(i)
                characters += 1
                pieceStart = next
                pieceBytes.removeAll(keepingCapacity: true)
                simple = true
            } else if alnum {
                pieceBytes.append(upper ? b + 0x20 : b)
            } else {
                simple = false
            }
            previousASCII = b < 0x80
            i = next
        }
        flush(bytes.endIndex)
        return out
    }

    /// ``words(in:)`` on the bytes of a line of printable ASCII and tabs, where every byte is one
    /// character, the letters and digits are `A-Z a-z 0-9` and folding lowercases: the same words
    /// and offsets without Unicode's character properties, which were half of `debrief people` on
    /// 10,000 entries (the mentions read every line of every entry). Nil for any other line.
    static func asciiWords(in line: Substring) -> [(word: String, offset: Int)]? {
        var out: [(word: String, offset: Int)] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        for b in line.utf8 {
            guard (b >= 0x20 && b < 0x7F) || b == 0x09 else { return nil }
            let upper = b >= 0x41 && b <= 0x5A
            if upper || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if current.isEmpty { start = offset }
                current.append(upper ? b + 0x20 : b)
            } else if !current.isEmpty {
                out.append((String(decoding: current, as: UTF8.self), start))
                current.removeAll(keepingCapacity: true)
            }
            offset += 1
        }
        if !current.isEmpty { out.append((String(decoding: current, as: UTF8.self), start)) }
        return out
    }

    /// ``words(in:)`` character by character, for any text.
    static func characterWords(in line: Substring) -> [(word: String, offset: Int)] {
        var out: [(word: String, offset: Int)] = []
        var current = ""
        var start = 0
        for (offset, c) in line.enumerated() {
            if c.isLetter || c.isNumber {
                if current.isEmpty { start = offset }
                current.append(c)
            } else if !current.isEmpty {
                out.append((current.folded, start))
                current = ""
            }
        }
        if !current.isEmpty { out.append((current.folded, start)) }
        return out
    }
}
