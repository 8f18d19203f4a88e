#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DebriefCore
import Foundation
import GRDB

/// The index's memo of what past reviews counted (``WeekMemo``, ``WeekTally``): `week_tallies`,
/// one row per week (its Monday's day number), holding the key it was judged under and its counts
/// (``WeekTally/encoded``), with its `sum` like every row.
///
/// The key is everything a tally depends on: the week, the day it was judged as of, the catalog,
/// the reflections' stored checksums in event order (`entries.blob_sum`, which changes with any
/// change to an entry), and the running program (its file's size, times and inode: the evaluator
/// is code, and another build may judge differently). A row under another key, or one that does
/// not match its `sum`, is not used: the week is judged again and its row replaced.
///
/// Tallies judged during a review are written after it, in one transaction, and only when no
/// other process changed the index since the review read its keys (`PRAGMA data_version`): a
/// tally is never kept under a key it was not judged from.
final class WeekTallyRows {
    static let table = IndexRow.Table(name: "week_tallies", columns: ["week", "key", "counts"])

    private let queue: DatabaseQueue
    /// The stored checksum of each of the review's keys' entries (``ReviewRows/blobSums``).
    private let blobSums: [Int64]
    private let program: UInt64
    /// The index's `data_version` when the review read its keys.
    private let version: Int64
    /// The rows as read, by week, once asked.
    private var kept: [Int: (key: Int64, counts: String)]?
    private var judged: [(week: Int, key: Int64, counts: String)] = []

    /// Nil where the running program cannot be told apart from another build: then nothing is kept.
    init?(queue: DatabaseQueue, blobSums: [Int64], version: Int64) {
        guard let program = Self.program else { return nil }
        self.queue = queue
        self.blobSums = blobSums
        self.program = program
        self.version = version
    }

    var memo: WeekMemo {
        WeekMemo(recall: { [self] key in recall(key) }, record: { [self] key, tally in record(key, tally) })
    }

    /// The running program's identity: its file's device, inode, size and change times.
    private static let program: UInt64? = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        var sum = RowSum()
        for n in [Int64(info.st_dev), Int64(info.st_ino), Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                  Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)] {
            sum.integer(n)
        }
        return UInt64(bitPattern: sum.value)
    }()

    private func key(_ key: WeekMemo.Key) -> Int64 {
        var sum = RowSum()
        sum.integer(Int64(bitPattern: program))
        sum.integer(Int64(bitPattern: key.catalog))
        sum.integer(Int64(key.week.monday.ordinal))
        sum.integer(Int64(key.asOf.ordinal))
        sum.integer(Int64(key.positions.count))
        for position in key.positions { sum.integer(blobSums[position]) }
        return sum.value
    }

    private func recall(_ asked: WeekMemo.Key) -> WeekTally? {
        if kept == nil { kept = read() }
        guard let row = kept?[asked.week.monday.ordinal], row.key == key(asked) else { return nil }
        return WeekTally(encoded: row.counts)
    }

    private func record(_ asked: WeekMemo.Key, _ tally: WeekTally) {
        judged.append((asked.week.monday.ordinal, key(asked), tally.encoded))
    }

    /// Every row whose `sum` matches (the others are as good as absent).
    private func read() -> [Int: (key: Int64, counts: String)] {
        var out: [Int: (key: Int64, counts: String)] = [:]
        try? queue.inDatabase { db in
            let statement = try db.makeStatement(sql: "SELECT week, key, counts, sum FROM week_tallies")
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                guard IndexRow.sum(columns: 3, of: statement) == row[3] as Int64? else { continue }
                guard let week = row[0] as Int64?, let key = row[1] as Int64?, let counts = row[2] as String? else { continue }
                out[Int(week)] = (key, counts)
            }
        }
        return out
    }

    /// Writes the tallies judged during the review, unless the index changed meanwhile. A memo:
    /// a write that fails leaves the weeks to be judged again.
    func save() {
        guard !judged.isEmpty else { return }
        try? queue.write { db in
            guard try Int64.fetchOne(db, sql: "PRAGMA data_version") == version else { return }
            for row in judged {
                let values: [DatabaseValueConvertible?] = [row.week, row.key, row.counts]
                try db.execute(sql: "DELETE FROM week_tallies WHERE week = ?", arguments: [row.week])
                try db.execute(sql: Self.table.insert,
                               arguments: StatementArguments(values + [IndexRow.sum(values.map { $0?.databaseValue ?? .null })]))
            }
        }
        judged = []
    }
}
