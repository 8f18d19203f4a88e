import CDebriefFiles

/// One question about the journal's entries, with one meaning wherever it is asked: `debrief list`,
/// browse's filter and search, home, the review, follow-ups and people all ask through it, with or
/// without the index.
///
/// - `since`/`until`: the event's wall-clock day (`Entry.eventTime.day`), both ends included.
/// - `person`: part of the name of someone met or of a follow-up's `who`.
/// - `tag`: one of the entry's tags, whole.
/// - `kind`: the start of the entry's kind (`meet` finds meetup).
/// - `pitfall`: part of the id of an event pitfall the entry shows as of today.
/// - `text`: part of everything searchable in the entry (``EntryQuery/searchText(_:catalog:)``).
/// - `limit`: at most this many, newest first.
///
/// Texts match ignoring case, accents, width and runs of spaces (`String.folded` on both sides,
/// then a plain substring test), so "rike" finds "Henrike" and "zoe" finds "Zoë".
public struct EntryQuery: Sendable, Equatable {
    public var since: Day?
    public var until: Day?
    public var person: String?
    public var tag: String?
    public var kind: String?
    public var pitfall: String?
    public var text: String?
    public var limit: Int?

    public init(since: Day? = nil, until: Day? = nil, person: String? = nil, tag: String? = nil, kind: String? = nil,
                pitfall: String? = nil, text: String? = nil, limit: Int? = nil) {
        self.since = since
        self.until = until
        self.person = person
        self.tag = tag
        self.kind = kind
        self.pitfall = pitfall
        self.text = text
        self.limit = limit
    }

    /// Every entry.
    public static let all = EntryQuery()

    /// The query without its limit: what an entry must satisfy.
    public var filter: EntryQuery {
        var q = self
        q.limit = nil
        return q
    }

    /// True when no filter narrows the entries (a limit may still cut them).
    public var isUnfiltered: Bool { filter == .all }

    /// Whether a file with this id can hold a match, judged from the day the id starts with (an
    /// id without one might hold anything). Both ways of answering a query read only these files,
    /// so they report the same unreadable ones.
    public func mayMatch(id: String) -> Bool {
        guard since != nil || until != nil, let day = Day(iso: id.prefix(10)) else { return true }
        return includes(day: day)
    }

    /// Newest first: by event time, then by id.
    public static func newestFirst(_ a: Entry, _ b: Entry) -> Bool {
        newestFirst(EntryKey(a), EntryKey(b))
    }

    /// The same order on what the index knows of an entry before rebuilding it.
    public static func newestFirst(_ a: EntryKey, _ b: EntryKey) -> Bool {
        a.eventTime != b.eventTime ? a.eventTime > b.eventTime : a.id > b.id
    }

    /// The one test of a name against a person asked for, both folded: part of the name will do
    /// ("rike" finds "Henrike"). Entries match `person` through it (people met, follow-ups'
    /// `who`), and so do the follow-up lists (`debrief followups --person`, home, the people
    /// screen's search), so a name means the same everywhere.
    public static func name(folded name: String, matches person: String) -> Bool {
        name.containsFolded(person)
    }

    /// Whether an entry's event day lies in the range (both ends included; nil ends are open),
    /// the test ``EntryMatcher`` makes first.
    public func includes(day: Day) -> Bool {
        if let since, day < since { return false }
        if let until, day > until { return false }
        return true
    }

    /// Bumped whenever ``searchText(_:catalog:)`` changes what it builds for the same entry: the
    /// index stores that text and answers `--search` from it (``EntryMatcher/matches(_:textFound:)``), and it
    /// rebuilds itself when this number changes.
    public static let searchTextRevision = 1

    /// Everything searchable in an entry, folded: its id, every answer as the screens show it
    /// (people and follow-ups row by row), and the notes.
    public static func searchText(_ entry: Entry, catalog: Catalog) -> String {
        String(decoding: searchTextUTF8(entry, catalog: catalog), as: UTF8.self)
    }

    /// ``searchText(_:catalog:)`` as UTF-8, for the index, which stores and compares the bytes:
    /// the texts are joined (by line feeds) and folded as bytes, with no `String` made of the
    /// joined texts or of the folded result (each checked every byte again: a sixth of building
    /// an entry's search text in `doctor`).
    public static func searchTextUTF8(_ entry: Entry, catalog: Catalog) -> [UInt8] {
        var joined = Array(entry.id.utf8)
        func add(_ part: String) {
            joined.append(0x0A)
            joined.append(contentsOf: part.utf8)
        }
        // The prompts in flow order section by section (``Catalog/prompts`` joins them into a
        // new array of copies, per entry).
        for section in catalog.sections {
            for prompt in section.prompts.indices {
                guard let answer = entry[section.prompts[prompt].id] else { continue }
                switch answer {
                case .people(let people): for person in people { add(AnswerText.person(person)) }
                case .followUps(let followUps): for followUp in followUps { add(AnswerText.followUp(followUp)) }
                default: add(AnswerText.plain(answer, type: section.prompts[prompt].type))
                }
            }
        }
        if let folded = joined.withUnsafeBufferPointer(String.foldedByWords(utf8:)) { return folded }
        return Array(String(decoding: joined, as: UTF8.self).folded.utf8)
    }
}

/// An ``EntryQuery`` ready to test entries: the typed texts folded once, and what judging
/// pitfalls and building search text needs.
public struct EntryMatcher: Sendable {
    public let query: EntryQuery
    let catalog: Catalog
    let today: Day
    let detector: Detector
    let person: String?
    let tag: String?
    let kind: String?
    let pitfall: String?
    let text: String?
    /// The answers the caller reads of the entries selected, when not all of them
    /// (``EntryJSON/listedPromptIDs(_:)`` for `list`): an index may then rebuild an entry with
    /// only these answers (``EntryBlob/decode(_:source:keeping:)``) when every test but the text
    /// reads only these and the text was found in it (``matches(_:textFound:)``) or not asked.
    /// Nil: whole entries.
    public var reading: Set<String>?

    public init(_ query: EntryQuery, catalog: Catalog, today: Day) {
        self.query = query
        self.catalog = catalog
        self.today = today
        detector = Detector(catalog: catalog)
        func fold(_ s: String?) -> String? { s.map(\.folded) }
        person = fold(query.person)
        tag = fold(query.tag)
        kind = fold(query.kind)
        pitfall = fold(query.pitfall)
        text = fold(query.text)
    }

    /// The folded texts the index narrows by (a superset of the matches: the exact test is
    /// ``matches(_:)``).
    public var foldedPerson: String? { person }
    public var foldedTag: String? { tag }
    public var foldedKind: String? { kind }
    public var foldedText: String? { text }

    public func matches(_ entry: Entry) -> Bool { matches(entry, judged: nil, textFound: false) }

    /// The same test for an entry whose pitfalls (their ids, as of `today`) the caller has
    /// already judged with this catalog, so they are not judged twice (browse keeps them per row).
    public func matches(_ entry: Entry, pitfallIDs: [String]) -> Bool { matches(entry, judged: pitfallIDs, textFound: false) }

    /// The same test for an entry the index found ``foldedText`` in (`textFound`), in the search
    /// text it stored for this very entry, the same text ``EntryQuery/searchText(_:catalog:)``
    /// builds (``EntryIndexing/entries(of:complete:store:including:narrowedBy:ordered:batch:keeping:_:)``):
    /// the text is then not built again.
    public func matches(_ entry: Entry, textFound: Bool) -> Bool { matches(entry, judged: nil, textFound: textFound) }

    private func matches(_ entry: Entry, judged: [String]?, textFound: Bool) -> Bool {
        if !query.includes(day: entry.eventTime.day) { return false }
        if let kind, !(entry.kind ?? "").folded.hasFoldedPrefix(kind) { return false }
        if let tag, !entry.tags.contains(where: { $0.folded == tag }) { return false }
        if let person, !entry.people.contains(where: { EntryQuery.name(folded: $0.name.folded, matches: person) }),
           !entry.followUps.contains(where: { EntryQuery.name(folded: $0.who.folded, matches: person) }) { return false }
        if let text, !textFound, !EntryQuery.searchText(entry, catalog: catalog).containsFolded(text) { return false }
        if let pitfall {
            let ids = judged ?? detector.pitfallIDs(shownBy: entry, asOf: today)
            if !ids.contains(where: { $0.folded.containsFolded(pitfall) }) { return false }
        }
        return true
    }

    /// The entries that match, newest first, cut to the limit.
    public func select(_ entries: [Entry]) -> [Entry] {
        var out = entries.filter { matches($0) }
        out.sort(by: EntryQuery.newestFirst)
        if let limit = query.limit, out.count > limit { out.removeLast(out.count - limit) }
        return out
    }
}

extension String {
    /// Substring test on folded texts, byte for byte, the way SQLite's `instr` and FTS5's trigram
    /// index compare them, so the index and a plain read agree on every match.
    public func containsFolded(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var hay = self, pin = needle
        return hay.withUTF8 { h in pin.withUTF8 { n in Self.bytes(UnsafeRawBufferPointer(h), contain: UnsafeRawBufferPointer(n)) } }
    }

    /// Whether `n` occurs in `h`, byte for byte: the one substring test on bytes, for
    /// ``containsFolded(_:)``, a walk's file names read in place (not made `String`s) and the
    /// index's `debrief_contains` over its stored search text; in C (`debrief_find_bytes`), which
    /// tests sixteen places at a time.
    public static func bytes(_ h: UnsafeRawBufferPointer, contain n: UnsafeRawBufferPointer) -> Bool {
        guard !n.isEmpty else { return true }
        guard n.count <= h.count, let haystack = h.baseAddress, let needle = n.baseAddress else { return false }
        return debrief_find_bytes(haystack, h.count, needle, n.count) != nil
    }

    /// Prefix test on folded texts, byte for byte.
    public func hasFoldedPrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }
}
