/// Which calendar events are worth a reflection, which kind a reflection written from one starts
/// with, and which words do not count when a hand-written entry is matched to an event: data of
/// the catalog (`events:` in `Prompts/calendar.yaml`), overridable like the pitfalls.
///
/// An event is worth a reflection when it is with at least ``withOthers`` other people or names a
/// networking word; never when it is free time, a busy block, or an instance of a recurring series
/// whose summary names none of ``recurringWords`` (stand-ups are not networking).
public struct EventRules: Hashable, Sendable, Codable {
    /// A kind guess: the first whose every given test holds names the kind.
    public struct KindGuess: Hashable, Sendable, Codable {
        public var kind: String
        /// The summary, location or categories name one of these.
        public var words: [String] = []
        /// A link of the event (conference properties, the location, the description) is on one
        /// of these hosts.
        public var links: [String] = []
        /// Exactly this many other people.
        public var others: Int?

        public init(kind: String, words: [String] = [], links: [String] = [], others: Int? = nil) {
            self.kind = kind
            self.words = words
            self.links = links
            self.others = others
        }
    }

    /// `with-others`: worth a reflection with at least this many other people (0: not by people).
    public var withOthers = 0
    /// `networking-words`: worth a reflection when the summary, location or categories name one.
    public var networkingWords: [String] = []
    /// `recurring-words`: an instance of a recurring series is worth a reflection only when its
    /// summary names one of these (and the rules above hold).
    public var recurringWords: [String] = []
    /// `skip-free-time`: free time (`TRANSP:TRANSPARENT`, Outlook's `FREE`) is never worth one.
    public var skipFreeTime = true
    /// `busy-words`: nor a block whose whole summary is one of these ("Busy", "Focus time").
    public var busyWords: [String] = []
    /// `kinds`: the kind guesses, in order.
    public var kinds: [KindGuess] = []
    /// `not-significant`: words a hand-written title need not contain to match an event's summary.
    public var notSignificant: [String] = []

    public init() {}
}

/// Words of a text as the event rules compare them: folded (case and accents), cut at anything
/// that is not a letter or a digit.
public enum EventWords {
    public static func tokens(_ text: String) -> [String] {
        asciiTokens(text) ?? characterTokens(text)
    }

    /// ``tokens(_:)`` by Swift's characters: folded, then cut at anything not a letter or digit.
    static func characterTokens(_ text: String) -> [String] {
        text.folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// ``tokens(_:)`` of an ASCII text on its bytes (nil for any other text): folding ASCII only
    /// lowercases it, its only letters and digits are `A-Z a-z 0-9`, and every other byte is a
    /// character of its own or part of CR LF, neither of which is a letter or digit; so the runs of
    /// those bytes, lowercased, are the words (`EventWordsTests` compares both on seeded texts).
    /// `pending` cuts every instance's summary, location and categories: through Foundation's
    /// folding (the joined text has line breaks, which the ASCII folding declines) and Swift's
    /// character properties that was a seventh of a warm run.
    static func asciiTokens(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var word: [UInt8] = []
            for b in bytes {
                guard b < 0x80 else { return nil }
                switch b {
                case 0x30...0x39, 0x61...0x7A: word.append(b)
                case 0x41...0x5A: word.append(b + 0x20)
                default:
                    if !word.isEmpty {
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
    }

    /// Whether the words of `phrase` appear in `words`, in order and side by side.
    public static func contains(_ words: [String], phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }

    /// Whether the text names one of `phrases`.
    public static func names(_ text: String, anyOf phrases: [String]) -> Bool {
        names(text, anyOfPhrases: phrases.map(tokens))
    }

    /// The same with the phrases already cut into words (``tokens(_:)``), for a caller that asks
    /// about many texts: `pending` judges every instance of its window.
    public static func names(_ text: String, anyOfPhrases phrases: [[String]]) -> Bool {
        let words = tokens(text)
        return phrases.contains { contains(words, phrase: $0) }
    }
}
