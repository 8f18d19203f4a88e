#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A reference to an entry file found on disk, before reading it.
public struct EntryRef: Hashable, Sendable {
    /// The file name without `.md`.
    public var id: String
    public var path: String
    /// What `stat` said of the file when the walk listed it (``JournalStore/scan()`` with an
    /// index attached), so the index compares it with its stored signature without a second
    /// `stat` by path; nil when none was taken. Not part of the ref's identity: two refs to one
    /// path are equal whenever they were listed.
    public var stat: FileStat?

    public init(id: String, path: String, stat: FileStat? = nil) {
        self.id = id
        self.path = path
        self.stat = stat
    }

    public static func == (a: EntryRef, b: EntryRef) -> Bool { a.id == b.id && a.path == b.path }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(path)
    }
}

/// Every readable entry and every file that could not be read.
public struct JournalSnapshot: Sendable {
    /// Newest first (by id, which starts with the event's date and time).
    public var entries: [Entry]
    public var problems: [EntryProblem]

    public init(entries: [Entry], problems: [EntryProblem]) {
        self.entries = entries
        self.problems = problems
    }
}

/// The journal folder: `entries/YYYY/MM/<id>.md`, with `drafts/` and `trash/` beside it.
///
/// Reads are tolerant (a broken file is reported, never touched, and the rest keeps working);
/// writes are atomic and never overwrite a file that changed since it was read.
public struct JournalStore: Sendable {
    public let root: String
    public var codec: EntryCodec
    /// The derived index reads go through, or nil to read the files directly (`DEBRIEF_INDEX=off`,
    /// and tests of the store itself).
    public var index: (any EntryIndexing)?

    public init(root: String, codec: EntryCodec) {
        self.root = root
        self.codec = codec
    }

    public var entriesDirectory: String { root + "/entries" }
    public var draftsDirectory: String { root + "/drafts" }
    public var trashDirectory: String { root + "/trash" }

    // MARK: - Listing and reading

    /// The entry files under `entries/`, newest id first, each counted once (see ``JournalScan``).
    public func refs() -> [EntryRef] { scan().refs }

    /// ``scan()`` for a read of the whole journal through the index: the index is told first
    /// (``EntryIndexing/prepareFullRead(store:searching:)``), with the folded text the read will
    /// look for, so it can read what it knows while the walk stats the files.
    func fullScan(searching text: String? = nil) -> JournalScan {
        index?.prepareFullRead(store: self, searching: text)
        return scan()
    }

    /// Reads one entry.
    public func read(_ ref: EntryRef) throws(StoreError) -> Entry {
        var seen: Fingerprint?
        return try read(ref, seen: &seen)
    }

    /// Reads one entry, and gives the fingerprint of the bytes read whenever the file could be
    /// read, also when they do not decode, so a later write can check the file still holds them.
    public func read(_ ref: EntryRef, seen: inout Fingerprint?) throws(StoreError) -> Entry {
        guard let bytes = try AtomicFile.read(ref.path) else { throw StoreError.notFound(ref.id) }
        seen = Fingerprint(of: bytes)
        do {
            return try codec.decode(bytes, id: ref.id, path: ref.path)
        } catch {
            throw StoreError.invalid(error)
        }
    }

    /// Reads every entry, collecting the files that do not parse instead of stopping at them,
    /// and the files the walk did not count (links to nothing, conflict copies, second paths).
    public func loadAll() -> JournalSnapshot {
        let scan = fullScan()
        Trace.mark("store: \(scan.refs.count) files listed")
        return loadAll(scan)
    }

    /// ``loadAll()`` over a walk already made (``JournalCache`` compares it with its last one first).
    func loadAll(_ scan: JournalScan) -> JournalSnapshot {
        var snapshot = read(scan.refs, complete: true)
        snapshot.problems = scan.problems + snapshot.problems
        return snapshot
    }

    /// Every follow-up of the journal, and the files that could not be read (the walk's too): from
    /// the index's facts when it can answer, no entry rebuilt; else from every entry read.
    ///
    /// With a `filter` that keeps only open actions (``FollowUpFilter/keepsOnlyOpen``), the index
    /// may leave out the done ones (a tenth of a journal's actions are open): ask the result with
    /// that filter only.
    public func followUpIndex(for filter: FollowUpFilter = .all) -> (followUps: FollowUpIndex, problems: [EntryProblem]) {
        let scan = fullScan()
        Trace.mark("store: \(scan.refs.count) files listed")
        if let facts = index?.followUps(for: scan.refs, store: self, openOnly: filter.keepsOnlyOpen) {
            Trace.mark("store: \(facts.items.count) follow-ups from the index's facts")
            return (FollowUpIndex(items: facts.items), scan.problems + facts.problems)
        }
        let snapshot = read(scan.refs, complete: true)
        return (FollowUpIndex(entries: snapshot.entries), scan.problems + snapshot.problems)
    }

    /// Everyone the journal names, each listing entry's people (for the entries' days and titles
    /// a person's page shows), and the files that could not be read (the walk's too): from the
    /// index's facts when it can answer, rebuilding only the entries that may mention someone;
    /// else from every entry read.
    ///
    /// `upTo`: only the entries whose event day is that day or earlier, as the weekly review's
    /// cold contacts are judged (``WeeklyReview/make(journal:catalog:week:weeks:clock:coldDays:calendar:coldNames:)``).
    ///
    /// `named`: one person's page is wanted, whose folded name (``Swift/String/folded``) this is:
    /// when the index answers and someone has that name, the people hold only them, and the
    /// sightings only the entries listing them (``EntryIndexing/people(for:store:upTo:named:)``:
    /// one person's rows instead of everyone's). Anyone else's summary is never partial: it is
    /// left out, or everyone is there.
    public func peopleIndex(upTo last: Day? = nil, named key: String? = nil)
        -> (people: PeopleIndex, sightings: [PersonSighting], problems: [EntryProblem]) {
        let scan = fullScan()
        Trace.mark("store: \(scan.refs.count) files listed")
        func kept(_ time: Timestamp) -> Bool { last.map { time.day <= $0 } ?? true }
        if let facts = index?.people(for: scan.refs, store: self, upTo: last, named: key) {
            Trace.mark("store: \(facts.sightings.count) entries' people from the index's facts, \(facts.mentioning.count) entries read for mentions")
            let sightings = last == nil ? facts.sightings : facts.sightings.filter { kept($0.eventTime) }
            let mentioning = last == nil ? facts.mentioning : facts.mentioning.filter { kept($0.eventTime) }
            let open = last == nil ? facts.openFollowUps : facts.openFollowUps.filter { kept($0.eventTime) }
            let people = PeopleIndex(sightings: sightings, mentioning: mentioning, openFollowUps: FollowUpIndex(items: open).items,
                                     lastNamed: facts.lastNamed)
            return (people, sightings, scan.problems + facts.problems)
        }
        let snapshot = read(scan.refs, complete: true)
        let entries = last == nil ? snapshot.entries : snapshot.entries.filter { kept($0.eventTime) }
        return (PeopleIndex(entries: entries), entries.map(PersonSighting.init(entry:)), scan.problems + snapshot.problems)
    }

    /// `body` given what the weekly review reads of the journal (``ReviewSource``) with the
    /// files that could not be read (the walk's too): from the index's rows when they can answer,
    /// each entry read only when asked for and reduced to what the review reads (``ReviewFacts``;
    /// the cold contacts then from ``peopleIndex(upTo:)``, as mentions are not among those
    /// facts); else from every entry read whole. `body` may run twice (the index found wrong
    /// while it asked, then the files): it must only compute.
    public func review<Value>(_ body: (ReviewSource) -> Value) -> Value {
        let scan = fullScan()
        Trace.mark("store: \(scan.refs.count) files listed")
        if let value = index?.review(for: scan.refs, store: self, problems: scan.problems, body) { return value }
        let snapshot = read(scan.refs, complete: true)
        return body(ReviewSource(entries: snapshot.entries, problems: scan.problems + snapshot.problems))
    }

    /// The readable entries that `include` keeps, given to `body` in batches of up to `batch`, in
    /// the order `areInOrder` sorts them (as `sorted(by:)` of the entries in the journal's order
    /// would), and every problem (the walk's too). Through the index when it can answer: the order
    /// comes from its rows and no more than a batch of entries is rebuilt and held at once, so a
    /// command writing each batch as it comes (`list`/`export --format json`) never holds the
    /// whole journal; else from every entry read.
    ///
    /// `keeping`: the answers `body` reads, when not all of them: the index may rebuild each entry
    /// with only those (``EntryBlob/decode(_:source:keeping:)``); entries read from their files
    /// are whole.
    public func entries(including include: (EntryKey) -> Bool, ordered areInOrder: (EntryKey, EntryKey) -> Bool,
                        batch: Int = 256, keeping: Set<String>? = nil, _ body: ([Entry]) -> Void) -> [EntryProblem] {
        let scan = fullScan()
        Trace.mark("store: \(scan.refs.count) files listed")
        if let problems = index?.entries(of: scan.refs, complete: true, store: self, including: include, narrowedBy: nil,
                                         ordered: areInOrder, batch: batch, keeping: keeping, { entries, _ in body(entries) }) {
            return scan.problems + problems
        }
        let snapshot = read(scan.refs, complete: true)
        let kept = snapshot.entries.filter { include(EntryKey($0)) }.sorted { areInOrder(EntryKey($0), EntryKey($1)) }
        for start in stride(from: 0, to: kept.count, by: max(1, batch)) {
            body(Array(kept[start..<min(start + max(1, batch), kept.count)]))
        }
        return scan.problems + snapshot.problems
    }

    /// Reads the given entries, collecting the files that do not parse.
    public func load(_ refs: [EntryRef]) -> JournalSnapshot {
        read(refs, complete: false)
    }

    /// The entries `matcher` selects, newest first, and the problems of every file the query had
    /// to read (those whose id's day is in its range) and of the walk: the entries given to
    /// ``entries(matching:windowOnly:batch:_:)`` gathered.
    public func entries(matching matcher: EntryMatcher, windowOnly: Bool = false) -> JournalSnapshot {
        var entries: [Entry] = []
        let problems = self.entries(matching: matcher, windowOnly: windowOnly, batch: .max) { entries += $0 }
        return JournalSnapshot(entries: entries, problems: problems)
    }

    /// The entries `matcher` selects, newest first, given to `body` in batches of up to `batch`
    /// (none empty), and the problems of every file the query had to read (those whose id's day
    /// is in its range) and of the walk. Through the index when one is attached, which then reads
    /// and parses only what it cannot rule out from its facts, orders the rest from its rows and
    /// rebuilds a batch at a time: a command writing each batch as it comes (`list`) holds no more
    /// than a batch of entries, however many match. Else from every entry read.
    ///
    /// ``EntryMatcher/reading``: the answers `body` reads, when not all of them: the index may
    /// rebuild an entry with only those (see ``EntryIndexing``); entries read from their files
    /// are whole.
    ///
    /// `windowOnly`: a query with both a first and a last day walks only the month folders of its
    /// days (``scanMonths(from:through:)``), and the walk's problems are those folders' only: for a
    /// command that does not report them (`pending`).
    public func entries(matching matcher: EntryMatcher, windowOnly: Bool = false, batch: Int = 256,
                        _ body: ([Entry]) -> Void) -> [EntryProblem] {
        let query = matcher.query
        // The last few entries need only the newest month folders (see `scanNewest`), a window of
        // days only its months' folders (`scanMonths`).
        var narrowed: JournalScan?
        var which = ""
        if query.isUnfiltered, let limit = query.limit {
            narrowed = scanNewest(atLeast: limit * 2)
            which = "newest"
        } else if windowOnly, let since = query.since, let until = query.until {
            narrowed = scanMonths(from: since, through: until)
            which = "window's"
        }
        // Without days to rule files out by their ids, every file is compared with the index.
        let scan = narrowed ?? (query.since == nil && query.until == nil ? fullScan(searching: query.isUnfiltered ? nil : matcher.foldedText) : scan())
        Trace.mark("store: \(scan.refs.count) files listed\(narrowed == nil ? "" : " in the \(which) \(scan.folders.count) folders")")
        var refs = scan.refs.filter { query.mayMatch(id: $0.id) }
        var complete = refs.count == scan.refs.count && narrowed == nil
        if query.isUnfiltered, let limit = query.limit, refs.count > limit * 2 {
            // Ids sort by the event's local time; keep a margin for entries whose offsets differ.
            refs = Array(refs.prefix(limit * 2))
            complete = false
        }
        // What is left to give once the limit is reached: nothing.
        var left = query.limit ?? .max
        // A batch whose entries all match is given as it came: copying each entry into a new
        // array retained, and freeing both released, every string and table an entry holds (a
        // word in nearly every entry: nearly every batch, issue 23).
        func give(_ entries: [Entry], textFound: [Bool]) {
            guard left > 0 else { return }
            var kept: [Int] = []
            for i in entries.indices where kept.count < left
                && matcher.matches(entries[i], textFound: i < textFound.count && textFound[i]) {
                kept.append(i)
            }
            left -= kept.count
            if kept.count == entries.count {
                body(entries)
            } else if !kept.isEmpty {
                body(kept.map { entries[$0] })
            }
        }
        if let problems = index?.entries(of: refs, complete: complete, store: self, including: { query.includes(day: $0.eventTime.day) },
                                         narrowedBy: query.isUnfiltered ? nil : matcher, ordered: EntryQuery.newestFirst,
                                         batch: batch, keeping: matcher.reading, give) {
            Trace.mark("store: the selected entries given")
            return scan.problems + problems
        }
        let snapshot = read(refs, complete: complete)
        let selected = matcher.select(snapshot.entries)
        for start in stride(from: 0, to: selected.count, by: max(1, batch)) {
            body(Array(selected[start..<min(start + max(1, batch), selected.count)]))
        }
        return scan.problems + snapshot.problems
    }

    /// Reads `refs` through the index when there is one and it can answer, else from the files.
    private func read(_ refs: [EntryRef], complete: Bool) -> JournalSnapshot {
        var entries: [Entry] = []
        var problems: [EntryProblem] = []
        entries.reserveCapacity(refs.count)
        for outcome in index?.outcomes(for: refs, complete: complete, store: self) ?? refs.map(tolerantRead) {
            switch outcome {
            case .success(let entry)?: entries.append(entry)
            case .failure(let problem)?: problems.append(problem)
            case nil: continue
            }
        }
        return JournalSnapshot(entries: entries, problems: problems)
    }

    /// Reads one entry the way listings do: a file that does not parse or cannot be read becomes
    /// a problem to report, and a file gone since it was listed is skipped (nil).
    public func tolerantRead(_ ref: EntryRef) -> Result<Entry, EntryProblem>? {
        do throws(StoreError) {
            return .success(try read(ref))
        } catch {
            switch error {
            case .invalid(let problem): return .failure(problem)
            case .notFound: return nil
            case .io(_, let reason): return .failure(EntryProblem(path: ref.path, line: 1, reason: reason))
            default: return .failure(EntryProblem(path: ref.path, line: 1, reason: error.description))
            }
        }
    }

    /// The entry whose id is `text` or uniquely starts with it.
    public func find(_ text: String) throws(StoreError) -> EntryRef {
        let key = text.hasSuffix(".md") ? String(text.dropLast(3)) : text
        if let direct = canonicalRef(for: key), FileManager.default.fileExists(atPath: direct.path) { return direct }
        let all = refs()
        if let exact = all.first(where: { $0.id == key }) { return exact }
        let matches = all.filter { $0.id.hasPrefix(key) }
        guard !key.isEmpty, let first = matches.first else { throw StoreError.notFound(text) }
        guard matches.count == 1 else { throw StoreError.ambiguous(text, matches.map(\.id)) }
        return first
    }

    /// The entry `text` names (``find(_:)``), else the one that had that id before `debrief edit`
    /// moved it (its `former-ids`; an id or a prefix of one that only one entry had), with the
    /// id it had. An old id that moved twice finds the entry where it is now.
    public func locate(_ text: String) throws(StoreError) -> (ref: EntryRef, formerID: String?) {
        do {
            return (try find(text), nil)
        } catch {
            guard case .notFound = error, !text.isEmpty else { throw error }
            let key = text.hasSuffix(".md") ? String(text.dropLast(3)) : text
            let moved = loadAll().entries.filter { !$0.formerIDs.isEmpty }
            var matches = moved.compactMap { e in e.formerIDs.first { $0 == key }.map { (e, $0) } }
            if matches.isEmpty { matches = moved.compactMap { e in e.formerIDs.first { $0.hasPrefix(key) }.map { (e, $0) } } }
            guard let (entry, former) = matches.first, let path = entry.source?.path else { throw error }
            guard matches.count == 1 else { throw StoreError.ambiguous(text, matches.map(\.1)) }
            return (EntryRef(id: entry.id, path: path), former)
        }
    }

    /// `entries/YYYY/MM/<id>.md` for an id that starts with a date.
    public func canonicalRef(for id: String) -> EntryRef? {
        let u = Array(id.utf8)
        guard u.count >= 10, Day(iso: String(decoding: u[0..<10], as: UTF8.self)) != nil,
              !id.contains("/") else { return nil }
        let year = String(decoding: u[0..<4], as: UTF8.self)
        let month = String(decoding: u[5..<7], as: UTF8.self)
        return EntryRef(id: id, path: "\(entriesDirectory)/\(year)/\(month)/\(id).md")
    }

    // MARK: - Writing

    /// The id a new entry is saved under before any `-2`, `-3`: `YYYY-MM-DD-HHMM-<slug>` from its
    /// event time and title.
    public static func idStem(for entry: Entry) -> String {
        let when = entry.eventTime
        return String(format: "%@-%02d%02d-", when.day.iso, when.hour, when.minute) + Slug.make(entry.title)
    }

    /// Saves a new entry under a fresh id (`YYYY-MM-DD-HHMM-<slug>`, `-2`, `-3`… on collision),
    /// never replacing a file. Returns the entry as written, with its source.
    ///
    /// The name is chosen before anything is written: under the journal's lock (which other
    /// debriefs wait for) the first free name is found by looking (a stat each, no write), and
    /// the entry is written and flushed once, then linked to it. Only a file created meanwhile by
    /// another program makes the link fail; the next free name is tried then. There is no limit
    /// on how many entries share a minute and a title.
    public func create(_ entry: Entry) throws(StoreError) -> Entry {
        var entry = entry
        entry.source = nil
        let stem = Self.idStem(for: entry)
        let base = entry
        var n = 1
        return try withLock { () throws(StoreError) -> Entry in
            while true {
                entry = base
                entry.id = n == 1 ? stem : "\(stem)-\(n)"
                guard let ref = canonicalRef(for: entry.id) else { throw StoreError.exists(stem) }
                n += 1
                var st = stat()
                if lstat(ref.path, &st) == 0 { continue }
                entry = entry.assigningFollowUpIDs()
                let bytes = Array(codec.encode(entry).utf8)
                let written = try readBack(bytes, ref)
                do throws(StoreError) {
                    try AtomicFile.write(bytes, to: ref.path, replace: false, temporaries: .journal)
                } catch {
                    if case .exists = error { continue }
                    throw error
                }
                return written
            }
        }
    }

    /// Refuses, without writing anything, a new entry that ``create(_:)`` would refuse: one whose
    /// file debrief could not read back (too large, or not decoding). For `--dry-run`.
    public func check(_ entry: Entry) throws(StoreError) {
        var entry = entry
        entry.source = nil
        entry.id = Self.idStem(for: entry)
        guard let ref = canonicalRef(for: entry.id) else { throw StoreError.exists(entry.id) }
        _ = try readBack(Array(codec.encode(entry.assigningFollowUpIDs()).utf8), ref)
    }

    /// Writes back an entry read from disk, after checking the file still has the bytes it was read
    /// from. Sets `updated` to `now`. Returns the entry as written.
    public func save(_ entry: Entry, now: Timestamp) throws(StoreError) -> Entry {
        guard let source = entry.source else { return try create(entry) }
        // Rebuilt from the index: the file's own layout first (the replace below checks the
        // bytes it came from are still the file's).
        var entry = try withDocument(entry)
        entry.updated = now
        let bytes = Array(codec.encode(entry).utf8)
        let written = try readBack(bytes, EntryRef(id: entry.id, path: source.path))
        try replace(source.path, with: bytes, expecting: source.fingerprint)
        return written
    }

    /// `entry` with its file's layout, read from the very bytes the entry was read from: what an
    /// entry rebuilt from the index lacks (see ``EntrySource/hasDocument``) for a write that keeps
    /// the file's own lines. Any other entry is returned as it is; a file that changed or went
    /// since it was read throws ``StoreError/changedOnDisk(_:)``.
    func withDocument(_ entry: Entry) throws(StoreError) -> Entry {
        guard let source = entry.source, !source.hasDocument else { return entry }
        guard let current = try AtomicFile.read(source.path), Fingerprint(of: current) == source.fingerprint else {
            throw StoreError.changedOnDisk(source.path)
        }
        var entry = entry
        entry.source = try readBack(current, EntryRef(id: entry.id, path: source.path)).source
        return entry
    }

    /// The entry `bytes` hold, as reading them from `ref` after writing would give it: every
    /// write of an entry checks this before touching the disk, so debrief never writes a file
    /// it could not read back (larger than ``AtomicFile/readLimit``, a follow-up without an
    /// action), and needs no second read afterwards. A file too large is
    /// ``StoreError/refused(_:_:)``, one that does not decode ``StoreError/invalid(_:)``.
    func readBack(_ bytes: [UInt8], _ ref: EntryRef) throws(StoreError) -> Entry {
        guard bytes.count <= AtomicFile.readLimit else {
            let size = String(format: "%.1f", Double(bytes.count) / Double(1 << 20))
            throw StoreError.refused(ref.path, "the entry would be \(size) MB, and debrief reads no file over \(AtomicFile.readLimit >> 20) MB; "
                                     + "nothing was written (shorten the longest answer)")
        }
        do {
            return try codec.decode(bytes, id: ref.id, path: ref.path)
        } catch {
            throw StoreError.invalid(error)
        }
    }

    /// Replaces the file at `path` with `bytes`, atomically, if it still holds the bytes debrief
    /// last read or wrote there (`expecting`); otherwise writes nothing and throws
    /// ``StoreError/changedOnDisk(_:)``; a symbolic link or a hard-linked file is refused
    /// (``refuseLinked(_:)``). The check and the write happen under the journal's lock.
    public func replace(_ path: String, with bytes: [UInt8], expecting: Fingerprint) throws(StoreError) {
        try withLock { () throws(StoreError) in
            _ = try bytesForWrite(path, expecting: expecting)
            try AtomicFile.write(bytes, to: path, replace: true, temporaries: .journal)
        }
    }

    /// Moves an entry to `trash/`, refusing when it changed since it was read. Returns the trash path.
    @discardableResult
    public func trash(_ entry: Entry) throws(StoreError) -> String {
        guard let source = entry.source else { throw StoreError.notFound(entry.id) }
        return try withLock { () throws(StoreError) -> String in
            _ = try bytesForWrite(source.path, expecting: source.fingerprint)
            var target = "\(trashDirectory)/\(entry.id).md"
            var n = 2
            while FileManager.default.fileExists(atPath: target) {
                target = "\(trashDirectory)/\(entry.id)~\(n).md"
                n += 1
            }
            try AtomicFile.move(source.path, to: target)
            return target
        }
    }

    /// Puts a trashed entry back where it was (`path`), never replacing a file there.
    public func restore(trashPath: String, to path: String) throws(StoreError) {
        try withLock { () throws(StoreError) in try AtomicFile.move(trashPath, to: path) }
    }

    // MARK: - Drafts

    /// A draft's file under `drafts/`.
    public func draftPath(_ name: String) -> String { "\(draftsDirectory)/\(name).md" }

    /// Writes a draft atomically, replacing the previous version of the same draft.
    public func writeDraft(_ name: String, text: String) throws(StoreError) {
        try AtomicFile.write(Array(text.utf8), to: draftPath(name), replace: true, temporaries: .drafts)
    }

    /// Draft names (file names without `.md`), most recently written first.
    public func draftNames() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: draftsDirectory) else { return [] }
        let drafts = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
        func mtime(_ n: String) -> Double {
            var st = stat()
            guard stat(draftsDirectory + "/" + n, &st) == 0 else { return 0 }
            return Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        }
        return drafts.map { ($0, mtime($0)) }.sorted { $0.1 > $1.1 }.map { String($0.0.dropLast(3)) }
    }

    public func readDraft(_ name: String) throws(StoreError) -> [UInt8]? { try AtomicFile.read(draftPath(name)) }

    public func removeDraft(_ name: String) {
        unlink(draftPath(name))
    }

    // MARK: - Locking

    /// Serialises writers across processes with an advisory lock on `<root>/.lock`, so the
    /// check-then-rename of a save cannot interleave with another debrief's.
    ///
    /// Reentrant on one thread: a caller that holds the lock for a longer step (an import's
    /// duplicate check and all its writes) calls the store's writes inside it, and they run
    /// without locking again (a second `flock` on a new descriptor would wait for the first).
    public func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let thread = Self.currentThread()
        if Self.lockHolders.withLock({ $0[root] == thread }) { return try body() }
        return try FileLock.withLock(root + "/.lock") { () throws(StoreError) -> T in
            Self.lockHolders.withLock { $0[root] = thread }
            defer { _ = Self.lockHolders.withLock { $0.removeValue(forKey: root) } }
            return try body()
        }
    }

    /// The thread holding each journal's lock in this process, by journal folder.
    private static let lockHolders = Mutex<[String: UInt]>([:])

    private static func currentThread() -> UInt {
        #if canImport(Glibc)
        return UInt(pthread_self())
        #else
        return UInt(bitPattern: pthread_self())
        #endif
    }
}
