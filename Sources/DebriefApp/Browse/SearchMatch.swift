import DebriefCore

/// Matching what the user typed against what they wrote, ignoring case and diacritics
/// ("zoe" finds "Zoë"), through `String.folded` from the core.
enum SearchMatch {
    /// Everything searchable in an entry (every answer, people, follow-ups, the notes), folded once
    /// so each keystroke of an incremental search is a plain substring test.
    static func haystack(_ entry: Entry, catalog: Catalog) -> String {
        var parts: [String] = [entry.id]
        for prompt in catalog.prompts {
            guard let answer = entry[prompt.id] else { continue }
            switch answer {
            case .people(let people): parts += people.map(AnswerText.person)
            case .followUps(let followUps): parts += followUps.map(AnswerText.followUp)
            default: parts.append(AnswerText.inline(answer, type: prompt.type))
            }
        }
        return parts.joined(separator: "\n").folded
    }

    /// Whether a folded haystack contains the query (folded here).
    static func matches(_ haystack: String, query: String) -> Bool {
        let q = query.folded
        return !q.isEmpty && haystack.contains(q)
    }

    /// Columns `(start, width)` of the words in `line` that contain a word of the query, for
    /// highlighting. Works word by word so folding never has to map offsets back.
    static func highlights(in line: String, query: String) -> [(col: Int, width: Int)] {
        let terms = query.folded.split(separator: " ").map(String.init)
        guard !terms.isEmpty else { return [] }
        var out: [(Int, Int)] = []
        var col = 0
        var word = ""
        var wordStart = 0
        func flush() {
            if !word.isEmpty {
                let f = word.folded
                if terms.contains(where: { f.contains($0) }) { out.append((wordStart, word.displayWidth)) }
            }
            word = ""
        }
        for c in line {
            if c.isWhitespace || (c.isPunctuation && c != "'" && c != "-") {
                flush()
                col += c.displayWidth
                wordStart = col
            } else {
                if word.isEmpty { wordStart = col }
                word.append(c)
                col += c.displayWidth
            }
        }
        flush()
        return out
    }

    /// Whether a line of the detail view has a highlighted word.
    static func lineMatches(_ line: String, query: String) -> Bool {
        !highlights(in: line, query: query).isEmpty
    }
}
