extension Person {
    /// Everyone in `people` once, in the order first named: the same name (ignoring case and
    /// accents) in two entries is one person, whose level and relation are the first given.
    ///
    /// How the review counts the people met in a week and how habit pitfalls judge them, so
    /// "all 5 people you met this week" and the review's "Met 5 people" always agree.
    public static func distinct(_ people: [Person]) -> [Person] {
        var out: [Person] = []
        var index: [String: Int] = [:]
        for person in people {
            let key = person.name.folded
            if let i = index[key] {
                if out[i].level == nil { out[i].level = person.level }
                if out[i].relation == nil { out[i].relation = person.relation }
            } else {
                index[key] = out.count
                out.append(person)
            }
        }
        return out
    }
}
