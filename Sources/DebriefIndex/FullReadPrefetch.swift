import DebriefCore
import GRDB

/// What a read of the whole journal takes from the index on another thread while the caller
/// walks the journal (``JournalIndex/prepareFullRead(store:searching:)``), waited for by the read
/// that wants it: the `files` rows (``StoredFiles``) and, for a read looking for a text, the pass
/// over the stored search texts (``IndexQuery/text(_:_:)``). The walk is mostly the kernel's work
/// (a stat per file), these reads SQLite's, so they share the cores; at 10,000 entries the search
/// pass was a fifth of `list --search NAME`, after the walk.
///
/// Both are read in one transaction, so the search is exactly as current as the rows: the read
/// uses either only while nothing changed the database since (``StoredFiles/isCurrent(_:)``),
/// and reads it again otherwise (a file that changed is recorded before the search is asked).
final class FullReadPrefetch: Sendable {
    struct Read: Sendable {
        var rows: StoredFiles
        /// The search pass, when the read asked for one.
        var search: IndexQuery.Searched?
    }

    private let read: Ahead<Read?>

    /// Starts `work` on another thread (``Ahead``).
    init(_ work: @escaping @Sendable () -> Read?) {
        read = Ahead(work)
    }

    /// What was read (nil when it could not be); waits for it.
    func wait() -> Read? {
        read.value ?? nil
    }

    /// The search pass made ahead, if one was and nothing changed `db` since it was made.
    func search(current db: Database) throws -> IndexQuery.Searched? {
        guard let read = wait(), let search = read.search, try read.rows.isCurrent(db) else { return nil }
        return search
    }
}
