extension WeeklyReview {
    /// The review as debrief shows it, on the command line and on the review screen alike, so the
    /// two can never disagree: ``make(flagged:catalog:week:weeks:clock:coldPeople:)`` over the whole
    /// journal, plus up to three people to reconnect with when the week neglected the existing
    /// network.
    ///
    /// `journal` must hold every entry judged (``FlaggedJournal/init(entries:catalog:clock:)``),
    /// not just the week's: open and overdue follow-ups and streaks reach back. Cold contacts are
    /// judged as of the review's own day (`asOf`), from entries up to that day, so a past week's
    /// review never changes, and with the same `coldDays` as the cold list (the user's setting:
    /// state file, config `cold-days`, else the default), so the review never calls someone cold
    /// whom `debrief people --cold` does not list.
    ///
    /// With `calendar` (the calendars' instances over the trend's weeks), the review has its
    /// calendar part (``CalendarWeek``).
    public static func make(journal: FlaggedJournal, catalog: Catalog, week: ISOWeek, weeks: Int, clock: Clock,
                            coldDays: Int = PeopleIndex.defaultColdDays, calendar: CalendarInput? = nil) -> WeeklyReview {
        let review = make(flagged: journal, catalog: catalog, week: week, weeks: weeks, clock: clock)
        return completed(review, from: ReviewSource(entries: journal.entries), clock: clock, coldDays: coldDays, calendar: calendar)
    }

    /// The review as debrief shows it (the same as ``make(journal:catalog:week:weeks:clock:coldDays:calendar:)``
    /// over the whole journal), reading from `source` only what it shows: the judged weeks'
    /// entries and a streak's (``FlaggedJournal/forReview(of:catalog:clock:week:weeks:)``), the
    /// follow-ups not done before the week, the cold contacts when the week neglected the
    /// existing network, and every entry only for the calendar part (matching an event may take
    /// a reflection of any day by its event key).
    public static func make(source: ReviewSource, catalog: Catalog, week: ISOWeek, weeks: Int, clock: Clock,
                            coldDays: Int = PeopleIndex.defaultColdDays, calendar: CalendarInput? = nil) -> WeeklyReview {
        let journal = FlaggedJournal.forReview(of: source, catalog: catalog, clock: clock, week: week, weeks: weeks)
        Trace.mark("review: judged \(journal.items.count) entries")
        let review = make(flagged: journal, catalog: catalog, week: week, weeks: weeks, clock: clock)
        return completed(review, from: source, clock: clock, coldDays: coldDays, calendar: calendar)
    }

    /// `review` with its calendar part and, when the week neglected the existing network, the
    /// cold contacts.
    private static func completed(_ review: WeeklyReview, from source: ReviewSource, clock: Clock, coldDays: Int,
                                  calendar: CalendarInput?) -> WeeklyReview {
        var review = review
        if let calendar {
            review.calendar = CalendarWeek.make(calendar, entries: source.entries(source.order()), trendWeeks: review.trendWeeks,
                                                now: Int(clock.now().timeIntervalSince1970))
        }
        if review.pitfalls.contains(where: { $0.id == "ignoring-existing-network" && $0.count > 0 }) {
            review.people.cold = source.coldNames(asOf: review.asOf, days: coldDays)
        }
        return review
    }
}
