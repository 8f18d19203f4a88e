/// What a condition comes to: it holds (with what it saw, for the reason text), it fails, or it
/// is unknown because it reads a prompt the entry's flow did not ask.
///
/// Three values rather than two so that a short reflection never counts as a clean one: an
/// unknown answer neither triggers a rule nor clears it. `all` fails as soon as one part fails
/// and `any` holds as soon as one part holds, whatever the unknown parts would have said.
enum Verdict {
    case holds(Match)
    case fails
    case unknown

    /// What a condition that held saw, for the reason text.
    struct Match {
        var value: String?
        var threshold: String?

        /// `other`'s value and threshold where it has them, else these: inside `all`, the later
        /// condition wins. Rules put the gate first and the tested answer last ("at least one
        /// message sent, and it was only `some` personalised"), so `{value}` names what the reason
        /// talks about.
        func overridden(by other: Match) -> Match {
            Match(value: other.value ?? value, threshold: other.threshold ?? threshold)
        }
    }

    static func from(_ holds: Bool, _ match: @autoclosure () -> Match = Match()) -> Verdict {
        holds ? .holds(match()) : .fails
    }

    var match: Match? { if case .holds(let m) = self { return m } else { return nil } }
    var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
    var failed: Bool { if case .fails = self { return true } else { return false } }

    /// Every part holds: fails if one fails, else unknown if one is unknown.
    static func all(_ parts: some Sequence<Verdict>) -> Verdict {
        var match = Match()
        var unknown = false
        for part in parts {
            switch part {
            case .fails: return .fails
            case .unknown: unknown = true
            case .holds(let m): match = match.overridden(by: m)
            }
        }
        return unknown ? .unknown : .holds(match)
    }

    /// Some part holds (the first one's match): else unknown if one is unknown, else fails.
    static func any(_ parts: some Sequence<Verdict>) -> Verdict {
        var unknown = false
        for part in parts {
            switch part {
            case .holds: return part
            case .unknown: unknown = true
            case .fails: break
            }
        }
        return unknown ? .unknown : .fails
    }

    var negated: Verdict {
        switch self {
        case .holds: return .fails
        case .fails: return .holds(Match())
        case .unknown: return .unknown
        }
    }
}
