import DebriefCore
import Foundation
import GRDB
import GRDBSQLite

/// What `debrief review` reads of the index (``JournalIndex/review(for:store:problems:_:)``):
/// every readable entry's key from its `entries` row, then, only as the review asks, the
/// `review_facts` of the entries it judges (``ReviewFacts``) and the follow-ups not done before
/// its week. Every row is checked against its checksum as it is read (``IndexRow/sum(columns:of:)``),
/// and every entry rebuilt from its facts must be the one its key names (an index rebuilt by
/// another process meanwhile gives its file ids to other files); anything wrong is recorded in
/// ``failure`` and the review is made again from the files.
struct ReviewRows {
    /// Why the rows could not answer.
    enum Problem {
        /// A row does not match its checksum: the index is emptied and rebuilt.
        case damaged
        /// A text held a NUL, a fact is missing, or an entry is not the one its key names.
        case notExact
    }

    /// Set by a read that went wrong; shared by the copies the source's closures hold.
    final class Failure {
        var value: Problem?
    }

    /// Every readable entry's key, in the refs' order.
    var keys: [ReviewSource.Key] = []
    /// The index's id of each key's file.
    var files: [Int64] = []
    /// The stored checksum of each key's entry (`entries.blob_sum`): what the week tallies' memo
    /// keys a week's reflections by (``WeekTallyRows``).
    var blobSums: [Int64] = []
    /// The index's `data_version` as the keys were read.
    var version: Int64 = 0
    var problems: [EntryProblem] = []
    /// Index of each readable file's key in ``keys``.
    var positions = FilePlaces()
    let failure = Failure()

    /// The keys of the `readable` files (id to the index of its ref, `refs` of them), each row
    /// checked as it is read. Stepped through SQLite's own calls and read in place: a GRDB row
    /// and a conversion per column for each of 10,000 rows were a tenth of `debrief review` once
    /// its weeks were remembered (``WeekTallyRows``). A row's sum covers its columns' types, so
    /// once it matches, every column holds the type it was written with.
    static func keys(_ db: Database, readable: FilePlaces, refs: Int) throws -> FactsRead<ReviewRows> {
        let columns = IndexRow.entries.columns
        var readable = readable
        let statement = try db.makeStatement(sql: "SELECT \(columns.joined(separator: ", ")), sum FROM entries")
        let stmt = statement.sqliteStatement
        let row = StoredColumn.Row(stmt)
        var byRef = [(key: ReviewSource.Key, file: Int64, blobSum: Int64)?](repeating: nil, count: refs)
        var found = 0
        while true {
            let code = sqlite3_step(stmt)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw DatabaseError(resultCode: ResultCode(rawValue: code))
            }
            guard IndexRow.sum(columns: columns.count, of: stmt) == row.int64(Int32(columns.count)) else { return .damaged }
            guard let index = readable.place(of: row.int64(0)) else { continue }
            // The text first, then its length (SQLite's order).
            let text = UnsafeRawPointer(sqlite3_column_text(stmt, 1))
            let id = String(decoding: UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(stmt, 1))), as: UTF8.self)
            if IndexRow.replaced(id) { return .notExact }
            if byRef[index] == nil { found += 1 }
            byRef[index] = (ReviewSource.Key(eventTime: Timestamp(seconds: Int(row.int64(3)), utcOffset: Int(row.int64(4))), id: id,
                                             imported: row.holds(7, Entry.importedFlow)), row.int64(0), row.int64(8))
        }
        // A readable file without its row: the entries answer.
        guard found == readable.count else { return .notExact }
        var out = ReviewRows()
        out.version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        out.keys.reserveCapacity(found)
        out.files.reserveCapacity(found)
        out.blobSums.reserveCapacity(found)
        var positions: [(file: Int64, place: Int)] = []
        positions.reserveCapacity(found)
        for case let (key, file, blobSum)? in byRef {
            positions.append((file, out.keys.count))
            out.keys.append(key)
            out.files.append(file)
            out.blobSums.append(blobSum)
        }
        out.positions = FilePlaces(positions)
        return .facts(out)
    }

    /// The entries at `positions` of ``keys`` rebuilt from their `review_facts`, in that order.
    /// On any failure (recorded) the entries given are placeholders: the review is made again.
    func entries(_ positions: [Int], queue: DatabaseQueue) -> [Entry] {
        var read: [Int: Entry] = [:]
        // Each row's file to its key's place, the lookups resuming where the last one ended.
        var places = self.positions
        if failure.value == nil {
            do {
                try queue.inDatabase { db in
                    let select = "SELECT \(IndexRow.reviewFacts.columns.joined(separator: ", ")), sum FROM review_facts"
                    let wanted = positions.map { files[$0] }
                    if wanted.count == 1 {
                        try lookUp(wanted[0], select: select, db: db, into: &read, places: &places)
                        return
                    }
                    let lookup = wanted.count <= JournalIndex.lookupMaximum ? wanted : nil
                    for (sql, arguments) in JournalIndex.statements(select, column: "file", keys: lookup) {
                        let statement = try db.makeStatement(sql: sql)
                        let rows = try Row.fetchCursor(statement, arguments: arguments)
                        while try rows.next() != nil {
                            guard take(statement.sqliteStatement, into: &read, places: &places) else { return }
                        }
                    }
                }
            } catch {
                failure.value = .notExact
            }
        }
        if failure.value == nil, positions.allSatisfy({ read[$0] != nil }) {
            return positions.compactMap { read[$0] }
        }
        if failure.value == nil { failure.value = .notExact }
        return positions.map { read[$0] ?? Self.placeholder(keys[$0]) }
    }

    /// The one entry of `file`, through SQLite's own calls on a statement prepared once
    /// (``cachedStatement``), outside a transaction (a single statement reads one state of the
    /// database). A streak followed back asks for one entry at a time, three thousand times at
    /// 10,000 entries: a read transaction and a prepared statement per entry were half of
    /// `debrief review`, and GRDB's arguments and row cursor per lookup another 60 M instructions
    /// (a twentieth) once they were gone.
    private func lookUp(_ file: Int64, select: String, db: Database, into read: inout [Int: Entry], places: inout FilePlaces) throws {
        let stmt = try db.cachedStatement(sql: select + " WHERE file = ?").sqliteStatement
        sqlite3_reset(stmt)
        // Reset after use too: a statement left on a row would hold its read transaction open.
        defer { sqlite3_reset(stmt) }
        guard sqlite3_bind_int64(stmt, 1, file) == SQLITE_OK else { throw DatabaseError(resultCode: .SQLITE_ERROR) }
        while true {
            switch sqlite3_step(stmt) {
            case SQLITE_ROW: guard take(stmt, into: &read, places: &places) else { return }
            case SQLITE_DONE: return
            case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code))
            }
        }
    }

    /// Takes the `review_facts` row `stmt` stands on into `read`: its checksum checked, its entry
    /// rebuilt in place from SQLite's memory and checked against its key. False, with the
    /// failure recorded, when the row is damaged or not the entry its key names.
    private func take(_ stmt: OpaquePointer?, into read: inout [Int: Entry], places: inout FilePlaces) -> Bool {
        let columns = IndexRow.reviewFacts.columns.count
        guard IndexRow.sum(columns: columns, of: stmt) == sqlite3_column_int64(stmt, Int32(columns)) else {
            failure.value = .damaged
            return false
        }
        // A row of a file the review does not read (an index changed meanwhile) is passed over.
        guard let position = places.place(of: sqlite3_column_int64(stmt, 0)) else { return true }
        let key = keys[position]
        guard sqlite3_column_type(stmt, 1) == SQLITE_BLOB,
              let entry = EntryBlob.decode(UnsafeRawBufferPointer(start: sqlite3_column_blob(stmt, 1),
                                                                  count: Int(sqlite3_column_bytes(stmt, 1))), source: nil),
              entry.id == key.id, entry.eventTime == key.eventTime, entry.isImported == key.imported else {
            failure.value = .notExact
            return false
        }
        read[position] = entry
        return true
    }

    /// Every follow-up of the readable files not done before `day`, in the refs' order; every
    /// `follow_ups` row checked in the same pass, as the day narrows them (``FollowUpRow/read(_:readable:openOnly:notDoneBefore:lastNamed:upTo:)``).
    func followUps(notDoneBefore day: Day, queue: DatabaseQueue) -> [FollowUpItem] {
        guard failure.value == nil else { return [] }
        do {
            let answer = try queue.read { db in try FollowUpRow.read(db, readable: positions, openOnly: false, notDoneBefore: day) }
            switch answer {
            case .facts(let read): return read.items
            case .damaged: failure.value = .damaged
            case .notExact: failure.value = .notExact
            }
        } catch {
            failure.value = .notExact
        }
        return []
    }

    /// An entry for a key when its facts could not be read (never shown: the review is made again).
    private static func placeholder(_ key: ReviewSource.Key) -> Entry {
        Entry(id: key.id, created: key.eventTime, updated: key.eventTime, flow: key.imported ? Entry.importedFlow : nil)
    }
}
