/// The JSON shape of a person for scripts: `debrief people --format json`.
extension PersonSummary {
    /// `name`, `met`, `first_met`, `last_met`, `last_mentioned`, `level`, `relation`,
    /// `open_follow_ups` (the actions, as `debrief followups` prints them), `notes` (newest first,
    /// each with its entry), `entries` (the ids of the entries listing them, newest first),
    /// `mentioned` (how many entries mention them without listing them) and `mentions` (those
    /// entries, newest first: `entry`, `date`, `title`, `line` of context and `imported`).
    public var json: JSONValue {
        .object([
            ("name", .string(name)),
            ("met", .number(met)),
            ("first_met", .string(firstMet.iso)),
            ("last_met", .string(lastMet.iso)),
            ("last_mentioned", .string(lastMentioned.iso)),
            ("level", .optional(level)),
            ("relation", .optional(relation)),
            ("open_follow_ups", .array(openFollowUps.map(\.json))),
            ("notes", .array(notes.map { note in
                .object([("entry", .string(note.entryID)), ("date", .string(note.day.iso)), ("note", .string(note.text))])
            })),
            ("entries", .array(entryIDs.map { .string($0) })),
            ("mentioned", .number(mentions.count)),
            ("mentions", .array(mentions.map { m in
                .object([("entry", .string(m.entryID)), ("date", .string(m.day.iso)), ("title", .string(m.entryTitle)),
                         ("line", .string(m.line)), ("imported", .bool(m.imported))])
            })),
        ])
    }
}
