#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Phase timestamps for `DEBRIEF_TRACE=FILE`, in the spirit of `vim --startuptime`: each line
/// is the milliseconds since the process started, the milliseconds since the previous line, and
/// what was reached ("index: 10000 files checked, 3 read"). Off (one atomic load) unless the
/// executable opened a file at start.
public enum Trace {
    private static let file = Mutex<Int32>(-1)
    private static let enabled = Atomic<Bool>(false)
    private static let last = Mutex<Double>(0)

    /// Starts writing to `path` (appending, so several runs can share a file).
    public static func start(path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        file.withLock { $0 = fd }
        enabled.store(true, ordering: .releasing)
        mark("start: \(CommandLine.arguments.dropFirst().joined(separator: " "))")
    }

    public static var isOn: Bool { enabled.load(ordering: .acquiring) }

    /// Records that `phase` was reached, unless tracing is off.
    public static func mark(_ phase: @autoclosure () -> String) {
        guard isOn else { return }
        let now = sinceStart()
        let previous = last.withLock { p in
            defer { p = now }
            return p
        }
        let line = String(format: "%9.3f %9.3f  ", now, now - previous) + phase() + "\n"
        file.withLock { fd in
            guard fd >= 0 else { return }
            var bytes = Array(line.utf8)
            _ = write(fd, &bytes, bytes.count)
        }
    }

    /// Milliseconds since the process started (from /proc/self/stat's start time on Linux, so the
    /// dynamic loader's work counts too; else since the first call).
    private static func sinceStart() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let now = Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
        return now - processStart
    }

    private static let processStart: Double = {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let fallback = Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
        #if os(Linux)
        // Field 22 of /proc/self/stat: start time in clock ticks since boot (CLOCK_MONOTONIC's origin, near enough).
        guard let f = fopen("/proc/self/stat", "r") else { return fallback }
        defer { fclose(f) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, Int32(buffer.count), f) != nil else { return fallback }
        let text = String(cString: buffer)
        guard let close = text.lastIndex(of: ")") else { return fallback }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return fallback }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let boot = ticks / hz * 1000
        return boot <= fallback ? boot : fallback
        #else
        return fallback
        #endif
    }()
}
