import Foundation

/// Renaming people across the journal (`debrief people rename`, `merge`, the people screen's `R`
/// and `M`): every spelling of the given people becomes one name, in people rows (`name`) and as
/// the `who` of follow-ups. Spellings are matched the way the people index merges names (case,
/// accents, Unicode form and spacing ignored), so "zoe  brandt" and an NFD "Zoë Brandt" written
/// on a Mac are both renamed; the new name is written in NFC.
public struct NameChange: Sendable, Equatable {
    /// The names as typed.
    public let from: [String]
    /// The name every matching spelling becomes (trimmed, NFC).
    public let to: String
    /// The folded names that match: every `from`, and `to`'s own spellings, so that afterwards
    /// the person is written one way only.
    let keys: Set<String>

    public init(from: [String], to: String) {
        self.from = from
        self.to = to.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        keys = Set((from + [to]).map(\.folded).filter { !$0.isEmpty })
    }

    /// Whether `name` is one of the people and not already written exactly as `to` (scalar by
    /// scalar: Swift calls an NFD name equal to its NFC form, the file's bytes do not).
    public func renames(_ name: String) -> Bool {
        keys.contains(name.folded) && !name.unicodeScalars.elementsEqual(to.unicodeScalars)
    }
}

/// One line of an entry file a rename changes (1-based line numbers of the file as read; nil
/// `before` for a line added, nil `after` for one removed, when a field had to be rewritten whole).
public struct NameLineChange: Equatable, Sendable {
    public var line: Int
    public var before: String?
    public var after: String?

    public init(line: Int, before: String?, after: String?) {
        self.line = line
        self.before = before
        self.after = after
    }
}

/// What a rename does to one entry file: its new text and the lines that differ.
public struct NameFileChange: Sendable {
    /// The entry as read (its source fingerprint is what the write checks).
    public var entry: Entry
    public var path: String
    /// The whole new text, with `updated:` set.
    public var text: String
    /// The lines that change, `updated:` left out.
    public var lines: [NameLineChange]
    /// How many people rows and follow-up owners it renames.
    public var people: Int
    public var followUps: Int
}

/// What writing a rename's files came to: the files written, those skipped because they
/// changed on disk after the plan, and those debrief does not write (a symbolic link, a
/// hard-linked file: ``JournalStore/linkRefusal(_:)``), with the reason. Nothing was written to
/// the last two.
public struct NameChangeOutcome: Sendable {
    public var written: [NameFileChange]
    public var skipped: [NameFileChange]
    public var refused: [Refusal] = []

    public struct Refusal: Sendable {
        public var file: NameFileChange
        public var reason: String
    }
}

extension NameChange {
    /// "in 2 files (2 people rows, 1 follow-up)": how much a rename touches, for its summary.
    public static func extent(_ files: [NameFileChange]) -> String {
        let people = files.map(\.people).reduce(0, +), followUps = files.map(\.followUps).reduce(0, +)
        return "in " + (files.count == 1 ? "1 file" : "\(files.count) files")
            + " (" + (people == 1 ? "1 people row" : "\(people) people rows")
            + ", " + (followUps == 1 ? "1 follow-up" : "\(followUps) follow-ups") + ")"
    }
}

extension JournalStore {
    /// Writes each planned file (see ``write(_:)-(NameFileChange)``), skipping those that changed
    /// since the plan and those it refuses; any other failure stops and is thrown.
    public func write(_ files: [NameFileChange]) throws(StoreError) -> NameChangeOutcome {
        var outcome = NameChangeOutcome(written: [], skipped: [])
        for file in files {
            do throws(StoreError) {
                try write(file)
                outcome.written.append(file)
            } catch {
                switch error {
                case .changedOnDisk: outcome.skipped.append(file)
                case .refused(_, let reason): outcome.refused.append(.init(file: file, reason: reason))
                default: throw error
                }
            }
        }
        return outcome
    }

    /// The files `change` rewrites among `entries` (entries read from disk), without writing:
    /// for `--dry-run`, and for the write that follows. Each file's change is a row patch of the
    /// `name` and `who` lines (and `updated:`), checked by reading it back; a list debrief cannot
    /// patch line by line is rewritten as one field instead.
    ///
    /// An entry rebuilt from the index (no layout of its file) that the change touches is planned
    /// from its file's layout, like a save; one whose file changed since it was read is planned
    /// as it is, and its write refuses it.
    public func plan(_ change: NameChange, entries: [Entry], now: Timestamp) -> [NameFileChange] {
        entries.compactMap { entry in
            guard let planned = codec.renamed(entry, change, now: now) else { return nil }
            guard entry.source?.hasDocument == false, let read = try? withDocument(entry) else { return planned }
            return codec.renamed(read, change, now: now)
        }
    }

    /// Writes one planned file atomically, unless it changed since it was read (then nothing is
    /// written and ``StoreError/changedOnDisk(_:)`` says so: the caller skips and reports it).
    public func write(_ file: NameFileChange) throws(StoreError) {
        guard let source = file.entry.source else { throw StoreError.notFound(file.entry.id) }
        try withLock { () throws(StoreError) in
            _ = try bytesForWrite(source.path, expecting: source.fingerprint)
            _ = try readBack(Array(file.text.utf8), EntryRef(id: file.entry.id, path: source.path))
            try AtomicFile.write(Array(file.text.utf8), to: source.path, replace: true, temporaries: .journal)
        }
    }
}

extension EntryCodec {
    /// `entry` with `change` applied, or nil when it names none of the people.
    func renamed(_ entry: Entry, _ change: NameChange, now: Timestamp) -> NameFileChange? {
        guard let source = entry.source else { return nil }
        var people = entry.people
        var rows = entry.followUps
        let peopleRows = people.indices.filter { change.renames(people[$0].name) }
        let followUpRows = rows.indices.filter { change.renames(rows[$0].who) }
        guard !peopleRows.isEmpty || !followUpRows.isEmpty else { return nil }
        for i in peopleRows { people[i].name = change.to }
        for i in followUpRows { rows[i].who = change.to }
        var expected = entry
        if !peopleRows.isEmpty { expected["people"] = .people(people) }
        if !followUpRows.isEmpty { expected["follow-ups"] = .followUps(rows) }
        expected.updated = now
        let value = YAMLEmitter.inlineScalar(change.to)
        var text: String?
        var doc = source.document
        if patch(&doc, field: "people", key: "name", rows: peopleRows, value: value, answer: expected["people"]),
           patch(&doc, field: "follow-ups", key: "who", rows: followUpRows, value: value, answer: expected["follow-ups"]) {
            setUpdated(&doc, now)
            let patched = doc.text
            if (try? decode(Array(patched.utf8), id: entry.id, path: source.path)) == expected { text = patched }
        }
        let newText = text ?? encode(expected)
        let oldText = source.document.text
        return NameFileChange(entry: entry, path: source.path, text: newText, lines: Self.changedLines(oldText, newText),
                              people: peopleRows.count, followUps: followUpRows.count)
    }

    /// Sets `key` of the given rows of list `field` to `value`, line by line; false when the
    /// field is not a list this can patch (the caller re-encodes).
    private func patch(_ doc: inout EntryDocument, field: String, key: String, rows: [Int], value: String, answer: Answer?) -> Bool {
        guard !rows.isEmpty else { return true }
        guard let f = doc.fields.firstIndex(where: { $0.key == field }), var block = RowBlock(raw: doc.fields[f].raw) else {
            return false
        }
        for row in rows {
            guard block.set(key, of: row, to: value, after: []) else { return false }
        }
        doc.fields[f].raw = block.text
        doc.fields[f].answer = answer
        return true
    }

    /// The lines between the common head and tail of two texts, `updated:` left out. Lines are
    /// compared scalar by scalar, so an NFD name rewritten in NFC counts as changed.
    static func changedLines(_ old: String, _ new: String) -> [NameLineChange] {
        let a = old.scalarLines.map(\.trimmingLineBreak), b = new.scalarLines.map(\.trimmingLineBreak)
        func same(_ x: String, _ y: String) -> Bool { x.unicodeScalars.elementsEqual(y.unicodeScalars) }
        var head = 0
        while head < a.count, head < b.count, same(a[head], b[head]) { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, same(a[a.count - 1 - tail], b[b.count - 1 - tail]) { tail += 1 }
        let removed = Array(a[head..<(a.count - tail)]), added = Array(b[head..<(b.count - tail)])
        var out: [NameLineChange] = []
        if removed.count == added.count {
            for (i, (x, y)) in zip(removed, added).enumerated() where !same(x, y) {
                out.append(NameLineChange(line: head + i + 1, before: x, after: y))
            }
        } else {
            out += removed.enumerated().map { NameLineChange(line: head + $0.offset + 1, before: $0.element, after: nil) }
            out += added.map { NameLineChange(line: head + 1, before: nil, after: $0) }
        }
        return out.filter { !($0.before ?? $0.after ?? "").hasPrefix("updated:") }
    }
}
