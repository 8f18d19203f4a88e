import Foundation

/// How debrief read jrnl text before it read it as jrnl does (``JrnlNote/read(_:date:tagSymbols:)``),
/// kept only to recognise notes imported that way: `import jrnl FILE --update` rewrites a note
/// whose file still holds exactly what this reading gave, and leaves one the user changed since.
///
/// That reading cut the first line at its first sentence end even when the entry had more lines
/// ("Call with Dr." with "Henrike Vogel. She asked…" moved into the body) and took only `@tags`,
/// lowercased.
extension JrnlNote {
    /// The note debrief made of `text` before jrnl's own reading.
    static func legacyRead(_ text: String, date: Timestamp) -> JrnlNote {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var first = lines.first ?? ""
        var starred = false
        if first.trimmingCharacters(in: CharacterSet(charactersIn: " \t")).hasSuffix("*") {
            starred = true
            first = first.trimmingCharacters(in: CharacterSet(charactersIn: " *\t"))
        }
        lines = Array(lines.dropFirst())
        let scalars = Array(first.unicodeScalars)
        var title = first, rest = ""
        if let end = sentenceEnd(scalars) {
            title = String(scalars: PythonText.strip(Array(scalars[..<end])))
            rest = String(scalars: scalars[end...])
        }
        let body = ([rest] + lines).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        var tags: [String] = []
        for tag in Self.tags(in: Array((title + "\n" + body).unicodeScalars), symbols: ["@"]) {
            let word = String(tag.dropFirst()).lowercased()
            if !tags.contains(word) { tags.append(word) }
        }
        return JrnlNote(date: date, title: title.trimmingCharacters(in: CharacterSet(charactersIn: " \t")), body: body,
                        tags: tags, starred: starred)
    }
}
