import Synchronization

/// What a pure function of a text decided, per text, shared by every thread of the process:
/// ``PendingEvents/isWorthAReflection(_:)``'s word tests, and a name's words
/// (``MentionFinder/nameWords(_:)``, asked for every person of every entry a pitfall judges).
typealias TextMemo<Value: Sendable> = Memo<String, Value>

/// The same, keyed by a text's UTF-8 bytes: for the words of an entry that are not ASCII, folded
/// for every entry the index records or `doctor` checks (``MentionFinder/appendWords(of:to:)``,
/// ``Swift/String/foldedByWords``). Bytes hash without Unicode normalisation (a `String` key
/// normalises to hash and compare, a third of the lookup), and equal bytes are the same text for
/// any function of it.
typealias BytesMemo<Value: Sendable> = Memo<[UInt8], Value>

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

extension Memo where Key == [UInt8] {
    /// The longest text kept: words, not a paragraph without spaces (a key is copied to be
    /// kept, and 10,000 of these are a few hundred KB at most).
    static var longestKey: Int { 64 }

    /// ``value(for:_:)`` of the text whose UTF-8 is `bytes`; a longer one than ``longestKey``
    /// is decided every time, without being copied or kept.
    func value(forBytes bytes: some Collection<UInt8>, _ decide: () -> Value) -> Value {
        bytes.count <= Self.longestKey ? value(for: Array(bytes), decide) : decide()
    }
}
