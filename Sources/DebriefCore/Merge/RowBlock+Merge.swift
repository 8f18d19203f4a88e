/// The row edits a merge needs besides setting and removing one key: removing a whole row and
/// inserting one taken from the other version, in this block's own layout.
extension RowBlock {
    /// The column of the rows' dashes.
    var dashColumn: Int { rows.first.map { Self.indentation(lines[$0.dash]) } ?? 0 }

    /// Row `r`'s lines, from its dash to the end of its last key (comments after it excluded).
    func rowLines(_ r: Int) -> [String] {
        guard rows.indices.contains(r), let last = rows[r].keys.last else { return [] }
        return Array(lines[rows[r].dash..<last.end])
    }

    /// Removes row `r`'s lines (comment lines around it stay); false when none would be left or
    /// the result no longer reads as rows.
    mutating func removeRow(_ r: Int) -> Bool {
        guard rows.indices.contains(r), rows.count > 1, let last = rows[r].keys.last else { return false }
        return replace(rows[r].dash..<last.end, with: [])
    }

    /// Inserts `row` (lines in this block's layout, see ``reindented(_:from:toDash:key:ending:)``)
    /// before row `r`, or after the last row when `r` is the row count.
    mutating func insertRow(_ row: [String], at r: Int) -> Bool {
        guard r >= 0, r <= rows.count else { return false }
        let at: Int
        if r < rows.count {
            at = rows[r].dash
        } else if let last = rows.last?.keys.last {
            at = last.end
            // The last line may lack a line break (the end of a file): give it the row's.
            if let ending = row.first.map(Self.lineEnding(of:)), Self.lineEnding(of: lines[at - 1]).isEmpty {
                var changed = lines
                changed[at - 1] += ending
                guard let again = RowBlock(raw: changed.joined()) else { return false }
                self = again
            }
        } else {
            return false
        }
        return replace(at..<at, with: row)
    }

    /// The line layout this block writes a row in: its dash column, its key column, its line break.
    var layout: (dash: Int, key: Int, ending: String) {
        let key = rows.first?.keyColumn ?? dashColumn + 2
        let ending = lines.first.map(Self.lineEnding(of:)) ?? "\n"
        return (dashColumn, key, ending.isEmpty ? "\n" : ending)
    }

    /// Row lines written with a dash at `from.dash` and keys at `from.key`, moved to a dash at
    /// `dash` and keys at `key` (continuation lines keep their depth below the key), each line
    /// ending in `ending`.
    static func reindented(_ row: [String], from: (dash: Int, key: Int), toDash dash: Int, key: Int, ending: String) -> [String] {
        guard let first = row.first else { return [] }
        func body(_ line: String) -> String { line.trimmingLineBreak }
        var out: [String] = []
        let firstScalars = Array(body(first).unicodeScalars)
        let afterDash = firstScalars.count > from.dash + 1 ? Array(firstScalars[(from.dash + 1)...]) : []
        let rest = String(String.UnicodeScalarView(afterDash.drop { $0 == " " }))
        let keyOnDash = !rest.isEmpty && rest.unicodeScalars.first != "#"
        let gap = keyOnDash ? max(1, key - dash - 1) : (rest.isEmpty ? 0 : 1)
        out.append(String(repeating: " ", count: dash) + "-" + String(repeating: " ", count: gap) + rest + ending)
        for line in row.dropFirst() {
            let text = body(line)
            let indent = indentation(text)
            if indent == text.unicodeScalars.count {
                out.append(ending)
                continue
            }
            let moved = max(0, indent - from.key + key)
            out.append(String(repeating: " ", count: moved) + String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(indent))) + ending)
        }
        return out
    }

    /// Leading spaces of a line.
    static func indentation(_ line: String) -> Int {
        var n = 0
        for u in line.unicodeScalars {
            guard u == " " else { break }
            n += 1
        }
        return n
    }
}
