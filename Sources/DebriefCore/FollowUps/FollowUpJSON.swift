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
}
