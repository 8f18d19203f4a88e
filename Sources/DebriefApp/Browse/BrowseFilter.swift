import DebriefCore

/// The list's filter, typed as `person:zoe tag:swift kind:meetup pitfall:taker since:2026-11-01 until:today`.
///
/// One line of `key:value` words instead of a form: it is quick to type, shows as-is above the
/// list, and words after a value belong to it, so `person:zoe brandt` works.
struct BrowseFilter: Equatable, Sendable {
    var person: String?
    var tag: String?
    var kind: String?
    var pitfall: String?
    var since: Day?
    var until: Day?

    static let keys = ["person", "tag", "kind", "pitfall", "since", "until"]

    var isEmpty: Bool { self == BrowseFilter() }

    /// The filter as the user would type it, for the line above the list and to prefill the prompt.
    var text: String {
        var parts: [String] = []
        if let person { parts.append("person:\(person)") }
        if let tag { parts.append("tag:\(tag)") }
        if let kind { parts.append("kind:\(kind)") }
        if let pitfall { parts.append("pitfall:\(pitfall)") }
        if let since { parts.append("since:\(since.iso)") }
        if let until { parts.append("until:\(until.iso)") }
        return parts.joined(separator: " ")
    }

    /// Parses the typed line, or returns a message saying what is wrong.
    static func parse(_ line: String, clock: Clock) -> Result<BrowseFilter, FilterError> {
        var fields: [(String, String)] = []
        for word in line.split(whereSeparator: \.isWhitespace) {
            if let colon = word.firstIndex(of: ":"), keys.contains(String(word[..<colon]).lowercased()) {
                fields.append((String(word[..<colon]).lowercased(), String(word[word.index(after: colon)...])))
            } else if let last = fields.popLast() {
                fields.append((last.0, last.1.isEmpty ? String(word) : last.1 + " " + word))
            } else {
                return .failure(FilterError("start with one of \(keys.map { $0 + ":" }.joined(separator: " "))"))
            }
        }
        var filter = BrowseFilter()
        for (key, value) in fields {
            guard !value.isEmpty else { return .failure(FilterError("\(key): needs a value")) }
            switch key {
            case "person": filter.person = value
            case "tag": filter.tag = value
            case "kind": filter.kind = value
            case "pitfall": filter.pitfall = value
            default:
                guard let day = DateInput.day(value, clock: clock, direction: .past) else {
                    return .failure(FilterError("\(key): '\(value)' is not a date; try \(DateInput.formsHelp)"))
                }
                if key == "since" { filter.since = day } else { filter.until = day }
            }
        }
        return .success(filter)
    }

    /// The filter as the query every command asks (the same meaning as `debrief list`'s options).
    var query: EntryQuery {
        EntryQuery(since: since, until: until, person: person, tag: tag, kind: kind, pitfall: pitfall)
    }
}

struct FilterError: Error, Equatable, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
