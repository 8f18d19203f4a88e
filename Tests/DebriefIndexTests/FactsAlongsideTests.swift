@testable import DebriefIndex
import Foundation
import GRDB
import Testing

/// The part of a facts read made on a second connection (``FactsAlongside``): the same check
/// and the same answer as on the main connection, damage found there as here, and the main
/// connection doing it all in turn when no second one can be opened.
@Suite struct FactsAlongsideTests {
    /// An index of ``PeopleFactsTests``' journal, built.
    static func index(_ label: String) throws -> (IndexFixture, DatabaseQueue) {
        let f = IndexFixture("alongside-\(label)", racyMargin: 0)
        PeopleFactsTests.seed(f)
        #expect(PeopleFactsTests.facts(f) != nil, "built")
        var config = Configuration()
        config.prepareDatabase { db in IndexRow.install(in: db) }
        return (f, try DatabaseQueue(path: f.index.location.database, configuration: config))
    }

    /// What a read alongside gives: the files found damaged, and how many tags the piece read.
    static func read(_ queue: DatabaseQueue, path: String?) throws -> (damaged: Set<Int64>, tags: Int, alongside: Bool) {
        let side = path.flatMap { SideConnection(path: $0, writing: false) }
        return try queue.read { db in
            let alongside = FactsAlongside(checking: [IndexRow.tags, IndexRow.mentionWords], on: side, else: db)
            let tags = alongside.run { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tags") ?? 0 }
            return (try alongside.damaged(), try tags(), alongside.isAlongside)
        }
    }

    @Test func theSameCheckAndAnswerOnEitherConnection() throws {
        let (f, queue) = try Self.index("same")
        let path = f.index.location.database
        let alone = try Self.read(queue, path: nil)
        let beside = try Self.read(queue, path: path)
        #expect(!alone.alongside && beside.alongside)
        #expect(alone.damaged.isEmpty && beside.damaged.isEmpty)
        #expect(alone.tags > 0 && beside.tags == alone.tags)
    }

    @Test(arguments: ["UPDATE tags SET words = 'swift' WHERE words = 'henrikemuller'",
                      "UPDATE mention_words SET words = 'lunch' WHERE rowid = (SELECT file FROM entries WHERE id = '\(PeopleFactsTests.mention)')"])
    func damageIsFoundThereAsHere(_ damage: String) throws {
        let (f, queue) = try Self.index("damage-\(damage.hashValue)")
        #expect(try f.damage(damage) == 1)
        let alone = try Self.read(queue, path: nil)
        let beside = try Self.read(queue, path: f.index.location.database)
        #expect(alone.damaged.count == 1, "\(damage)")
        #expect(beside.damaged == alone.damaged, "\(damage): found on the side connection too")
    }

    @Test func noConnectionOfItsOwnWhereNoneCanBeOpened() throws {
        #expect(SideConnection(path: "/nonexistent-\(getpid())/index.sqlite", writing: false) == nil)
        let (f, _) = try Self.index("own")
        #expect(SideConnection(path: f.index.location.database, writing: false) != nil)
    }

    /// The side connection's error is the read's: never an answer without the check.
    @Test func anErrorThereIsTheReadsError() throws {
        let (f, queue) = try Self.index("error")
        let side = SideConnection(path: f.index.location.database, writing: false)
        #expect(throws: (any Error).self) {
            try queue.read { db in
                let alongside = FactsAlongside(checking: [IndexRow.tags], on: side, else: db)
                let missing = alongside.run { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM missing") ?? 0 }
                _ = try missing()
            }
        }
    }
}
