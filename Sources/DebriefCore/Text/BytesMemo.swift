#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a pure function of a short text decided, keyed by the text's UTF-8 bytes, kept per
/// thread: the words of an entry that are not ASCII, folded for every entry the index records or
/// `doctor` checks (``MentionFinder/appendWords(of:to:)``, ``Swift/String/foldedByWords``), and a
/// follow-up's `who` cut into words (``MentionFinder/shortTextWords(_:)``).
///
/// Per thread, not one table behind a lock: both cores fold entries at once (`concurrentMap`),
/// and a shared table made them take turns on every word that is not ASCII (`_lockSlow` in
/// `perf`). A value is a pure function of the bytes, so each thread working one out for itself
/// gives the same answers. A lookup neither copies the bytes nor hashes them one at a time (an
/// `[UInt8]` key did both: a tenth of `doctor` at 10,000 entries): the key borrows the caller's
/// bytes and is copied only to be kept. Bytes hash without Unicode normalisation, and equal bytes
/// are the same text for any function of it.
///
/// Bounded per thread: a hostile journal of distinct words costs at most a few megabytes a
/// thread, then each is worked out again.
final class BytesMemo<Value>: Sendable {
    /// The thread's table is found through this key; nil if none could be made (then every value
    /// is worked out each time).
    private let key: pthread_key_t?

    /// The longest text kept: words, not a paragraph without spaces.
    static var longestKey: Int { 64 }
    private static var capacity: Int { 10_000 }

    private final class Table {
        var known: [BytesKey: Value] = [:]
    }

    init() {
        var key = pthread_key_t()
        // A thread that ends releases its table.
        #if canImport(Glibc)
        let made = pthread_key_create(&key) { table in
            if let table { Unmanaged<AnyObject>.fromOpaque(table).release() }
        }
        #else
        let made = pthread_key_create(&key) { table in Unmanaged<AnyObject>.fromOpaque(table).release() }
        #endif
        self.key = made == 0 ? key : nil
    }

    /// `decide()`, or what it gave before on this thread for the same bytes; a text longer than
    /// ``longestKey`` is decided every time, without being copied or kept.
    func value(forBytes bytes: UnsafeRawBufferPointer, _ decide: () -> Value) -> Value {
        guard bytes.count <= Self.longestKey, let table = table() else { return decide() }
        if let known = table.known[BytesKey(borrowing: bytes)] { return known }
        let value = decide()
        if table.known.count < Self.capacity { table.known[BytesKey(copying: bytes)] = value }
        return value
    }

    /// ``value(forBytes:_:)`` for the bytes of `text`.
    func value(for text: String, _ decide: () -> Value) -> Value {
        var text = text
        return text.withUTF8 { value(forBytes: UnsafeRawBufferPointer($0), decide) }
    }

    /// This thread's table, made on first use.
    private func table() -> Table? {
        guard let key else { return nil }
        if let table = pthread_getspecific(key) { return Unmanaged<Table>.fromOpaque(table).takeUnretainedValue() }
        let table = Table()
        let kept = Unmanaged.passRetained(table)
        guard pthread_setspecific(key, kept.toOpaque()) == 0 else {
            kept.release()
            return nil
        }
        return table
    }
}

/// A text's UTF-8 bytes as a dictionary key: copied when kept in a table, borrowed from the
/// caller for a lookup (used only while the lookup runs). Hashed as one run of bytes.
struct BytesKey: Hashable {
    private enum Bytes {
        case owned([UInt8])
        case borrowed(UnsafeRawBufferPointer)
    }

    private let bytes: Bytes

    init(copying bytes: UnsafeRawBufferPointer) { self.bytes = .owned(Array(bytes)) }

    /// `bytes` must stay valid while the key is used.
    init(borrowing bytes: UnsafeRawBufferPointer) { self.bytes = .borrowed(bytes) }

    private func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch bytes {
        case .owned(let array): return array.withUnsafeBytes(body)
        case .borrowed(let pointer): return body(pointer)
        }
    }

    static func == (a: BytesKey, b: BytesKey) -> Bool {
        a.withBytes { x in
            b.withBytes { y in
                guard x.count == y.count else { return false }
                guard x.count > 0, let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }
}
