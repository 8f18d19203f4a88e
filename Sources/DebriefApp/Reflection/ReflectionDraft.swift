import DebriefCore

/// An unfinished reflection kept in `drafts/`: an ordinary entry file plus two keys saying which
/// entry it edits (`draft-of`) and which version of that file it started from (`draft-base`).
///
/// Using the entry format means a draft is readable and fixable by hand, and the codec already
/// keeps keys it does not know.
public struct ReflectionDraft: Sendable {
    public var name: String
    public var answers: [String: Answer]
    /// The entry id being edited, for drafts made by `debrief edit`.
    public var draftOf: String?
    /// The fingerprint of the entry file the edit started from.
    public var base: String?
    /// When the draft was last written.
    public var savedAt: Timestamp
    /// When the reflection was started (the draft's `created`): the entry saved from it keeps
    /// this, however often the draft was written or resumed.
    public var created: Timestamp
    /// The flow the reflection was answered in (`quick`, or nil for the full one).
    public var flow: String?
    /// The calendar event a new reflection is about, and its location (``ReflectionSetup/event``).
    public var event: String?
    public var location: String?

    public init(name: String, answers: [String: Answer], draftOf: String? = nil, base: String? = nil, savedAt: Timestamp,
                created: Timestamp? = nil) {
        self.name = name
        self.answers = answers
        self.draftOf = draftOf
        self.base = base
        self.savedAt = savedAt
        self.created = created ?? savedAt
    }

    public var title: String { answers["title"]?.text ?? "" }

    /// Whether this is an edit draft written against another version of `entry` than the one
    /// given (the file on disk now): the entry was changed after the draft was written, so
    /// resuming and saving would put the draft's answers over those changes.
    ///
    /// False when it cannot be told (a new reflection's draft, a draft without `draft-base`, an
    /// entry not read from disk): there is then nothing to compare, and no reason to alarm.
    public func isStale(against entry: Entry?) -> Bool {
        guard draftOf != nil, let base, let current = entry?.source?.fingerprint else { return false }
        return base != current.description
    }

    /// A fresh name for a new reflection's draft, unique to the second.
    public static func newName(at now: Timestamp) -> String {
        let t = now.secondOfDay
        return "new-\(now.day.iso)-" + String(format: "%02d%02d%02d", t / 3600, t / 60 % 60, t % 60)
    }

    /// The draft name `debrief edit ID` uses.
    public static func editName(for id: String) -> String { "edit-\(id)" }

    /// The draft file's text.
    public func encode(with codec: EntryCodec) -> String {
        let entry = Entry(id: name, created: created, updated: savedAt, answers: answers, flow: flow, event: event, location: location)
        let text = codec.encode(entry)
        var extra = ""
        if let draftOf { extra += "draft-of: \(draftOf)\n" }
        if let base { extra += "draft-base: \(base)\n" }
        guard !extra.isEmpty, text.hasPrefix("---\n") else { return text }
        return "---\n" + extra + text.dropFirst(4)
    }

    /// Reads a draft back; nil when it is missing or cannot be read.
    public static func read(_ name: String, from store: JournalStore) -> ReflectionDraft? {
        guard let bytes = try? store.readDraft(name),
              let entry = try? store.codec.decode(bytes, id: name, path: store.draftPath(name)) else { return nil }
        func extra(_ key: String) -> String? {
            guard let field = entry.source?.document.fields.first(where: { $0.key == key }) else { return nil }
            let value = field.raw.dropFirst(key.count + 1).trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        var draft = ReflectionDraft(name: name, answers: entry.answers, draftOf: extra("draft-of"), base: extra("draft-base"),
                                    savedAt: entry.updated, created: entry.created)
        draft.flow = entry.flow
        draft.event = entry.event
        draft.location = entry.location
        return draft
    }

    /// The most recent draft of a new reflection, if any.
    public static func latestNew(in store: JournalStore) -> ReflectionDraft? {
        for name in store.draftNames() where name.hasPrefix("new-") {
            if let draft = read(name, from: store) { return draft }
        }
        return nil
    }
}
