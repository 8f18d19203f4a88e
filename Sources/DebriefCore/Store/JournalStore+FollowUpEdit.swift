/// What a one-follow-up edit came to.
public enum FollowUpEditOutcome: Equatable, Sendable {
    /// Written. `entry` is the entry as now on disk and `n` the row's position in it (from 1),
    /// which differs from the asked N when the file changed meanwhile and the row moved;
    /// `reapplied` says the file had changed since it was read and the edit was applied to the
    /// new version.
    case written(Entry, n: Int, reapplied: Bool)
    /// Nothing to write (already done, already open, already due that day).
    case unchanged(FollowUpUnchanged, n: Int)
}

extension JournalStore {
    /// Applies `edit` to the `n`-th follow-up (from 1) of `entry`, an entry read from disk, as a
    /// row patch: only that row's changed lines and `updated:` change (CRLF and the list's own
    /// YAML style kept), and the file is replaced atomically.
    ///
    /// When the file changed since `entry` was read (another `done`, a sync, an editor), it is read
    /// again and the edit is applied to the new version if the same follow-up is still there
    /// unchanged: found by its stored `id`, or, for a row without one, by its who, action and due
    /// (the row at position N first when several match). Otherwise nothing is written and
    /// ``StoreError/followUpChanged(_:_:)`` says why. Two `done`s on different follow-ups of one
    /// entry therefore both land, one after the other, under the journal's lock.
    public func editFollowUp(_ n: Int, of entry: Entry, _ edit: FollowUpEdit, now: Timestamp) throws(StoreError) -> FollowUpEditOutcome {
        guard let source = entry.source else { throw StoreError.notFound(entry.id) }
        let rows = entry.followUps
        guard rows.indices.contains(n - 1) else {
            throw StoreError.followUpChanged(source.path, FollowUpOutOfRange(entryID: entry.id, n: n, count: rows.count).description)
        }
        let target = rows[n - 1]
        return try withLock { () throws(StoreError) -> FollowUpEditOutcome in
            try Self.refuseLinked(source.path)
            guard let bytes = try AtomicFile.read(source.path) else {
                throw StoreError.followUpChanged(source.path, "the file is gone since debrief read it (moved, renamed or deleted)")
            }
            var base = entry
            var index = n - 1
            let reapplied = Fingerprint(of: bytes) != source.fingerprint
            if reapplied {
                do throws(EntryProblem) {
                    base = try codec.decode(bytes, id: entry.id, path: source.path)
                } catch {
                    throw StoreError.followUpChanged(source.path, "the file changed meanwhile and no longer reads (\(error.reason), line \(error.line))")
                }
                index = try Self.locate(target, near: n - 1, in: base.followUps, path: source.path)
            } else if !source.hasDocument, let read = try? codec.decode(bytes, id: entry.id, path: source.path) {
                // Rebuilt from the index: the same bytes give the layout the row patch keeps.
                base = read
            }
            let row: FollowUp
            let current = base.followUps[index]
            switch current.applying(edit, createdAt: current.createdAt(in: base), now: now) {
            case .failure(let unchanged): return .unchanged(unchanged, n: index + 1)
            case .success(let changed): row = changed
            }
            let expected = base.replacingFollowUp(at: index, with: row)
            let text = Array(patchedText(base, index: index, row: row, expected: expected, now: now).utf8)
            let written = try readBack(text, EntryRef(id: entry.id, path: source.path))
            try AtomicFile.write(text, to: source.path, replace: true, temporaries: .journal)
            return .written(written, n: index + 1, reapplied: reapplied)
        }
    }

    /// The row patch when it reads back as exactly the expected entry; else the whole field
    /// re-encoded (a layout the patch does not handle), which changes only that field's lines.
    private func patchedText(_ base: Entry, index: Int, row: FollowUp, expected: Entry, now: Timestamp) -> String {
        var updated = expected
        updated.updated = now
        if let text = codec.rowPatchedText(base, followUp: index, to: row, updated: now), let path = base.source?.path,
           let check = try? codec.decode(Array(text.utf8), id: base.id, path: path), check == updated {
            return text
        }
        return codec.encode(updated)
    }

    /// Where the follow-up read as `target` (at `index` then) is in `rows`, the file's new
    /// version, provided it is unchanged; otherwise why the edit cannot be applied again.
    static func locate(_ target: FollowUp, near index: Int, in rows: [FollowUp], path: String) throws(StoreError) -> Int {
        let candidates: [Int]
        if let id = target.id {
            candidates = rows.indices.filter { rows[$0].id == id }
        } else {
            candidates = rows.indices.filter { rows[$0].id == nil && rows[$0].who == target.who && rows[$0].action == target.action }
        }
        let what = "“\(AnswerText.task(who: target.who, action: target.action))”"
        guard !candidates.isEmpty else {
            throw StoreError.followUpChanged(path, "the file changed meanwhile and the follow-up \(what) is no longer in it")
        }
        // The same content (due date too) first, the row at its old place first among equals.
        let same = candidates.filter { rows[$0].due == target.due }
        let pool = same.isEmpty ? candidates : same
        let found = pool.contains(index) ? index : pool[0]
        guard target.id != nil || pool.count == 1 || pool.contains(index) else {
            throw StoreError.followUpChanged(path, "the file changed meanwhile and \(what) is now listed \(pool.count) times")
        }
        if let change = rows[found].change(since: target) {
            throw StoreError.followUpChanged(path, "the file changed meanwhile: \(change) for \(what)")
        }
        return found
    }
}
