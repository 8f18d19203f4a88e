extension WeeklyReview {
    /// Builds the review of `week` from the journal's entries. Pure: the same inputs give the same
    /// review, which is what makes golden tests and a TUI screen possible.
    ///
    /// - Entries belong to the week of their event's wall-clock day as written (`Timestamp.day`),
    ///   so an event at 23:30 on Sunday in Berlin stays in that week wherever the reader is.
    ///   Entries after the week are ignored entirely: reviewing an old week shows what was known then.
    /// - Each entry's pitfalls are judged as of its own week's Sunday, or today if that is earlier,
    ///   so the trend of past weeks never changes as time passes.
    /// - Follow-ups come from every entry up to the end of the week, not only this week's: a
    ///   promise from a month ago that is still open is exactly what a Monday review should show.
    ///   They are judged as of `asOf` (the Sunday, or today while the week runs): open means not
    ///   done by `asOf`; overdue means open and due before `asOf` (due that day is not late yet);
    ///   done means done within this week, by `asOf`.
    /// - `weeks` is the length of the trend (at least 1). Streaks look back as far as the journal goes.
    /// - `coldPeople` is passed through for the network section; ``make(journal:catalog:week:weeks:clock:)``
    ///   fills it from the people index the way every screen shows the review.
    public static func make(
        entries: [Entry],
        catalog: Catalog,
        week: ISOWeek,
        weeks: Int,
        clock: Clock,
        coldPeople: [String] = []
    ) -> WeeklyReview {
        make(flagged: FlaggedJournal(entries: entries, catalog: catalog, clock: clock), catalog: catalog,
             week: week, weeks: weeks, clock: clock, coldPeople: coldPeople)
    }

    /// The same review from a journal whose entries are already judged (see ``FlaggedJournal``),
    /// for showing several weeks of one journal.
    public static func make(
        flagged journal: FlaggedJournal,
        catalog: Catalog,
        week: ISOWeek,
        weeks: Int,
        clock: Clock,
        coldPeople: [String] = []
    ) -> WeeklyReview {
        let today = clock.today
        let asOf = min(week.sunday, today)
        let known = journal.items.filter { $0.entry.eventTime.day <= week.sunday }.map(\.entry)
        let thisWeek = journal.items.filter { $0.week == week }.map { (entry: $0.entry, flags: $0.flags) }
        func count(_ id: String, _ w: ISOWeek) -> Int { journal.count(id, in: w) }
        func recurring(_ id: String, _ w: ISOWeek) -> Bool {
            count(id, w) >= 2 || (count(id, w) >= 1 && count(id, w.adding(weeks: -1)) >= 1)
        }

        let n = max(1, weeks)
        let trendWeeks = (0..<n).map { week.adding(weeks: $0 - (n - 1)) }

        var pitfalls: [PitfallLine] = []
        var progress: [ProgressLine] = []
        for pitfall in catalog.pitfalls {
            var streak = 0
            var w = week
            while count(pitfall.id, w) > 0 {
                streak += 1
                w = w.adding(weeks: -1)
            }
            let reasons = thisWeek.flatMap { item in
                item.flags.filter { $0.pitfallID == pitfall.id }.flatMap(\.reasons).map {
                    Reason(entryID: item.entry.id, entryTitle: item.entry.title, entryDay: item.entry.eventTime.day, text: $0)
                }
            }
            pitfalls.append(PitfallLine(
                id: pitfall.id, title: pitfall.title, count: count(pitfall.id, week),
                recurring: recurring(pitfall.id, week), streak: streak,
                trend: trendWeeks.map { count(pitfall.id, $0) }, reasons: reasons
            ))
            // Progress needs a week with reflections: a week without events avoids nothing.
            if !thisWeek.isEmpty, count(pitfall.id, week) == 0,
               let last = trendWeeks.dropLast().last(where: { recurring(pitfall.id, $0) }) {
                progress.append(ProgressLine(id: pitfall.id, title: pitfall.title, lastRecurring: last))
            }
        }
        let order = Dictionary(catalog.pitfalls.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        pitfalls.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if a.streak != b.streak { return a.streak > b.streak }
            return (order[a.id] ?? 0) < (order[b.id] ?? 0)
        }

        let lines = thisWeek.map { item in
            EntryLine(id: item.entry.id, title: item.entry.title, day: item.entry.eventTime.day,
                      writtenWithin24Hours: item.entry.created.seconds - item.entry.eventTime.seconds <= 86_400)
        }
        return WeeklyReview(
            week: week,
            asOf: asOf,
            trendWeeks: trendWeeks,
            entries: lines,
            writtenWithin24Hours: lines.filter(\.writtenWithin24Hours).count,
            pitfalls: pitfalls,
            progress: progress,
            followUps: followUps(known, week: week, asOf: asOf),
            people: people(thisWeek.map(\.entry), catalog: catalog, cold: coldPeople),
            advice: pitfalls.filter(\.recurring).map { line in
                Advice(id: line.id, title: line.title, instead: catalog.pitfall(line.id)?.instead ?? "")
            }
        )
    }

    static func followUps(_ entries: [Entry], week: ISOWeek, asOf: Day) -> FollowUps {
        var result = FollowUps(done: [], open: [], overdue: [])
        for entry in entries {
            for action in entry.followUps {
                var line = FollowUpLine(entryID: entry.id, entryTitle: entry.title, entryDay: entry.eventTime.day,
                                        who: action.who, action: action.action, due: action.due, done: action.done,
                                        firstDue: action.firstDue, postponed: action.postponed)
                if let done = action.done, done <= asOf {
                    if week.contains(done) { result.done.append(line) }
                    continue
                }
                // Done after `asOf` was still open then; a past week's review must not know it.
                line.done = nil
                if let due = action.due, due < asOf {
                    result.overdue.append(line)
                } else {
                    result.open.append(line)
                }
            }
        }
        let far = Day(ordinal: Int.max / 4)
        result.done.sort { ($0.done ?? far, $0.entryDay) < ($1.done ?? far, $1.entryDay) }
        result.open.sort { ($0.due ?? far, $0.entryDay) < ($1.due ?? far, $1.entryDay) }
        result.overdue.sort { ($0.due ?? far, $0.entryDay) < ($1.due ?? far, $1.entryDay) }
        return result
    }

    static func people(_ entries: [Entry], catalog: Catalog, cold: [String]) -> PeopleThisWeek {
        var met: [Contact] = []
        var index: [String: Int] = [:]
        for person in entries.flatMap(\.people) {
            let key = person.name.folded
            if let i = index[key] {
                if met[i].level == nil { met[i].level = person.level }
                if met[i].relation == nil { met[i].relation = person.relation }
            } else {
                index[key] = met.count
                met.append(Contact(name: person.name, level: person.level, relation: person.relation))
            }
        }
        var levelNames = catalog.prompt("people")?.levels ?? []
        for level in met.compactMap(\.level) where !levelNames.contains(level) { levelNames.append(level) }
        return PeopleThisWeek(
            met: met,
            new: met.filter { $0.relation == "new" }.count,
            existing: met.filter { $0.relation == "existing" }.count,
            levels: levelNames.map { level in (level, met.filter { $0.level == level }.count) },
            cold: cold
        )
    }
}
