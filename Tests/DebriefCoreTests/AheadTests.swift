import Synchronization
import Testing
@testable import DebriefCore

/// `Ahead` gives what its work made, made once on another thread, however often it is asked.
@Suite struct AheadTests {
    /// How often the work ran, from whichever thread ran it.
    final class Runs: Sendable {
        let count = Mutex(0)
    }

    @Test func givesWhatItsWorkMadeOnce() {
        let runs = Runs()
        let ahead = Ahead { () -> [Int] in
            runs.count.withLock { $0 += 1 }
            return (0..<1_000).map { $0 * 3 }
        }
        #expect(ahead.value == (0..<1_000).map { $0 * 3 })
        #expect(ahead.value == (0..<1_000).map { $0 * 3 })
        #expect(runs.count.withLock { $0 } == 1)
    }
}
