/// A row of bars for weekly counts, oldest first: `▁▁▃▁▅▅▆█`, or `__:_=+*#` where the terminal
/// cannot show block characters.
///
/// Bars share one scale across every line they are drawn with (pass the largest count), so a
/// taller bar means more entries whatever the pitfall. Zero is always the lowest bar and any
/// non-zero count is at least one step above it, so a single slip is visible.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    public static func render(_ counts: [Int], scale: Int, unicode: Bool) -> String {
        let bars = unicode ? blocks : ascii
        let top = max(1, scale)
        return String(counts.map { c -> Character in
            guard c > 0 else { return bars[0] }
            let level = Int((Double(min(c, top)) / Double(top) * 7).rounded())
            return bars[max(1, min(7, level))]
        })
    }
}
