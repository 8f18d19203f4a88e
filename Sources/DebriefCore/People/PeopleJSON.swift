/// The JSON shape of a person for scripts: `debrief people --format json`.
extension PersonSummary {
    /// `name`, `met`, `first_met`, `last_met`, `last_mentioned`, `level`, `relation`,
    /// `open_follow_ups` (the actions, as `debrief followups` prints them), `notes` (newest first,
    /// each with its entry), `entries` (the ids of the entries listing them, newest first),
    /// `mentioned` (how many entries mention them without listing them) and `mentions` (those
    /// entries, newest first: `entry`, `date`, `title`, `line` of context and `imported`).
    ///
    /// Written straight into the writer, as the follow-ups in it are (``FollowUpItem/json(into:)``).
    public func json(into writer: inout JSONWriter) {
        writer.object { w in
            w.field("name", name)
            w.field("met", met)
            w.field("first_met", day: firstMet)
            w.field("last_met", day: lastMet)
            w.field("last_mentioned", day: lastMentioned)
            w.field("level", level)
            w.field("relation", relation)
            w.key("open_follow_ups")
            FollowUpItem.json(openFollowUps, into: &w)
            w.key("notes")
            w.array { w in
                for note in notes {
                    w.object { w in
                        w.field("entry", note.entryID)
                        w.field("date", day: note.day)
                        w.field("note", note.text)
                    }
                }
            }
            w.field("entries", strings: entryIDs)
            w.field("mentioned", mentions.count)
            w.key("mentions")
            w.array { w in
                for m in mentions {
                    w.object { w in
                        w.field("entry", m.entryID)
                        w.field("date", day: m.day)
                        w.field("title", m.entryTitle)
                        w.field("line", m.line)
                        w.key("imported")
                        w.bool(m.imported)
                    }
                }
            }
        }
    }
}
