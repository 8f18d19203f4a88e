/// The answer to one prompt, typed by the prompt's answer type.
public enum Answer: Hashable, Sendable {
    /// One-line or multi-line text.
    case text(String)
    /// Yes/no.
    case bool(Bool)
    /// Scale 1–5, percent 0–100 or a whole number.
    case number(Int)
    /// One of a choice prompt's options.
    case choice(String)
    case timestamp(Timestamp)
    case people([Person])
    case followUps([FollowUp])
    case tags([String])

    /// True for answers that say nothing: empty text and empty lists. Such answers are not written.
    public var isEmpty: Bool {
        switch self {
        case .text(let s): return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        case .choice(let s): return s.isEmpty
        case .people(let p): return p.isEmpty
        case .followUps(let f): return f.isEmpty
        case .tags(let t): return t.isEmpty
        case .bool, .number, .timestamp: return false
        }
    }

    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var number: Int? { if case .number(let n) = self { return n } else { return nil } }
    public var choice: String? { if case .choice(let s) = self { return s } else { return nil } }
    public var timestamp: Timestamp? { if case .timestamp(let t) = self { return t } else { return nil } }
    public var people: [Person]? { if case .people(let p) = self { return p } else { return nil } }
    public var followUps: [FollowUp]? { if case .followUps(let f) = self { return f } else { return nil } }
    public var tags: [String]? { if case .tags(let t) = self { return t } else { return nil } }
}
