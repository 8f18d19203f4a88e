import Foundation
import Testing
@testable import DebriefCore

/// ``BytesMemo``: a value is worked out once per thread and per text's bytes, on each thread for
/// itself (one table behind a lock made both cores take turns on every word that is not ASCII).
@Suite struct BytesMemoTests {
    /// A count of the times a value was worked out, shared by the threads of a test.
    final class Decisions: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var total: Int { lock.withLock { count } }
    }

    @Test func aTextIsDecidedOncePerThread() {
        let memo = BytesMemo<String>()
        let decisions = Decisions()
        @Sendable func upper(_ text: String) -> String {
            memo.value(for: text) {
                decisions.add()
                return text.uppercased()
            }
        }
        #expect(upper("café") == "CAFÉ")
        #expect(upper("café") == "CAFÉ")
        #expect(decisions.total == 1, "the second time from this thread's table")
        // Another thread works it out for itself, then keeps it as well.
        let done = DispatchSemaphore(value: 0)
        let other = Thread {
            #expect(upper("café") == "CAFÉ")
            #expect(upper("café") == "CAFÉ")
            done.signal()
        }
        other.start()
        done.wait()
        #expect(decisions.total == 2, "once on each thread")
        #expect(upper("café") == "CAFÉ")
        #expect(decisions.total == 2)
    }

    /// Keys are bytes: the two spellings of "é" (composed, and e with a combining accent), equal
    /// as Strings, are two texts; a text longer than ``BytesMemo/longestKey`` is never kept.
    @Test func keysAreBytesAndShort() {
        let memo = BytesMemo<Int>()
        let decisions = Decisions()
        func count(_ text: String) -> Int {
            memo.value(for: text) {
                decisions.add()
                return text.utf8.count
            }
        }
        #expect(count("caf\u{E9}") == 5)
        #expect(count("cafe\u{301}") == 6)
        #expect(decisions.total == 2)
        let long = String(repeating: "x", count: BytesMemo<Int>.longestKey + 1)
        #expect(count(long) == long.utf8.count)
        #expect(count(long) == long.utf8.count)
        #expect(decisions.total == 4, "a long text is worked out every time")
        var bytes: [UInt8] = [0x61, 0x62, 0x63]
        let fromBytes = bytes.withUnsafeMutableBytes { memo.value(forBytes: UnsafeRawBufferPointer($0)) { 0 } }
        #expect(fromBytes == 0)
        #expect(count("abc") == 0, "the same bytes, however given")
    }
}
