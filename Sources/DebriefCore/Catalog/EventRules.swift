/// Which calendar events are worth a reflection, which kind a reflection written from one starts
/// with, and which words do not count when a hand-written entry is matched to an event: data of
/// the catalog (`events:` in `Prompts/calendar.yaml`), overridable like the pitfalls.
///
/// An event is worth a reflection when it is with at least ``withOthers`` other people or names a
/// networking word; never when it is free time, a busy block, or an instance of a recurring series
/// whose summary names none of ``recurringWords`` (stand-ups are not networking).
public struct EventRules: Hashable, Sendable {
    /// A kind guess: the first whose every given test holds names the kind.
    public struct KindGuess: Hashable, Sendable {
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
        text.folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
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
