/// A pitfall shown by one entry, with the reasons behind it ("talk-share 80% ≥ 70%").
public struct PitfallFlag: Hashable, Sendable {
    public var pitfallID: String
    public var reasons: [String]

    public init(pitfallID: String, reasons: [String]) {
        self.pitfallID = pitfallID
        self.reasons = reasons
    }
}

/// Evaluates the catalog's pitfall signals against entries. No pitfall is known to the code:
/// every rule, threshold and reason comes from the catalog.
public struct Detector: Sendable {
    public var catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The pitfalls `entry` shows, in catalog order. Overdue follow-ups are judged as of `asOf`:
    /// an action due before that day and not done by then.
    public func flags(for entry: Entry, asOf: Day) -> [PitfallFlag] {
        catalog.pitfalls.compactMap { pitfall in
            let reasons = pitfall.signals.compactMap { signal -> String? in
                guard let match = evaluate(signal.condition, entry, asOf) else { return nil }
                return fill(signal.reason, match)
            }
            return reasons.isEmpty ? nil : PitfallFlag(pitfallID: pitfall.id, reasons: reasons)
        }
    }

    /// What a condition that held saw, for the reason text.
    struct Match {
        var value: String?
        var threshold: String?

        /// `other`'s value and threshold where it has them, else these: inside `all`, the later
        /// condition wins. Rules put the gate first and the tested answer last ("at least one
        /// message sent, and it was only `some` personalised"), so `{value}` names what the reason
        /// talks about: "some of the outreach was personalised", not "3 of the outreach…".
        func overridden(by other: Match) -> Match {
            Match(value: other.value ?? value, threshold: other.threshold ?? threshold)
        }
    }

    func evaluate(_ condition: Condition, _ entry: Entry, _ asOf: Day) -> Match? {
        switch condition {
        case .missing(let id):
            return entry[id] == nil ? Match() : nil
        case .equals(let id, let expected):
            guard let answer = entry[id], let value = Self.describe(answer), Self.same(value, expected) else { return nil }
            return Match(value: value)
        case .oneOf(let id, let options):
            guard let answer = entry[id], let value = Self.describe(answer),
                  options.contains(where: { Self.same(value, $0) }) else { return nil }
            return Match(value: value)
        case .atLeast(let id, let n):
            guard let v = entry[id]?.number, v >= n else { return nil }
            return Match(value: String(v), threshold: String(n))
        case .atMost(let id, let n):
            guard let v = entry[id]?.number, v <= n else { return nil }
            return Match(value: String(v), threshold: String(n))
        case .count(let id, let lo, let hi):
            let count = Self.count(entry[id])
            if let lo, count < lo { return nil }
            if let hi, count > hi { return nil }
            return Match(value: String(count), threshold: (lo ?? hi).map(String.init))
        case .every(let id, let field, let values):
            guard let people = entry[id]?.people, !people.isEmpty else { return nil }
            let all = people.allSatisfy { p in
                let v = field == "level" ? p.level : p.relation
                return v.map { values.contains($0) } ?? false
            }
            return all ? Match(value: String(people.count)) : nil
        case .overdue(let id):
            let late = (entry[id]?.followUps ?? []).filter { action in
                guard let due = action.due, due < asOf else { return false }
                // Done after `asOf` was still open then, so a past week's verdict never changes.
                guard let done = action.done else { return true }
                return done > asOf
            }
            guard !late.isEmpty else { return nil }
            let text = late.map { a in
                AnswerText.task(who: a.who, action: a.action) + (a.due.map { " (due \($0.iso))" } ?? "")
            }.joined(separator: "; ")
            return Match(value: text)
        case .all(let conditions):
            var match = Match()
            for c in conditions {
                guard let m = evaluate(c, entry, asOf) else { return nil }
                match = match.overridden(by: m)
            }
            return match
        case .any(let conditions):
            for c in conditions {
                if let m = evaluate(c, entry, asOf) { return m }
            }
            return nil
        }
    }

    private func fill(_ template: String, _ match: Match) -> String {
        template
            .replacingOccurrences(of: "{value}", with: match.value ?? "")
            .replacingOccurrences(of: "{threshold}", with: match.threshold ?? "")
    }

    static func describe(_ answer: Answer) -> String? {
        switch answer {
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return String(n)
        case .choice(let s), .text(let s): return s
        default: return nil
        }
    }

    static func same(_ a: String, _ b: String) -> Bool { a.folded == b.folded }

    static func count(_ answer: Answer?) -> Int {
        switch answer {
        case .people(let p)?: return p.count
        case .followUps(let f)?: return f.count
        case .tags(let t)?: return t.count
        default: return 0
        }
    }
}

import Foundation
