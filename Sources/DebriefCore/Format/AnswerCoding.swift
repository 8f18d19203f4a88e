import Foundation

/// Turns YAML values into typed answers by the prompt's type, and answers back into canonical YAML.
///
/// Types follow the catalog, not YAML's guesses: `no` is a yes/no answer, `2026` under a text
/// prompt is the text "2026".
enum AnswerCoding {
    /// A value that does not fit its prompt's type, with the reason to show.
    struct Mismatch: Error {
        var message: String
    }

    static func decode(_ value: YAMLValue, as prompt: Prompt, timeZone: TimeZone) throws(Mismatch) -> Answer? {
        if value == .null { return nil }
        switch prompt.type {
        case .line, .text:
            guard let s = value.string else { throw Mismatch(message: "`\(prompt.id)` must be text") }
            return .text(s)
        case .yesno:
            guard let s = value.string, let b = yesNo(s) else { throw Mismatch(message: "`\(prompt.id)` must be yes or no") }
            return .bool(b)
        case .scale, .percent, .number:
            guard let s = value.string, let n = number(s, percent: prompt.type == .percent),
                  let range = prompt.type.range, range.contains(n) else {
                let range = prompt.type.range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
                throw Mismatch(message: "`\(prompt.id)` must be a whole number\(range)")
            }
            return .number(n)
        case .choice:
            guard let s = value.string, let option = option(s, in: prompt.options) else {
                throw Mismatch(message: "`\(prompt.id)` must be one of \(prompt.options.joined(separator: ", "))")
            }
            return .choice(option)
        case .datetime:
            guard let s = value.string, let ts = timestamp(s, timeZone: timeZone) else {
                throw Mismatch(message: "`\(prompt.id)` must be a date and time like 2026-11-24T18:30:00+01:00")
            }
            return .timestamp(ts)
        case .tags:
            switch value {
            // In their one spelling (`@nordwind` is `nordwind`): an answer read so compares equal
            // to the same tags saved, so the line is rewritten only when the tags change.
            case .scalar(let s, _):
                return .tags(TagSpelling.parse(s))
            case .list(let items):
                var tags: [String] = []
                for item in items {
                    guard let s = item.string else { throw Mismatch(message: "`\(prompt.id)` must be a list of words") }
                    tags.append(s)
                }
                return .tags(TagSpelling.normalized(tags))
            default:
                throw Mismatch(message: "`\(prompt.id)` must be a list of words")
            }
        case .people:
            guard case .list(let items) = value else { throw Mismatch(message: "`\(prompt.id)` must be a list of people") }
            var people: [Person] = []
            for (n, item) in items.enumerated() { people.append(try person(item, n + 1, prompt)) }
            return .people(people)
        case .followUps:
            guard case .list(let items) = value else { throw Mismatch(message: "`\(prompt.id)` must be a list of actions") }
            var actions: [FollowUp] = []
            for (n, item) in items.enumerated() { actions.append(try followUp(item, n + 1, prompt, timeZone: timeZone)) }
            return .followUps(actions)
        }
    }

    static func yesNo(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default: return nil
        }
    }

    /// A whole number as text: digits (`40`), or a number in JSON's syntax whose value is whole
    /// (`40.0`, `4e1`, `1E2`, as JSON writers may print any number). `40.5`, `1e400` are not.
    static func number(_ s: String, percent: Bool) -> Int? {
        var t = s.trimmingBlanks
        if percent, t.hasSuffix("%") { t = String(t.dropLast()).trimmingBlanks }
        if let n = Int(t) { return n }
        guard isJSONNumber(t), let d = Double(t), d.isFinite, d == d.rounded(), abs(d) <= 9_007_199_254_740_992 else { return nil }
        return Int(d)
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`: RFC 8259's number, so `Double` sees nothing else
    /// (`inf`, `0x10`, ` 4`).
    private static func isJSONNumber(_ t: String) -> Bool {
        var u = Array(t.utf8)[...]
        func digits() -> Int {
            let n = u.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            u = u.dropFirst(n)
            return n
        }
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        guard digits() > 0 else { return false }
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            guard digits() > 0 else { return false }
        }
        if u.first == UInt8(ascii: "e") || u.first == UInt8(ascii: "E") {
            u = u.dropFirst()
            if u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-") { u = u.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return u.isEmpty
    }

    static func option(_ s: String, in options: [String]) -> String? {
        if options.contains(s) { return s }
        return options.first { $0.folded == s.folded }
    }

    /// ISO 8601 with an offset; a value without one (written by hand) is read in `timeZone`.
    static func timestamp(_ s: String, timeZone: TimeZone) -> Timestamp? {
        if let ts = Timestamp(iso: s) { return ts }
        let clock = Clock(timeZone: timeZone, now: { Date(timeIntervalSince1970: 0) })
        guard let first = s.first, first.isNumber else { return nil }
        return DateInput.timestamp(s, clock: clock, direction: .past)
    }

    private static func fields(_ value: YAMLValue, what: String, _ n: Int, _ prompt: Prompt) throws(Mismatch) -> [(String, YAMLValue)] {
        switch value {
        case .map(let pairs): return pairs
        case .scalar(let s, _): return [(what, .scalar(s, plain: false))]
        default: throw Mismatch(message: "`\(prompt.id)` item \(n) must be a mapping")
        }
    }

    private static func person(_ value: YAMLValue, _ n: Int, _ prompt: Prompt) throws(Mismatch) -> Person {
        var person = Person(name: "")
        for (key, v) in try fields(value, what: "name", n, prompt) {
            let known = ["name", "level", "relation", "email", "note"].contains(key)
            guard known else { person.extras.append(ExtraField(key: key, yaml: YAMLEmitter.value(v, indent: 6))); continue }
            if v == .null { continue }
            guard let s = v.string else { throw Mismatch(message: "`\(prompt.id)` item \(n): `\(key)` must be text") }
            switch key {
            case "name": person.name = s
            case "level":
                guard let o = option(s, in: prompt.levels) else {
                    throw Mismatch(message: "`\(prompt.id)` item \(n): level must be one of \(prompt.levels.joined(separator: ", "))")
                }
                person.level = o
            case "relation":
                guard let o = option(s, in: prompt.relations) else {
                    throw Mismatch(message: "`\(prompt.id)` item \(n): relation must be one of \(prompt.relations.joined(separator: ", "))")
                }
                person.relation = o
            case "email": person.email = s.trimmingBlanks.isEmpty ? nil : s.trimmingBlanks
            default: person.note = s
            }
        }
        guard !person.name.trimmingBlanks.isEmpty else {
            throw Mismatch(message: AnswerRules.missingName(prompt.id, row: n - 1).message)
        }
        return person
    }

    private static func followUp(_ value: YAMLValue, _ n: Int, _ prompt: Prompt, timeZone: TimeZone) throws(Mismatch) -> FollowUp {
        var action = FollowUp(who: "", action: "")
        for (key, v) in try fields(value, what: "action", n, prompt) {
            let known = ["who", "action", "due", "done", "id", "first-due", "postponed", "added"].contains(key)
            guard known else { action.extras.append(ExtraField(key: key, yaml: YAMLEmitter.value(v, indent: 6))); continue }
            if v == .null { continue }
            guard let s = v.string else { throw Mismatch(message: "`\(prompt.id)` item \(n): `\(key)` must be text") }
            switch key {
            case "who": action.who = s
            case "action": action.action = s
            case "due", "done", "first-due":
                guard let day = Day(iso: s.trimmingBlanks) else {
                    throw Mismatch(message: "`\(prompt.id)` item \(n): `\(key)` must be a date like 2026-11-27")
                }
                switch key {
                case "due": action.due = day
                case "done": action.done = day
                default: action.firstDue = day
                }
            case "id":
                let id = s.trimmingBlanks
                action.id = id.isEmpty ? nil : id
            case "added":
                guard let ts = timestamp(s.trimmingBlanks, timeZone: timeZone) else {
                    throw Mismatch(message: "`\(prompt.id)` item \(n): `added` must be a date and time like 2026-11-24T21:05:12+01:00")
                }
                action.added = ts
            case "postponed":
                guard let count = Int(s.trimmingBlanks), count >= 0 else {
                    throw Mismatch(message: "`\(prompt.id)` item \(n): `postponed` must be a whole number, 0 or more")
                }
                action.postponed = count
            default: break
            }
        }
        guard !action.action.trimmingBlanks.isEmpty else {
            throw Mismatch(message: AnswerRules.missingAction(prompt.id, row: n - 1).message)
        }
        return action
    }

    // MARK: - Writing

    /// The canonical `key: …` lines for an answer, ending in a newline.
    static func encode(_ answer: Answer, key: String) -> String {
        switch answer {
        case .text(let s): return YAMLEmitter.topLevelText(key: key, s)
        case .bool(let b): return "\(key): \(b ? "yes" : "no")\n"
        case .number(let n): return "\(key): \(n)\n"
        case .choice(let s): return "\(key): \(YAMLEmitter.inlineScalar(s))\n"
        case .timestamp(let ts): return "\(key): \(ts.iso)\n"
        case .tags(let tags): return "\(key): [" + tags.map { YAMLEmitter.inlineScalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
        case .people(let people):
            return "\(key):\n" + people.map { p in
                row([("name", p.name), ("level", p.level), ("relation", p.relation), ("email", p.email), ("note", p.note)], extras: p.extras)
            }.joined()
        case .followUps(let actions):
            return "\(key):\n" + actions.map { a in
                row([("who", a.who), ("action", a.action)], days: [("due", a.due), ("done", a.done), ("first-due", a.firstDue)],
                    counts: [("postponed", a.postponed)], last: [("added", a.added?.iso), ("id", a.id)], extras: a.extras)
            }.joined()
        }
    }

    private static func row(_ pairs: [(String, String?)], days: [(String, Day?)] = [], counts: [(String, Int)] = [],
                            last: [(String, String?)] = [], extras: [ExtraField]) -> String {
        var lines: [String] = []
        for (key, value) in pairs {
            guard let value, !value.isEmpty else { continue }
            lines.append("\(key): \(YAMLEmitter.inlineScalar(value))\n")
        }
        // Dates are written plain, as YAML dates, like the rest of the file's dates.
        for (key, day) in days {
            if let day { lines.append("\(key): \(day.iso)\n") }
        }
        for (key, count) in counts where count > 0 { lines.append("\(key): \(count)\n") }
        for (key, value) in last {
            guard let value, !value.isEmpty else { continue }
            lines.append("\(key): \(YAMLEmitter.inlineScalar(value))\n")
        }
        for extra in extras { lines.append("\(YAMLEmitter.inlineScalar(extra.key)):\(extra.yaml)") }
        guard let first = lines.first else { return "" }
        return "  - " + first + lines.dropFirst().map { "    " + $0 }.joined()
    }
}
