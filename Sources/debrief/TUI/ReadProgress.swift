import Synchronization

/// The latest count a background read of the journal reported (the index's worker threads write
/// it), taken by the screen loop while background work runs and handed to the program as its
/// ``DebriefApp/Program/readProgress(done:total:)`` message: screens never read shared state.
final class ReadProgress: Sendable {
    private let latest = Mutex<(done: Int, total: Int)?>(nil)

    func report(done: Int, total: Int) {
        latest.withLock { $0 = (done, total) }
    }

    /// The count reported since the last take, if any.
    func take() -> (done: Int, total: Int)? {
        latest.withLock { latest in
            defer { latest = nil }
            return latest
        }
    }
}
