#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entries debrief reads but does not write: a symbolic link to a file, and a file with more
/// than one name (hard links).
///
/// Debrief writes an entry by renaming a new file over its name. Over a symbolic link that puts
/// a copy in the link's place, and the file it pointed to (outside the journal, say) stops
/// receiving changes; over one name of a hard-linked file it splits the entry in two, the other
/// names keeping the old text (listed twice, a stale follow-up shown as overdue). So every write
/// that replaces, moves or trashes an entry refuses such a file first, naming it and why
/// (``StoreError/refused(_:_:)``: exit 65, or a message on the screen), and `debrief doctor`
/// explains it. Reading is unchanged: the entry is read and counted once.
extension JournalStore {
    /// Why debrief will not write the entry file at `path`, or nil when it is a plain file with
    /// one name (or is gone: the caller's own read says so). `what` names the file in the advice
    /// ("the entry", or another file of the journal's such as the skip list).
    public static func linkRefusal(_ path: String, what: String = "the entry") -> String? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        if st.st_mode & S_IFMT == S_IFLNK {
            return "a symbolic link to \(linkTarget(path)); debrief reads it but does not write through a link "
                + "(a save would put a copy in its place, and the file it points to would stop receiving changes): "
                + "to edit \(what) with debrief, replace the link with the file itself"
        }
        if st.st_nlink > 1 {
            return "the same file under \(st.st_nlink) names (hard links); debrief reads it once but does not write it "
                + "(a save would split it into two \(what == "the entry" ? "entries" : "files"), the other names keeping the old text): "
                + "keep one name to edit it with debrief"
                + (what == "the entry" ? " (`debrief doctor` names the others inside the journal)" : "")
        }
        return nil
    }

    /// Throws ``StoreError/refused(_:_:)`` for an entry file debrief does not write (see above).
    public static func refuseLinked(_ path: String, what: String = "the entry") throws(StoreError) {
        if let reason = linkRefusal(path, what: what) { throw StoreError.refused(path, reason) }
    }

    /// The bytes of the entry file at `path` for a write that replaces, moves or trashes it:
    /// refused when it is linked, ``StoreError/changedOnDisk(_:)`` when it no longer holds the
    /// bytes debrief read (`expecting`). Called under the journal's lock, just before the write.
    func bytesForWrite(_ path: String, expecting: Fingerprint) throws(StoreError) -> [UInt8] {
        try Self.refuseLinked(path)
        guard let current = try AtomicFile.read(path), Fingerprint(of: current) == expecting else {
            throw StoreError.changedOnDisk(path)
        }
        return current
    }
}
