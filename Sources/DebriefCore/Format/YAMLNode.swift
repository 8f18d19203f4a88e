import Yams

/// A problem in a YAML text, with the 1-based line (and column when known) it was found at.
public struct YAMLProblem: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int?
    public var message: String

    public init(line: Int, column: Int? = nil, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

/// Thin helpers over Yams' node tree: composing with line-numbered errors, and reading scalars as
/// the strings that were written, so that types follow the catalog rather than YAML's guesses
/// (`no` is a yes/no answer, not a boolean to some resolvers and a string to others).
enum YAML {
    /// Composes `text` into a node tree; nil for an empty document. Aliases are bounded first
    /// (``YAMLAliasBudget``), because Yams expands them while composing.
    static func compose(_ text: String, lineOffset: Int = 0) throws(YAMLProblem) -> Node? {
        try YAMLAliasBudget.check(text, lineOffset: lineOffset)
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            // libyaml reports some problems (an unclosed `[`) at the end of its input, the line
            // after the last one; point at the last line instead.
            var p = problem(from: error, lineOffset: lineOffset)
            p.line = min(p.line, lineOffset + max(text.scalarLines.count, 1))
            throw p
        } catch {
            throw YAMLProblem(line: lineOffset + 1, message: "\(error)")
        }
    }

    static func problem(from error: YamlError, lineOffset: Int) -> YAMLProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return YAMLProblem(line: mark.line + lineOffset, column: mark.column, message: "invalid YAML: \(what)")
        case let .reader(problem, _, _, _):
            return YAMLProblem(line: lineOffset + 1, message: "unreadable text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLProblem(line: context.mark.line + lineOffset, column: context.mark.column,
                               message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return YAMLProblem(line: lineOffset + 1, message: "invalid YAML: \(error)")
        }
    }
}

extension Node {
    /// 1-based line of the node, or 1 when unknown.
    var line: Int { mark?.line ?? 1 }

    /// The scalar as written, or nil for a mapping or sequence. A null (`~`, empty) is nil too.
    var text: String? {
        guard case .scalar(let s) = self, !isNull else { return nil }
        return s.string
    }

    /// True for an empty or `~`/`null` plain scalar.
    var isNull: Bool {
        guard case .scalar(let s) = self else { return false }
        return s.style == .plain && YAMLValue.isPlainNull(s.string)
    }

    /// Mapping pairs keyed by their string keys, in order.
    var pairs: [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let m) = self else { return nil }
        return m.map { (key: $0.key.scalar?.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    var items: [Node]? {
        guard case .sequence(let s) = self else { return nil }
        return Array(s)
    }
}
