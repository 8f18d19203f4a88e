/// The JSON shape of a follow-up action for scripts: `debrief followups --format json` and the
/// `open_follow_ups` of `debrief people --format json`.
extension FollowUpItem {
    /// `entry`, `title`, `n`, `who`, `action`, `due` and `done` (null while open, like `due`
    /// when there is none), `first_due` (null until first postponed) and `postponed` (a count).
    public var json: JSONValue {
        .object([
            ("entry", .string(entryID)),
            ("title", .string(entryTitle)),
            ("n", .number(n)),
            ("who", .string(who)),
            ("action", .string(action)),
            ("due", .optional(due?.iso)),
            ("done", .optional(done?.iso)),
            ("first_due", .optional(firstDue?.iso)),
            ("postponed", .number(postponed)),
        ])
    }
}
