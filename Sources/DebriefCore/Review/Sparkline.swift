/// A row of bars for weekly shares, oldest first: `··▃▁▅▅▆█`, or `  :_=+*#` where the terminal
/// cannot show block characters.
///
/// Each bar is a share from 0 to 1 (for a pitfall: the share of that week's reflections that
/// showed it; for a habit judged per week, 1 when the week showed it), so a full bar means the
/// same on every line. Zero is always the lowest bar and any share above zero is at least one
/// step above it, so a single slip is visible. A week without reflections (nil) is a dot, not a
/// low bar: nothing was judged, so it was not a good week either.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    static let noReflections: (unicode: Character, ascii: Character) = ("·", " ")

    public static func render(_ shares: [Double?], unicode: Bool) -> String {
        let bars = unicode ? blocks : ascii
        return String(shares.map { share -> Character in
            guard let share else { return unicode ? noReflections.unicode : noReflections.ascii }
            guard share > 0 else { return bars[0] }
            let level = Int((min(share, 1) * 7).rounded())
            return bars[max(1, min(7, level))]
        })
    }
}
