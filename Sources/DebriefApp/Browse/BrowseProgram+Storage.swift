import DebriefCore
import DebriefUI

/// Reading and writing the journal: every call to the store runs inside a `.perform` command and
/// comes back as a message, so `update` itself never touches the disk.
extension BrowseProgram {
    // MARK: - Loading

    /// Replaces the entries with a fresh snapshot, keeping the selected entry when it still exists.
    mutating func apply(_ snapshot: JournalSnapshot) {
        let selectedID = selectedEntryIndex.map { entries[$0].id }
        let today = clock.today
        // The search texts built so far, kept for the entries whose bytes did not change.
        var texts: [String: (Fingerprint, String)] = [:]
        if let haystacks {
            for (entry, text) in zip(entries, haystacks) {
                if let fingerprint = entry.source?.fingerprint { texts[entry.id] = (fingerprint, text) }
            }
        }
        entries = snapshot.entries
        // Judging pitfalls is the slow part of a row: keep the rows of entries that did not change.
        let known = rowCache
        rowCache = [:]
        rows = entries.map { row(for: $0, today: today, known: known) }
        if haystacks != nil {
            haystacks = entries.map { entry in
                if let (fingerprint, text) = texts[entry.id], fingerprint == entry.source?.fingerprint { return text }
                return EntryQuery.searchText(entry, catalog: catalog)
            }
        }
        problems = snapshot.problems.count
        pending = []
        refilter(keeping: selectedID)
    }

    /// The row of `entry`: the one made before from the same bytes on the same day (in `known`,
    /// else in `rowCache`), or a new one; either way remembered in `rowCache`.
    mutating func row(for entry: Entry, today: Day, known: [String: CachedRow]? = nil) -> BrowseRow {
        let fingerprint = entry.source?.fingerprint
        if let fingerprint, let cached = (known ?? rowCache)[entry.id], cached.fingerprint == fingerprint, cached.today == today {
            rowCache[entry.id] = cached
            return cached.row
        }
        let row = BrowseRow(entry, detector: detector, today: today)
        if let fingerprint { rowCache[entry.id] = CachedRow(fingerprint: fingerprint, today: today, row: row) }
        return row
    }

    /// Recomputes the visible rows after a filter change or a reload: the filter is the query
    /// `debrief list` asks (the rows' pitfalls were judged with the same catalog, as of today).
    mutating func refilter(keeping id: String?) {
        let previous = list.selected ?? 0
        let matcher = EntryMatcher(filter.query, catalog: catalog, today: clock.today)
        visible = entries.indices.filter { filter.isEmpty || matcher.matches(entries[$0], pitfallIDs: rows[$0].pitfalls) }
        list = ListState(count: visible.count)
        let target = id.flatMap { id in visible.firstIndex { entries[$0].id == id } } ?? min(previous, max(0, visible.count - 1))
        list.select(target, height: listHeight)
    }

    /// Reads the journal again (`R`, and back from another screen) through the session's cache,
    /// which reads only the files that changed.
    func reload() -> [Command<Message>] {
        let cache = self.cache
        return [.perform { .loaded(cache.snapshot()) }]
    }

    /// Reads one entry's file again, to show what changed on disk after a refused write.
    func reread(path: String) -> [Command<Message>] {
        guard let entry = entries.first(where: { $0.source?.path == path }) else { return [] }
        let store = self.store
        let ref = EntryRef(id: entry.id, path: path)
        return [.perform { .refreshed(Result { () throws(StoreError) in try store.read(ref) }) }]
    }

    /// Puts a re-read entry in place of the old one and refreshes its row.
    mutating func replace(_ entry: Entry) {
        guard let i = index(of: entry.id) else { return }
        entries[i] = entry
        rows[i] = row(for: entry, today: clock.today)
        haystacks?[i] = EntryQuery.searchText(entry, catalog: catalog)
    }

    // MARK: - Messages

    mutating func handle(_ message: Message) -> [Command<Message>] {
        switch message {
        case .loaded(let snapshot):
            apply(snapshot)
            return []
        case .chunk(let snapshot, let refs):
            append(snapshot, of: refs)
            return []
        case .rest(let snapshot, let refs, let key):
            append(snapshot, of: refs)
            return update(.terminal(.key(key)))
        case .saved(.success(let entry)):
            replace(entry)
            status = "Saved"
            return []
        case .refreshed(.success(let entry)):
            // An entry's own screen shows it from its first read on.
            if index(of: entry.id) == nil, standalone {
                apply(JournalSnapshot(entries: [entry], problems: []))
                revealSelectedFollowUp()
            } else {
                replace(entry)
            }
            return []
        case .refreshed(.failure(let error)):
            status = "Cannot show this entry any more: \(error.description)"
            return []
        case .followUp(let message):
            let (text, refresh) = FollowUpEditor.finished(message, today: clock.today)
            status = text
            switch refresh {
            case .inPlace(let entry):
                replace(entry)
                return []
            case .reread:
                // The entry is on screen: reading it again shows what changed.
                guard case .edited(let item, _, _, _) = message, let i = index(of: item.entryID),
                      let path = entries[i].source?.path else { return [] }
                return reread(path: path)
            case .nothing:
                return []
            }
        case .saved(.failure(let error)):
            status = "Not saved: \(error.description)"
            return []
        case .trashed(.success(let record)):
            undo.append(record)
            status = "Moved “\(record.title)” to trash — u undoes"
            return reload()
        case .trashed(.failure(let error)):
            status = "Not deleted: \(error.description)"
            return []
        case .restored(.success(let title)):
            status = "Restored “\(title)”"
            return reload()
        case .restored(.failure(let error)):
            status = "Could not restore: \(error.description)"
            return []
        case .readForEdit(.success(let pending)):
            return [.editFile(pending.path, then: { .edited(pending, $0) })]
        case .readForEdit(.failure(let error)):
            status = "Cannot edit: \(error.description)"
            return []
        case .edited(let pending, .failed(let reason)):
            status = reason
            return check(pending)
        case .edited(let pending, .edited):
            return check(pending)
        case .checked(_, .success(let entry)):
            prompt = nil
            replace(entry)
            if status == nil { status = "The edited file reads fine" }
            return []
        case .restoredPrevious(_, .success(let entry)):
            prompt = nil
            replace(entry)
            status = "Restored the version from before the edit"
            return []
        case .restoredPrevious(let pending, .failure(let error)):
            prompt = nil
            if case .changedOnDisk = error {
                status = "Not restored: \(pending.id) was written by another program after the edit; nothing was written"
            } else {
                status = "Not restored: \(error.description)"
            }
            return []
        case .checked(let pending, .failure(let error)):
            if case .invalid(let problem) = error {
                prompt = .invalidEdit(pending, problem: "line \(problem.line): \(problem.reason)")
            } else {
                prompt = .invalidEdit(pending, problem: error.description)
            }
            return []
        }
    }

    // MARK: - Writes

    /// What the follow-up editor asked for, and its status line when it has one.
    mutating func followUpStep(_ step: FollowUpEditor.Step) -> [Command<Message>] {
        if let text = step.status { status = text }
        return [step.command.map(Message.followUp)]
    }

    /// A key while the editor asks for a day.
    mutating func followUpPromptKey(_ key: Key) -> [Command<Message>] {
        let entries = self.entries
        return followUpStep(editor.promptKey(key, entry: { id in entries.first { $0.id == id } }, reading: false, store: store,
                                             clock: clock))
    }

    func trash(_ entry: Entry) -> [Command<Message>] {
        let store = self.store
        let title = entry.displayTitle
        let original = entry.source?.path ?? ""
        return [.perform {
            .trashed(Result { () throws(StoreError) in
                TrashRecord(id: entry.id, title: title, trashPath: try store.trash(entry), originalPath: original)
            })
        }]
    }

    mutating func undoTrash() -> [Command<Message>] {
        guard let record = undo.popLast() else {
            status = "Nothing to undo"
            return []
        }
        let store = self.store
        return [.perform {
            .restored(Result { () throws(StoreError) in
                try store.restore(trashPath: record.trashPath, to: record.originalPath)
                return record.title
            })
        }]
    }

    /// `E`: keep the file's current bytes, then open it in the editor.
    func editFile(_ entry: Entry) -> [Command<Message>] {
        guard let path = entry.source?.path else { return [] }
        let id = entry.id
        return [.perform {
            .readForEdit(Result { () throws(StoreError) in
                // The editor may save by renaming too: a linked entry is refused as debrief's own writes refuse it.
                try JournalStore.refuseLinked(path)
                guard let bytes = try AtomicFile.read(path) else { throw StoreError.notFound(id) }
                return PendingEdit(id: id, path: path, previous: bytes)
            })
        }]
    }

    /// Reads the edited file back; a file that no longer parses is never left silently.
    func check(_ pending: PendingEdit) -> [Command<Message>] {
        let store = self.store
        return [.perform {
            var pending = pending
            var seen: Fingerprint?
            let result = Result { () throws(StoreError) in try store.read(pending.ref, seen: &seen) }
            pending.edited = seen
            return .checked(pending, result)
        }]
    }

    /// Writes the bytes from before the edit back, atomically, and reads them again; refused
    /// when the file no longer holds what the edit left (another program wrote it meanwhile).
    func restorePrevious(_ pending: PendingEdit) -> [Command<Message>] {
        let store = self.store
        return [.perform {
            .restoredPrevious(pending, Result { () throws(StoreError) in
                guard let edited = pending.edited else { throw StoreError.changedOnDisk(pending.path) }
                try store.replace(pending.path, with: pending.previous, expecting: edited)
                return try store.read(pending.ref)
            })
        }]
    }
}
