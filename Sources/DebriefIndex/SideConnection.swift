import Dispatch
import Foundation
import GRDB
import Synchronization

/// A second connection to the index's database with a thread of its own, for `doctor`'s
/// checks that change nothing: FTS5's `integrity-check` and the stored columns' comparison
/// (``EntryFacts/differing(_:from:)``). Under WAL they run while the main connection and the
/// cores read, parse and fold the files; on the one connection they ran after them, one core
/// waiting while the other worked (2.2 G of `doctor`'s 13.6 G instructions at 10,000 entries).
/// A facts read gives it part of its work the same way (``FactsAlongside``).
///
/// Work runs in the order given, one piece at a time, and at most one piece waits: ``run(_:)``
/// first waits for the piece before, so a part's computed facts are held only until the next
/// part's are ready. The first error stops the rest and is given by ``finish()``.
final class SideConnection: Sendable {
    private let queue: DatabaseQueue
    private let thread = DispatchQueue(label: "debrief.index.side")
    private let group = DispatchGroup()
    private let failure = Mutex<(any Error)?>(nil)

    /// A connection of its own to `path` (read-only unless `writing`: FTS5's `integrity-check`
    /// is an `INSERT`, though it changes nothing); `shared` when one cannot be opened, whose
    /// connection then takes the work in turn with its other reads (the same answers).
    init(path: String, writing: Bool, else shared: DatabaseQueue) {
        queue = (try? DatabaseQueue(path: path, configuration: Self.configuration(writing: writing))) ?? shared
    }

    /// A connection of its own to `path`, or nil when one cannot be opened: for work the main
    /// connection waits for inside a read of its own (``FactsAlongside``), which the main
    /// connection could not take in turn without waiting on itself.
    init?(path: String, writing: Bool) {
        guard let own = try? DatabaseQueue(path: path, configuration: Self.configuration(writing: writing)) else { return nil }
        queue = own
    }

    private static func configuration(writing: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = !writing
        config.busyMode = .timeout(JournalIndex.busyTimeout)
        config.prepareDatabase { db in IndexRow.install(in: db) }
        return config
    }

    /// `work` on this connection's thread, after the pieces given before.
    func run(_ work: @escaping @Sendable (DatabaseQueue) throws -> Void) {
        group.wait()
        group.enter()
        thread.async { [self] in
            defer { group.leave() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                try work(queue)
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits for the work given; the first error it threw, if any.
    func finish() -> (any Error)? {
        group.wait()
        return failure.withLock { $0 }
    }
}
