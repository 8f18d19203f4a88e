/// What the catalog's conditions are evaluated against: one entry, or one week's reflections.
///
/// Over a week, a list answer is the week's rows taken together (the people met that week, each
/// once), and any other test holds when it holds for some reflection of the week ("some
/// reflection answers yes to having caught up with someone"). Every prompt is read only where
/// the entry's flow asked it (``Catalog/asked(_:in:)``); elsewhere it is unknown.
///
/// A class: `all`/`any` evaluate their parts in closures that hold the subject, and copying a
/// value holding an entry and the catalog into each retained and released what they hold (a
/// tenth of judging 10,000 entries: `Detector.flags` in `list --format json`, 849 M
/// instructions as a struct, 759 M as a class).
final class Subject {
    private enum Kind {
        case entry(Entry)
        case week([Entry])
    }

    private let kind: Kind
    private let catalog: Catalog
    /// A week's rows per prompt, merged once: a week is asked about its people by several
    /// conditions, and merging them by folded name each time was a fifth of judging every week
    /// of a journal (`debrief review` with nothing remembered, ``WeekTally``).
    private var merged: [String: (rows: Rows, complete: Bool)?] = [:]

    init(entry: Entry, catalog: Catalog) {
        kind = .entry(entry)
        self.catalog = catalog
    }

    init(week reflections: [Entry], catalog: Catalog) {
        kind = .week(reflections)
        self.catalog = catalog
    }

    func evaluate(_ condition: Condition, asOf: Day) -> Verdict {
        switch condition {
        case .all(let parts):
            return .all(parts.lazy.map { self.evaluate($0, asOf: asOf) })
        case .any(let parts):
            return .any(parts.lazy.map { self.evaluate($0, asOf: asOf) })
        case .not(let part):
            return evaluate(part, asOf: asOf).negated
        case .count(let id, _, _, _), .every(let id, _, _):
            return list(condition, id)
        case .unfollowed(let people, let followUps, let filter):
            switch kind {
            case .entry(let entry): return Self.unfollowed(entry, people, followUps, filter, catalog)
            case .week(let entries): return .any(entries.lazy.map { Self.unfollowed($0, people, followUps, filter, self.catalog) })
            }
        default:
            switch kind {
            case .entry(let entry): return Self.answer(condition, entry, catalog, asOf)
            case .week(let entries): return .any(entries.lazy.map { Self.answer(condition, $0, self.catalog, asOf) })
            }
        }
    }

    // MARK: - List answers

    /// A list condition over the rows known: one entry's, or the week's merged. When some of the
    /// week's reflections did not ask the prompt, only what more rows could not change is kept.
    private func list(_ condition: Condition, _ id: String) -> Verdict {
        let rows: Rows
        let complete: Bool
        switch kind {
        case .entry(let entry):
            guard catalog.asked(id, in: entry) else { return .unknown }
            rows = Rows(entry[id])
            complete = true
        case .week(let entries):
            let week: (rows: Rows, complete: Bool)?
            if let known = merged[id] {
                week = known
            } else {
                let asked = entries.filter { catalog.asked(id, in: $0) }
                week = asked.isEmpty ? nil : (Rows(merging: asked.map { $0[id] }), asked.count == entries.count)
                merged[id] = week
            }
            guard let week else { return .unknown }
            (rows, complete) = week
        }
        let verdict = Self.test(condition, rows)
        guard !complete else { return verdict }
        switch (condition, verdict) {
        case (.count(_, _, _, nil), .holds): return verdict
        case (.count(_, _, _, let hi?), .fails) where rows.count(condition) > hi: return verdict
        case (.every, .fails) where !rows.people.isEmpty: return verdict
        default: return .unknown
        }
    }

    private static func test(_ condition: Condition, _ rows: Rows) -> Verdict {
        switch condition {
        case .count(_, _, let lo, let hi):
            let n = rows.count(condition)
            if let lo, n < lo { return .fails }
            if let hi, n > hi { return .fails }
            return .holds(.init(value: String(n), threshold: (lo ?? hi).map(String.init)))
        case .every(_, let field, let values):
            guard !rows.people.isEmpty else { return .fails }
            let all = rows.people.allSatisfy { person in Rows.field(field, of: person).map { values.contains($0) } ?? false }
            return .from(all, .init(value: String(rows.people.count)))
        default:
            return .fails
        }
    }

    /// The rows of a list answer: people (merged by name over a week) or just how many.
    private struct Rows {
        var people: [Person] = []
        var others = 0

        init(_ answer: Answer?) {
            switch answer {
            case .people(let p)?: people = p
            case .followUps(let f)?: others = f.count
            case .tags(let t)?: others = t.count
            default: break
            }
        }

        init(merging answers: [Answer?]) {
            let parts = answers.map(Rows.init)
            people = Person.distinct(parts.flatMap(\.people))
            others = parts.map(\.others).reduce(0, +)
        }

        /// How many rows the condition counts: all, or those its filter matches.
        func count(_ condition: Condition) -> Int {
            guard case .count(_, let filter?, _, _) = condition else { return people.count + others }
            return people.filter { p in Rows.field(filter.field, of: p).map { filter.values.contains($0) } ?? false }.count
        }

        static func field(_ name: String, of person: Person) -> String? {
            name == "level" ? person.level : name == "relation" ? person.relation : nil
        }
    }

    // MARK: - Each person followed up

    /// The people of `entry` (those `filter` keeps) whom no follow-up row names in its `who`
    /// (their full name, folded, on word boundaries: "Ana" is not named by "Anastasia"), listed
    /// as the evidence. Unknown when the entry's flow asked neither list.
    private static func unfollowed(_ entry: Entry, _ peopleID: String, _ followUpsID: String, _ filter: RowFilter?,
                                   _ catalog: Catalog) -> Verdict {
        guard catalog.asked(peopleID, in: entry), catalog.asked(followUpsID, in: entry) else { return .unknown }
        let people = (entry[peopleID]?.people ?? []).filter { p in
            filter.map { f in Rows.field(f.field, of: p).map { f.values.contains($0) } ?? false } ?? true
        }
        guard !people.isEmpty else { return .fails }
        // Each `who` cut into words once, not once per person (``MentionFinder/text(_:names:)``).
        let whos = (entry[followUpsID]?.followUps ?? []).map { MentionFinder.shortTextWords($0.who) }
        let missed = Person.distinct(people).filter { p in
            let name = MentionFinder.nameWords(p.name)
            return !whos.contains { MentionFinder.words(name, standIn: $0) }
        }.map(\.name)
        return .from(!missed.isEmpty, .init(value: ReviewWords.series(missed)))
    }

    // MARK: - One answer of one entry

    private static func answer(_ condition: Condition, _ entry: Entry, _ catalog: Catalog, _ asOf: Day) -> Verdict {
        guard let id = condition.firstPromptID else { return .fails }
        guard let answer = entry[id] else {
            // Absent: asked and left empty, so every test but `missing` fails; or never asked.
            guard catalog.asked(id, in: entry) else { return .unknown }
            if case .share = condition { return .unknown }
            if case .missing = condition { return .holds(.init()) }
            return .fails
        }
        switch condition {
        case .missing:
            return .fails
        case .share(_, let wholeID, let n):
            // Both numbers or no verdict: a count left empty, or more generic messages than were
            // sent, says nothing either way.
            guard catalog.asked(wholeID, in: entry), let whole = entry[wholeID]?.number, whole > 0,
                  let part = answer.number, part <= whole else { return .unknown }
            return .from(part * 100 >= n * whole, .init(value: "\(part) of \(whole)", threshold: "\(n)%"))
        case .equals(_, let expected):
            guard let value = describe(answer) else { return .fails }
            return .from(same(value, expected), .init(value: value))
        case .oneOf(_, let options):
            guard let value = describe(answer) else { return .fails }
            return .from(options.contains { same(value, $0) }, .init(value: value))
        case .atLeast(_, let n):
            guard let v = answer.number else { return .fails }
            return .from(v >= n, .init(value: String(v), threshold: String(n)))
        case .atMost(_, let n):
            guard let v = answer.number else { return .fails }
            return .from(v <= n, .init(value: String(v), threshold: String(n)))
        case .overdue:
            let late = (answer.followUps ?? []).filter { action in
                guard let due = action.due, due < asOf else { return false }
                // Done after `asOf` was still open then, so a past week's verdict never changes.
                guard let done = action.done else { return true }
                return done > asOf
            }
            let text = late.map { a in
                AnswerText.task(who: a.who, action: a.action) + (a.due.map { " (due \($0.iso))" } ?? "")
            }.joined(separator: "; ")
            return .from(!late.isEmpty, .init(value: text))
        default:
            return .fails
        }
    }

    static func describe(_ answer: Answer) -> String? {
        switch answer {
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return String(n)
        case .choice(let s), .text(let s): return s
        default: return nil
        }
    }

    /// Equal texts fold alike, so those (most answers a rule compares: "yes" with "yes") are
    /// not folded.
    static func same(_ a: String, _ b: String) -> Bool { a == b || a.folded == b.folded }
}
