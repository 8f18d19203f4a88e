/// What `import jrnl FILE --update` does to notes imported before debrief read jrnl text as jrnl
/// does (``JrnlNote/legacyRead(_:date:)``): each entry of the file whose key (`source:`) matches a
/// note in the journal is
///
/// - **repaired** when the note's file holds exactly what the old import wrote (so nobody has
///   changed it since): its title, notes and tags become jrnl's reading, nothing else changes;
/// - **up to date** when the note already reads as jrnl reads it (imported since, or from
///   `jrnl --format json`, whose tags are lowercased: tags are compared without case);
/// - **left** when it was changed since it was imported: it is named and never rewritten.
///
/// Entries of the file with no note in the journal are imported as usual (``rest``).
public struct JrnlUpdatePlan: Sendable {
    public struct Repair: Sendable {
        public var line: Int
        /// The note as it is in the journal.
        public var entry: Entry
        /// The same note read as jrnl reads it, ready to save over `entry`.
        public var repaired: Entry
    }

    public var repairs: [Repair] = []
    public var upToDate: [Entry] = []
    /// Notes changed since they were imported, with the line of their entry in the file.
    public var edited: [(line: Int, entry: Entry)] = []
    /// The file's entries that match no note: what a plain import would do with them.
    public var rest: ImportSource

    /// `entries` are the file's (``JrnlText/entries(_:timeZone:)``), `existing` the journal's;
    /// `codec` writes a note as the old import did, to compare with the file's bytes.
    public init(entries: [JrnlText.EntryText], refused: [ImportRefusal], tagSymbols: String,
                existing: [Entry], codec: EntryCodec) {
        var byKey: [String: [Entry]] = [:]
        for entry in existing where entry.isImported {
            if let key = entry.origin { byKey[key, default: []].append(entry) }
        }
        var rest = ImportSource(refused: refused)
        var handled = Set<String>()
        for text in entries {
            let note: JrnlNote
            switch text.note(tagSymbols: tagSymbols) {
            case .success(let read): note = read
            case .failure(let refusal):
                rest.refused.append(refusal)
                continue
            }
            let fresh = note.entry()
            guard let key = fresh.origin, let matches = byKey[key], handled.insert(key).inserted else {
                rest.candidates.append(ImportCandidate(line: text.line, entry: fresh))
                continue
            }
            let legacy = JrnlNote.legacyRead(text.text, date: text.date).entry()
            for entry in matches {
                if Self.readsAlike(entry, fresh) {
                    upToDate.append(entry)
                } else if let source = entry.source, Self.asImported(legacy, like: entry, codec: codec) == source.fingerprint {
                    var repaired = entry
                    for key in ["title", "notes", "tags"] { repaired[key] = fresh[key] }
                    repairs.append(Repair(line: text.line, entry: entry, repaired: repaired))
                } else {
                    edited.append((text.line, entry))
                }
            }
        }
        rest.refused.sort { $0.line < $1.line }
        self.rest = rest
    }

    /// Same title and notes, and the same tags without regard to case or accents.
    static func readsAlike(_ entry: Entry, _ fresh: Entry) -> Bool {
        entry.title == fresh.title && entry.notes == fresh.notes && entry.tags.map(\.folded) == fresh.tags.map(\.folded)
    }

    /// The fingerprint of the file the old import would have written for `legacy` under the
    /// journal's entry's id.
    static func asImported(_ legacy: Entry, like entry: Entry, codec: EntryCodec) -> Fingerprint {
        var written = legacy
        written.id = entry.id
        return Fingerprint(of: Array(codec.encode(written).utf8))
    }
}
