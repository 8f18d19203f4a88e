import DebriefCore
import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// The derived SQLite index over a journal's files (zk, notmuch and git's index do the same): the
/// files stay the truth, and the index spares re-reading and re-parsing the ones that did not
/// change. Every read lists `entries/`, stats each file and compares its signature with the one
/// it was indexed with; only new and changed files are read, gone ones are dropped, and a file
/// changed too close to the moment it was read (git's racy rule) is read again.
///
/// Disposable: a missing, damaged, older or foreign database is rebuilt; one that cannot be opened
/// or written (locked by another process too long, a read-only folder) is simply not used for that
/// read, and the store reads the files. WAL lets a TUI and a cron job use it at once. A cache
/// folder or file that is not debrief's own (a link, another user's, a folder others can write:
/// ``CacheFolder``) is never used nor changed; `doctor` names it (``examineCache(store:)``).
public final class JournalIndex: EntryIndexing {
    public let location: IndexLocation
    private let state = Mutex(State())

    private struct State {
        var queue: DatabaseQueue?
        /// Set when the database could not be opened or repaired in this process: read the files.
        var unusable = false
        /// Set when a write failed: keep reading through the index, stop trying to update it.
        var readOnly = false
        /// What in the cache folder kept the index from being used (a link, a foreign owner…).
        var problem: CacheProblem?
        var progress: (@Sendable (Int, Int) -> Void)?
        var lastRefresh = RefreshCounts()
        /// What is being read for the next whole-journal read (``prepareFullRead(store:searching:)``).
        var prefetch: FullReadPrefetch?
    }

    /// What the last read did: files checked, read again from disk, rebuilt from the index.
    public struct RefreshCounts: Sendable, Equatable {
        public var checked = 0
        public var read = 0
        public var rebuilt = 0
        /// Entries the query's text was found in through their stored search text
        /// (``EntryMatcher/matches(_:textFound:)``).
        public var textFound = 0
        /// Whether the search texts were searched while the files were listed
        /// (``FullReadPrefetch``), the database unchanged since.
        public var searchedAhead = false

        public init(checked: Int = 0, read: Int = 0, rebuilt: Int = 0, textFound: Int = 0) {
            self.checked = checked
            self.read = read
            self.rebuilt = rebuilt
            self.textFound = textFound
        }
    }

    /// The counts of the last read, for tests and the trace.
    public var lastRefresh: RefreshCounts { state.withLock { $0.lastRefresh } }

    /// How long a read waits for another process's write before reading the files instead.
    static let busyTimeout: TimeInterval = 2

    /// See ``FileSignature/isRacy(checked:margin:)``; tests that must not wait pass 0.
    public let racyMargin: Int64

    public init(location: IndexLocation, racyMargin: Int64 = FileStat.racyMargin) {
        self.location = location
        self.racyMargin = racyMargin
    }

    /// Called with (done, total) while many files are read at once (a cold build), for a progress
    /// bar, and with (total, total) once they are read and recorded.
    public func onProgress(_ report: (@Sendable (Int, Int) -> Void)?) {
        state.withLock { $0.progress = report }
    }

    // MARK: - Opening

    /// Whether a write failed in this process (reads still go through the index, writes stop).
    var isReadOnly: Bool { state.withLock { $0.readOnly } }

    func markReadOnly() { state.withLock { $0.readOnly = true } }

    /// After an error from the database: a damaged one is removed (rebuilt on the next use).
    func discard(after error: Error) {
        if let e = error as? DatabaseError, [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(e.resultCode) {
            state.withLock { s in
                s.queue = nil
                location.remove()
            }
        }
    }

    /// The database, opened (and created or rebuilt as needed) on first use; nil when it cannot
    /// be used now.
    func database(for store: JournalStore) -> DatabaseQueue? {
        state.withLock { s in
            if let queue = s.queue { return queue }
            if s.unusable { return nil }
            let key = IndexSchema.decoderKey(store.codec)
            for attempt in 0..<2 {
                do {
                    let (queue, folder) = try open(key: key)
                    s.queue = queue
                    let removed = StaleIndexes.sweep(folder, path: location.folder, except: location.database,
                                                     unusedFor: StaleIndexes.unusedFor)
                    if !removed.isEmpty { Trace.mark("index: removed the indexes of \(removed.count) journals that no longer exist") }
                    return queue
                } catch let problem as CacheProblem {
                    // Not debrief's own: never used, never changed.
                    s.problem = problem
                    break
                } catch {
                    // Damaged, foreign or unreadable: start again once, from nothing.
                    if attempt == 0 { location.remove() }
                }
            }
            s.unusable = true
            return nil
        }
    }

    private func open(key: String) throws -> (DatabaseQueue, Descriptor) {
        let folder: Descriptor
        switch location.prepare() {
        case .failure(let problem): throw problem
        case .success(let opened): folder = opened
        }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // WAL's NORMAL: a commit is not synced to disk, only a checkpoint is. A crash of the
            // machine may lose the last commits, never the database's consistency, and the index
            // is rebuilt from the files whatever it lost (a cold build commits a batch at a time).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            IndexRow.install(in: db)
        }
        let queue = try DatabaseQueue(path: location.database, configuration: config)
        try queue.writeWithoutTransaction { db in
            // Pages of 16 KB, not SQLite's 4 KB: a cold build at 10,000 entries made 95,849 writes
            // and 55,345 reads of a page (the WAL, then the checkpoint copying it) for a 93 MB
            // database; with 16 KB pages 16,242 and 7,105, its kernel time 0.6 -> 0.3-0.4 s, and a
            // 75 MB file. Reads run no more instructions (a scan reads fewer pages, a lookup a few
            // more bytes). It applies to a database with no table yet: an index made with other
            // pages keeps them and works as before.
            try db.execute(sql: "PRAGMA page_size = \(IndexSchema.pageSize)")
            // The page cache in pages (``IndexSchema/cachePages``), not SQLite's default of
            // 2,000 KB: SQLite turns the kilobytes into pages before it knows the database's page
            // size (4 KB until the header is read or a new database's `page_size` is set), so
            // the default kept 483 pages of 16 KB, 7.7 MB, which a cold build filled with the
            // pages it wrote.
            try db.execute(sql: "PRAGMA cache_size = \(IndexSchema.cachePages)")
            // WAL: readers never wait for the writer, and a crash mid-write leaves the last commit.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            var valid = version == IndexSchema.version && tables > 0
            if valid {
                var meta: [String: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { meta[row[0]] = row[1] }
                valid = meta["journal"] == location.journal && meta["decoder"] == key
                    && meta["schema"] == IndexSchema.fingerprint
            }
            if !valid {
                try db.inTransaction {
                    for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'") {
                        try db.execute(sql: "DROP TABLE IF EXISTS \"\(name)\"")
                    }
                    try IndexSchema.create(db)
                    try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('journal', ?), ('decoder', ?)",
                                   arguments: [location.journal, key])
                    return .commit
                }
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        if let problem = location.secureCompanions(folder) {
            try? queue.close()
            throw problem
        }
        return (queue, folder)
    }

    // MARK: - Reading

    public func outcomes(for refs: [EntryRef], complete: Bool, store: JournalStore) -> [Result<Entry, EntryProblem>?]? {
        guard let queue = database(for: store) else {
            Trace.mark("index: not usable, reading the files")
            return nil
        }
        Trace.mark("index: open")
        do {
            return try refresh(queue, refs: refs, complete: complete, store: store)
        } catch {
            // Damaged under us, or busy past the timeout: this read goes to the files, and a damaged
            // database is rebuilt on the next use.
            discard(after: error)
            return nil
        }
    }

    public func followUps(for refs: [EntryRef], store: JournalStore, openOnly: Bool = false) -> FollowUpFacts? {
        // `follow_ups` is checked as it is read (every row of it passes through the read), and
        // `entries` on a second connection meanwhile (``FactsAlongside``): at 10,000 entries the
        // check is 45 M instructions, the read 123 M, and they ran one after the other.
        let answer = facts(for: refs, store: store, checking: [], alongside: [IndexRow.entries]) { db, readable, alongside in
            alongside.startCheck()
            // Text the index stored with a NUL replaced (``IndexRow/text(_:)``) is not what the
            // entry says: the entries answer instead.
            return try FollowUpRow.read(db, readable: readable, openOnly: openOnly).map(\.items)
        }
        guard let (items, readable, problems) = answer else { return nil }
        Trace.mark("index: \(items.count) follow-ups from \(readable.count) entries' facts")
        return FollowUpFacts(items: items, problems: problems)
    }

    public func people(for refs: [EntryRef], store: JournalStore, upTo last: Day? = nil, named key: String? = nil) -> PeopleFacts? {
        // Every row the answer reads (or looks up, for `mention_words`) against its checksum:
        // `people` here as they are read, and on a second connection (``FactsAlongside``) while
        // this one reads them, `tags` and `mention_words` checked, then `entries` (its shown
        // columns, checked as they are read, before a value of them is taken) and the
        // follow-ups with them: at 10,000 entries the people rows are 178 M instructions here,
        // the check, `entries` and the follow-ups 45, 50 and 75 M there.
        let answer = facts(for: refs, store: store, checking: [], alongside: [IndexRow.tags, IndexRow.mentionWords]) {
            db, readable, alongside -> FactsRead<([PersonSighting], [FollowUpItem], [String: Day], [Stored])> in
            // One person's rows when someone's folded name is `key` (nobody's: everyone's, in the
            // same read, for a part of a name).
            var one = key
            var named = try key.map { try PeopleRow.sightings(db, readable: readable, named: $0) }
            if case .facts(let found)? = named, found.rows.isEmpty {
                named = nil
                one = nil
            }
            let naming = one
            // Of the follow-ups, the open ones and who each names last, in one pass. Both read
            // whole before deciding: a damaged row anywhere empties the index, as a check first did.
            let shownAndFollowUps = alongside.run { db -> FactsRead<(ShownEntries, FollowUpRow.Read)> in
                switch try ShownEntry.all(db, readable: readable) {
                case .facts(let entries):
                    return try FollowUpRow.read(db, readable: readable, openOnly: true, lastNamed: true, upTo: last,
                                                entries: entries, naming: naming).map { (entries, $0) }
                case .damaged: return .damaged
                case .notExact: return .notExact
                }
            }
            switch (try named ?? PeopleRow.sightings(db, readable: readable), try shownAndFollowUps()) {
            case (.facts(let read), .facts(let (entries, followUps))):
                // `tags` and `mention_words` narrow the entries read for mentions: only once
                // every row of them was found right.
                guard try alongside.damaged().isEmpty else { return .damaged }
                guard case .facts(let sightings) = PeopleRow.shown(read, entries: entries) else { return .notExact }
                let mentioning = try PeopleRow.mayMention(db, sightings: sightings, readable: readable)
                let stored = try self.blobs(db, ids: mentioning)
                // A readable file whose blob is missing: the entries answer.
                guard stored.count == mentioning.count else { return .notExact }
                return .facts((sightings.rows.map(\.sighting), followUps.items, followUps.lastNamed, stored))
            case (.damaged, _), (_, .damaged): return .damaged
            default: return .notExact
            }
        }
        guard let ((sightings, open, lastNamed, stored), _, problems) = answer else { return nil }
        // The entries that may mention someone, rebuilt and in the refs' order; a damaged blob
        // sends the question to the entries.
        let decoded = Self.decode(stored, refs: refs).sorted { $0.0 < $1.0 }
        var mentioning: [Entry] = []
        for (_, entry) in decoded {
            guard let entry else { return nil }
            mentioning.append(entry)
        }
        Trace.mark("index: the people of \(sightings.count) entries from their facts, \(mentioning.count) entries rebuilt for mentions")
        return PeopleFacts(sightings: sightings, mentioning: mentioning, openFollowUps: open, lastNamed: lastNamed, problems: problems)
    }

    public func review<Value>(for refs: [EntryRef], store: JournalStore, problems walk: [EntryProblem],
                              _ body: (ReviewSource) -> Value) -> Value? {
        guard let queue = database(for: store) else { return nil }
        let read: ReviewRows
        do {
            let synced = try synchronize(queue, refs: refs, complete: true, store: store)
            guard let readable = synced.recorded else { return nil }
            let problems = synced.problems
            switch try queue.read({ db in try ReviewRows.keys(db, readable: readable, refs: refs.count) }) {
            case .facts(var rows):
                rows.problems = walk + problems
                read = rows
            case .damaged:
                try? queue.write { db in try Self.forgetEverything(db) }
                Trace.mark("index: damaged rows; reading the entries, rebuilding")
                return nil
            case .notExact:
                return nil
            }
        } catch {
            return nil
        }
        Trace.mark("index: the review keys of \(read.keys.count) entries")
        // What the review asks for later is read then, each row checked as it is read; anything
        // wrong and the review is made again from the files (``ReviewRows/failure``).
        let tallies = WeekTallyRows(queue: queue, blobSums: read.blobSums, version: read.version)
        let source = ReviewSource(keys: read.keys, problems: read.problems, reduced: true,
                                  entries: { positions in read.entries(positions, queue: queue) },
                                  followUps: { day in read.followUps(notDoneBefore: day, queue: queue) },
                                  coldNames: { asOf, days in store.peopleIndex(upTo: asOf).people.coldNames(asOf: asOf, days: days) },
                                  memo: tallies?.memo)
        let value = body(source)
        switch read.failure.value {
        case nil:
            tallies?.save()
            return value
        case .damaged?:
            try? queue.write { db in try Self.forgetEverything(db) }
            Trace.mark("index: damaged review rows; reading the entries, rebuilding")
            return nil
        case .notExact?:
            Trace.mark("index: the review facts could not answer; reading the entries")
            return nil
        }
    }

    /// One answer from the index's facts for the whole journal, the way every facts query takes
    /// it: the index brought in step with `refs`, every row of `tables` checked against its
    /// checksum (the others `read` checks as it reads them), then `read`; the rows of `alongside`
    /// checked on a second connection while `read` runs, with the piece of it `read` gives there
    /// (``FactsAlongside``), the answer counting only once they were found right. Nil,
    /// so the entries answer, when the index is not usable, a change could not be recorded, the
    /// facts are not exact, or a row is damaged: then nothing it says is trusted, and the index
    /// is emptied to be built again on the next read.
    private func facts<Value>(for refs: [EntryRef], store: JournalStore, checking tables: [IndexRow.Table],
                              alongside sideTables: [IndexRow.Table] = [],
                              _ read: (Database, _ readable: FilePlaces, _ alongside: FactsAlongside) throws -> FactsRead<Value>)
        -> (value: Value, readable: FilePlaces, problems: [EntryProblem])? {
        guard let queue = database(for: store) else { return nil }
        do {
            // The entries read are not kept: the answer comes from the rows just recorded.
            let (recorded, problems) = try synchronizedFiles(queue, refs: refs, store: store)
            guard let readable = recorded else { return nil }
            let side = sideTables.isEmpty ? nil : SideConnection(path: location.database, writing: false)
            let (answer, version) = try queue.read { db -> (FactsRead<Value>, Int64?) in
                guard try IndexRow.damaged(db, tables: tables).isEmpty else { return (.damaged, nil) }
                // The state this read sees, taken before the side connection begins its own read
                // (the pragma reads the database's header: inside the read's transaction, it
                // begins its snapshot when no check above did).
                let version = side == nil ? nil : try Int64.fetchOne(db, sql: "PRAGMA data_version")
                let alongside = FactsAlongside(checking: sideTables, on: side, else: db)
                let answer = try read(db, readable, alongside)
                // The answer counts only once every row of `sideTables` was found right.
                guard try alongside.damaged().isEmpty else { return (.damaged, version) }
                return (answer, version)
            }
            // The side connection read after this read began and before now: the same state only
            // if no other connection committed in between. Otherwise the files answer.
            if let version, try queue.read({ db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }) != version {
                Trace.mark("index: changed by another process while read; reading the entries")
                return nil
            }
            switch answer {
            case .damaged:
                try? queue.write { db in try Self.forgetEverything(db) }
                Trace.mark("index: damaged rows; reading the entries, rebuilding")
                return nil
            case .notExact:
                return nil
            case .facts(let value):
                return (value, readable, problems)
            }
        } catch {
            return nil
        }
    }

    public func entries(of refs: [EntryRef], complete: Bool, store: JournalStore, including include: (EntryKey) -> Bool,
                        narrowedBy matcher: EntryMatcher?, ordered areInOrder: (EntryKey, EntryKey) -> Bool, batch: Int,
                        keeping: Set<String>? = nil, _ body: (_ entries: [Entry], _ textFound: [Bool]) -> Void) -> [EntryProblem]? {
        guard let queue = database(for: store) else { return nil }
        // Up to the first batch, anything wrong sends the whole question to the files.
        var problems: [(index: Int, problem: EntryProblem)] = []
        var order: [(index: Int, key: EntryKey)] = []
        // The file id of each ref the index answers, by the ref's place: an array, not a
        // dictionary of 100,000 ids, whose lookups missed the cache (issue 23).
        var files = [Int64?](repeating: nil, count: refs.count)
        var textFound = FileIDs()
        var damagedFacts = false
        var counts = RefreshCounts(checked: refs.count)
        do {
            // The entries read are not kept (a cold read of 100,000 held every one of them, 1.27
            // GB): they are rebuilt from the rows just recorded, a batch at a time, as the others.
            // When they could not be recorded, the files answer.
            let synced = try synchronize(queue, refs: refs, complete: complete, keepEntries: false, store: store)
            counts.read = synced.changed
            guard let recorded = synced.recorded else { return nil }
            for (index, outcome) in synced.outcomes.enumerated() {
                if case .failure(let problem)? = outcome { problems.append((index, problem)) }
            }
            // The entries the index has, but those its facts rule out.
            var wanted = recorded
            if let matcher, !wanted.isEmpty {
                let narrowing = try queue.read { db -> IndexQuery.Narrowing in
                    guard try IndexQuery.narrowingPays(db, wanted: wanted.count) else { return .everything }
                    let searched = try synced.ahead?.search(current: db)
                    counts.searchedAhead = searched != nil
                    return try IndexQuery.narrowing(db, matcher, searched: searched)
                }
                switch narrowing {
                case .everything: break
                case .only(let candidates, let found):
                    wanted = wanted.filter { file, _ in candidates.contains(file) }
                    textFound = found
                case .damaged:
                    // A row does not match its checksum: its facts prove nothing, so nothing is
                    // ruled out (every entry is tested whole), and the index is built again after.
                    damagedFacts = true
                    Trace.mark("index: damaged rows; not narrowing, rebuilding")
                }
            }
            // Their keys from their rows, which must match their checksums.
            guard let keys = try queue.read({ db in try Self.keys(db, of: wanted, refs: refs.count) }), keys.found == wanted.count else {
                try? queue.write { db in try Self.forgetEverything(db) }
                Trace.mark("index: damaged rows; reading the entries, rebuilding")
                return nil
            }
            for (file, index) in wanted.pairs { files[index] = file }
            for index in refs.indices {
                guard let key = keys.byRef[index] else { continue }
                if include(key) { order.append((index, key)) }
            }
        } catch {
            return nil
        }
        // The journal's order, sorted as the entries themselves would be.
        order.sort { areInOrder($0.key, $1.key) }
        let searched = counts.searchedAhead ? ", searched while the files were listed" : ""
        Trace.mark("index: \(order.count) entries ordered from their rows\(textFound.isEmpty ? "" : ", the text found in \(textFound.count) entries' stored search text\(searched)")")
        // Reduced to `keeping`: the entries no text is tested on (found in their own stored text,
        // or none asked), unless the facts were damaged.
        let lean: FileIDs? = matcher?.foldedText == nil ? nil : textFound
        let kept = damagedFacts ? nil : keeping
        var forget: [Int64] = []
        // The prompt ids of the blobs before (only `keeping` is ever asked whether it holds one).
        var names = EntryBlob.Names()
        // The bytes of a batch's blobs, copied out to be rebuilt on every core (``rebuilt``).
        var buffer: [UInt8] = []
        let size = max(1, batch)
        for start in stride(from: 0, to: order.count, by: size) {
            let part = order[start..<min(start + size, order.count)]
            // Looked up in the order of their file ids, the order of the tables' b-trees.
            var wanted: [Wanted] = []
            wanted.reserveCapacity(part.count)
            for (at, (index, _)) in part.enumerated() {
                if let file = files[index] { wanted.append(Wanted(file: file, index: index, at: at)) }
            }
            wanted.sort { $0.file < $1.file }
            var rebuilt = (try? queue.read { db in try Self.rebuilt(db, wanted, count: part.count, refs: refs, keeping: kept, lean: lean, names: &names, buffer: &buffer) })
                ?? [Entry?](repeating: nil, count: part.count)
            counts.rebuilt += rebuilt.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            var entries: [Entry] = []
            var found: [Bool] = []
            entries.reserveCapacity(part.count)
            found.reserveCapacity(part.count)
            for (at, (index, key)) in part.enumerated() {
                // The entry its row was ordered by (an index rebuilt meanwhile by another process
                // gives its file ids to other files).
                // Moved out, not copied: a copy retained, and freeing the batch released, all it holds.
                if let entry = rebuilt[at].take(), let file = files[index], entry.id == key.id, entry.eventTime == key.eventTime {
                    entries.append(entry)
                    // Only an entry rebuilt from its own stored blob carries the word of its stored text.
                    let vouched = !damagedFacts && textFound.contains(file)
                    found.append(vouched)
                    if vouched { counts.textFound += 1 }
                    continue
                }
                // Its blob is damaged or gone: the file answers, and it leaves the index.
                if let file = files[index] { forget.append(file) }
                switch store.tolerantRead(refs[index]) {
                case .success(let entry)?:
                    entries.append(entry)
                    found.append(false)
                case .failure(let problem)?: problems.append((index, problem))
                case nil: break
                }
            }
            body(entries, found)
        }
        state.withLock { $0.lastRefresh = counts }
        if damagedFacts {
            try? queue.write { db in try Self.forgetEverything(db) }
        } else {
            self.forget(queue, forget)
        }
        return problems.sorted { $0.index < $1.index }.map(\.problem)
    }

    /// A file of a batch to rebuild: its id, the index of its ref, its place in the batch.
    private struct Wanted {
        var file: Int64
        var index: Int
        var at: Int
    }

    /// The entries of the `wanted` files (``Wanted``), by their place in a batch of `count`,
    /// rebuilt from their stored blobs, each looked up through one statement prepared once
    /// (``cachedStatement``): a batch of a streamed read (`list`), where the `IN` list of a
    /// batch's ids and each blob copied out were 95 M instructions of `list --search` at 10,000
    /// entries. A file whose blob is missing, damaged (``IndexSchema/checksum(_:)``) or does not
    /// decode is not among them. `keeping`: only those answers, of the entries `lean` holds (of
    /// every entry when nil). `names`: the prompt ids met in the batches before; `buffer`: the
    /// bytes of the batch before, whose room is used again.
    ///
    /// The blobs are copied out of SQLite's pages one after the other into one buffer, then
    /// checked and rebuilt on every core (``Decoded``): rebuilt in place, they were the main
    /// thread's work alone while each batch's lines were made on both cores, a quarter of
    /// `list --search latency`'s instructions at 10,000 entries (306 M of 1,331 M), and copying
    /// a 2 KB blob is a few hundred instructions of the 30,000 rebuilding it takes.
    private static func rebuilt(_ db: Database, _ wanted: [Wanted], count: Int, refs: [EntryRef], keeping: Set<String>?,
                                lean: FileIDs?, names: inout EntryBlob.Names, buffer: inout [UInt8]) throws -> [Entry?] {
        var out = [Entry?](repeating: nil, count: count)
        guard !wanted.isEmpty else { return out }
        let stmt = try db.cachedStatement(sql: """
            SELECT b.blob, f.hash, f.length, e.blob_sum FROM entries e JOIN files f ON f.id = e.file JOIN blobs b ON b.file = e.file
            WHERE e.file = ?
            """).sqliteStatement
        // Reset after use too: a statement left on a row would hold its read transaction open.
        defer { sqlite3_reset(stmt) }
        var bytes: [UInt8] = []
        swap(&bytes, &buffer)
        bytes.removeAll(keepingCapacity: true)
        // Given back for the next batch, once the parts, which share its storage, are done.
        defer { swap(&bytes, &buffer) }
        var stored: [Copied] = []
        stored.reserveCapacity(wanted.count)
        for item in wanted {
            sqlite3_reset(stmt)
            guard sqlite3_bind_int64(stmt, 1, item.file) == SQLITE_OK else { throw DatabaseError(resultCode: .SQLITE_ERROR) }
            switch sqlite3_step(stmt) {
            case SQLITE_ROW: break
            case SQLITE_DONE: continue
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code))
            }
            guard sqlite3_column_type(stmt, 0) == SQLITE_BLOB else { continue }
            let blob = UnsafeRawBufferPointer(start: sqlite3_column_blob(stmt, 0), count: Int(sqlite3_column_bytes(stmt, 0)))
            let fingerprint = Fingerprint(hash: UInt64(bitPattern: sqlite3_column_int64(stmt, 1)), length: Int(sqlite3_column_int64(stmt, 2)))
            stored.append(Copied(at: item.at, bytes: bytes.count..<bytes.count + blob.count, sum: sqlite3_column_int64(stmt, 3),
                                 fingerprint: fingerprint, path: refs[item.index].path,
                                 reduced: lean.map { $0.contains(item.file) } ?? true))
            // As bytes, so the copy is one `memcpy` (a raw buffer is appended byte by byte).
            bytes.append(contentsOf: blob.assumingMemoryBound(to: UInt8.self))
        }
        // A few parts a core, each rebuilt in a row with the names met before; a batch of a few
        // entries (`list --limit 20`) in one part, on this thread.
        let size = max(32, (stored.count + 7) / 8)
        let parts = stride(from: 0, to: stored.count, by: size).map { $0..<min($0 + size, stored.count) }
        let (seed, all, copied) = (names, bytes, stored)
        let decoded = parts.concurrentMap(minimum: 2) { part -> Decoded in
            var done = Decoded(entries: [], names: seed)
            done.entries.reserveCapacity(part.count)
            all.withUnsafeBytes { all in
                for item in copied[part] {
                    let blob = UnsafeRawBufferPointer(rebasing: all[item.bytes])
                    guard IndexSchema.checksum(blob) == item.sum else { continue }
                    let source = EntrySource(path: item.path, fingerprint: item.fingerprint, document: EntryDocument(), hasDocument: false)
                    if let entry = EntryBlob.decode(blob, source: source, keeping: item.reduced ? keeping : nil, names: &done.names) {
                        done.entries.append((item.at, entry))
                    }
                }
            }
            return done
        }
        for part in decoded {
            for (at, entry) in part.entries { out[at] = entry }
        }
        // The names the first part met, for the next batch (any part's would do).
        if let first = decoded.first { names = first.names }
        return out
    }

    /// A blob of a batch copied out (``rebuilt(_:_:count:refs:keeping:lean:names:buffer:)``): its
    /// place in the batch, its bytes in the batch's buffer, its stored checksum, the file's
    /// fingerprint and path, and whether it is rebuilt with only the answers asked.
    private struct Copied: Sendable {
        var at: Int
        var bytes: Range<Int>
        var sum: Int64
        var fingerprint: Fingerprint
        var path: String
        var reduced: Bool
    }

    /// A part of a batch rebuilt on one core: the entries by their place in the batch, and the
    /// prompt ids its blobs met.
    private struct Decoded: Sendable {
        var entries: [(Int, Entry)]
        var names: EntryBlob.Names
    }

    /// The keys (event time and id) of the `wanted` files (id to the index of the file's ref)
    /// from their `entries` rows, each checked against its sum as it is read: looked up when they
    /// are few (the newest entries, a window of days), so such a read costs the same whatever
    /// the journal's size; else in one pass over the table, which checks every row. Nil when a
    /// row read does not match its sum or holds an id the index stored replaced. By the place of
    /// their ref among `refs` refs, with how many were found.
    private static func keys(_ db: Database, of wanted: FilePlaces, refs: Int) throws -> (byRef: [EntryKey?], found: Int)? {
        var keys = [EntryKey?](repeating: nil, count: refs)
        var found = 0
        guard !wanted.isEmpty else { return (keys, found) }
        var wanted = wanted
        let table = IndexRow.entries
        // `file`, `id`, `day`, `time`, `utc_offset`… then `sum`.
        let select = "SELECT \(table.selected(as: "e")) FROM entries e"
        for (sql, arguments) in statements(select, column: "e.file", keys: wanted.count <= lookupMaximum ? wanted.files : nil) {
            let statement = try db.makeStatement(sql: sql)
            let stmt = statement.sqliteStatement
            let row = StoredColumn.Row(stmt)
            let rows = try GRDB.Row.fetchCursor(statement, arguments: arguments)
            while try rows.next() != nil {
                guard table.intact(stmt) else { return nil }
                guard let index = wanted.place(of: row.int64(0)) else { continue }
                guard let id = row.text(1), !IndexRow.replaced(id) else { return nil }
                if keys[index] == nil { found += 1 }
                keys[index] = EntryKey(eventTime: Timestamp(seconds: Int(row.int64(3)), utcOffset: Int(row.int64(4))), id: id)
            }
        }
        return (keys, found)
    }

    /// How many files ``verify(_:reading:store:)`` reads and compares at a time: only a part's
    /// entries, rebuilt entries and facts are held at once (the whole journal at once was 2 GB
    /// at 100,000 entries). Since a part's stored columns are compared while the next part is
    /// read, two parts' facts are held: parts of 1,024 made doctor's peak at 10,000 entries
    /// 73 MB, parts of 512 61 MB, in no more time.
    static let verifyPart = 512

    public func verify(_ refs: [EntryRef], reading read: (Range<Int>) -> [Result<Entry, EntryProblem>?], store: JournalStore) -> [String]? {
        guard let queue = database(for: store) else { return nil }
        let prefix = store.root + "/"
        let catalog = store.codec.catalog
        let keeping = ReviewFacts.promptIDs(catalog)
        var differing = Set<Int>()
        // Keyed by the path's bytes, as the file system and the index tell files apart: two
        // spellings of one name (é composed and decomposed) are equal Strings but two files.
        var ids: [[UInt8]: Int64] = [:]
        func fileID(_ path: String) -> Int64? { ids[Array(IndexRow.text(Self.relative(path, prefix: prefix)).utf8)] }
        // Stored entries whose blob is gone or damaged: answered by their file and forgotten, as
        // any read through the index does, so not compared.
        var lost = Set<Int64>()
        // FTS5's inverted index, which no row checksum covers, checked on a connection of its own
        // while the files are compared (``SideConnection``); and the stored columns, compared on
        // another, a part behind the files' facts. Both change nothing, and finish before any write.
        var search: SideConnection?
        var columns: SideConnection?
        let wrongColumns = WrongColumns()
        defer {
            _ = search?.finish()
            _ = columns?.finish()
        }
        do {
            // The index brought in step with the files: what changed is read and recorded (those
            // entries kept: as many as changed); the rest is compared with the blobs a part at a time.
            let (fileOf, readNow) = try synchronizedForComparison(queue, refs: refs, store: store)
            let checking = SideConnection(path: location.database, writing: true, else: queue)
            checking.run { side in
                try side.writeWithoutTransaction { db in
                    try db.execute(sql: "INSERT INTO mention_words(mention_words, rank) VALUES ('integrity-check', 1)")
                }
            }
            search = checking
            let comparing = SideConnection(path: location.database, writing: false, else: queue)
            columns = comparing
            try queue.read { db in
                for row in try Row.fetchAll(db, sql: "SELECT path, id FROM files") { ids[Array((row[0] as String).utf8)] = row[1] }
            }
            for start in stride(from: 0, to: refs.count, by: Self.verifyPart) {
                let part = start..<min(start + Self.verifyPart, refs.count)
                let given = read(part)
                guard given.count == part.count else { return nil }
                let wanted = FilePlaces(part.compactMap { i in fileOf[i].map { (file: $0, place: i) } })
                let stored = try queue.read { db in try self.blobs(db, ids: wanted) }
                // Each file's stored blob by its place in the part; files without one were read
                // just now by the synchronisation, which gave their entries.
                var storedAt = [Stored?](repeating: nil, count: part.count)
                for item in stored { storedAt[item.index - start] = item }
                // Each entry as indexed against its file, and the columns queries narrow by
                // computed from the file's entry, in one pass over the cores: the comparison
                // needs the entry's blob, which its facts encode anyway.
                let kept = storedAt, synchronized = part.map { readNow[$0] }
                let computed = Array(part).concurrentMap(minimum: 256) { i -> (Int, StoredVerdict, EntryFacts?) in
                    let now = given[i - start]
                    var facts: EntryFacts?
                    if case .success(let entry)? = now { facts = EntryFacts(entry, catalog: catalog, reviewKeeping: keeping) }
                    let verdict: StoredVerdict
                    if let item = kept[i - start] {
                        verdict = Self.verdict(item, ref: refs[i], read: now, blob: facts?.blob, store: store)
                    } else {
                        verdict = Self.same(synchronized[i - start], now, blob: facts?.blob, stored: nil) ? .same : .differs
                    }
                    facts?.blob = []  // compared just now, not held
                    return (i, verdict, facts)
                }
                // The columns: what is stored for each file against what its entry gives now.
                var byFile: [Int64: EntryFacts] = [:]
                var indexOf: [Int64: Int] = [:]
                for (i, verdict, facts) in computed {
                    switch verdict {
                    case .same: break
                    case .differs: differing.insert(i)
                    case .lost(let file, let same):
                        lost.insert(file)
                        if !same { differing.insert(i) }
                    }
                    guard let facts, let id = fileID(refs[i].path), !lost.contains(id) else { continue }
                    byFile[id] = facts
                    indexOf[id] = i
                }
                let facts = byFile, places = indexOf
                comparing.run { side in
                    let wrong = try side.read { db in try EntryFacts.differing(db, from: facts) }
                    wrongColumns.add(wrong.compactMap { places[$0] })
                }
            }
            if let error = comparing.finish() { throw error }
            differing.formUnion(wrongColumns.found)
        } catch {
            // Damaged under us, or busy past the timeout: a damaged database is rebuilt on the next
            // use (once the other connections are done with it).
            _ = search?.finish()
            _ = columns?.finish()
            discard(after: error)
            return nil
        }
        let searchBroken = search?.finish() != nil
        if !lost.isEmpty {
            try? queue.write { db in for id in lost { try Self.forget(db, file: id, andFile: true) } }
            ids = ids.filter { !lost.contains($0.value) }
        }
        // Every row against its checksum.
        var damaged = false
        try? queue.read { db in
            let bad = try IndexRow.damaged(db, tables: IndexRow.all)
            damaged = !bad.isEmpty
            for (i, ref) in refs.enumerated() where bad.contains(fileID(ref.path) ?? -1) {
                differing.insert(i)
            }
        }
        let paths = differing.sorted().map { refs[$0].path }
        if !paths.isEmpty || damaged || searchBroken {
            // Forget what differs (everything when a row is damaged): the next read indexes it from the files.
            try? queue.write { db in
                if damaged {
                    try Self.forgetEverything(db)
                } else {
                    for path in paths {
                        if let id = fileID(path) { try Self.forget(db, file: id, andFile: true) }
                    }
                }
            }
            if searchBroken {
                try? queue.writeWithoutTransaction { db in
                    try db.execute(sql: "INSERT INTO mention_words(mention_words) VALUES ('rebuild')")
                }
            }
        }
        return paths + (damaged && paths.isEmpty ? [location.database + " (rows that did not match their checksums)"] : [])
            + (searchBroken ? [location.database + " (its full-text search index)"] : [])
    }

    /// Whether an entry as the index gives it (`indexed`) is the entry its file gives now
    /// (`read`): equal, from the same bytes at the same path, and with the same blob. `blob` is
    /// the ``EntryBlob`` of `read`'s entry; `stored`, the bytes `indexed` was rebuilt from when it
    /// was: they are the blob compared, as they are what the index holds (bytes that differ but
    /// decode to an equal entry differ: the file is indexed again), and no entry is encoded twice.
    static func same(_ indexed: Result<Entry, EntryProblem>?, _ read: Result<Entry, EntryProblem>?,
                     blob: [UInt8]?, stored: Data?) -> Bool {
        switch (indexed, read) {
        case (nil, nil): return true
        case let (.success(x)?, .success(y)?):
            guard x == y, x.source?.fingerprint == y.source?.fingerprint, x.source?.path == y.source?.path else { return false }
            let now = blob ?? EntryBlob.encode(y)
            guard let stored else { return EntryBlob.encode(x) == now }
            return equalBytes(stored, now)
        case let (.failure(x)?, .failure(y)?): return x == y
        default: return false
        }
    }

    /// What ``verify(_:reading:store:)`` finds of one file's stored entry against its file.
    enum StoredVerdict: Equatable {
        case same
        case differs
        /// The stored blob is damaged or does not decode: the file answers (and is read again for
        /// the comparison, `same` its verdict) and the stored entry is forgotten, as any read
        /// through the index does.
        case lost(file: Int64, same: Bool)
    }

    /// ``same(_:_:blob:stored:)`` of the entry `item`'s blob rebuilds against the entry its file
    /// gives now (`read`, whose blob is `blob`), without rebuilding it when the stored bytes are
    /// the file's blob byte for byte (from the bytes the index knows, at the same path): the entry
    /// rebuilt would be the blob's round trip of the file's entry, the entry every read through
    /// the index gives (`EntryBlobTests`). Rebuilding, comparing and freeing each entry was 0.8 G of
    /// `doctor`'s 11.7 G instructions at 10,000 entries; now only a blob that differs is rebuilt.
    static func verdict(_ item: Stored, ref: EntryRef, read: Result<Entry, EntryProblem>?, blob: [UInt8]?,
                        store: JournalStore) -> StoredVerdict {
        func lost() -> StoredVerdict { .lost(file: item.id, same: same(store.tolerantRead(ref), read, blob: blob, stored: nil)) }
        guard item.blob.withUnsafeBytes({ IndexSchema.checksum($0) }) == item.sum else { return lost() }
        if let blob, case .success(let entry)? = read, entry.source?.fingerprint == item.fingerprint, entry.source?.path == ref.path,
           equalBytes(item.blob, blob) {
            return .same
        }
        let source = EntrySource(path: ref.path, fingerprint: item.fingerprint, document: EntryDocument(), hasDocument: false)
        guard let indexed = item.blob.withUnsafeBytes({ EntryBlob.decode($0, source: source) }) else { return lost() }
        return same(.success(indexed), read, blob: blob, stored: item.blob) ? .same : .differs
    }

    /// Whether `stored` holds exactly the bytes of `blob`.
    static func equalBytes(_ stored: Data, _ blob: [UInt8]) -> Bool {
        guard stored.count == blob.count else { return false }
        return stored.withUnsafeBytes { s in
            blob.withUnsafeBytes { n in
                guard let a = s.baseAddress, let b = n.baseAddress else { return true }  // both empty
                return memcmp(a, b, n.count) == 0
            }
        }
    }

    public func examineCache(store: JournalStore) -> (problems: [EntryProblem], removed: [String]) {
        _ = database(for: store)
        if let problem = state.withLock({ $0.problem }) {
            let reason = problem.reason + "; debrief does not use its index here and reads the journal's files instead (the same answers, slower)"
            return ([EntryProblem(path: problem.path, line: 1, reason: reason)], [])
        }
        guard case .success(let folder) = CacheFolder(path: location.folder).openFolder() else { return ([], []) }
        return ([], StaleIndexes.sweep(folder, path: location.folder, except: location.database, unusedFor: nil))
    }

    /// The index brought up to date with `refs`: what it knows is compared with one stat per
    /// file, new and changed files are read and recorded, gone ones dropped.
    private struct Synced {
        /// The outcome of each ref read from its file, or the stored problem of an unchanged
        /// unreadable one; nil for the rest.
        var outcomes: [Result<Entry, EntryProblem>?]
        /// The files that could not be read, changed or not, in the refs' order.
        var problems: [EntryProblem] {
            outcomes.compactMap { outcome in
                if case .failure(let problem)? = outcome { return problem }
                return nil
            }
        }
        /// The unchanged readable files: their ids in the index, to the index of their ref.
        var stored: FilePlaces
        /// Every readable file's id in the index (changed ones as just recorded), to the index of
        /// its ref; nil when the changes could not be recorded (the index is behind the files).
        var recorded: FilePlaces?
        var changed: Int
        /// What was read while the caller walked (``prepareFullRead(store:searching:)``), taken
        /// by this read: its search pass is the read's to use, if still current.
        var ahead: FullReadPrefetch?
    }

    /// Starts reading the `files` rows (and opening the database) on another thread, for the read
    /// of the whole journal that follows the walk the caller is about to make, and, when that
    /// read looks for `text` (folded), the pass over the stored search texts in the same
    /// transaction (``FullReadPrefetch``). ``synchronize(_:refs:complete:keepEntries:store:)``
    /// takes the rows, ``entries(of:complete:store:including:narrowedBy:ordered:batch:keeping:_:)``
    /// the search, each only if nothing changed the database since (``StoredFiles/isCurrent(_:)``);
    /// else they are read again.
    public func prepareFullRead(store: JournalStore, searching text: String? = nil) {
        state.withLock { s in
            guard !s.unusable, s.prefetch == nil else { return }
            s.prefetch = FullReadPrefetch { [self] in
                database(for: store).flatMap { queue in
                    try? queue.read { db in
                        let rows = try StoredFiles(db, keys: nil)
                        let search = try text.flatMap { $0.isEmpty ? nil : try IndexQuery.Searched(db, text: IndexRow.text($0)) }
                        return FullReadPrefetch.Read(rows: rows, search: search)
                    }
                }
            }
        }
    }

    /// What is being read for the next whole-journal read, if any (for tests: to wait for it).
    var pendingPrefetch: FullReadPrefetch? { state.withLock { $0.prefetch } }

    /// ``synchronize(_:refs:complete:keepEntries:store:)`` of the whole journal for a facts read,
    /// which needs only the readable files' places and the problems: the rest of ``Synced`` is
    /// freed here, before the facts are read, not held to the end of the caller's scope with the
    /// rows it reads. At 100,000 entries that rest is a nil outcome per file (25.6 MB: an
    /// optional entry is 256 bytes) and the `files` rows read ahead (23.5 MB), a quarter of
    /// `debrief people`'s heap at its peak.
    private func synchronizedFiles(_ queue: DatabaseQueue, refs: [EntryRef],
                                   store: JournalStore) throws -> (recorded: FilePlaces?, problems: [EntryProblem]) {
        let synced = try synchronize(queue, refs: refs, complete: true, keepEntries: false, store: store)
        return (synced.recorded, synced.problems)
    }

    /// ``synchronize(_:refs:complete:keepEntries:store:)`` of the whole journal for doctor's
    /// comparison (``verify(_:reading:store:)``), which needs only each unchanged file's id, by
    /// the place of its ref, and the outcomes of the files the synchronisation read (those that
    /// changed or cannot be read), by theirs. As for ``synchronizedFiles(_:refs:store:)``, the rest
    /// (a nil outcome per file, the `files` rows read while the walk ran) is freed here, not held
    /// through the comparison: doctor's peak at 10,000 entries was up to 63.6 MB (target 64), at
    /// 100,000 168-175 MB; now 59.4 and 126-128 MB.
    private func synchronizedForComparison(_ queue: DatabaseQueue, refs: [EntryRef], store: JournalStore) throws
        -> (fileOf: [Int64?], readNow: [Int: Result<Entry, EntryProblem>]) {
        let synced = try synchronize(queue, refs: refs, complete: true, store: store)
        var fileOf = [Int64?](repeating: nil, count: refs.count)
        for (file, index) in synced.stored.pairs { fileOf[index] = file }
        var readNow: [Int: Result<Entry, EntryProblem>] = [:]
        for (index, outcome) in synced.outcomes.enumerated() {
            if let outcome { readNow[index] = outcome }
        }
        return (fileOf, readNow)
    }

    private func synchronize(_ queue: DatabaseQueue, refs: [EntryRef], complete: Bool, keepEntries: Bool = true,
                             store: JournalStore) throws -> Synced {
        let checked = FileStat.now()
        let keys = StoredFiles.keys(for: refs, root: store.root, complete: complete)
        // Rows read while the caller walked, whether this read wants them or not (a read waiting
        // on the database would wait for them anyway).
        let ahead = state.withLock { s in
            defer { s.prefetch = nil }
            return s.prefetch
        }
        let prefetched = ahead?.wait()?.rows
        // What the index knows against each file's stat: what is unchanged, to read, gone.
        let check = try queue.read { db in
            var stored = keys == nil ? prefetched : nil
            if let rows = stored, try !rows.isCurrent(db) { stored = nil }
            let rows = try stored ?? StoredFiles(db, keys: keys)
            return FreshnessCheck(rows, refs: refs, complete: complete, root: store.root, racyMargin: racyMargin)
        }
        var outcomes = [Result<Entry, EntryProblem>?](repeating: nil, count: refs.count)
        let (changes, gone, vanished) = (check.changes, check.gone, check.vanished)
        Trace.mark("index: \(refs.count) files checked against \(check.rows) indexed rows, \(changes.count) to read, \(gone.count) gone")

        for (index, problem) in check.unreadable { outcomes[index] = .failure(problem) }
        let stored = FilePlaces(check.unchanged)
        // Read what changed (on every core when there is much of it) and record it, a batch at a
        // time (``recordBatch(_:)``): the next batch is read while this one is recorded, so parsing
        // and SQLite's work share the cores, and only one batch's entries and facts are held at
        // once (unless the caller wants the entries). Each batch is one transaction holding
        // whole files (a file's rows go in with its `files` row), so a run killed midway leaves
        // the batches recorded so far, which the next read trusts, and reads the rest.
        // The bar stays until the files are recorded too, and is finished however this read ends.
        let finish = changes.count >= Self.concurrentReadMinimum ? state.withLock({ $0.progress }) : nil
        defer { finish?(changes.count, changes.count) }
        var writable = !state.withLock({ $0.readOnly })
        var ids: [(file: Int64, place: Int)] = []
        var removed = gone
        let size = Self.recordBatch(changes.count)
        let batches = stride(from: 0, to: changes.count, by: size).map { $0..<min($0 + size, changes.count) }
        var next: ReadAhead? = batches.first.map { ReadAhead(Array(changes[$0])) }
        for (n, range) in batches.enumerated() {
            let batch = Array(changes[range])
            let read = next?.result(self, store: store, done: range.lowerBound, total: changes.count) ?? []
            next = n + 1 < batches.count ? ReadAhead(Array(changes[batches[n + 1]]), start: self, store: store,
                                                        done: batches[n + 1].lowerBound, total: changes.count) : nil
            for (change, outcome) in zip(batch, read) {
                switch outcome.result {
                case .success? where !keepEntries: break
                default: outcomes[change.index] = outcome.result
                }
            }
            guard writable else { continue }
            do {
                ids += try record(queue, changes: batch, read: read, gone: removed, checked: checked)
                removed = []
            } catch {
                writable = false
                state.withLock { $0.readOnly = true }
                Trace.mark("index: not recorded (\(error))")
            }
        }
        if !changes.isEmpty { Trace.mark("index: \(changes.count) files read, parsed and recorded in \(batches.count) batches") }
        var recorded: FilePlaces? = vanished == 0 ? stored : nil
        if !changes.isEmpty || !gone.isEmpty {
            recorded = nil
            if writable {
                do {
                    if !removed.isEmpty { _ = try record(queue, changes: [], read: [], gone: removed, checked: checked) }
                    if !gone.isEmpty { try purge(queue) }
                    Trace.mark("index: recorded")
                    if vanished == 0 { recorded = stored.merging(FilePlaces(ids)) }
                } catch {
                    state.withLock { $0.readOnly = true }
                    Trace.mark("index: not recorded (\(error))")
                }
            }
        }
        return Synced(outcomes: outcomes, stored: stored, recorded: recorded, changed: changes.count, ahead: ahead)
    }

    private func refresh(_ queue: DatabaseQueue, refs: [EntryRef], complete: Bool, store: JournalStore) throws -> [Result<Entry, EntryProblem>?] {
        let synced = try synchronize(queue, refs: refs, complete: complete, store: store)
        var outcomes = synced.outcomes
        // Entries the index already had, rebuilt from their blobs.
        let wanted = synced.stored
        let blobs = try queue.read { db in try self.blobs(db, ids: wanted) }
        Trace.mark("index: \(blobs.count) stored entries fetched")
        let decoded = Self.decode(blobs, refs: refs)
        Trace.mark("index: \(decoded.count) entries rebuilt")
        for (index, entry) in decoded { outcomes[index] = entry.map { .success($0) } }
        // A readable file without a stored entry (its row lost) is read, not left out.
        let fetched = Set(blobs.map(\.id))
        let missing = wanted.filter { file, _ in !fetched.contains(file) }
        for (_, index) in missing.pairs { outcomes[index] = store.tolerantRead(refs[index]) }
        // A blob that is damaged or did not decode sends its file to be read, and out of the index.
        let damaged = Set(decoded.filter { $0.1 == nil }.map(\.0))
        for index in damaged { outcomes[index] = store.tolerantRead(refs[index]) }
        forget(queue, missing.files + wanted.filter { _, index in damaged.contains(index) }.files)
        state.withLock { $0.lastRefresh = RefreshCounts(checked: refs.count, read: synced.changed, rebuilt: decoded.count) }
        return outcomes
    }

    /// Takes out of the index the files whose stored entry was missing or damaged, so the next
    /// read records them again from their files.
    private func forget(_ queue: DatabaseQueue, _ files: [Int64]) {
        guard !files.isEmpty else { return }
        try? queue.write { db in for id in files { try Self.forget(db, file: id, andFile: true) } }
    }

    /// The outcome of reading one changed file, and what to index about it.
    fileprivate struct Read: Sendable {
        var result: Result<Entry, EntryProblem>?
        var facts: EntryFacts?
    }

    /// From how many changed files a read is split over the cores and reports its progress.
    static let concurrentReadMinimum = 64

    /// Up to how many rows are looked up by key rather than read in one pass over a table, and
    /// how many keys go in one statement (SQLite allows 32,766 parameters; smaller statements
    /// keep their text short).
    static let lookupMaximum = 2_000
    static let lookupBatch = 500

    /// The statements that read `select`'s rows: those whose `column` is one of `keys`, looked up
    /// in batches, so a read of a few files costs the same whatever the journal's size; or, with
    /// no keys, every row in one pass (cheaper than thousands of lookups).
    static func statements<Key: DatabaseValueConvertible>(_ select: String, column: String,
                                                          keys: [Key]?) -> [(String, StatementArguments)] {
        guard let keys else { return [(select, StatementArguments())] }
        return stride(from: 0, to: keys.count, by: lookupBatch).map { start in
            let part = Array(keys[start..<min(start + lookupBatch, keys.count)])
            return (select + " WHERE \(column) IN (\(databaseQuestionMarks(count: part.count)))", StatementArguments(part))
        }
    }

    /// How many changed files are read and recorded at a time (``synchronize``): an eighth of
    /// them, so that even a small journal's cold build reads its next batch while recording one,
    /// between 64 (below, a batch is read on one core) and 128 (what one batch holds in memory:
    /// at 100,000 entries the whole journal parsed at once was 1.7 GB; two batches are held, the
    /// one recorded and the one read ahead, and batches of 1,024 made a cold build's peak at
    /// 10,000 entries 103 MB, of 512 78 MB, of 128 with the page cache bounded 58-60 MB
    /// against 73-75 MB with 512: about 15 KB a file parsed, with its facts).
    static func recordBatch(_ changes: Int) -> Int { min(128, max(concurrentReadMinimum, changes / 8)) }

    /// Reads and parses `changes`, split over the cores when there are many; the progress
    /// callback hears every 64th file, counted from `done` of `total` (``synchronize`` reports
    /// the end, after recording them).
    fileprivate func readFiles(_ changes: [FreshnessCheck.Change], store: JournalStore, done base: Int = 0, total: Int? = nil) -> [Read] {
        guard !changes.isEmpty else { return [] }
        let catalog = store.codec.catalog
        let keeping = ReviewFacts.promptIDs(catalog)
        @Sendable func one(_ change: FreshnessCheck.Change) -> Read {
            let result = store.tolerantRead(change.ref)
            if case .success(let entry)? = result { return Read(result: result, facts: EntryFacts(entry, catalog: catalog, reviewKeeping: keeping)) }
            return Read(result: result, facts: nil)
        }
        if changes.count < Self.concurrentReadMinimum { return changes.map(one) }
        let progress = state.withLock { $0.progress }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let out = Mutex([Read?](repeating: nil, count: changes.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var local: [(Int, Read)] = []
            var i = w
            while i < changes.count {
                local.append((i, one(changes[i])))
                i += workers
                if let progress {
                    // Every 64th file read in all: often enough for a smooth bar, rare enough to cost nothing.
                    let n = base + done.add(1, ordering: .relaxed).newValue
                    if n % 64 == 0 { progress(n, total ?? changes.count) }
                }
            }
            out.withLock { reads in for (i, r) in local { reads[i] = r } }
        }
        return out.withLock { $0.map { $0 ?? Read(result: nil, facts: nil) } }
    }

    /// Records what was read; returns the id of each readable file recorded, with its ref's index.
    private func record(_ queue: DatabaseQueue, changes: [FreshnessCheck.Change], read: [Read], gone: [Int64], checked: Int64) throws -> [(file: Int64, place: Int)] {
        try queue.write { db in
            var readable: [(file: Int64, place: Int)] = []
            for id in gone { try Self.forget(db, file: id, andFile: true) }
            // Ids are chosen here, so the row's checksum can cover its id too.
            var nextID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM files") ?? 0) + 1
            for (change, outcome) in zip(changes, read) {
                guard let result = outcome.result else {
                    if let id = change.known { try Self.forget(db, file: id, andFile: true) }
                    continue
                }
                var fingerprint = Fingerprint(hash: 0, length: 0)
                var problem: EntryProblem?
                switch result {
                case .success(let entry): fingerprint = entry.source?.fingerprint ?? fingerprint
                case .failure(let p): problem = p
                }
                let s = change.signature
                let hash = Int64(bitPattern: fingerprint.hash)
                let id: Int64
                if let known = change.known {
                    id = known
                    try Self.forget(db, file: id, andFile: true)
                } else {
                    id = nextID
                    nextID += 1
                }
                let values: [DatabaseValueConvertible?] = [id, IndexRow.text(change.path), s.size, s.mtime, s.ctime, s.inode, checked, hash,
                                                           fingerprint.length, problem?.line, problem.map { IndexRow.text($0.reason) }]
                try EntryFacts.insert(db, IndexRow.files, values)
                if case .success = result, let facts = outcome.facts {
                    try facts.insert(db, file: id)
                    readable.append((id, change.index))
                }
            }
            return readable
        }
    }

    /// Brings the index in step with every file of the journal, then rewrites it so that no text
    /// the files no longer hold stays in its database or write-ahead log (``purge(_:)``): for
    /// `people forget`, whose rows leave changed files, not gone ones. False when the index
    /// could not be used (it then holds nothing debrief reads, and the caller says so).
    public func purgeRemovedText(store: JournalStore) -> Bool {
        guard let queue = database(for: store),
              outcomes(for: store.refs(), complete: true, store: store) != nil else { return false }
        do {
            try purge(queue)
            return true
        } catch {
            return false
        }
    }

    /// Closes the database for good in this process, so its files may be read byte for byte
    /// (``NameTrace/files(_:spellings:)``): a descriptor of a file SQLite has open in the same
    /// process must never be closed. Later reads through this instance read the files.
    public func close() {
        state.withLock { s in
            if let queue = s.queue { try? queue.close() }
            s.queue = nil
            s.unusable = true
        }
    }

    /// After entries went away: the full-text index rewritten without their words (FTS5 keeps
    /// deleted rows' data in old segments until they merge), and the write-ahead log emptied, so
    /// no page that held their text stays in either file.
    private func purge(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO mention_words(mention_words) VALUES ('optimize')")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        Trace.mark("index: deleted entries purged")
    }

    /// A file's path as the `files` table keys it: relative to the journal folder (`prefix`, with
    /// its trailing slash).
    static func relative(_ path: String, prefix: String) -> String {
        // By bytes, as ``FreshnessCheck`` matches them (a combining mark after the slash would
        // otherwise make the prefix a different character).
        path.utf8.starts(with: prefix.utf8) ? String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) : path
    }

    /// Removes what the index holds about a file's entry (and the file's own row): deleted rows
    /// are overwritten (`secure_delete`), so a trashed entry leaves no text behind.
    static func forget(_ db: Database, file id: Int64, andFile: Bool) throws {
        for table in ["entries", "blobs", "people", "follow_ups", "tags", "review_facts"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE file = ?", arguments: [id])
        }
        try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM mention_words WHERE rowid = ?", arguments: [id])
        if andFile { try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [id]) }
    }

    /// Empties every table but `meta`: the next read indexes every file again.
    static func forgetEverything(_ db: Database) throws {
        for table in IndexRow.all.map(\.name) + ["blobs", WeekTallyRows.table.name] { try db.execute(sql: "DELETE FROM \(table)") }
    }

    /// A stored entry to rebuild or compare: the index of its ref, its blob and its file's fingerprint.
    struct Stored: @unchecked Sendable {
        var id: Int64
        var index: Int
        var blob: Data
        var sum: Int64
        var fingerprint: Fingerprint
    }

    /// The stored blobs of the wanted files.
    private func blobs(_ db: Database, ids wanted: FilePlaces) throws -> [Stored] {
        guard !wanted.isEmpty else { return [] }
        var wanted = wanted
        var out: [Stored] = []
        out.reserveCapacity(wanted.count)
        let select = "SELECT e.file, b.blob, f.hash, f.length, e.blob_sum FROM entries e JOIN files f ON f.id = e.file JOIN blobs b ON b.file = e.file"
        let keys = wanted.count <= Self.lookupMaximum ? wanted.files : nil
        for (sql, arguments) in Self.statements(select, column: "e.file", keys: keys) {
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard let index = wanted.place(of: id) else { continue }
                let hash: Int64 = row[2]
                out.append(Stored(id: id, index: index, blob: row[1], sum: row[4], fingerprint: Fingerprint(hash: UInt64(bitPattern: hash), length: row[3])))
            }
        }
        return out
    }

    /// Rebuilds entries from blobs, split over the cores when there are many. An entry rebuilt so
    /// has no document: a save reads the file first (see `EntrySource.hasDocument`).
    private static func decode(_ stored: [Stored], refs: [EntryRef]) -> [(Int, Entry?)] {
        @Sendable func one(_ item: Stored) -> (Int, Entry?) {
            let ref = refs[item.index]
            let source = EntrySource(path: ref.path, fingerprint: item.fingerprint, document: EntryDocument(), hasDocument: false)
            return (item.index, item.blob.withUnsafeBytes { raw in
                IndexSchema.checksum(raw) == item.sum ? EntryBlob.decode(raw, source: source) : nil
            })
        }
        return stored.concurrentMap(minimum: 512, one)
    }
}

/// A batch of changed files read and parsed on other threads while the one before is recorded
/// (``JournalIndex/synchronize``), or, for the first batch, when asked.
private final class ReadAhead: Sendable {
    private let changes: [FreshnessCheck.Change]
    /// The read under way on another thread, when it was started.
    private let ahead: Ahead<[JournalIndex.Read]>?

    /// Read when ``result(_:store:done:total:)`` asks, on the caller's thread (and its workers).
    init(_ changes: [FreshnessCheck.Change]) {
        self.changes = changes
        ahead = nil
    }

    /// Started now, on another thread.
    init(_ changes: [FreshnessCheck.Change], start index: JournalIndex, store: JournalStore, done: Int, total: Int) {
        self.changes = changes
        ahead = Ahead { index.readFiles(changes, store: store, done: done, total: total) }
    }

    func result(_ index: JournalIndex, store: JournalStore, done: Int, total: Int) -> [JournalIndex.Read] {
        ahead?.value ?? index.readFiles(changes, store: store, done: done, total: total)
    }
}

/// The files whose stored columns differ from their entries', by their place in `verify`'s refs,
/// as ``SideConnection`` finds them a part at a time.
private final class WrongColumns: Sendable {
    private let places = Mutex(Set<Int>())

    func add(_ found: [Int]) { places.withLock { $0.formUnion(found) } }

    var found: Set<Int> { places.withLock { $0 } }
}

/// The database cannot be used here (no cache folder, not writable).
struct IndexUnavailable: Error {}
