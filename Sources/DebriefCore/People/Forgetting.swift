import Foundation

/// Forgetting someone (`debrief people forget NAME`): their people rows (name, level, relation,
/// note and any other key of the row) and the follow-ups they own are removed from every entry
/// and from every entry in `trash/`, with the rules of a rename (``NameChange``): names matched
/// folded (case, accents, Unicode form and spacing ignored), minimal diffs, one atomic write per
/// file that still holds what was read, linked files refused.
///
/// Text the user wrote about them elsewhere (notes, other answers, a follow-up's action) is prose
/// debrief does not rewrite: ``NameTrace`` finds it, so the command can name every line left.
public struct Forgetting: Sendable, Equatable {
    /// The name as typed.
    public let name: String
    /// Its folded form: the rows whose name folds to it are removed.
    public let key: String

    public init(name: String) {
        self.name = name
        key = name.folded
    }

    /// Whether `name` (a people row's name, a follow-up's `who`) is the person forgotten.
    public func names(_ name: String) -> Bool { !key.isEmpty && name.folded == key }
}

extension JournalStore {
    /// The entries in `trash/` (at any depth), read like entries, and the files that could not
    /// be read: forgetting someone reaches them too.
    public func trashedEntries() -> JournalSnapshot {
        var snapshot = JournalSnapshot(entries: [], problems: [])
        for path in Self.regularFiles(under: trashDirectory) where path.hasSuffix(".md") {
            let name = (path as NSString).lastPathComponent
            switch tolerantRead(EntryRef(id: String(name.dropLast(3)), path: path)) {
            case .success(let entry)?: snapshot.entries.append(entry)
            case .failure(let problem)?: snapshot.problems.append(problem)
            case nil: continue
            }
        }
        return snapshot
    }

    /// Every regular file under `folder`, at any depth, sorted, without following symbolic links
    /// (a link is listed as itself when it is one to a regular file, for the caller to judge).
    static func regularFiles(under folder: String) -> [String] {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().map { folder + "/" + $0 }.filter { path in
            var st = stat()
            guard lstat(path, &st) == 0 else { return false }
            if st.st_mode & S_IFMT == S_IFREG { return true }
            return st.st_mode & S_IFMT == S_IFLNK && stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
        }
    }

    /// The files `forgetting` rewrites among `entries` (read from disk: the journal's or the
    /// trash's), without writing; written with ``write(_:)-(NameFileChange)``, like a rename.
    /// `people` and `followUps` of each change count the rows removed.
    public func plan(_ forgetting: Forgetting, entries: [Entry], now: Timestamp) -> [NameFileChange] {
        entries.compactMap { entry in
            guard let planned = codec.forgotten(entry, forgetting, now: now) else { return nil }
            guard entry.source?.hasDocument == false, let read = try? withDocument(entry) else { return planned }
            return codec.forgotten(read, forgetting, now: now)
        }
    }
}

extension EntryCodec {
    /// `entry` without the rows of the person forgotten, or nil when it has none. The rows are
    /// cut out line by line (the rest of the list keeps its bytes); a list left empty loses its
    /// key; a list debrief cannot cut line by line is written again as one field.
    func forgotten(_ entry: Entry, _ forgetting: Forgetting, now: Timestamp) -> NameFileChange? {
        guard let source = entry.source else { return nil }
        let peopleRows = entry.people.indices.filter { forgetting.names(entry.people[$0].name) }
        let followUpRows = entry.followUps.indices.filter { forgetting.names(entry.followUps[$0].who) }
        guard !peopleRows.isEmpty || !followUpRows.isEmpty else { return nil }
        var expected = entry
        let people = entry.people.enumerated().filter { !peopleRows.contains($0.offset) }.map(\.element)
        let followUps = entry.followUps.enumerated().filter { !followUpRows.contains($0.offset) }.map(\.element)
        if !peopleRows.isEmpty { expected["people"] = people.isEmpty ? nil : .people(people) }
        if !followUpRows.isEmpty { expected["follow-ups"] = followUps.isEmpty ? nil : .followUps(followUps) }
        expected.updated = now
        var text: String?
        var doc = source.document
        if cut(&doc, field: "people", rows: peopleRows, left: expected["people"]),
           cut(&doc, field: "follow-ups", rows: followUpRows, left: expected["follow-ups"]) {
            setUpdated(&doc, now)
            let patched = doc.text
            if (try? decode(Array(patched.utf8), id: entry.id, path: source.path)) == expected { text = patched }
        }
        let newText = text ?? encode(expected)
        return NameFileChange(entry: entry, path: source.path, text: newText,
                              lines: Self.changedLines(source.document.text, newText),
                              people: peopleRows.count, followUps: followUpRows.count)
    }

    /// Removes the given rows of list `field` (the whole field when none is left); false when the
    /// list is not in a layout ``RowBlock`` cuts (the caller re-encodes).
    private func cut(_ doc: inout EntryDocument, field: String, rows: [Int], left: Answer?) -> Bool {
        guard !rows.isEmpty else { return true }
        guard let f = doc.fields.firstIndex(where: { $0.key == field }) else { return false }
        guard let left else {
            // Blank lines and comments after the list stay, after the field before it.
            let trailer = doc.fields.remove(at: f).trailer
            if f > 0 { doc.fields[f - 1].trailer += trailer } else { doc.leading += trailer }
            return true
        }
        guard var block = RowBlock(raw: doc.fields[f].raw) else { return false }
        for row in rows.sorted(by: >) {
            guard block.removeRow(row) else { return false }
        }
        doc.fields[f].raw = block.text
        doc.fields[f].answer = left
        return true
    }
}
