extension Person {
    /// Everyone in `people` once, in the order first named: the same name (ignoring case and
    /// accents) in two entries is one person, whose level and relation are the first given.
    ///
    /// How the review counts the people met in a week and how habit pitfalls judge them, so
    /// "all 5 people you met this week" and the review's "Met 5 people" always agree.
    public static func distinct(_ people: [Person]) -> [Person] {
        // One person is themselves; an entry's few are found among the names folded so far
        // without hashing them (the pitfall on people nobody follows up with asks for every
        // entry judged: 5,000 instructions an entry through a dictionary).
        guard people.count > 1 else { return people }
        var out: [Person] = []
        var keys: [String] = []
        var index: [String: Int] = [:]
        let few = people.count <= 8
        for person in people {
            let key = person.name.folded
            if let i = few ? keys.firstIndex(of: key) : index[key] {
                if out[i].level == nil { out[i].level = person.level }
                if out[i].relation == nil { out[i].relation = person.relation }
            } else {
                if few { keys.append(key) } else { index[key] = out.count }
                out.append(person)
            }
        }
        return out
    }
}
