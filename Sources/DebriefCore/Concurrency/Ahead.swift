import Dispatch
import Synchronization

/// A value made on another thread while the caller goes on, waited for where it is wanted: the
/// one way the reads hand over work done beside their own on this machine's second core: the
/// `files` rows and search texts read while the caller walks the journal (`FullReadPrefetch`);
/// the next batch of changed files read and parsed while the one before is recorded
/// (`ReadAhead`).
public final class Ahead<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let made = Mutex<Value?>(nil)

    /// Starts `work` on another thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            made.withLock { $0 = value }
            done.leave()
        }
    }

    /// The value, once made (waits for it); nil only if `work` never gave one, which it always does.
    public var value: Value? {
        done.wait()
        return made.withLock { $0 }
    }
}
