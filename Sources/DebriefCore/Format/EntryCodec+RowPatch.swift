extension EntryCodec {
    /// The row keys in the order a row writes them; a missing key is inserted right after the
    /// nearest key before it in this order that the row has (`done` after `due`, `first-due`
    /// after `done` or `due`), wherever the row keeps that key.
    private static let rowKeyOrder = ["who", "action", "due", "done", "first-due", "postponed", "added", "id"]

    /// The file text of `entry` (as read from disk) with follow-up row `index` (from 0) changed to
    /// `row` and `updated` set, changing only that row's lines whose value differs and the
    /// `updated:` line: the list keeps its indentation style, line endings, comments and quoting.
    ///
    /// Nil when the entry was not read from a file, the row's who, action, id or unknown keys
    /// differ (a row patch only moves dates and counts), or the list is in a layout that cannot be
    /// patched line by line (a flow list, a row written as a bare scalar); the caller then
    /// re-encodes the field.
    func rowPatchedText(_ entry: Entry, followUp index: Int, to row: FollowUp, updated: Timestamp) -> String? {
        let rows = entry.followUps
        guard rows.indices.contains(index), var doc = entry.source?.document,
              let field = doc.fields.firstIndex(where: { $0.key == "follow-ups" }),
              var block = RowBlock(raw: doc.fields[field].raw), block.rows.count == rows.count else { return nil }
        let old = rows[index]
        guard old.who == row.who, old.action == row.action, old.id == row.id, old.extras == row.extras else { return nil }
        func count(_ n: Int) -> String? { n > 0 ? String(n) : nil }
        let changes: [(String, String?, String?)] = [
            ("due", old.due?.iso, row.due?.iso),
            ("done", old.done?.iso, row.done?.iso),
            ("first-due", old.firstDue?.iso, row.firstDue?.iso),
            ("postponed", count(old.postponed), count(row.postponed)),
        ]
        for (key, before, after) in changes where before != after {
            let ok: Bool
            if let after {
                ok = block.set(key, of: index, to: after, after: Self.rowKeyOrder.prefix { $0 != key }.reversed())
            } else {
                ok = block.remove(key, of: index)
            }
            guard ok else { return nil }
        }
        var changed = rows
        changed[index] = row
        doc.fields[field].raw = block.text
        doc.fields[field].answer = .followUps(changed)
        setUpdated(&doc, updated)
        return doc.text
    }

    /// The `updated:` line set to `now`, keeping the file's line break (CRLF stays CRLF): the
    /// one line besides its own that a row patch changes.
    func setUpdated(_ doc: inout EntryDocument, _ now: Timestamp) {
        let ending = doc.fields.first { $0.key == "updated" }.map { RowBlock.lineEnding(of: $0.raw) }
            ?? RowBlock.lineEnding(of: doc.opening)
        set(&doc, "updated", raw: "updated: \(now.iso)" + (ending.isEmpty ? "\n" : ending), keepIf: { _ in false })
    }
}
