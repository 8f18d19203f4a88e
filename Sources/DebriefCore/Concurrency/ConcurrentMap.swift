import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` split over the cores, in order, for per-entry work on whole journals (judging the
    /// pitfalls of 10,000 entries, rendering them). Small arrays are mapped in place.
    ///
    /// Each core takes the next few elements as soon as it is done with its last ones, rather than
    /// a fixed half: the other threads of a command (doctor's full-text check and column
    /// comparison, the walk's second thread) run alongside on the same two cores, so a fixed half
    /// on a shared core finished late while the other core waited for it at the end of every part.
    public func concurrentMap<T: Sendable>(minimum: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let workers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8)
        guard count >= minimum, workers > 1 else { return map(transform) }
        // About sixteen slices a core: few enough that taking one costs nothing next to mapping
        // it, many enough that the last one taken is short.
        let slice = Swift.max(1, count / (workers * 16))
        let next = Mutex(0)
        let parts = Mutex([(lower: Int, mapped: [T])]())
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var mine: [(lower: Int, mapped: [T])] = []
                while true {
                    let lower = next.withLock { taken in
                        defer { taken += slice }
                        return taken
                    }
                    guard lower < count else { break }
                    mine.append((lower, self[lower..<Swift.min(count, lower + slice)].map(transform)))
                }
                parts.withLock { $0 += mine }
            }
        }
        return parts.withLock { parts in
            parts.sort { $0.lower < $1.lower }
            var out: [T] = []
            out.reserveCapacity(count)
            for part in parts { out += part.mapped }
            return out
        }
    }
}
