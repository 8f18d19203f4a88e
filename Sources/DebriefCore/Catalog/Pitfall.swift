/// One of the networking pitfalls the weekly review tracks, with the rules that detect it.
public struct Pitfall: Hashable, Sendable {
    /// Stable id that scripts rely on (`self-promotion`).
    public var id: String
    public var title: String
    /// What the pitfall looks like in practice.
    public var looksLike: String
    /// Why it hurts the user's network.
    public var whyItHurts: String
    /// What to do instead: concrete, one or two sentences.
    public var instead: String
    /// The pitfall shows in an entry when any signal's condition holds.
    public var signals: [Signal]

    public init(id: String, title: String, looksLike: String, whyItHurts: String, instead: String, signals: [Signal]) {
        self.id = id
        self.title = title
        self.looksLike = looksLike
        self.whyItHurts = whyItHurts
        self.instead = instead
        self.signals = signals
    }
}

/// A condition on an entry's answers and the reason shown when it holds.
public struct Signal: Hashable, Sendable {
    public var condition: Condition
    /// Shown with the flag; `{value}` and `{threshold}` are filled in from the condition.
    public var reason: String

    public init(condition: Condition, reason: String) {
        self.condition = condition
        self.reason = reason
    }
}

/// A test on an entry's answers, written as data in the pitfall catalog.
///
/// Catalog form (YAML), one key naming the test:
/// - `{ answer: purpose, missing: true }`: absent or empty.
/// - `{ answer: professional-topics, is: no }`: equals a value (yes/no, a choice, a number).
/// - `{ answer: outreach-personalized, in: [some, none] }`: one of several values.
/// - `{ answer: talk-share, at-least: 70 }`, `{ answer: x, at-most: 2 }`: numeric thresholds; absent never matches.
/// - `{ count: people, at-least: 2 }`: number of rows of a list answer (absent counts 0).
/// - `{ every: people, field: level, in: [senior, executive] }`: a non-empty list whose rows all match.
/// - `{ overdue: follow-ups }`: an action not done by its due date, as of the moment of evaluation.
/// - `{ all: [ … ] }`, `{ any: [ … ] }`.
public indirect enum Condition: Hashable, Sendable {
    case missing(String)
    case equals(String, String)
    case oneOf(String, [String])
    case atLeast(String, Int)
    case atMost(String, Int)
    case count(String, atLeast: Int?, atMost: Int?)
    case every(String, field: String, oneOf: [String])
    case overdue(String)
    case all([Condition])
    case any([Condition])

    /// Prompt ids the condition reads.
    public var promptIDs: [String] {
        switch self {
        case .missing(let p), .equals(let p, _), .oneOf(let p, _), .atLeast(let p, _), .atMost(let p, _),
             .count(let p, _, _), .every(let p, _, _), .overdue(let p):
            return [p]
        case .all(let cs), .any(let cs):
            return cs.flatMap(\.promptIDs)
        }
    }
}
