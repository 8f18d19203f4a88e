/// A front-matter list field (`follow-ups:`, `people:`) cut into rows and each row into its keys,
/// line by line, so that one key of one row can be changed without rewriting the rest.
///
/// The canonical encoder would rewrite the whole field in debrief's own layout, which re-indents a
/// list written in another valid YAML style (PyYAML writes the `-` at the key's own column) and
/// turns CRLF into LF. Patching lines keeps every byte the edit does not need: the indentation,
/// the line endings, comments, quoting and key order of the other lines.
///
/// Only block lists of block mappings are understood (`- key: value` rows, any indentation, any
/// line ending); anything else (a flow list, a row that is a bare scalar or a `{…}` mapping)
/// gives nil, and the caller falls back to re-encoding the field.
struct RowBlock {
    /// One `key:` of a row and the lines its value takes.
    struct KeyLines: Equatable {
        var key: String
        /// Index into `lines` of the `key:` line (the dash line for a row's first key).
        var start: Int
        /// One past its last line (continuation lines of a multi-line value included).
        var end: Int
    }

    struct Row: Equatable {
        /// Index of the line that starts with the row's `-`.
        var dash: Int
        /// The column the row's keys start at.
        var keyColumn: Int
        var keys: [KeyLines]
    }

    /// The field's lines, each with its own line break as read (`\n` or `\r\n`).
    private(set) var lines: [String]
    private(set) var rows: [Row]

    /// Cuts `raw` (the field's `key:` line and its value lines) into rows; nil when the layout is
    /// not a block list of block mappings this type can patch.
    init?(raw: String) {
        lines = raw.scalarLines
        guard let head = lines.first, Self.isEmptyListHead(head) else { return nil }
        var rows: [Row] = []
        var dashColumn: Int?
        var current: Row?
        for index in lines.indices.dropFirst() {
            let line = lines[index]
            guard let (indent, first) = Self.content(of: line) else { continue }
            if first == "#" { continue }
            if dashColumn == nil {
                guard first == "-" else { return nil }
                dashColumn = indent
            }
            guard let seq = dashColumn else { return nil }
            if indent == seq {
                guard first == "-", let row = Self.rowStart(line, dash: index, dashColumn: seq) else { return nil }
                if let done = current { rows.append(done) }
                current = row
                continue
            }
            guard indent > seq, var row = current else { return nil }
            if row.keyColumn < 0 {
                // A row whose dash stands alone: its first key sets the column.
                row.keyColumn = indent
            }
            if indent == row.keyColumn {
                guard let key = Self.key(of: line, from: indent) else { return nil }
                row.keys.append(KeyLines(key: key, start: index, end: index + 1))
            } else if indent > row.keyColumn, !row.keys.isEmpty {
                row.keys[row.keys.count - 1].end = index + 1
            } else {
                return nil
            }
            current = row
        }
        if let done = current { rows.append(done) }
        guard let column = dashColumn, rows.allSatisfy({ $0.keyColumn > column && !$0.keys.isEmpty }) else { return nil }
        self.rows = rows
    }

    /// The field's text.
    var text: String { lines.joined() }

    // MARK: - Edits

    /// Sets `key` of row `row` to the plain scalar `value`. An existing one-line value is replaced
    /// in place (the spacing after the colon and a trailing comment kept); a multi-line one
    /// becomes one line; a missing key is inserted after the first of `after` the row has (else
    /// after the row's last key), at the row's key column, with the line break of the line above.
    /// Returns false when the result no longer reads as rows (the caller then falls back).
    mutating func set(_ key: String, of row: Int, to value: String, after: [String]) -> Bool {
        guard rows.indices.contains(row) else { return false }
        if let k = rows[row].keys.first(where: { $0.key == key }) {
            let line = lines[k.start]
            let ending = Self.lineEnding(of: lines[k.end - 1])
            return replace(k.start..<k.end, with: [Self.replacingValue(in: line, with: value, keepComment: k.end - k.start == 1) + ending])
        }
        guard let last = rows[row].keys.last else { return false }
        let keys = rows[row].keys
        let anchor = after.lazy.compactMap { key in keys.first { $0.key == key } }.first ?? last
        let ending = Self.lineEnding(of: lines[anchor.end - 1])
        guard !ending.isEmpty else { return false }
        let newLine = String(repeating: " ", count: rows[row].keyColumn) + key + ": " + value + ending
        return replace(anchor.end..<anchor.end, with: [newLine])
    }

    /// Removes `key` from row `row`. When it is the row's first key (on the dash line), the next
    /// key moves onto the dash line at the same column. Returns false when it is the row's only
    /// key, or the result no longer reads as rows.
    mutating func remove(_ key: String, of row: Int) -> Bool {
        guard rows.indices.contains(row) else { return false }
        guard let position = rows[row].keys.firstIndex(where: { $0.key == key }) else { return true }
        let k = rows[row].keys[position]
        guard k.start == rows[row].dash else {
            return replace(k.start..<k.end, with: [])
        }
        guard position + 1 < rows[row].keys.count else { return false }
        let next = rows[row].keys[position + 1]
        let column = rows[row].keyColumn
        let prefix = String(lines[k.start].unicodeScalars.prefix(column))
        let moved = prefix + String(lines[next.start].unicodeScalars.dropFirst(column))
        var replacement = [moved]
        replacement += lines[(next.start + 1)..<next.end]
        // Comment or blank lines between the two keys stay where they were, after the moved key.
        let between = Array(lines[k.end..<next.start])
        return replace(k.start..<next.end, with: replacement + between)
    }

    /// Replaces lines and cuts the block again (positions after the change move); false, with
    /// nothing changed, when the result would not read as rows.
    mutating func replace(_ range: Range<Int>, with new: [String]) -> Bool {
        var changed = lines
        changed.replaceSubrange(range, with: new)
        guard let again = RowBlock(raw: changed.joined()) else { return false }
        self = again
        return true
    }

    // MARK: - Reading lines

    /// `key:` followed by nothing but blanks or a comment: the head of a block value.
    private static func isEmptyListHead(_ line: String) -> Bool {
        guard let colon = line.unicodeScalars.firstIndex(of: ":") else { return false }
        let rest = line.unicodeScalars[line.unicodeScalars.index(after: colon)...]
        let value = String(rest).trimmingBlanks.trimmingLineBreak
        return value.isEmpty || (value.hasPrefix("#") && rest.first == " ")
    }

    /// The indentation (spaces) and first character of a line with content; nil for a blank line.
    /// A tab is returned as the first character: YAML does not indent with tabs, so such a line
    /// makes the block one this type leaves alone.
    private static func content(of line: String) -> (Int, Unicode.Scalar)? {
        var indent = 0
        for u in line.unicodeScalars {
            if u == " " {
                indent += 1
            } else if u == "\r" || u == "\n" {
                return nil
            } else {
                return (indent, u)
            }
        }
        return nil
    }

    /// A row's dash line: `-`, spaces, and a `key:` (or nothing, when the keys start below).
    private static func rowStart(_ line: String, dash: Int, dashColumn: Int) -> Row? {
        let scalars = Array(line.unicodeScalars)
        var i = dashColumn + 1
        guard i <= scalars.count else { return nil }
        var spaces = 0
        while i < scalars.count, scalars[i] == " " {
            i += 1
            spaces += 1
        }
        if i == scalars.count || scalars[i] == "\r" || scalars[i] == "\n" || scalars[i] == "#" {
            guard i == scalars.count || scalars[i] != "#" || spaces > 0 else { return nil }
            return Row(dash: dash, keyColumn: -1, keys: [])
        }
        guard spaces > 0, let key = key(of: line, from: i) else { return nil }
        return Row(dash: dash, keyColumn: i, keys: [KeyLines(key: key, start: dash, end: dash + 1)])
    }

    /// The plain key at column `from` of `line` when it is a `key:` (then a blank or the end).
    private static func key(of line: String, from column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        var i = column
        var key = String.UnicodeScalarView()
        while i < scalars.count, isKeyScalar(scalars[i]) {
            key.append(scalars[i])
            i += 1
        }
        guard !key.isEmpty, i < scalars.count, scalars[i] == ":" else { return nil }
        let after = i + 1
        guard after == scalars.count || [" ", "\t", "\r", "\n"].contains(scalars[after]) else { return nil }
        return String(key)
    }

    private static func isKeyScalar(_ u: Unicode.Scalar) -> Bool {
        (97...122).contains(u.value) || (65...90).contains(u.value) || (48...57).contains(u.value) || u == "-" || u == "_"
    }

    /// `\r\n`, `\n` or "" (a last line without one).
    static func lineEnding(of line: String) -> String {
        if line.hasScalarSuffix("\r\n") { return "\r\n" }
        return line.unicodeScalars.last == "\n" ? "\n" : ""
    }

    /// `line` (a `key: value` line, maybe the dash line) with its value replaced by `value`, the
    /// key, its column and the blanks after the colon as they were, without the line break.
    /// A comment after a plain one-line value is kept.
    private static func replacingValue(in line: String, with value: String, keepComment: Bool) -> String {
        let body = line.trimmingLineBreak
        let scalars = Array(body.unicodeScalars)
        guard let colon = scalars.firstIndex(where: { $0 == ":" }) else { return body }
        var i = colon + 1
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        let spacing = i == colon + 1 ? " " : String(String.UnicodeScalarView(scalars[(colon + 1)..<i]))
        var comment = ""
        if keepComment, i < scalars.count, !["\"", "'", "|", ">", "[", "{"].contains(scalars[i]) {
            let rest = String(String.UnicodeScalarView(scalars[i...]))
            if let hash = rest.range(of: " #") {
                var start = hash.lowerBound
                while start > rest.startIndex, rest[rest.index(before: start)] == " " { start = rest.index(before: start) }
                comment = String(rest[start...])
            }
        }
        return String(String.UnicodeScalarView(scalars[...colon])) + spacing + value + comment
    }
}

extension String {
    /// The line without its `\n` or `\r\n`.
    var trimmingLineBreak: String {
        var scalars = unicodeScalars[...]
        if scalars.last == "\n" { scalars = scalars.dropLast() }
        if scalars.last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
