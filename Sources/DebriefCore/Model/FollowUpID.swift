extension FollowUp {
    /// The letters of a follow-up id: lowercase, no look-alikes (no l, o, 0, 1), safe in a file
    /// name, a URL and a calendar UID.
    static let idAlphabet = Array("abcdefghijkmnpqrstuvwxyz23456789".unicodeScalars)

    /// An eight-letter id (40 bits) derived from where and what the follow-up is when it is first
    /// written: the entry's id at that moment, the row's position, who and what. The entry id is
    /// unique in the journal when the row is written, so two follow-ups never share an id by
    /// accident; derived rather than random, so the same input writes the same file in tests.
    /// It is computed once and then stored, so a later rename or reorder does not change it.
    static func makeID(entryID: String, position: Int, who: String, action: String, attempt: Int) -> String {
        var hash = Fingerprint(of: Array("\(entryID)\u{1F}\(position)\u{1F}\(who)\u{1F}\(action)\u{1F}\(attempt)".utf8)).hash
        var id = String.UnicodeScalarView()
        for _ in 0..<8 {
            id.append(idAlphabet[Int(hash & 31)])
            hash >>= 5
        }
        return String(id)
    }
}

extension Entry {
    /// The entry with an id on every follow-up that has none (see ``FollowUp/id``), leaving the
    /// ids already there as they are. Called where a row is first written: a new entry
    /// (`JournalStore.create`) and the guided edit's save. Row edits such as `done` never call it,
    /// so they change only their own lines.
    public func assigningFollowUpIDs() -> Entry {
        var actions = followUps
        guard actions.contains(where: { $0.id == nil }) else { return self }
        var taken = Set(actions.compactMap(\.id))
        for i in actions.indices where actions[i].id == nil {
            var attempt = 0
            var id: String
            repeat {
                id = FollowUp.makeID(entryID: self.id, position: i, who: actions[i].who, action: actions[i].action, attempt: attempt)
                attempt += 1
            } while taken.contains(id)
            taken.insert(id)
            actions[i].id = id
        }
        var entry = self
        entry["follow-ups"] = .followUps(actions)
        return entry
    }
}
