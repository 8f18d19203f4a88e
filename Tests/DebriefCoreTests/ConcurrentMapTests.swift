import Testing
@testable import DebriefCore

/// `concurrentMap` hands the cores a few elements at a time as each is free: whatever the sizes,
/// the slices and which core maps which, the result is `map`'s, in order, each element once.
@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 2, 31, 255, 256, 257, 512, 1_000, 4_099, 10_000])
    func givesMapsResultInOrder(_ count: Int) {
        let items = Array(0..<count)
        #expect(items.concurrentMap { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
        #expect(items.concurrentMap(minimum: 2) { String($0) } == items.map { String($0) })
    }

    /// Elements that cost very different amounts (some cores finish their slices long before
    /// others) still come back in order.
    @Test func unevenWorkStaysInOrder() {
        let items = Array(0..<600)
        let mapped = items.concurrentMap(minimum: 2) { i -> Int in
            var x = i
            for _ in 0..<(i % 7 == 0 ? 20_000 : 10) { x = (x &* 31 &+ 7) % 1_000_003 }
            return i
        }
        #expect(mapped == items)
    }
}
