/// The JSON shape of a follow-up action for scripts: `debrief followups --format json` and the
/// `open_follow_ups` of `debrief people --format json`.
extension FollowUpItem {
    /// `entry`, `title`, `n`, `who`, `action`, `due` and `done` (null while open, like `due`
    /// when there is none), `first_due` (null until first postponed) and `postponed` (a count).
    ///
    /// Written straight into the writer, no ``JSONValue`` between: `followups --all --format json`
    /// at 10,000 entries writes 15,000 of these, and building and releasing a tree for each was
    /// more than the text itself.
    public func json(into writer: inout JSONWriter) {
        writer.object { w in
            w.field("entry", entryID)
            w.field("title", entryTitle)
            w.field("n", n)
            w.field("who", who)
            w.field("action", action)
            w.field("due", day: due)
            w.field("done", day: done)
            w.field("first_due", day: firstDue)
            w.field("postponed", postponed)
        }
    }

    /// Actions as a JSON array, each as ``json(into:)`` writes it.
    public static func json(_ items: [FollowUpItem], into writer: inout JSONWriter) {
        writer.array { w in for item in items { item.json(into: &w) } }
    }

    /// Actions as a JSON array on its own, the same text as ``json(_:into:)`` at the top level,
    /// handed to `part` a run of `run` actions at a time as it is made (each run written on both
    /// cores, ``JSONValue/ArrayWriter``); returns what closes the array. `followups --all --format
    /// json` at 100,000 entries is 41 MB of text: made whole, it and its copy on the way out were
    /// 90 MB of a 309 MB peak.
    public static func json(_ items: [FollowUpItem], run: Int = 2_048, part: ([UInt8]) -> Void) -> String {
        var writer = JSONValue.ArrayWriter()
        let run = max(1, run)
        for start in stride(from: 0, to: items.count, by: run) {
            part(writer.part(Array(items[start..<min(start + run, items.count)])) { $0.json(into: &$1) })
        }
        return writer.end()
    }
}
