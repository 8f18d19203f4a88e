/// Follow-ups and people: merged row by row (``RowListMerge``) and written as a patch of ours'
/// rows, the way a one-follow-up edit is (``RowBlock``), so the lines of rows no one changed keep
/// their bytes.
extension EntryMergeWork {
    mutating func mergeList(_ key: String, _ list: MergeList) {
        func rows(_ side: MergeSide?) -> [MergeRow] { list.rows(side?.field(key)?.answer) }
        let o = rows(ours), t = rows(theirs)
        let merge = RowListMerge(list, base: base.map { rows($0) }, ours: o, theirs: t, newer: newer,
                                 names: (names.ours, names.theirs))
        decisions += merge.decisions.map { "`\(key)` \($0)" }
        let merged = merge.rows.map(\.row)
        if !merge.clashes.isEmpty {
            var other: [MergeRow] = []
            var why: [String] = []
            for clash in merge.clashes {
                if let row = clash.other {
                    other.append(row)
                    why.append("`\(key)` \(list.label(clash.shown)): both versions changed it")
                } else {
                    var removed = clash.identifying
                    removed.values.append(("removed", " yes\n"))
                    other.append(removed)
                    why.append("`\(key)` \(list.label(clash.shown)): one version removed it, the other changed it")
                }
            }
            records.append((shifted(AnswerCoding.encode(list.answer(other), key: key)), why))
        }
        if merged == o { return }
        if merged == t { return take(key) }
        if merged.isEmpty {
            expected[key] = nil
            doc.fields.removeAll { $0.key == key }
            return
        }
        let answer = list.answer(merged)
        expected[key] = answer
        if let text = patchedRows(key, list, merge, ours: o, theirs: t) {
            if let i = doc.fields.firstIndex(where: { $0.key == key }) {
                doc.fields[i].raw = text
                doc.fields[i].answer = answer
            }
        } else {
            set(key, raw: AnswerCoding.encode(answer, key: key))
        }
    }

    /// Ours' rows with the merge applied line by line: the keys a row takes from theirs set or
    /// removed, rows removed, theirs' new rows inserted in this list's layout (from theirs' own
    /// lines when theirs' list can be cut into rows). Nil when ours' list is not in a layout
    /// ``RowBlock`` patches, or a value is not one line (the caller writes the canonical list).
    private func patchedRows(_ key: String, _ list: MergeList, _ merge: RowListMerge, ours o: [MergeRow], theirs t: [MergeRow]) -> String? {
        // Each patch cuts the block again, so past a bound (a hostile list of thousands of rows)
        // the list is written in the canonical form in one pass instead.
        var patches = 0, keptOurs = 0
        for row in merge.rows {
            switch row.origin {
            case .ours(_, let from, let keys):
                keptOurs += 1
                if from != nil { patches += keys.count }
            case .theirs:
                patches += 1
            }
        }
        patches += o.count - keptOurs
        guard patches <= Self.maxPatches else { return nil }
        guard let field = doc.fields.first(where: { $0.key == key }), var block = RowBlock(raw: field.raw), block.rows.count == o.count else {
            return nil
        }
        let theirsBlock = theirs.field(key).flatMap { RowBlock(raw: $0.raw) }.flatMap { $0.rows.count == t.count ? $0 : nil }
        for row in merge.rows {
            guard case .ours(let index, _?, let keys) = row.origin else { continue }
            for k in keys {
                if let value = row.row[k] {
                    guard let scalar = Self.scalar(k, value, list),
                          block.set(k, of: index, to: scalar, after: Self.anchors(before: k, in: list)) else { return nil }
                } else {
                    guard block.remove(k, of: index) else { return nil }
                }
            }
        }
        let kept = Set(merge.rows.compactMap { row -> Int? in
            if case .ours(let index, _, _) = row.origin { return index }
            return nil
        })
        for index in o.indices.reversed() where !kept.contains(index) {
            guard block.removeRow(index) else { return nil }
        }
        let layout = block.layout
        for (position, row) in merge.rows.enumerated() {
            guard case .theirs(let index) = row.origin else { continue }
            let lines: [String]
            if let theirsBlock {
                lines = RowBlock.reindented(theirsBlock.rowLines(index), from: (theirsBlock.dashColumn, theirsBlock.rows[index].keyColumn),
                                            toDash: layout.dash, key: layout.key, ending: layout.ending)
            } else {
                let canonical = AnswerCoding.encode(list.answer([row.row]), key: key).scalarLines.dropFirst()
                lines = RowBlock.reindented(Array(canonical), from: (2, 4), toDash: layout.dash, key: layout.key, ending: layout.ending)
            }
            guard block.insertRow(lines, at: position) else { return nil }
        }
        return block.text
    }

    /// The most line patches a merged list gets; past it the list is written in the canonical form.
    static let maxPatches = 500

    /// A row key's value as the one-line YAML scalar a patch writes; nil for a value that takes
    /// several lines (a key debrief does not know holding a list, say).
    private static func scalar(_ key: String, _ value: String, _ list: MergeList) -> String? {
        switch key {
        case "due", "done", "first-due", "postponed": return value
        case "who", "action", "id", "name", "level", "relation", "note": return YAMLEmitter.inlineScalar(value)
        default:
            // A key debrief does not know holds YAML as written: one line (" value\n") only.
            let lines = value.scalarLines
            guard lines.count == 1, value.unicodeScalars.first == " " else { return nil }
            return value.trimmingLineBreak.trimmingBlanks
        }
    }

    /// Where a key the row lacks goes: after the nearest key before it in the row order.
    private static func anchors(before key: String, in list: MergeList) -> [String] {
        let order = list.keyOrder
        guard let at = order.firstIndex(of: key) else { return order.reversed() }
        return order[..<at].reversed()
    }
}
