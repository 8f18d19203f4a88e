import Synchronization

/// What a pure function of a text decided, per text, shared by every thread of the process:
/// ``PendingEvents/isWorthAReflection(_:)``'s word tests, and a name's words
/// (``MentionFinder/nameWords(_:)``, asked for every person of every entry a pitfall judges).
typealias TextMemo<Value: Sendable> = Memo<String, Value>

/// Bounded: a hostile calendar or journal of distinct texts costs at most a few megabytes, then
/// each is worked out again.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let known = Mutex<[Key: Value]>([:])
    private static var capacity: Int { 10_000 }

    func value(for key: Key, _ decide: () -> Value) -> Value {
        if let value = known.withLock({ $0[key] }) { return value }
        let value = decide()
        known.withLock { if $0.count < Self.capacity { $0[key] = value } }
        return value
    }
}
