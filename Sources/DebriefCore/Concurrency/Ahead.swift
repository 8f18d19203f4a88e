import Dispatch
import Synchronization

/// A value made on another thread while the caller goes on, waited for where it is wanted: for
/// pure work a read can do beside its own on this machine's second core (the people the entries
/// list, merged, while the index's connection looks for the entries that may mention them,
/// ``PeopleFacts/listed``).
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
