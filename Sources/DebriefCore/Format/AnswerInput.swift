import Foundation

/// Reads answers given to `debrief add` as a YAML or JSON map of prompt id to answer (the same
/// shape as the front matter), validated against the catalog: nothing unknown, nothing mistyped.
public enum AnswerInput {
    /// Every answer in `text`, or the first problem, naming the key and its line.
    public static func parse(_ text: String, catalog: Catalog, clock: Clock) throws(YAMLProblem) -> [String: Answer] {
        guard let root = try YAML.compose(JSONSurrogates.joined(text)) else { return [:] }
        guard let pairs = root.pairs else {
            throw YAMLProblem(line: root.line, message: "answers must be a map of prompt id to answer, e.g. title: Swift meetup")
        }
        var answers: [String: Answer] = [:]
        var seen = Set<String>()
        for (key, keyNode, value) in pairs {
            guard seen.insert(key).inserted else { throw YAMLProblem(line: keyNode.line, message: "`\(key)` is given twice") }
            if Catalog.metadataKeys.contains(key) {
                throw YAMLProblem(line: keyNode.line, message: "`\(key)` is set by debrief and cannot be given")
            }
            guard let prompt = catalog.prompt(key) else {
                throw YAMLProblem(line: keyNode.line, message: "unknown key `\(key)`: not a prompt in the catalog (see `debrief prompts show`)")
            }
            if let answer = try answer(try YAMLValue(value), for: prompt, line: value.line, clock: clock) {
                answers[key] = answer
            }
        }
        return answers
    }

    /// One answer given to `add` or found in an imported file, typed by its prompt: a date-time
    /// through the date reader, follow-up rows with their dates resolved, the rest as the file's
    /// decoding reads them. Nil for an empty answer; problems name the key and `line`.
    static func answer(_ yaml: YAMLValue, for prompt: Prompt, line: Int, clock: Clock) throws(YAMLProblem) -> Answer? {
        let key = prompt.id
        if prompt.type == .datetime, let s = yaml.string {
            guard let ts = DateInput.timestamp(s, clock: clock, direction: .past) else {
                throw YAMLProblem(line: line, message: "`\(key)`: '\(s)' is not a date; try 2026-11-24 18:30, today 18:30 or yesterday")
            }
            return .timestamp(ts)
        }
        let typed = prompt.type == .followUps ? try resolvingFollowUpDates(yaml, clock: clock, line: line) : yaml
        do {
            guard let answer = try AnswerCoding.decode(typed, as: prompt, timeZone: clock.timeZone), !answer.isEmpty else { return nil }
            return answer
        } catch {
            throw YAMLProblem(line: line, message: error.message)
        }
    }

    /// Follow-up rows given to `add` may say `due: fri` or `done: yesterday`: the date reader turns
    /// them into days (a due date looks forward, a done date back) before the file's strict decoding.
    private static func resolvingFollowUpDates(_ value: YAMLValue, clock: Clock, line: Int) throws(YAMLProblem) -> YAMLValue {
        guard case .list(let rows) = value else { return value }
        var out: [YAMLValue] = []
        for row in rows {
            guard case .map(let pairs) = row else { out.append(row); continue }
            var resolved: [(String, YAMLValue)] = []
            for (key, v) in pairs {
                guard key == "due" || key == "done", let text = v.string, Day(iso: text.trimmingBlanks) == nil else {
                    resolved.append((key, v))
                    continue
                }
                guard let day = DateInput.day(text, clock: clock, direction: key == "due" ? .future : .past) else {
                    throw YAMLProblem(line: line, message: "`follow-ups`: `\(key)` '\(text)' is not a date; try \(DateInput.formsHelp)")
                }
                resolved.append((key, .scalar(day.iso, plain: true)))
            }
            out.append(.map(resolved))
        }
        return .list(out)
    }

    /// One answer typed on the command line (`--kind meetup`), checked like the file's.
    public static func single(_ text: String, for promptID: String, catalog: Catalog, clock: Clock) throws(YAMLProblem) -> Answer? {
        guard let prompt = catalog.prompt(promptID) else { throw YAMLProblem(line: 1, message: "unknown prompt `\(promptID)`") }
        if prompt.type == .datetime {
            guard let ts = DateInput.timestamp(text, clock: clock, direction: .past) else {
                throw YAMLProblem(line: 1, message: "'\(text)' is not a date; try 2026-11-24 18:30, today 18:30 or yesterday")
            }
            return .timestamp(ts)
        }
        do {
            return try AnswerCoding.decode(.scalar(text, plain: false), as: prompt, timeZone: clock.timeZone)
        } catch {
            throw YAMLProblem(line: 1, message: error.message)
        }
    }
}
