extension WeeklyReview {
    /// The review as debrief shows it, on the command line and on the review screen alike, so the
    /// two can never disagree: ``make(flagged:catalog:week:weeks:clock:coldPeople:)`` over the whole
    /// journal, plus up to three people to reconnect with when the week neglected the existing
    /// network.
    ///
    /// `journal` must hold every entry, not just the week's: open and overdue follow-ups and streaks
    /// reach back. Cold contacts are judged as of the review's own day (`asOf`), from entries up to
    /// that day, so a past week's review never changes, and with the same `coldDays` as the cold
    /// list (the user's setting: state file, config `cold-days`, else the default), so the review
    /// never calls someone cold whom `debrief people --cold` does not list.
    ///
    /// With `calendar` (the calendars' instances over the trend's weeks), the review has its
    /// calendar part (``CalendarWeek``).
    ///
    /// `coldNames`: the people index of the entries up to a day, when `journal`'s entries are
    /// reduced to what the review reads (``ReviewFacts``), which leaves out the text mentions
    /// are found in (``JournalStore/peopleIndex(upTo:)``); nil: built from `journal`'s entries.
    public static func make(journal: FlaggedJournal, catalog: Catalog, week: ISOWeek, weeks: Int, clock: Clock,
                            coldDays: Int = PeopleIndex.defaultColdDays, calendar: CalendarInput? = nil,
                            coldNames peopleUpTo: ((Day) -> PeopleIndex)? = nil) -> WeeklyReview {
        var review = make(flagged: journal, catalog: catalog, week: week, weeks: weeks, clock: clock)
        if let calendar {
            review.calendar = CalendarWeek.make(calendar, entries: journal.items.map(\.entry), trendWeeks: review.trendWeeks,
                                                now: Int(clock.now().timeIntervalSince1970))
        }
        if review.pitfalls.contains(where: { $0.id == "ignoring-existing-network" && $0.count > 0 }) {
            if let peopleUpTo {
                review.people.cold = peopleUpTo(review.asOf).coldNames(asOf: review.asOf, days: coldDays)
            } else {
                let known = journal.items.map(\.entry).filter { $0.eventTime.day <= review.asOf }
                review.people.cold = PeopleIndex.coldNames(in: known, asOf: review.asOf, days: coldDays)
            }
        }
        return review
    }
}
