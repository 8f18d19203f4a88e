import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sync-conflict copy merged into its original (`debrief doctor --merge`): planned without
/// writing (for `--dry-run` and for the write that follows), then written through the store's
/// checked atomic replace, and the copy moved to `trash/`.
public struct CopyMerge: Sendable {
    /// The copy's path.
    public var copy: String
    /// The original it is merged into.
    public var original: EntryRef
    /// The merge, when both files read as entries.
    public var outcome: EntryMerge.Outcome?
    /// Why the copy is not merged (a file that does not read); nil when it is.
    public var problem: String?
    /// The original's lines the merge changes (`updated:` left out).
    public var lines: [NameLineChange]
    /// The bytes read, so the write and the move refuse files that changed since.
    var originalBytes: [UInt8]
    var copyEntry: Entry?

    /// Whether the original's file changes.
    public var changesOriginal: Bool { outcome.map { $0.bytes != originalBytes } ?? false }
}

extension CopyMerge {
    /// The lines a merge changes, for `--dry-run`: a diff (``LineMerge/matches(_:_:)``) of the
    /// original and the result, so a change in two places lists those lines only (a prefix and
    /// suffix comparison would list everything between them). A run of lines replaced by as many
    /// is listed line by line as `before → after` (numbered in the original), other removed lines
    /// by their line in the original, added ones by their line in the result; `updated:` is left out.
    static func changedLines(_ old: [UInt8], _ new: [UInt8]) -> [NameLineChange] {
        let a = LineMerge.lines(old), b = LineMerge.lines(new)
        func text(_ line: LineMerge.Line) -> String { String(decoding: line, as: UTF8.self).trimmingLineBreak }
        let matched = LineMerge.matches(a, b)
        var out: [NameLineChange] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            // The next pair both keep, or the ends.
            var ni = i
            while ni < a.count, matched[ni] == nil { ni += 1 }
            let nj = ni < a.count ? matched[ni] ?? b.count : b.count
            let removed = Array(i..<ni), added = Array(j..<nj)
            if removed.count == added.count {
                for (x, y) in zip(removed, added) { out.append(NameLineChange(line: x + 1, before: text(a[x]), after: text(b[y]))) }
            } else {
                out += removed.map { NameLineChange(line: $0 + 1, before: text(a[$0]), after: nil) }
                out += added.map { NameLineChange(line: $0 + 1, before: nil, after: text(b[$0])) }
            }
            i = ni + 1
            j = nj + 1
        }
        return out.filter { !($0.before ?? $0.after ?? "").hasPrefix("updated:") }
    }
}

extension JournalStore {
    /// The merge of each sync-conflict copy beside its original, in the order the walk lists them.
    public func planCopyMerges() -> [CopyMerge] {
        scan().conflictCopies.map { planCopyMerge(copy: $0.copy, into: $0.original) }
    }

    /// Plans merging the copy at `copy` into `original` (see docs/FORMAT.md, "Without a common
    /// ancestor"): nothing is written.
    public func planCopyMerge(copy: String, into original: EntryRef) -> CopyMerge {
        var plan = CopyMerge(copy: copy, original: original, outcome: nil, problem: nil, lines: [], originalBytes: [], copyEntry: nil)
        let copyID = String((copy as NSString).lastPathComponent.dropLast(3))
        if let problem = Self.copyRefusal(copy) ?? Self.linkRefusal(original.path).map({ "not merged: the original is " + $0 }) {
            plan.problem = problem
            return plan
        }
        let originalBytes: [UInt8], copyBytes: [UInt8]
        do throws(StoreError) {
            guard let o = try AtomicFile.read(original.path), let c = try AtomicFile.read(copy) else {
                plan.problem = "it or its original is gone"
                return plan
            }
            originalBytes = o
            copyBytes = c
        } catch {
            plan.problem = error.description
            return plan
        }
        plan.originalBytes = originalBytes
        let merge = EntryMerge(codec: codec)
        let outcome = merge.merge(base: nil, ours: originalBytes, theirs: copyBytes, id: original.id,
                                  paths: ("", original.path, copy), names: .copy)
        guard outcome.unreadable.isEmpty else {
            let why = outcome.unreadable.map(\.description).joined(separator: "; ")
            plan.problem = "not merged: \(why); compare the two files by hand"
            return plan
        }
        plan.copyEntry = try? codec.decode(copyBytes, id: copyID, path: copy)
        if let copyEntry = plan.copyEntry, let originalEntry = try? codec.decode(originalBytes, id: original.id, path: original.path),
           copyEntry.created.seconds != originalEntry.created.seconds {
            // A version of an entry keeps its `created`: a file with another one is another entry
            // (from another journal, or put there by hand), and merging would replace the
            // original's answers with a stranger's.
            plan.problem = "not merged: it is another entry (created \(copyEntry.created.iso), the original \(originalEntry.created.iso)); "
                + "compare the two files by hand"
            return plan
        }
        plan.outcome = outcome
        plan.lines = CopyMerge.changedLines(originalBytes, outcome.bytes)
        return plan
    }

    /// Writes a planned merge: the original replaced atomically if it still holds the bytes the
    /// plan read, then the copy moved to `trash/` if it is unchanged too. Returns the copy's path
    /// in the trash. Throws ``StoreError/changedOnDisk(_:)`` when either file changed since the
    /// plan (nothing more is done then; the original may already be merged, and merging again
    /// finds nothing new in the copy).
    @discardableResult
    public func apply(_ plan: CopyMerge) throws(StoreError) -> String {
        guard let outcome = plan.outcome, let copyEntry = plan.copyEntry else {
            throw StoreError.io(plan.copy, plan.problem ?? "not merged")
        }
        if let problem = Self.copyRefusal(plan.copy) { throw StoreError.refused(plan.copy, problem) }
        if plan.changesOriginal {
            _ = try readBack(outcome.bytes, plan.original)
            try replace(plan.original.path, with: outcome.bytes, expecting: Fingerprint(of: plan.originalBytes))
        }
        return try trash(copyEntry)
    }

    /// Why the copy at `path` is not merged, or nil for a plain file with one name. Sync tools
    /// write a copy as a plain file: a symbolic link or a hard link in its place was put there by
    /// someone else, and reading through it would merge a file from anywhere into the entry
    /// (then leave the original changed when moving the link to the trash is refused).
    static func copyRefusal(_ path: String) -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        if st.st_mode & S_IFMT == S_IFLNK {
            return "not merged: the copy is a symbolic link to \(linkTarget(path)), not a file a sync tool wrote; look at it by hand"
        }
        if st.st_mode & S_IFMT != S_IFREG {
            return "not merged: the copy is not a regular file"
        }
        if st.st_nlink > 1 {
            return "not merged: the copy has \(st.st_nlink) names (hard links), so it is not a file a sync tool wrote; look at it by hand"
        }
        return nil
    }
}
