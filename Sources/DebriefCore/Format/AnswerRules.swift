/// Something about an answer that keeps it out of an entry file, with where it is: the prompt,
/// and for list answers the row and field, so the guided reflection can put the focus there.
public struct AnswerProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// A required prompt has no answer.
        case required
        /// A row of a list answer lacks a field it cannot do without (a person's name, an action).
        case missingField
        /// A value outside what the prompt accepts (a number out of range, an unknown option).
        case invalidValue
    }

    public var promptID: String
    public var kind: Kind
    /// The row of a list answer at fault, counted from 0.
    public var row: Int?
    /// The field of that row: `name`, `level`, `relation` for people, `action` for follow-ups.
    public var field: String?
    /// What is wrong, naming the key and the row as a file or `debrief add` would ("`follow-ups`
    /// item 2 needs an action").
    public var message: String

    public init(promptID: String, kind: Kind, row: Int? = nil, field: String? = nil, message: String) {
        self.promptID = promptID
        self.kind = kind
        self.row = row
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// The rules an entry's answers must keep for the file to be readable again: the ones reading a
/// file and `debrief add` apply. The guided reflection checks them before it saves, so a save
/// that would write a file the journal cannot read writes nothing and says what to fix.
public enum AnswerRules {
    /// Every problem with `answers`, in prompt order. `asked` are the prompts whose `required`
    /// holds (those the flow asks; by default all of the catalog's).
    public static func problems(in answers: [String: Answer], catalog: Catalog, asked: [Prompt]? = nil) -> [AnswerProblem] {
        var found: [AnswerProblem] = []
        let askedIDs = Set((asked ?? catalog.prompts).map(\.id))
        for prompt in catalog.prompts {
            guard let answer = answers[prompt.id], !answer.isEmpty else {
                if prompt.required, askedIDs.contains(prompt.id) { found.append(required(prompt.id)) }
                continue
            }
            found += problems(with: answer, for: prompt)
        }
        return found
    }

    /// The problems of one answer to `prompt`.
    public static func problems(with answer: Answer, for prompt: Prompt) -> [AnswerProblem] {
        switch answer {
        case .number(let n):
            guard let range = prompt.type.range, !range.contains(n) else { return [] }
            return [AnswerProblem(promptID: prompt.id, kind: .invalidValue,
                                  message: "`\(prompt.id)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(n)")]
        case .choice(let option):
            guard prompt.type == .choice, !prompt.options.contains(option) else { return [] }
            return [AnswerProblem(promptID: prompt.id, kind: .invalidValue,
                                  message: "`\(prompt.id)` must be one of \(prompt.options.joined(separator: ", "))")]
        case .people(let people):
            var found: [AnswerProblem] = []
            for (row, person) in people.enumerated() {
                if person.name.trimmingBlanks.isEmpty { found.append(missingName(prompt.id, row: row)) }
                if let level = person.level, !prompt.levels.isEmpty, !prompt.levels.contains(level) {
                    found.append(AnswerProblem(promptID: prompt.id, kind: .invalidValue, row: row, field: "level",
                                               message: "`\(prompt.id)` item \(row + 1): level must be one of \(prompt.levels.joined(separator: ", "))"))
                }
                if let relation = person.relation, !prompt.relations.isEmpty, !prompt.relations.contains(relation) {
                    found.append(AnswerProblem(promptID: prompt.id, kind: .invalidValue, row: row, field: "relation",
                                               message: "`\(prompt.id)` item \(row + 1): relation must be one of \(prompt.relations.joined(separator: ", "))"))
                }
            }
            return found
        case .followUps(let items):
            return items.enumerated().compactMap { row, item in
                item.action.trimmingBlanks.isEmpty ? missingAction(prompt.id, row: row) : nil
            }
        default:
            return []
        }
    }

    // MARK: - The messages, written once

    static func required(_ promptID: String) -> AnswerProblem {
        AnswerProblem(promptID: promptID, kind: .required, message: "`\(promptID)` is required")
    }

    static func missingName(_ promptID: String, row: Int) -> AnswerProblem {
        AnswerProblem(promptID: promptID, kind: .missingField, row: row, field: "name",
                      message: "`\(promptID)` item \(row + 1) needs a name")
    }

    static func missingAction(_ promptID: String, row: Int) -> AnswerProblem {
        AnswerProblem(promptID: promptID, kind: .missingField, row: row, field: "action",
                      message: "`\(promptID)` item \(row + 1) needs an action")
    }
}
