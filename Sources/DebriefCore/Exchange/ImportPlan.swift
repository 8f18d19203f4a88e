/// An entry found in a file to import, with the line it starts on.
public struct ImportCandidate: Sendable {
    public var line: Int
    /// Ready to create: `origin` holds the duplicate key it is imported under.
    public var entry: Entry
    /// The id the entry had where it was exported from (debrief's own JSON), so importing into
    /// the journal it came from recognises it.
    public var formerID: String?
    /// The key an earlier debrief gave this entry, when it differs from today's: an entry of
    /// debrief's JSON without an id was keyed by its time alone, so of several sharing a minute
    /// only the first was imported. That key still matches the one entry imported under it.
    public var earlierKey: String?

    public init(line: Int, entry: Entry, formerID: String? = nil, earlierKey: String? = nil) {
        self.line = line
        self.entry = entry
        self.formerID = formerID
        self.earlierKey = earlierKey
    }
}

/// A part of a file that cannot be imported: a malformed entry, with the line it starts on.
public struct ImportRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// What a file offers: the entries it holds and the parts that cannot be read, in file order.
public struct ImportSource: Sendable {
    public var candidates: [ImportCandidate]
    public var refused: [ImportRefusal]

    public init(candidates: [ImportCandidate] = [], refused: [ImportRefusal] = []) {
        self.candidates = candidates
        self.refused = refused
    }
}

/// What an import will do: which entries it creates and which it skips as already in the
/// journal, or in the file earlier. Each entry is whole or not imported at all.
public struct ImportPlan: Sendable {
    public var toCreate: [ImportCandidate] = []
    public var duplicates: [ImportCandidate] = []
    public var refused: [ImportRefusal]

    /// Compares `source` with the journal's `existing` entries. An entry is a duplicate when an
    /// existing one was imported under the same key (`source:` in its front matter), when it is
    /// an existing entry exported and brought back (same id and `created`), or when the file
    /// holds it twice. A candidate's ``ImportCandidate/earlierKey`` matches an existing entry
    /// with that key once: an earlier debrief imported only the first of the entries sharing
    /// it (in file order), so the first is that entry and the others, skipped then, are new.
    public init(source: ImportSource, existing: [Entry]) {
        refused = source.refused
        var keys = Set(existing.compactMap(\.origin))
        let exported = Set(existing.map { $0.id + "\u{1F}" + $0.created.iso })
        var unclaimed = Set(source.candidates.compactMap(\.earlierKey)).intersection(keys)
        for candidate in source.candidates {
            let key = candidate.entry.origin ?? ""
            let former = candidate.formerID.map { $0 + "\u{1F}" + candidate.entry.created.iso }
            if keys.contains(key) || former.map(exported.contains) == true {
                duplicates.append(candidate)
            } else if let earlier = candidate.earlierKey, unclaimed.remove(earlier) != nil {
                keys.insert(key)
                duplicates.append(candidate)
            } else {
                keys.insert(key)
                toCreate.append(candidate)
            }
        }
    }
}
