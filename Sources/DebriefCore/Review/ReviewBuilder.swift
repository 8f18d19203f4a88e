extension WeeklyReview {
    /// Builds the review of `week` from the journal's entries. Pure: the same inputs give the same
    /// review, which is what makes golden tests and a TUI screen possible.
    ///
    /// - Entries belong to the week of their event's wall-clock day as written (`Timestamp.day`),
    ///   so an event at 23:30 on Sunday in Berlin stays in that week wherever the reader is.
    ///   Entries after the week are ignored entirely: reviewing an old week shows what was known then.
    /// - Each entry's pitfalls are judged as of its own week's Sunday, or today if that is earlier,
    ///   so the trend of past weeks never changes as time passes; habit pitfalls are judged once
    ///   per week over all of that week's reflections. Imported notes are counted apart and never
    ///   judged.
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

    /// The weeks of a trend of `count` weeks (at least 1) ending with `week`, oldest first.
    public static func trendWeeks(ending week: ISOWeek, count: Int) -> [ISOWeek] {
        let n = max(1, count)
        return (0..<n).map { week.adding(weeks: $0 - (n - 1)) }
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
        let known = journal.followUps.filter { $0.eventTime.day <= week.sunday }
        let thisWeek = journal.items.filter { $0.week == week && !$0.entry.isImported }
        let summary = journal.week(week)
        func count(_ id: String, _ w: ISOWeek) -> Int { journal.count(id, in: w) }
        func recurring(_ pitfall: Pitfall, _ w: ISOWeek) -> Bool {
            let now = count(pitfall.id, w)
            let before = count(pitfall.id, w.adding(weeks: -1))
            return now >= 1 && (before >= 1 || (pitfall.scope == .event && now >= 2))
        }

        let trendWeeks = Self.trendWeeks(ending: week, count: weeks)

        var pitfalls: [PitfallLine] = []
        var progress: [ProgressLine] = []
        var advice: [String: String] = [:]
        for pitfall in catalog.pitfalls {
            var streak = 0
            var w = week
            while journal.shows(pitfall.id, in: w) {
                streak += 1
                w = w.adding(weeks: -1)
            }
            let reasons: [Reason]
            let unjudged: Int
            let involved: Int
            switch pitfall.scope {
            case .event:
                reasons = thisWeek.compactMap { item in
                    guard let flag = item.flags.first(where: { $0.pitfallID == pitfall.id }) else { return nil }
                    let e = item.entry
                    return Reason(entry: Source(id: e.id, title: e.title, day: e.eventTime.day), texts: flag.reasons)
                }
                unjudged = thisWeek.filter { $0.judgement.unjudged(pitfall.id) != nil }.count
                involved = reasons.count
            case .week:
                let flag = summary.habits.flags.first { $0.pitfallID == pitfall.id }
                reasons = flag.map { [Reason(entry: nil, texts: $0.reasons)] } ?? []
                unjudged = 0
                involved = flag == nil ? 0 : thisWeek.count
            }
            // A signal's own title and advice when every flag of the week agrees on them (a
            // week of single generic messages); otherwise the pitfall's, which covers them all.
            let weekFlags: [PitfallFlag] = switch pitfall.scope {
            case .event: thisWeek.compactMap { item in item.flags.first { $0.pitfallID == pitfall.id } }
            case .week: summary.habits.flags.filter { $0.pitfallID == pitfall.id }
            }
            let titles = Set(weekFlags.map { catalog.title(of: $0) })
            let insteads = Set(weekFlags.map { catalog.instead(of: $0) })
            let title = titles.count == 1 ? titles.first ?? pitfall.title : pitfall.title
            advice[pitfall.id] = insteads.count == 1 ? insteads.first ?? pitfall.instead : pitfall.instead
            let notJudged = switch pitfall.scope {
            case .event: !thisWeek.isEmpty && thisWeek.allSatisfy { $0.judgement.unjudged(pitfall.id).map { !$0.inPart } ?? false }
            case .week: summary.habits.unjudged(pitfall.id) != nil
            }
            let line = PitfallLine(
                id: pitfall.id, title: title, name: pitfall.name, scope: pitfall.scope,
                count: count(pitfall.id, week), recurring: recurring(pitfall, week), streak: streak,
                trend: trendWeeks.map { count(pitfall.id, $0) }, reasons: reasons, unjudged: unjudged,
                notJudged: notJudged, involved: involved
            )
            pitfalls.append(line)
            // Progress needs a week with reflections that judged it: a week without events, or
            // one whose reflections could not say, avoids nothing.
            let judged = pitfall.scope == .event ? unjudged < thisWeek.count : summary.habits.unjudged(pitfall.id) == nil
            if !thisWeek.isEmpty, judged, line.count == 0,
               let last = trendWeeks.dropLast().last(where: { recurring(pitfall, $0) }) {
                progress.append(ProgressLine(id: pitfall.id, title: pitfall.title, lastRecurring: last))
            }
        }
        let order = Dictionary(catalog.pitfalls.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        pitfalls.sort { a, b in
            if a.streak != b.streak { return a.streak > b.streak }
            if a.involved != b.involved { return a.involved > b.involved }
            return (order[a.id] ?? 0) < (order[b.id] ?? 0)
        }
        // The focus rule (``focusRule``): of the pitfalls this week showed, the one seen most over
        // the last four weeks, this week's reflections counting double; then the longer streak,
        // the more reflections involved, the catalog's order.
        let window = (0..<focusWeeks).map { week.adding(weeks: -$0) }
        func seen(_ line: PitfallLine) -> Int { window.map { count(line.id, $0) }.reduce(0, +) }
        let focusLine = pitfalls.filter { $0.count > 0 }.min { a, b in
            let (sa, sb) = (seen(a) + a.count, seen(b) + b.count)
            if sa != sb { return sa > sb }
            if a.streak != b.streak { return a.streak > b.streak }
            if a.involved != b.involved { return a.involved > b.involved }
            return (order[a.id] ?? 0) < (order[b.id] ?? 0)
        }
        let focus = focusLine?.id
        let focusWhy = focusLine.map { line in
            FocusWhy(seen: seen(line),
                     outOf: line.scope == .event ? window.map { journal.week($0).reflections }.reduce(0, +)
                         : window.filter { journal.week($0).reflections > 0 }.count,
                     thisWeek: line.count, scope: line.scope)
        }
        let focusAdvice = focusLine.map { Advice(id: $0.id, title: $0.title, instead: advice[$0.id] ?? "") }

        let lines = thisWeek.map { item in
            EntryLine(id: item.entry.id, title: item.entry.title, day: item.entry.eventTime.day,
                      writtenWithin24Hours: item.entry.created.seconds - item.entry.eventTime.seconds <= 86_400)
        }
        return WeeklyReview(
            week: week,
            asOf: asOf,
            asOfIsToday: asOf == today,
            trendWeeks: trendWeeks,
            trendReflections: trendWeeks.map { journal.week($0).reflections },
            entries: lines,
            imported: summary.imported,
            writtenWithin24Hours: lines.filter(\.writtenWithin24Hours).count,
            pitfalls: pitfalls,
            focus: focus,
            focusAdvice: focusAdvice,
            focusWhy: focusWhy,
            unjudged: unjudgedGroups(thisWeek, catalog: catalog),
            unjudgedHabits: summary.habits.unjudged.map(\.pitfallID),
            progress: progress,
            followUps: followUps(known, week: week, asOf: asOf),
            people: people(thisWeek.map(\.entry), catalog: catalog, cold: coldPeople),
            advice: (focusAdvice.map { [$0] } ?? []) + pitfalls.filter { $0.recurring && $0.id != focus }.map { line in
                Advice(id: line.id, title: line.title, instead: advice[line.id] ?? "")
            }
        )
    }

    /// The week's reflections by flow (in the order first written) with the event pitfalls that
    /// could not be judged for them: not at all, or only in part or for some of them.
    static func unjudgedGroups(_ items: [FlaggedJournal.Item], catalog: Catalog) -> [UnjudgedGroup] {
        var flows: [String] = []
        var byFlow: [String: [FlaggedJournal.Item]] = [:]
        for item in items {
            let flow = item.entry.flow ?? "full"
            if byFlow[flow] == nil { flows.append(flow) }
            byFlow[flow, default: []].append(item)
        }
        return flows.compactMap { flow in
            let group = byFlow[flow] ?? []
            var notJudged: [String] = []
            var inPart: [String] = []
            for pitfall in catalog.pitfalls where pitfall.scope == .event {
                let states = group.map { $0.judgement.unjudged(pitfall.id) }
                guard states.contains(where: { $0 != nil }) else { continue }
                if states.allSatisfy({ $0?.inPart == false }) { notJudged.append(pitfall.id) } else { inPart.append(pitfall.id) }
            }
            guard !notJudged.isEmpty || !inPart.isEmpty else { return nil }
            return UnjudgedGroup(flow: flow, reflections: group.count, notJudged: notJudged, inPart: inPart)
        }
    }

    /// `items`: the follow-ups of the entries up to the week's end, in the journal's order (those
    /// done before the week may be left out: they show nowhere).
    static func followUps(_ items: [FollowUpItem], week: ISOWeek, asOf: Day) -> FollowUps {
        var result = FollowUps(done: [], open: [], overdue: [])
        for action in items {
            var line = FollowUpLine(entryID: action.entryID, n: action.n, entryTitle: action.entryTitle, entryDay: action.eventTime.day,
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
        let far = Day(ordinal: Int.max / 4)
        result.done.sort { ($0.done ?? far, $0.entryDay) < ($1.done ?? far, $1.entryDay) }
        result.open.sort { ($0.due ?? far, $0.entryDay) < ($1.due ?? far, $1.entryDay) }
        result.overdue.sort { ($0.due ?? far, $0.entryDay) < ($1.due ?? far, $1.entryDay) }
        return result
    }

    static func people(_ entries: [Entry], catalog: Catalog, cold: [String]) -> PeopleThisWeek {
        let met = Person.distinct(entries.flatMap(\.people)).map { Contact(name: $0.name, level: $0.level, relation: $0.relation) }
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
