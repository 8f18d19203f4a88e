/// One reflection: the answers to the catalog's prompts about one event.
///
/// An entry read from disk remembers its `source` (path, the bytes' fingerprint, the document's
/// fields as written) so that saving it back keeps every byte it did not change, keeps keys
/// debrief does not know, and refuses to overwrite a file that changed on disk meanwhile.
public struct Entry: Sendable, Equatable {
    /// The file name without `.md`, e.g. `2026-11-24-1830-swift-meetup-berlin`.
    public var id: String
    public var created: Timestamp
    public var updated: Timestamp
    /// Answers by prompt id. Absent and empty answers are not stored.
    public private(set) var answers: [String: Answer]
    /// Which flow wrote the entry (front-matter key `flow`): nil for the full reflection, a
    /// catalog flow's id such as `quick`, or `imported` for a note brought in from another tool.
    /// A prompt the entry's flow did not ask is unknown rather than "left empty".
    public var flow: String?
    /// The key an imported entry was imported under (front-matter key `source`, e.g.
    /// `jrnl:<hash>`), so importing the same file again creates no duplicate even after edits.
    public var origin: String?
    /// The calendar event this reflection is about (front-matter key `event`): the event's UID,
    /// and for an instance of a series `/` and its original start (``EventInstance/key``), so the
    /// reflection is matched to its event on every device.
    public var event: String?
    /// The ids the entry had before `debrief edit` moved it to a new date or title (front-matter
    /// key `former-ids`, oldest first), so an old id still finds it on every device.
    public var formerIDs: [String]
    /// Where the event took place, as its calendar said (front-matter key `location`), kept when a
    /// reflection is written from an event.
    public var location: String?
    /// Where this entry came from, or nil for one not yet saved.
    public var source: EntrySource?

    public init(id: String, created: Timestamp, updated: Timestamp, answers: [String: Answer] = [:],
                flow: String? = nil, origin: String? = nil, event: String? = nil, location: String? = nil, formerIDs: [String] = [],
                source: EntrySource? = nil) {
        self.id = id
        self.created = created
        self.updated = updated
        // Filtering copies the dictionary; skip it when nothing is empty (a read never stores one).
        self.answers = answers.values.contains(where: \.isEmpty) ? answers.filter { !$0.value.isEmpty } : answers
        self.flow = flow
        self.origin = origin
        self.event = event
        self.formerIDs = formerIDs
        self.location = location
        self.source = source
    }

    public subscript(_ promptID: String) -> Answer? {
        get { answers[promptID] }
        set {
            if let newValue, !newValue.isEmpty { answers[promptID] = newValue } else { answers[promptID] = nil }
        }
    }

    // MARK: - The answers every part of debrief relies on

    public var title: String { answers["title"]?.text ?? "" }
    /// The title, or the id for an entry without one: what every list and heading shows.
    public var displayTitle: String { title.isEmpty ? id : title }
    public var date: Timestamp? { answers["date"]?.timestamp }
    public var kind: String? { answers["kind"]?.choice }
    public var people: [Person] { answers["people"]?.people ?? [] }
    public var followUps: [FollowUp] { answers["follow-ups"]?.followUps ?? [] }
    public var tags: [String] { answers["tags"]?.tags ?? [] }
    public var notes: String { answers["notes"]?.text ?? "" }

    /// The moment the entry is filed under: its event date, else when it was written.
    public var eventTime: Timestamp { date ?? created }

    /// The `flow` of an entry imported from another tool: a note, not a reflection.
    public static let importedFlow = "imported"

    /// True for a note imported from another tool rather than a reflection written in debrief.
    public var isImported: Bool { flow == Self.importedFlow }

    public static func == (lhs: Entry, rhs: Entry) -> Bool {
        lhs.id == rhs.id && lhs.created == rhs.created && lhs.updated == rhs.updated && lhs.answers == rhs.answers
            && lhs.flow == rhs.flow && lhs.origin == rhs.origin && lhs.formerIDs == rhs.formerIDs
    }
}

/// Where an entry was read from.
public struct EntrySource: Sendable, Equatable {
    /// Absolute path of the file.
    public var path: String
    /// Fingerprint of the bytes read; a save first checks the file still has it.
    public var fingerprint: Fingerprint
    /// The document as written, for byte-preserving rewrites.
    public var document: EntryDocument
    /// False for an entry rebuilt from the index, which keeps answers, not the file's layout:
    /// `document` is empty and the store reads the file (with the same fingerprint) before
    /// writing it back.
    public var hasDocument: Bool

    public init(path: String, fingerprint: Fingerprint, document: EntryDocument, hasDocument: Bool = true) {
        self.path = path
        self.fingerprint = fingerprint
        self.document = document
        self.hasDocument = hasDocument
    }
}

/// A cheap, stable fingerprint of a file's bytes (FNV-1a 64 and the length).
///
/// Stable across processes, so a draft can remember which version of an entry it edits.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let hash: UInt64
    public let length: Int

    public init(hash: UInt64, length: Int) {
        self.hash = hash
        self.length = length
    }

    public init(of bytes: some Sequence<UInt8>) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var n = 0
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
            n += 1
        }
        hash = h
        length = n
    }

    public var description: String { String(hash, radix: 16) + "-" + String(length) }

    /// Parses `description`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let h = UInt64(parts[0], radix: 16), let n = Int(parts[1]) else { return nil }
        self.init(hash: h, length: n)
    }
}
