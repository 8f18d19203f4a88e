import GRDB
import Synchronization

/// The row-sum pass over the tables a facts read only narrows by (``IndexRow/damaged(_:tables:)``),
/// and one piece of the read, on a second connection (``SideConnection``) while the rest of the
/// read runs on the main one: a facts read is SQLite's work on one core, and this machine has
/// two. `debrief people` at 10,000 entries checks `tags` and the 15 MB of `mention_words` and
/// reads the follow-ups there while it reads the people rows here.
///
/// The check is never skipped, only moved: the read's answer counts only once ``damaged()`` is
/// empty, and the rows the read takes values from before then are the ones it checks as it
/// reads them, or tables checked before, or columns only carried until the answer (the follow-ups'
/// joined `entries` columns, ``FollowUpRow``: nothing computed on them can trap). Both
/// connections must read the same state: the facts read compares its connection's
/// `PRAGMA data_version` from inside its read with one read after it (``JournalIndex``), and the
/// side connection read in between, so an unchanged version means no other connection committed
/// meanwhile.
///
/// Without a connection of its own (one could not be opened), everything runs on the main
/// connection in turn, with the same answers. Used on the main connection's thread only.
final class FactsAlongside {
    private let tables: [IndexRow.Table]
    private let side: SideConnection?
    private let db: Database
    /// The files the side connection found damaged, once its piece ran.
    private let found = Answer<Set<Int64>>()
    /// The check made on the main connection, without a side one.
    private var checkedHere: Result<Set<Int64>, any Error>?
    private var started = false

    /// A value the side connection's thread gives, once its piece ran.
    private final class Answer<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }

    /// `tables` checked on `side`, or on `db` (the main connection, inside its read) without one.
    init(checking tables: [IndexRow.Table], on side: SideConnection?, else db: Database) {
        self.tables = tables
        self.side = side
        self.db = db
    }

    /// Whether the work runs on a connection of its own (the facts read then compares the two
    /// connections' states).
    var isAlongside: Bool { side != nil }

    /// `work` after the check, in the side connection's one read (on the main connection, now,
    /// without one). Called once; the function returned waits for `work`'s answer and throws
    /// its error.
    func run<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) -> () throws -> T {
        started = true
        let tables = self.tables, found = self.found
        guard let side else {
            checkedHere = Result { try IndexRow.damaged(db, tables: tables) }
            let value = Result { try work(db) }
            return { try value.get() }
        }
        let answer = Answer<T>()
        side.run { queue in
            try queue.read { db in
                let damaged = try IndexRow.damaged(db, tables: tables)
                found.value.withLock { $0 = damaged }
                let value = try work(db)
                answer.value.withLock { $0 = value }
            }
        }
        return {
            if let error = side.finish() { throw error }
            guard let value = answer.value.withLock({ $0 }) else { throw Self.missing }
            return value
        }
    }

    /// The check alone, begun now on the side connection, for a read that has no other piece to
    /// give it (on the main connection, now, without one). ``damaged()`` waits for its answer.
    func startCheck() {
        _ = run { _ in }
    }

    /// The files whose rows of the tables checked here do not match their sums: the side
    /// connection's finding (waiting for it), or checked now when no piece was run.
    func damaged() throws -> Set<Int64> {
        if let checkedHere { return try checkedHere.get() }
        guard started, let side else { return try IndexRow.damaged(db, tables: tables) }
        if let error = side.finish() { throw error }
        guard let damaged = found.value.withLock({ $0 }) else { throw Self.missing }
        return damaged
    }

    /// A piece that ended without its answer (it cannot: an error is given instead).
    private static let missing = DatabaseError(resultCode: .SQLITE_ERROR, message: "no answer from the side connection")
}
