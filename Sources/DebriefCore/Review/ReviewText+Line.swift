/// The review's text as runs that say what they mean rather than how they look: the core knows
/// no terminal, so the CLI maps tones to ANSI codes and the review screen to its own styles.
extension ReviewText {
    /// What a run of text is.
    public enum Tone: Sendable, Equatable {
        case plain
        /// A section heading or the week's name.
        case heading
        /// Secondary text: an explanation, the trend of a quiet pitfall.
        case muted
        /// Something that went well: progress, follow-ups done.
        case good
        /// A pitfall that showed this week.
        case warning
        /// A recurring pitfall, an overdue follow-up.
        case bad

        /// The ANSI colour or attribute, if the tone has one (headings are bold only).
        var ansi: String? {
            switch self {
            case .plain, .heading: return nil
            case .muted: return "2"
            case .good: return "32"
            case .warning: return "33"
            case .bad: return "31"
            }
        }
    }

    /// A run of text in one tone, bold when `strong`.
    public struct Span: Equatable, Sendable {
        public var text: String
        public var tone: Tone
        public var strong: Bool

        public init(_ text: String, _ tone: Tone = .plain, strong: Bool = false) {
            self.text = text
            self.tone = tone
            self.strong = strong
        }

        /// The text in ANSI codes: the tone inside, bold outside. The run's own text is made
        /// terminal-safe here, since these are the only escape codes debrief prints on purpose.
        var ansi: String {
            var s = TerminalSafe.text(text)
            if let code = tone.ansi { s = "\u{1B}[\(code)m" + s + "\u{1B}[0m" }
            if strong { s = "\u{1B}[1m" + s + "\u{1B}[0m" }
            return s
        }
    }

    /// What a line of the review is about, so the review screen can act on it: the reflection a
    /// reason came from (Enter opens it), or a follow-up (Enter opens its entry there; Space,
    /// `s` and `D` change it). Every row of a wrapped reason or follow-up carries it.
    public enum Target: Hashable, Sendable {
        case entry(String)
        /// The follow-up at position `n` (from 1) of the entry `entryID`.
        case followUp(entryID: String, n: Int)

        /// The entry either kind is in.
        public var entryID: String {
            switch self {
            case .entry(let id), .followUp(let id, _): return id
            }
        }
    }

    /// One line of the review: its runs in order, with neighbours of the same style merged.
    public struct Line: Equatable, Sendable {
        public private(set) var spans: [Span] = []
        /// What the line is about, if it is a reason or a follow-up.
        public var target: Target?

        public init(_ spans: [Span] = []) {
            for span in spans { append(span) }
        }

        /// The text without styles.
        public var text: String { spans.map(\.text).joined() }
        public var isEmpty: Bool { spans.isEmpty }
        /// The text with ANSI colour and bold.
        public var ansi: String { spans.map(\.ansi).joined() }

        /// Adds a run, merged into the last one when they look the same; empty runs are dropped.
        /// (No copy of the last run is held while its text grows: that would copy the text on
        /// every append, quadratic in a long word.)
        mutating func append(_ span: Span) {
            guard !span.text.isEmpty else { return }
            let last = spans.count - 1
            if last >= 0, spans[last].tone == span.tone, spans[last].strong == span.strong {
                spans[last].text += span.text
            } else {
                spans.append(span)
            }
        }
    }
}
