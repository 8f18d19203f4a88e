/// The line a screen shows while a long read of the journal runs (a cold index build):
/// `Reading the journal ━━━━━━────── 4096 of 100000 files`, fitted to a width. One wording and
/// one bar for every screen that waits for the journal.
public enum ReadProgressLine {
    /// The line at `width` cells, with a bar of up to 40 cells when there is room for ten.
    public static func text(done: Int, total: Int, width: Int, ascii: Bool = false) -> String {
        let label = "Reading the journal "
        let counts = " \(done) of \(total) files"
        let room = min(40, width - label.count - counts.count)
        guard room >= 10 else { return "Reading the journal…" }
        let bar = ProgressBar(fraction: total > 0 ? Double(done) / Double(total) : 0, ascii: ascii)
        return label + bar.text(width: room) + counts
    }
}
