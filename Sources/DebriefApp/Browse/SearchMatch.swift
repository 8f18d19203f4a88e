import DebriefCore

/// Matching what the user typed against what they wrote, ignoring case and diacritics
/// ("zoe" finds "Zoë"), through `String.folded` from the core.
enum SearchMatch {
    /// Whether an entry's search text (``EntryQuery/searchText(_:catalog:)``, folded) contains
    /// the folded query: the test `debrief list --search` makes, through the same function.
    static func matches(_ haystack: String, folded query: String) -> Bool {
        !query.isEmpty && haystack.containsFolded(query)
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
