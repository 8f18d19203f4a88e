@testable import DebriefIndex
import Foundation
import GRDB
import Synchronization
import Testing

/// `doctor`'s second connection (``SideConnection``): its work runs in the order given, sees
/// what the main connection committed, stops at the first error and gives it, and falls back
/// to the main connection when its own cannot be opened.
@Suite struct SideConnectionTests {
    final class Log: Sendable {
        let items = Mutex<[Int]>([])
        func add(_ n: Int) { items.withLock { $0.append(n) } }
    }

    static func database(_ label: String) throws -> (String, DatabaseQueue) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("side-\(label)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/index.sqlite"
        let main = try DatabaseQueue(path: path)
        try main.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE t(n INTEGER)")
            try db.execute(sql: "INSERT INTO t(n) VALUES (1), (2), (3)")
        }
        return (path, main)
    }

    @Test func runsInOrderAndStopsAtTheFirstError() throws {
        let (path, main) = try Self.database("order")
        let side = SideConnection(path: path, writing: false, else: main)
        let log = Log()
        for n in 1...20 {
            side.run { queue in
                let sum = try queue.read { db in try Int.fetchOne(db, sql: "SELECT sum(n) FROM t") }
                #expect(sum == 6)
                log.add(n)
            }
        }
        #expect(side.finish() == nil)
        #expect(log.items.withLock { $0 } == Array(1...20))
        side.run { queue in try queue.read { db in try db.execute(sql: "SELECT * FROM missing") } }
        side.run { _ in log.add(99) }
        #expect(side.finish() != nil, "the error is given")
        #expect(log.items.withLock { $0 }.last == 20, "nothing after the error ran")
    }

    @Test func aReadOnlySideCannotWrite() throws {
        let (path, main) = try Self.database("readonly")
        let side = SideConnection(path: path, writing: false, else: main)
        side.run { queue in try queue.writeWithoutTransaction { db in try db.execute(sql: "INSERT INTO t(n) VALUES (4)") } }
        #expect(side.finish() != nil)
        #expect(try main.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM t") } == 3)
    }

    @Test func withoutItsOwnConnectionTheMainOneDoesTheWork() throws {
        let (_, main) = try Self.database("fallback")
        let side = SideConnection(path: "/nonexistent-\(getpid())/index.sqlite", writing: false, else: main)
        let log = Log()
        side.run { queue in
            log.add(try queue.read { db in try Int.fetchOne(db, sql: "SELECT sum(n) FROM t") } ?? 0)
        }
        #expect(side.finish() == nil)
        #expect(log.items.withLock { $0 } == [6])
    }
}
