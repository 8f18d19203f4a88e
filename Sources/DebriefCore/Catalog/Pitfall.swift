/// One of the networking pitfalls the weekly review tracks, with the rules that detect it.
public struct Pitfall: Hashable, Sendable, Codable {
    /// Stable id that scripts rely on (`self-promotion`).
    public var id: String
    public var title: String
    /// A few words for sentences that name several pitfalls ("casual socializing and generic
    /// outreach could not be judged"); the id with spaces when the catalog gives none.
    public var name: String
    /// What the pitfall looks like in practice.
    public var looksLike: String
    /// Why it hurts the user's network.
    public var whyItHurts: String
    /// What to do instead: concrete, one or two sentences.
    public var instead: String
    /// What the signals are judged over: one entry, or all of an ISO week's reflections.
    public var scope: PitfallScope
    /// The pitfall shows when any signal's condition holds.
    public var signals: [Signal]

    public init(id: String, title: String, name: String? = nil, looksLike: String, whyItHurts: String, instead: String,
                scope: PitfallScope = .event, signals: [Signal]) {
        self.id = id
        self.title = title
        self.name = name ?? id.replacingOccurrences(of: "-", with: " ")
        self.looksLike = looksLike
        self.whyItHurts = whyItHurts
        self.instead = instead
        self.scope = scope
        self.signals = signals
    }
}

/// What a pitfall is judged over (catalog key `scope`).
///
/// The article behind the pitfalls describes two kinds. Most are about what happened at one
/// event (talking too much, planning no follow-up) and are judged per entry. Two are about a
/// pattern across events ("focusing solely on high-profile individuals", "neglecting your current
/// network"): one coffee with a CEO is not the first and one evening of new faces is not the
/// second, so they are judged per ISO week over all of that week's reflections, and never marked
/// on a single entry.
public enum PitfallScope: String, Hashable, Sendable, CaseIterable, Codable {
    /// Judged per entry (the default).
    case event
    /// Judged per ISO week (Monday to Sunday) over that week's reflections.
    case week
}

/// A condition on an entry's answers and the reason shown when it holds.
public struct Signal: Hashable, Sendable, Codable {
    public var condition: Condition
    /// Shown with the flag; `{value}` and `{threshold}` are filled in from the condition.
    public var reason: String
    /// A title that fits what this signal found better than the pitfall's (catalog key `title`):
    /// one generic message is not "mass connection requests". Nil: the pitfall's title.
    public var title: String?
    /// Advice that fits what this signal found (catalog key `instead`). Nil: the pitfall's.
    public var instead: String?

    public init(condition: Condition, reason: String, title: String? = nil, instead: String? = nil) {
        self.condition = condition
        self.reason = reason
        self.title = title
        self.instead = instead
    }
}

/// Rows of a list answer whose `field` (a person's `level` or `relation`) is one of some values.
public struct RowFilter: Hashable, Sendable, Codable {
    public var field: String
    public var values: [String]

    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }
}

/// A test on an entry's answers, written as data in the pitfall catalog.
///
/// Catalog form (YAML), one key naming the test:
/// - `{ answer: purpose, missing: true }`: absent or empty.
/// - `{ answer: professional-topics, is: no }`: equals a value (yes/no, a choice, a number).
/// - `{ answer: outreach-personalized, in: [some, none] }`: one of several values.
/// - `{ answer: talk-share, at-least: 70 }`, `{ answer: x, at-most: 2 }`: numeric thresholds; absent never matches.
/// - `{ count: people, at-least: 2 }`: number of rows of a list answer (absent counts 0);
///   `{ count: people, field: relation, in: [new], at-least: 1 }` counts only the rows that match.
/// - `{ every: people, field: level, in: [senior, executive] }`: a non-empty list whose rows all match.
/// - `{ share: outreach-generic, of: outreach-count, at-least: 50 }`: one number answer as a
///   percentage of another; `{value}` is "2 of 5". Unknown unless both are answered and the part
///   is at most the whole (numbers that contradict each other are not judged).
/// - `{ overdue: follow-ups }`: an action not done by its due date, as of the moment of evaluation.
/// - `{ unfollowed: people, by: follow-ups, field: relation, in: [new] }`: someone in the people
///   list (of those the filter keeps) whom no follow-up row names in its `who`; `{value}` is their
///   names. Failing to follow up is about each new person, not the entry as a whole.
/// - `{ all: [ … ] }`, `{ any: [ … ] }`, `{ not: … }`.
///
/// A condition on a prompt that the entry's flow did not ask is unknown, neither true nor false
/// (see ``Detector``).
public indirect enum Condition: Hashable, Sendable, Codable {
    case missing(String)
    case equals(String, String)
    case oneOf(String, [String])
    case atLeast(String, Int)
    case atMost(String, Int)
    case count(String, where: RowFilter?, atLeast: Int?, atMost: Int?)
    case every(String, field: String, oneOf: [String])
    /// `part` as a percentage of `whole` (both number answers) at least `atLeast`.
    case share(String, of: String, atLeast: Int)
    case overdue(String)
    /// People rows (`where` keeps some) that no row of the follow-ups prompt names.
    case unfollowed(String, by: String, where: RowFilter?)
    case all([Condition])
    case any([Condition])
    case not(Condition)

    /// The first of ``promptIDs``, without building the list: the prompt a test of one answer
    /// reads, asked by the evaluator for every such condition of every entry it judges.
    public var firstPromptID: String? {
        switch self {
        case .missing(let p), .equals(let p, _), .oneOf(let p, _), .atLeast(let p, _), .atMost(let p, _),
             .count(let p, _, _, _), .every(let p, _, _), .overdue(let p), .unfollowed(let p, _, _), .share(let p, _, _):
            return p
        case .all(let cs), .any(let cs):
            return cs.lazy.compactMap(\.firstPromptID).first
        case .not(let c):
            return c.firstPromptID
        }
    }

    /// Prompt ids the condition reads.
    public var promptIDs: [String] {
        switch self {
        case .missing(let p), .equals(let p, _), .oneOf(let p, _), .atLeast(let p, _), .atMost(let p, _),
             .count(let p, _, _, _), .every(let p, _, _), .overdue(let p):
            return [p]
        case .unfollowed(let people, let followUps, _):
            return [people, followUps]
        case .share(let part, let whole, _):
            return [part, whole]
        case .all(let cs), .any(let cs):
            return cs.flatMap(\.promptIDs)
        case .not(let c):
            return c.promptIDs
        }
    }
}
