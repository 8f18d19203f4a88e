#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JournalStore {
    /// Saves an edited entry like ``save(_:now:)``; when the edit changed the id its date and
    /// title give (`YYYY-MM-DD-HHMM-<slug>`), the file moves to that id first, so someone who
    /// changed the date finds the entry under the new date. Returns the entry as written, with
    /// its new id.
    ///
    /// The new name follows the rule of ``create(_:)``: the stem, else `-2`, `-3`… (never
    /// replacing a file). Under the journal's lock the file is checked to hold what was read,
    /// then moved (linked under the new name, then unlinked: never overwriting, and never two
    /// entries), then rewritten atomically. A crash between the two leaves the entry whole under
    /// its new name with the old answers, and the edit's draft (removed only after a save) keeps
    /// the new ones. What must survive a move lives in the entry, not its name: follow-ups keep
    /// their ids, an import its `source`, and the old id goes into `former-ids`.
    public func saveMoving(_ entry: Entry, now: Timestamp) throws(StoreError) -> Entry {
        guard let source = entry.source else { return try create(entry) }
        let stem = Self.idStem(for: entry)
        // Only a file named and placed as debrief names them moves; one named by hand stays put.
        guard !Self.id(entry.id, isNamedFrom: stem), canonicalRef(for: stem) != nil,
              canonicalRef(for: entry.id)?.path == source.path else { return try save(entry, now: now) }
        // Only a change of date or title moves it: a name that already differed from what they
        // give (shortened by hand, or from an older rule) is the person's, and stays. A file
        // changed or gone meanwhile is refused below, whichever way it goes.
        if let before = try? read(EntryRef(id: entry.id, path: source.path)), Self.idStem(for: before) == stem {
            return try save(entry, now: now)
        }
        var edited = entry
        edited.updated = now
        // The old id stays in the file, so it still finds the entry here and on every device
        // the journal is synced to (``JournalStore/locate(_:)``).
        if !edited.formerIDs.contains(entry.id) { edited.formerIDs.append(entry.id) }
        let original = edited
        return try withLock { () throws(StoreError) -> Entry in
            _ = try bytesForWrite(source.path, expecting: source.fingerprint)
            var n = 1
            while true {
                edited = original
                edited.id = n == 1 ? stem : "\(stem)-\(n)"
                n += 1
                guard let ref = canonicalRef(for: edited.id) else { throw StoreError.exists(stem) }
                var st = stat()
                if lstat(ref.path, &st) == 0 { continue }
                let bytes = Array(codec.encode(edited).utf8)
                let written = try readBack(bytes, ref)
                do throws(StoreError) {
                    try AtomicFile.move(source.path, to: ref.path)
                } catch {
                    if case .exists = error { continue }
                    throw error
                }
                try AtomicFile.write(bytes, to: ref.path, replace: true, temporaries: .journal)
                return written
            }
        }
    }

    /// Whether `id` is `stem` or `stem-N` (N ≥ 2): the name an entry with that stem may have.
    static func id(_ id: String, isNamedFrom stem: String) -> Bool {
        guard id != stem else { return true }
        guard id.hasPrefix(stem + "-") else { return false }
        let suffix = id.dropFirst(stem.count + 1)
        return !suffix.isEmpty && suffix.allSatisfy(\.isASCII) && (Int(suffix).map { $0 >= 2 } ?? false)
    }
}
