/// A derived index the store reads through when one is attached (the `DebriefIndex` module's
/// SQLite index): the files stay the truth, the index only saves reading and parsing them again.
///
/// Whatever the index answers must be what reading the files gives; when it cannot answer (a
/// database it cannot open or write, another process holding it too long) it returns nil and the
/// store reads the files itself, so the user never sees an index error.
public protocol EntryIndexing: AnyObject, Sendable {
    /// The outcome of reading each of `refs`, in order: the entry, the problem that kept the file
    /// from being read, or nil for a file gone since it was listed. Files that changed since they
    /// were indexed are read again first.
    /// `complete` says `refs` is the whole journal, so indexed files not among them are gone.
    func outcomes(for refs: [EntryRef], complete: Bool, store: JournalStore) -> [Result<Entry, EntryProblem>?]?

    /// Called before the walk of a read of the whole journal (``JournalStore``'s full reads), so
    /// the index may start on what that read will need while the walk runs. `text`: the folded
    /// text the read will look for (``EntryMatcher/foldedText``), if any.
    func prepareFullRead(store: JournalStore, searching text: String?)

    /// Checks the index against what reading each of `refs` (the whole journal) gives, indexes
    /// again the files whose indexed answer differs, and returns their paths. `read` reads a
    /// part of `refs`: it is called with consecutive ranges, in order, each once, so only one
    /// part's entries are held at a time. Nil when the index cannot be used (then every read
    /// goes to the files anyway), and then `read` may not have been called for every part.
    func verify(_ refs: [EntryRef], reading read: (Range<Int>) -> [Result<Entry, EntryProblem>?], store: JournalStore) -> [String]?

    /// Every follow-up of the entries in `refs` (the whole journal, in the order given) straight
    /// from the index's facts, no entry rebuilt, with the problems of the files that could not be
    /// read; files that changed are read and indexed first. Nil when the facts cannot answer
    /// exactly what reading the entries would (then the caller reads the entries). `openOnly`:
    /// only the open ones (``FollowUpItem/isOpen``), in the same order.
    func followUps(for refs: [EntryRef], store: JournalStore, openOnly: Bool) -> FollowUpFacts?

    /// What ``PeopleIndex`` reads of the entries in `refs` (the whole journal) straight from the
    /// index's facts: every entry's people, every follow-up, and rebuilt only the entries that may
    /// mention a known person without listing them; files that changed are read and indexed
    /// first. Nil when the facts cannot answer exactly what reading the entries would.
    /// `upTo`: ``PeopleFacts/lastNamed`` counts only the entries of that day or earlier (the
    /// caller keeps the rest of what it wants itself, by the event times given).
    /// `named`: a folded name (``Swift/String/folded``): when anyone's is that, the facts of that
    /// one person only (the entries listing them with only them as their people, the open
    /// follow-ups naming them and who each names last of those, the entries that may mention
    /// them), which is all of their page (`debrief people show`); else everyone's.
    func people(for refs: [EntryRef], store: JournalStore, upTo last: Day?, named key: String?) -> PeopleFacts?

    /// `body` given what the weekly review reads of `refs` (the whole journal) from the index's
    /// rows (``ReviewSource``: every entry's key, and, as asked, entries reduced to
    /// ``ReviewFacts/reduced(_:keeping:)``, the follow-ups, the cold contacts), with `problems`
    /// and those of the files that could not be read; files that changed are read and indexed
    /// first. Nil when the rows cannot answer exactly what reading the entries would, found before
    /// `body` or while it asked (then what it made is dropped).
    func review<Value>(for refs: [EntryRef], store: JournalStore, problems: [EntryProblem], _ body: (ReviewSource) -> Value) -> Value?

    /// The readable entries of `refs` that `include` keeps, given to `body` in batches of up to
    /// `batch` in the order `areInOrder` sorts their keys (as `sorted(by:)` sorts them in the
    /// refs' order), with the problems of the files that could not be read, in the refs' order;
    /// files that changed are read and indexed first. The order is decided from the index's rows
    /// before any entry is rebuilt, so no more than a batch of entries is held at once. Nil, with
    /// nothing given to `body`, when the index cannot answer; once a batch is given, every later
    /// entry the index cannot give is read from its file. `complete` says `refs` is the whole
    /// journal, so indexed files not among them are gone.
    ///
    /// With a `matcher`, entries whose indexed facts show they cannot match may be left out
    /// (problems never are); the caller still tests the rest (``EntryMatcher/matches(_:textFound:)``),
    /// told per entry of a batch whether the index found the matcher's text in the search text it
    /// stored for that very entry (`textFound`), which is ``EntryQuery/searchText(_:catalog:)`` of
    /// it: that text need not be built again to test them (the longest step of `list --search`).
    /// `keeping`: only these answers are needed of each entry (``EntryBlob/decode(_:source:keeping:)``),
    /// nil for whole entries; with a matcher's text, only the entries it was found in are so
    /// reduced (the others are tested on every answer).
    func entries(of refs: [EntryRef], complete: Bool, store: JournalStore, including include: (EntryKey) -> Bool,
                 narrowedBy matcher: EntryMatcher?, ordered areInOrder: (EntryKey, EntryKey) -> Bool, batch: Int,
                 keeping: Set<String>?, _ body: (_ entries: [Entry], _ textFound: [Bool]) -> Void) -> [EntryProblem]?

    /// The index's own files, for `doctor`: what keeps the index from being used (a link or a
    /// foreign file where its database belongs, a cache folder of another user or writable by
    /// others), and the journal folders that no longer exist whose indexes it removed.
    func examineCache(store: JournalStore) -> (problems: [EntryProblem], removed: [String])
}

extension EntryIndexing {
    public func prepareFullRead(store: JournalStore, searching text: String?) {}
    public func followUps(for refs: [EntryRef], store: JournalStore, openOnly: Bool) -> FollowUpFacts? { nil }
    public func people(for refs: [EntryRef], store: JournalStore, upTo last: Day?, named key: String?) -> PeopleFacts? { nil }
    public func review<Value>(for refs: [EntryRef], store: JournalStore, problems: [EntryProblem],
                              _ body: (ReviewSource) -> Value) -> Value? { nil }
    public func entries(of refs: [EntryRef], complete: Bool, store: JournalStore, including include: (EntryKey) -> Bool,
                        narrowedBy matcher: EntryMatcher?, ordered areInOrder: (EntryKey, EntryKey) -> Bool, batch: Int,
                        keeping: Set<String>?, _ body: (_ entries: [Entry], _ textFound: [Bool]) -> Void) -> [EntryProblem]? { nil }
}

/// What orders and selects entries before they are read: the event time and the id, known from
/// the index's rows without rebuilding the entry (``EntryIndexing/entries(of:complete:store:including:narrowedBy:ordered:batch:keeping:_:)``).
public struct EntryKey: Sendable {
    public var eventTime: Timestamp
    public var id: String

    public init(eventTime: Timestamp, id: String) {
        self.eventTime = eventTime
        self.id = id
    }

    public init(_ entry: Entry) {
        self.init(eventTime: entry.eventTime, id: entry.id)
    }
}

/// The people of a whole journal as an index answers them: per entry listing anyone its people
/// (``PersonSighting``, in the order of the refs), the entries that may mention someone they do
/// not list (in the order of the refs: holding a known name's words in a row, or imported with a
/// tag made of them), every follow-up as ``FollowUpFacts`` gives them, and the unreadable files.
public struct PeopleFacts: Sendable {
    public var sightings: [PersonSighting]
    public var mentioning: [Entry]
    /// The open follow-ups, in the order ``FollowUpFacts`` gives them (``FollowUpItem/isOpen``).
    public var openFollowUps: [FollowUpItem]
    /// ``PeopleIndex/lastNamed(_:)`` of every follow-up (of the entries up to the day asked).
    public var lastNamed: [String: Day]
    public var problems: [EntryProblem]

    public init(sightings: [PersonSighting], mentioning: [Entry], openFollowUps: [FollowUpItem], lastNamed: [String: Day],
                problems: [EntryProblem]) {
        self.sightings = sightings
        self.mentioning = mentioning
        self.openFollowUps = openFollowUps
        self.lastNamed = lastNamed
        self.problems = problems
    }
}

/// The follow-ups of a whole journal as an index answers them: the items in the order of the
/// entries they came from (each entry's own order inside), and the unreadable files in order.
public struct FollowUpFacts: Sendable {
    public var items: [FollowUpItem]
    public var problems: [EntryProblem]

    public init(items: [FollowUpItem], problems: [EntryProblem]) {
        self.items = items
        self.problems = problems
    }
}
