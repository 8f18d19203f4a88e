/// A YAML value reduced to what entries hold: scalars as written, lists and ordered maps.
///
/// Both the fast reader and the Yams fallback produce this, so one type-directed decoder turns it
/// into answers whichever path read the file.
indirect enum YAMLValue: Equatable, Sendable {
    case null
    /// A scalar's text; `plain` is false for quoted and block scalars (whose text is never a null).
    case scalar(String, plain: Bool)
    case list([YAMLValue])
    case map([(String, YAMLValue)])

    /// The plain scalars YAML reads as null. Both readers use this one list, so a hand-written
    /// `notes: Null` means the same on the fast path and through Yams.
    static let plainNulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    /// The length in bytes of the longest of ``plainNulls``.
    private static let longestPlainNull = plainNulls.map(\.utf8.count).max() ?? 0

    /// Whether a plain scalar's `text` reads as null. Most plain scalars are longer than every
    /// null, and are told apart by their length alone: hashing each for the set was 0.2 G
    /// instructions of `doctor` at 10,000 entries (a third of a million scalars).
    static func isPlainNull(_ text: String) -> Bool {
        text.utf8.count <= longestPlainNull && plainNulls.contains(text)
    }

    static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.scalar(a, pa), .scalar(b, pb)): return a == b && pa == pb
        case let (.list(a), .list(b)): return a == b
        case let (.map(a), .map(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    var string: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }
}

import Yams

extension YAMLValue {
    /// Converts a Yams node; aliases are refused (debrief never writes them).
    init(_ node: Node) throws(YAMLProblem) {
        switch node {
        case .scalar(let s):
            if node.isNull { self = .null } else { self = .scalar(s.string, plain: s.style == .plain) }
        case .sequence(let seq):
            var out: [YAMLValue] = []
            for item in seq { out.append(try YAMLValue(item)) }
            self = .list(out)
        case .mapping(let map):
            var out: [(String, YAMLValue)] = []
            for pair in map {
                guard let key = pair.key.scalar?.string else {
                    throw YAMLProblem(line: pair.key.line, message: "keys must be plain text")
                }
                out.append((key, try YAMLValue(pair.value)))
            }
            self = .map(out)
        case .alias:
            throw YAMLProblem(line: node.line, message: "YAML aliases are not supported in entries")
        }
    }
}
