import DebriefCore
import Foundation

/// The lines a change makes to one file, as `--dry-run` and the write list them: the path, then
/// each changed line with its number (`  12: name: Zoe → name: Zoë`, `  13: + done: …`).
enum LineListing {
    static func text(_ path: String, _ lines: [NameLineChange]) -> String {
        var out = [path]
        for line in lines {
            switch (line.before, line.after) {
            case let (before?, after?):
                // Swift's == ignores the Unicode form; a line that only changes form says so.
                let form = before == after ? "  (the same letters, written in NFC)" : ""
                out.append("  \(line.line): \(before.trimmingCharacters(in: .whitespaces)) → \(after.trimmingCharacters(in: .whitespaces))" + form)
            case let (before?, nil): out.append("  \(line.line): - \(before)")
            case let (nil, after?): out.append("  \(line.line): + \(after)")
            case (nil, nil): break
            }
        }
        return out.joined(separator: "\n")
    }
}
