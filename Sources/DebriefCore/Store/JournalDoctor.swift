import Foundation

/// What `debrief doctor` finds: every file the journal cannot use as it is, with the reason.
///
/// Files that are not read (they do not parse, are not regular files, are too large, or are
/// links to nothing, conflict copies or second paths to an entry) come from ``JournalStore/loadAll()``;
/// entries that are read but carry a remark come from ``remarks(_:)``; temporary files left by
/// killed runs from ``TemporaryFile``. Nothing is changed.
public enum JournalDoctor {
    public struct Findings: Sendable {
        /// Entries read (whatever their remarks).
        public var entries: Int
        /// Every finding, sorted by path then line.
        public var problems: [EntryProblem]
        /// Files whose indexed answer differed from reading them (indexed again since); nil when
        /// there is no index or it could not be used.
        public var indexDisagreements: [String]?
        /// Journal folders that no longer exist whose indexes were removed from the cache.
        public var removedIndexes: [String] = []
    }

    /// Reads every file (on every core, never through the index, whose entries do not carry the
    /// files' layout the remarks look at), then checks the index against that read. Files are
    /// read a part at a time, as the index's check asks for them (``EntryIndexing/verify(_:reading:store:)``),
    /// so only one part's entries are held at once.
    public static func examine(_ store: JournalStore, now: Date = Date()) -> Findings {
        var direct = store
        direct.index = nil
        let files = direct
        // Walked as every read of the whole journal is (``JournalStore/fullScan(searching:)``):
        // with an index attached, each file is stat'ed through its folder's descriptor as it is
        // listed, a level of folders over the cores, and that stat is the one the index's check
        // compares, while the index reads its `files` rows on another thread. Walked without
        // stats, the check then stat'ed every file by its path on one thread, after reading the
        // rows, all after the walk: 475 ms of doctor at 100,000 entries before it read a file (issue 23).
        let scan = store.fullScan()
        var remarked: [EntryProblem] = []
        var entries = 0
        var imported: [String: [(path: String, line: Int)]] = [:]
        var done = 0
        // Reads one part of the files and notes what is odd about each; the entries are not kept.
        // Each entry's remarks are made on the cores with its read (they `lstat` its file: one
        // system call per file, with 0.13 G instructions at 10,000 entries, on the thread the
        // index's check waits for when made there), and gathered in the files' order.
        func read(_ part: Range<Int>) -> [Result<Entry, EntryProblem>?] {
            let readings = Array(scan.refs[part]).concurrentMap { ref -> (outcome: Result<Entry, EntryProblem>?, remarks: [EntryProblem]) in
                let outcome = files.tolerantRead(ref)
                guard case .success(let entry)? = outcome else { return (outcome, []) }
                return (outcome, remarks(entry))
            }
            for (outcome, remarks) in readings {
                switch outcome {
                case .success(let entry)?:
                    entries += 1
                    remarked += remarks
                    if let key = entry.origin, let source = entry.source {
                        let line = source.document.fields.first { $0.key == "source" }?.line ?? 1
                        imported[key, default: []].append((source.path, line))
                    }
                case .failure(let problem)?: remarked.append(problem)
                case nil: continue
                }
            }
            done = part.upperBound
            return readings.map(\.outcome)
        }
        var problems: [EntryProblem] = []
        let folders = [store.root, store.draftsDirectory, store.trashDirectory] + scan.folders
        for folder in folders {
            problems += temporaries(in: folder, scope: folder == store.draftsDirectory ? .drafts : .journal, now: now)
        }
        let cache = store.index?.examineCache(store: store)
        problems += cache?.problems ?? []
        let disagreements = store.index?.verify(scan.refs, reading: read, store: store)
        // Without an index, or one that could not be used: the rest of the files.
        while done < scan.refs.count { _ = read(done..<min(done + 1_024, scan.refs.count)) }
        Trace.mark("doctor: \(scan.refs.count) files read, index checked")
        problems = scan.problems + remarked + sameImport(imported) + problems
        problems.sort { ($0.path, $0.line) < ($1.path, $1.line) }
        return Findings(entries: entries, problems: problems, indexDisagreements: disagreements, removedIndexes: cache?.removed ?? [])
    }

    /// What is odd about an entry that reads: a front-matter `id` that is not its file name (the
    /// file name wins), no title, a merge conflict left to resolve (`merge-conflict:`), a
    /// symbolic link or a hard-linked file (read, never written), a
    /// byte-order mark (read past, and kept).
    public static func remarks(_ entry: Entry) -> [EntryProblem] {
        guard let source = entry.source else { return [] }
        var out: [EntryProblem] = []
        let doc = source.document
        if let field = doc.fields.first(where: { $0.key == "id" }), let written = scalar(field), written != entry.id {
            out.append(EntryProblem(path: source.path, line: field.line, reason:
                "the front matter says `id: \(written)` but the file is named \(entry.id).md; debrief goes by the file name"))
        }
        if entry.title.isEmpty {
            let line = doc.fields.first(where: { $0.key == "title" })?.line ?? 1
            out.append(EntryProblem(path: source.path, line: line, reason: "no title (the `title` key is missing or empty); shown by its id"))
        }
        for field in doc.fields where EntryMerge.isConflictKey(field.key) {
            let answers = EntryMerge.recordedKeys(field).map { "`\($0)`" }.joined(separator: ", ")
            out.append(EntryProblem(path: source.path, line: field.line, reason:
                "holds a merge conflict in \(answers.isEmpty ? "an answer" : answers) (the other version is under `\(field.key):`); "
                + "keep the answer you want and delete the `\(field.key):` key"))
        }
        if let refusal = JournalStore.linkRefusal(source.path) {
            out.append(EntryProblem(path: source.path, line: 1, reason: refusal))
        }
        if doc.opening.startsWithByteOrderMark {
            out.append(EntryProblem(path: source.path, line: 1, reason: "starts with a UTF-8 byte-order mark; read past it, and kept when debrief saves"))
        }
        return out
    }

    /// Entries imported under the same key (`source:`): the same note imported twice (two
    /// imports at once before they took turns, or a file copied by hand). Each path after the
    /// first (by id) names the first.
    static func sameImport(_ imported: [String: [(path: String, line: Int)]]) -> [EntryProblem] {
        imported.flatMap { key, places -> [EntryProblem] in
            // By id, so `x.md` comes before its copy `x-2.md`.
            let sorted = places.sorted { $0.path.dropLast(3) < $1.path.dropLast(3) }
            guard let first = sorted.first?.path, sorted.count > 1 else { return [] }
            return sorted.dropFirst().map { place in
                EntryProblem(path: place.path, line: place.line, reason: "imported under the same key (`source: \(key)`) as \(first): the same note twice? "
                             + "Compare the two and delete the one you do not want; importing again skips both")
            }
        }
    }

    /// Temporary files of runs that are gone (a write under way is left alone).
    static func temporaries(in folder: String, scope: TemporaryFile.Scope, now: Date) -> [EntryProblem] {
        TemporaryFile.find(in: folder, scope: scope, now: now).filter { !$0.ownerRunning }.map { file in
            let age = file.age < 3600 ? "\(Int(file.age / 60)) min old" : "\(Int(file.age / 3600)) h old"
            let when = file.isStale ? "the next write into this folder removes it"
                                    : "the next write into this folder removes it once it is an hour old"
            let what = file.isFolder ? "a folder of an answer opened in the editor, left by a debrief that was stopped"
                                     : "a temporary file left by a debrief that was stopped mid-write"
            return EntryProblem(path: file.path, line: 1, reason: "\(what) (process \(file.pid), gone; \(age)); \(when)")
        }
    }

    /// A field's scalar value as written, nil for a null or a list.
    private static func scalar(_ field: EntryDocument.Field) -> String? {
        if let value = FastFieldReader.value(of: field.raw) { return value.string }
        guard let node = try? YAML.compose(field.raw), let pair = node.pairs?.first else { return nil }
        return pair.value.text
    }
}
