#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import GRDB
import GRDBSQLite

/// The check every read of the index starts with: which listed files the index holds as they are
/// now (fresh), which it must read (new or changed, or their row damaged), and which of its rows
/// name files no longer listed (gone). Each file's stat is the one the walk took through its
/// folder's descriptor (``EntryRef/stat``), and the `files` rows (``StoredFiles``, which may have
/// been read while the walk ran) are matched to their refs by a hash of the path's bytes: an
/// unchanged file costs no `String` and no second `stat`.
struct FreshnessCheck {
    /// A file to read, with the signature it had before it was read.
    struct Change: Sendable {
        var index: Int
        var ref: EntryRef
        var path: String
        var signature: FileSignature
        var known: Int64?
    }

    /// The unchanged files the index could read: the id of their row and the index of their ref,
    /// in the refs' order, as the read looks them up (``FilePlaces``). Sixteen bytes a file: with
    /// what the index held of each beside its ref (96 bytes, an optional problem's two `String`s
    /// retained and released), the list was 9.6 MB of fresh pages at 100,000 files, past the CPU's
    /// caches, read once more to be split into these two.
    var unchanged: [(file: Int64, place: Int)] = []
    /// The unchanged files the index could not read (rare): the index of their ref and the
    /// problem stored for them.
    var unreadable: [(index: Int, problem: EntryProblem)] = []
    var changes: [Change] = []
    /// The ids of rows whose file is not listed (only when the refs are the whole journal).
    var gone: [Int64] = []
    /// Files listed but gone before they could be stat'ed.
    var vanished = 0
    /// How many rows were compared.
    var rows = 0

    /// Compares `refs` (the whole journal when `complete`) with the `files` rows as `stored`
    /// read them: all of them, or, for a few refs of a partial read (`list --limit 20`, `show`),
    /// theirs looked up by path (``StoredFiles/keys(for:root:complete:)``), so such a read costs
    /// the same whatever the journal's size.
    init(_ stored: StoredFiles, refs: [EntryRef], complete: Bool, root: String, racyMargin: Int64) {
        let prefix = Array((root + "/").utf8)
        rows = stored.rows.count
        var matched = [Bool](repeating: false, count: stored.rows.count)
        unchanged.reserveCapacity(refs.count)
        // The walk lists the files in the order the index recorded them: each ref's row is
        // first looked for after the row of the ref before (``StoredFiles/row(for:expected:)``).
        var expected = 0
        for i in refs.indices {
            let r = Self.withRelative(refs[i].path, prefix: prefix) { stored.row(for: $0, expected: expected) }
            if let r {
                expected = r + 1
                matched[r] = true
            }
            // The walk's stat; a ref made elsewhere is stat'ed by its path.
            guard let signature = refs[i].stat.map(FileSignature.init) ?? FileSignature(path: refs[i].path) else {
                vanished += 1
                continue
            }
            if let r, stored.rows[r].signature == signature, !signature.isRacy(checked: stored.rows[r].checked, margin: racyMargin) {
                let row = stored.rows[r]
                if let reason = row.problem {
                    // An unreadable file's reason (rare: the only text made here).
                    unreadable.append((i, EntryProblem(path: refs[i].path, line: row.problemLine, reason: reason)))
                } else {
                    unchanged.append((row.id, i))
                }
            } else {
                changes.append(Change(index: i, ref: refs[i], path: Self.relative(refs[i].path, prefix: prefix), signature: signature,
                                      known: r.map { stored.rows[$0].id }))
            }
        }
        if complete {
            for r in stored.rows.indices where !matched[r] { gone.append(stored.rows[r].id) }
        }
    }

    /// `path` relative to the journal folder (`prefix`, with its trailing slash), as the `files`
    /// table keys it (``JournalIndex/relative(_:prefix:)``), as bytes.
    static func withRelative<T>(_ path: String, prefix: [UInt8], _ body: (UnsafeRawBufferPointer) -> T) -> T {
        func cut(_ bytes: UnsafeRawBufferPointer) -> T {
            let starts = prefix.withUnsafeBytes { bytes.count >= $0.count && same(UnsafeRawBufferPointer(rebasing: bytes[..<$0.count]), $0) }
            return body(starts ? UnsafeRawBufferPointer(rebasing: bytes[prefix.count...]) : bytes)
        }
        if let done = path.utf8.withContiguousStorageIfAvailable({ cut(UnsafeRawBufferPointer($0)) }) { return done }
        return Array(path.utf8).withUnsafeBytes(cut)
    }

    static func relative(_ path: String, prefix: [UInt8]) -> String {
        withRelative(path, prefix: prefix) { String(decoding: $0, as: UTF8.self) }
    }

    /// A path's bytes as a key (the rows' checksum step: eight bytes at a time).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var s = RowSum()
        s.text(bytes)
        return UInt64(bitPattern: s.value)
    }

    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}
