import DebriefUI
import Foundation
import Testing

/// Whole-screen golden frames (ratatui's `Buffer::with_lines`, bubbletea's golden files): a frame
/// is written as its text rows, a style layer and the cursor, and compared whole with the file
/// recorded for it, so an overlap, a cut word or a lost highlight anywhere on the screen fails.
///
/// The files live in `Tests/DebriefAppTests/Golden/<screen>/<state>-<width>x<height>.txt`. When a
/// change to a screen is intended, re-record every golden the run compares with
/// `DEBRIEF_GOLDEN=record swift test --filter Golden`, then review the change with
/// `git diff Tests/DebriefAppTests/Golden` before committing it. Without the variable a missing
/// file fails the test (and is written, so the first run of a new golden shows what it recorded).
enum GoldenFrame {
    /// The folder holding the recorded frames (`Golden/` beside this file).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Golden"

    /// Whether this run re-records the goldens it compares with.
    static var recording: Bool { ProcessInfo.processInfo.environment["DEBRIEF_GOLDEN"] == "record" }

    /// `frame` as the golden file holds it: every row between bars (so trailing blanks show), then
    /// each row's styles, one letter per cell (a blank for plain text) with the legend of letters,
    /// then where the cursor is.
    static func text(_ frame: Frame) -> String {
        let buffer = frame.buffer
        var out = "text \(buffer.width)x\(buffer.height)\n"
        for row in buffer.rows { out += "|" + row + "|\n" }
        var legend: [Style] = []
        var styleRows: [String] = []
        for row in 0..<buffer.height {
            var line = ""
            for col in 0..<buffer.width {
                guard let style = buffer.style(row: row, col: col), style != .plain else {
                    line += " "
                    continue
                }
                let index = legend.firstIndex(of: style) ?? {
                    legend.append(style)
                    return legend.count - 1
                }()
                line += String(letter(index))
            }
            styleRows.append(line)
        }
        out += "styles\n"
        for line in styleRows { out += "|" + line + "|\n" }
        for (i, style) in legend.enumerated() { out += "\(letter(i)) = \(describe(style))\n" }
        out += "cursor " + (frame.cursor.map { "\($0.row),\($0.col)" } ?? "none") + "\n"
        return out
    }

    private static func letter(_ index: Int) -> Character {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        return letters[index % letters.count]
    }

    /// `accent bold reverse`: the role, then the attributes set.
    static func describe(_ style: Style) -> String {
        var words = [style.role.rawValue]
        if style.bold { words.append("bold") }
        if style.reverse { words.append("reverse") }
        if style.underline { words.append("underline") }
        if style.dim { words.append("dim") }
        return words.joined(separator: " ")
    }

    /// Compares `frame` with the golden `screen/state-WxH.txt`, whole; records it instead under
    /// `DEBRIEF_GOLDEN=record` (and when there is none yet, failing then so it is looked at).
    static func check(_ frame: Frame, screen: String, state: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let name = "\(state)-\(frame.buffer.width)x\(frame.buffer.height)"
        let path = folder + "/" + screen + "/" + name + ".txt"
        let actual = text(frame)
        let recorded = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if recording || recorded == nil {
            try? FileManager.default.createDirectory(atPath: folder + "/" + screen, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            if recorded == nil, !recording {
                Issue.record("no golden \(screen)/\(name) yet; recorded it, look at it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard let recorded, recorded != actual else { return }
        Issue.record(Comment(rawValue: difference(expected: recorded, actual: actual, name: "\(screen)/\(name)")),
                     sourceLocation: sourceLocation)
    }

    /// The lines that differ, quoted, each with its line number in the golden file.
    static func difference(expected: String, actual: String, name: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "golden \(name) differs (DEBRIEF_GOLDEN=record re-records it):\n"
        for i in 0..<max(a.count, b.count) {
            let old = i < a.count ? String(a[i]) : "<none>"
            let new = i < b.count ? String(b[i]) : "<none>"
            if old != new { out += "  line \(i + 1)\n    expected \(old)\n    actual   \(new)\n" }
        }
        return out
    }
}
