import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` split over the cores, in order, for per-entry work on whole journals (judging the
    /// pitfalls of 10,000 entries, rendering them). Small arrays are mapped in place.
    public func concurrentMap<T: Sendable>(minimum: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard count >= minimum, workers > 1 else { return map(transform) }
        let chunk = (count + workers - 1) / workers
        let parts = Mutex([[T]](repeating: [], count: workers))
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let lower = w * chunk, upper = Swift.min(count, lower + chunk)
                guard lower < upper else { return }
                let part = self[lower..<upper].map(transform)
                parts.withLock { $0[w] = part }
            }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }
}
