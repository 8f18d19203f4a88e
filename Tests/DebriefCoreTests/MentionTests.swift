@testable import DebriefCore
import Foundation
import Testing

/// A person the journal knows (from a reflection's `people`) is mentioned in an entry that names
/// them without listing them: by full name in its text, folded for case and accents, on word
/// boundaries; or, in an imported note, by a tag that is their name joined.
@Suite struct MentionTests {
    typealias F = PeopleFixtures

    static func note(_ id: String, date: String, title: String, notes: String = "", tags: [String] = [], imported: Bool = true) -> Entry {
        var entry = F.entry(id, title: title, date: date)
        entry["notes"] = .text(notes)
        if !tags.isEmpty { entry["tags"] = .tags(tags) }
        if imported { entry.flow = Entry.importedFlow }
        return entry
    }

    static let reflections = [
        F.entry("r1", title: "Founders mixer", date: "2026-11-20",
                people: [Person(name: "Dr. Henrike Vogel", level: "executive", relation: "existing"), Person(name: "Ana", relation: "new"),
                         Person(name: "Zoë Brandt", relation: "existing")]),
    ]

    @Test func fullNamesAreFoundFoldedOnWordBoundariesNeverInsideWords() throws {
        let entries = Self.reflections + [
            Self.note("i1", date: "2025-03-02", title: "Call with Dr. Henrike Vogel. She asked about #hiring.", notes: "Long talk."),
            Self.note("i2", date: "2025-04-02", title: "Lunch", notes: "henrike vögel's team, and zoe brandt."),
            Self.note("i3", date: "2025-05-02", title: "Banana bread with Anastasia", notes: "Analog and Banana, Henrike alone, Vogel alone."),
            Self.note("i4", date: "2025-06-02", title: "Coffee", notes: "Ana was there.", imported: false),
        ]
        let index = PeopleIndex(entries: entries)
        let henrike = try #require(index.person(named: "Dr. Henrike Vogel"))
        #expect(henrike.mentions.map(\.entryID) == ["i2", "i1"], "newest first; 'Henrike alone' is not the full name")
        #expect(henrike.mentions.map(\.line) == ["henrike vögel's team, and zoe brandt.", "Call with Dr. Henrike Vogel. She asked about #hiring."])
        #expect(henrike.mentions.map(\.imported) == [true, true])
        let zoe = try #require(index.person(named: "Zoë Brandt"))
        #expect(zoe.mentions.map(\.entryID) == ["i2"], "accents and case folded")
        let ana = try #require(index.person(named: "Ana"))
        #expect(ana.mentions.map(\.entryID) == ["i4"], "never inside Banana, Anastasia or Analog")
        #expect(ana.mentions.first?.imported == false, "written entries count too")
    }

    @Test func joinedNameTagsOfImportedNotesAreMentions() throws {
        let entries = Self.reflections + [
            Self.note("t1", date: "2025-03-02", title: "Call", notes: "#HenrikeVogel", tags: ["HenrikeVogel"]),
            Self.note("t2", date: "2025-03-03", title: "Call", notes: "@henrike_vogel and @zoe-brandt", tags: ["henrike_vogel", "zoe-brandt"]),
            Self.note("t3", date: "2025-03-04", title: "Reflection", notes: "", tags: ["henrikevogel"], imported: false),
        ]
        let index = PeopleIndex(entries: entries)
        #expect(index.person(named: "Dr. Henrike Vogel")?.mentions.map(\.entryID) == ["t2", "t1"], "only imported notes' tags")
        #expect(index.person(named: "Dr. Henrike Vogel")?.mentions.last?.line == "#HenrikeVogel")
        #expect(index.person(named: "Zoë Brandt")?.mentions.map(\.entryID) == ["t2"])
    }

    /// An entry listing someone is a meeting, not a mention; a name never adds a person; the cold
    /// list counts an imported note's date as contact.
    @Test func mentionsCountAsContactButNeverAddPeople() throws {
        let entries = [
            F.entry("old", title: "Old coffee", date: "2026-01-10", people: [Person(name: "Omar Haddad", relation: "existing")]),
            Self.note("n1", date: "2026-10-01", title: "Omar Haddad called about the Lisbon job", notes: "Kai Stern was there too."),
            F.entry("listed", title: "Omar Haddad again", date: "2026-02-01", people: [Person(name: "Omar Haddad", relation: "existing")]),
        ]
        let index = PeopleIndex(entries: entries)
        #expect(index.people.map(\.name) == ["Omar Haddad"], "Kai Stern is only a name in a note")
        let omar = try #require(index.people.first)
        #expect(omar.mentions.map(\.entryID) == ["n1"], "the entries listing him are meetings")
        #expect(omar.met == 2)
        #expect(omar.lastMentioned == F.day("2026-10-01"))
        #expect(index.cold(asOf: F.day("2026-11-26"), days: 90).isEmpty, "contact on 1 October: 56 days, not cold")
        #expect(PeopleIndex(entries: Array(entries.dropFirst(2)) + [entries[0]]).cold(asOf: F.day("2026-11-26"), days: 90).map(\.name) == ["Omar Haddad"])
    }

    /// The ASCII fast path of the word splitter (issue 23: half of `debrief people`) gives the
    /// same words and offsets as the character-by-character one on printable ASCII lines with
    /// tabs, and declines every other line (control characters, CR LF, non-ASCII).
    @Test func asciiWordsAreTheCharacterWords() {
        var rng = SeededGenerator(seed: 23)
        let alphabet = Array("abcXYZ019 \t.,;:!?@#_-'\"()[]{}/\\<>=+*&%$~`^|")
        for _ in 0..<3_000 {
            let line = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? "a" })
            let fast = MentionFinder.asciiWords(in: Substring(line))
            let slow = MentionFinder.characterWords(in: Substring(line))
            #expect(fast.map { $0.map(\.word) } == slow.map(\.word), "\(line.debugDescription)")
            #expect(fast.map { $0.map(\.offset) } == slow.map(\.offset), "\(line.debugDescription)")
        }
        for other in ["Zoë Brandt", "a\r\nb", "x\u{7F}y", "caf\u{65}\u{301}", "a\u{0B}b", "李雷"] {
            #expect(MentionFinder.asciiWords(in: Substring(other)) == nil, "\(other.debugDescription)")
        }
        #expect(MentionFinder.words(in: "Met Dr. Henrike-Vogel at 9:30, twice") .map(\.word) == ["met", "dr", "henrike", "vogel", "at", "9", "30", "twice"])
    }

    /// The piece-by-piece splitter (ASCII words on their bytes, the others character by
    /// character) gives the same words and offsets as the character-by-character one on lines
    /// mixing ASCII with accents (composed and combining), CJK, a prepended concatenation mark
    /// before ASCII, ZWJ and emoji modifiers after ASCII punctuation, control characters and CR LF.
    @Test func pieceWordsAreTheCharacterWords() {
        var rng = SeededGenerator(seed: 2312)
        let parts = ["a", "Zo", "9", " ", " ", ".", ",", "-", "_", "@", "\t", "é", "e\u{301}", "\u{301}", "\u{0600}", "\u{200D}",
                     "\u{1F44D}\u{1F3FD}", "\u{1F3FD}", "東京", "São", "naïve", "\r\n", "\r", "\u{7F}", "\u{1B}", "ß", "Ⅻ", "½", "\u{FE0F}"]
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...14, using: &rng)).map { _ in parts.randomElement(using: &rng) ?? "a" }.joined()
            let fast = MentionFinder.pieceWords(in: Substring(line))
            let slow = MentionFinder.characterWords(in: Substring(line))
            #expect(fast.map(\.word) == slow.map(\.word), "\(line.debugDescription)")
            #expect(fast.map(\.offset) == slow.map(\.offset), "\(line.debugDescription)")
        }
    }

    /// Lines found on the bytes are the lines `split(whereSeparator: \.isNewline)` gives, over
    /// every newline scalar (CR LF, NEL, U+2028/9, VT, FF), their UTF-8 neighbours that are not
    /// newlines (U+0084, U+0086, U+2027, U+202A), combining marks right after a newline, and
    /// empty lines; and the stored words of an entry are its lines' words as before.
    @Test func linesAreTheCharacterLines() {
        var rng = SeededGenerator(seed: 2303)
        let parts = ["a", "Zo", " ", "é", "\u{301}", "東京", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
                     "\u{84}", "\u{86}", "\u{2027}", "\u{202A}", "\u{1F44D}", "\u{200D}", "\t", "Ⅻ"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...16, using: &rng)).map { _ in parts.randomElement(using: &rng) ?? "a" }.joined()
            #expect(MentionFinder.lines(of: text).map(String.init) == text.split(whereSeparator: \.isNewline).map(String.init),
                    "\(text.debugDescription)")
        }
        var entry = F.entry("w1", title: "Call with Dr. Henrike Vogel.\r\nLine two\u{2028}three", date: "2025-03-02",
                            people: [Person(name: "Ana Li", note: "Met at 東京.\nAgain.")])
        entry["notes"] = .text("\n\nZoë Brandt, São Paulo\u{85}naïve e\u{301}\u{0B}end\r")
        let before = MentionFinder.texts(of: entry).flatMap { text in
            text.split(whereSeparator: \.isNewline).map { MentionFinder.words(in: $0).map(\.word).joined(separator: " ") }
        }.joined(separator: "\n")
        #expect(MentionFinder.foldedWords(of: entry) == before)
    }

    /// The stored words written byte by byte (``MentionFinder/appendWords(of:to:)``) are each
    /// line's ``MentionFinder/words(in:)`` joined by one space, on random lines mixing ASCII words
    /// and separators with pieces that must go character by character (accents composed and
    /// combining, a combining mark right after an ASCII letter or separator, CJK, ZWJ, controls),
    /// including a non-ASCII piece after ASCII words of the same piece, and after the line's first
    /// word; and appended after what a buffer already holds.
    @Test func appendedWordsAreTheLinesWords() {
        var rng = SeededGenerator(seed: 2312_03)
        let parts = ["a", "Zo", "9", "QX7", " ", " ", ".", ",", "-", "_", "@", "\t", "é", "e\u{301}", "\u{301}", "\u{0600}", "\u{200D}",
                     "\u{1F44D}\u{1F3FD}", "東京", "São", "naïve", "\r", "\u{7F}", "\u{1B}", "ß", "Ⅻ", "½", "\u{FE0F}"]
        for n in 0..<5_000 {
            let line = (0..<Int.random(in: 0...14, using: &rng)).map { _ in parts.randomElement(using: &rng) ?? "a" }.joined()
            let expected = MentionFinder.words(in: Substring(line)).map(\.word).joined(separator: " ")
            var out: [UInt8] = n % 2 == 0 ? [] : Array("held\n".utf8)
            let held = out.count
            MentionFinder.appendWords(of: Substring(line), to: &out)
            #expect(String(decoding: out[held...], as: UTF8.self) == expected, "\(line.debugDescription)")
            #expect(out.prefix(held).elementsEqual("held\n".utf8.prefix(held)))
        }
    }

    /// A text cut into words once and asked about several names (a follow-up's `who`, asked about
    /// each person of its entry by the pitfall on people nobody follows up with) answers as
    /// ``MentionFinder/text(_:names:)`` does for each: in order, on word boundaries, folded, a
    /// title optional, and the memo of a text's words gives its words.
    @Test func aTextCutOnceNamesWhomItsWholeTextNames() {
        let texts = ["Jonas Berg and Bo Chen", "jonas berg", "Dr. Jonas Berg", "JONAS BERG", "Jonas", "Jonasberg", "",
                     "Zoë Brandt", "zoe brandt", "Ana Li", "Anastasia Li", "Berg Jonas", "Bo  Chen, Jonas\tBerg", "李雷 Jonas Berg"]
        let names = ["Jonas Berg", "Bo Chen", "Zoe Brandt", "Zoë Brandt", "Ana", "Ana Li", "Dr. Jonas Berg", "Jonas", "李雷", "", "Prof."]
        for text in texts {
            let words = MentionFinder.shortTextWords(text)
            #expect(words == MentionFinder.words(in: Substring(text)).map(\.word), "\(text)")
            #expect(MentionFinder.shortTextWords(text) == words, "\(text) again, from the memo")
            for name in names {
                #expect(MentionFinder.words(MentionFinder.nameWords(name), standIn: words) == MentionFinder.text(text, names: name),
                        "\(name) in \(text)")
            }
        }
        #expect(MentionFinder.words(["jonas", "berg"], standIn: ["met", "jonas", "berg"]))
        #expect(!MentionFinder.words(["jonas", "berg"], standIn: ["jonas", "met", "berg"]))
        #expect(!MentionFinder.words([], standIn: ["jonas"]))
    }
}
