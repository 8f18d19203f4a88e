/// One ISO week of reflections turned into habits to keep and habits to change: a pure value, so
/// the terminal text, the Markdown, the JSON and (later) a TUI screen all render the same review.
///
/// Built by `WeeklyReview.make`; see there for how each number is defined.
public struct WeeklyReview: Equatable, Sendable {
    public var week: ISOWeek
    public var start: Day { week.monday }
    public var end: Day { week.sunday }
    /// The day follow-ups and overdue flags are judged on: the week's Sunday, or today while the
    /// week is still running. A finished week's review therefore never changes.
    public var asOf: Day
    /// The weeks of the trend, oldest first, ending with `week`.
    public var trendWeeks: [ISOWeek]
    /// This week's entries, oldest first.
    public var entries: [EntryLine]
    /// How many of them were written within 24 hours of the event (`created − date ≤ 24 h`, in
    /// real elapsed time, so a clock change in between does not stretch the day).
    public var writtenWithin24Hours: Int
    /// Every catalog pitfall, most frequent this week first (ties: longer streak, then catalog order).
    public var pitfalls: [PitfallLine]
    public var progress: [ProgressLine]
    public var followUps: FollowUps
    public var people: PeopleThisWeek
    /// What to do instead, for every recurring pitfall, in the order of `pitfalls`.
    public var advice: [Advice]

    public var isEmpty: Bool { entries.isEmpty }
    /// True while the week has not ended yet (asOf is before Sunday).
    public var inProgress: Bool { asOf < end }

    /// An entry of the week, as the review names it.
    public struct EntryLine: Equatable, Sendable {
        public var id: String
        public var title: String
        /// The event's wall-clock day, as written.
        public var day: Day
        public var writtenWithin24Hours: Bool
    }

    /// One pitfall over the week and the trend.
    public struct PitfallLine: Equatable, Sendable {
        public var id: String
        public var title: String
        /// In how many of this week's entries it shows.
        public var count: Int
        /// Flagged in two or more of this week's entries, or in this week and the week before.
        public var recurring: Bool
        /// Consecutive weeks flagged, ending this week (0 when not flagged this week).
        public var streak: Int
        /// Entries flagged per week over `trendWeeks`, oldest first.
        public var trend: [Int]
        /// This week's reasons, one per flagged entry and reason, in entry order.
        public var reasons: [Reason]
    }

    /// Why an entry of this week shows a pitfall.
    public struct Reason: Equatable, Sendable {
        public var entryID: String
        public var entryTitle: String
        public var entryDay: Day
        public var text: String
    }

    /// A pitfall that recurred before and did not show this week.
    public struct ProgressLine: Equatable, Sendable {
        public var id: String
        public var title: String
        /// The latest earlier week in the trend in which it was recurring.
        public var lastRecurring: ISOWeek
    }

    /// One follow-up action with the entry it came from.
    public struct FollowUpLine: Equatable, Sendable {
        public var entryID: String
        public var entryTitle: String
        public var entryDay: Day
        public var who: String
        public var action: String
        public var due: Day?
        public var done: Day?
        /// The due date before the first postponement, and how often it was pushed back.
        public var firstDue: Day?
        public var postponed: Int
    }

    public struct FollowUps: Equatable, Sendable {
        /// Done during this week (whatever week their entry is from), by done day.
        public var done: [FollowUpLine]
        /// Not done as of `asOf` and not late yet, soonest due first (no due date last).
        public var open: [FollowUpLine]
        /// Not done as of `asOf` and due before it, longest late first.
        public var overdue: [FollowUpLine]
    }

    /// Someone met this week (the same name in two entries counts once).
    public struct Contact: Equatable, Sendable {
        public var name: String
        public var level: String?
        public var relation: String?
    }

    public struct PeopleThisWeek: Equatable, Sendable {
        /// In the order first met.
        public var met: [Contact]
        /// Relation `new`.
        public var new: Int
        /// Relation `existing`.
        public var existing: Int
        /// People per level: every catalog level in order (zero included, so scripts see the
        /// same keys each week), then any other level written by hand. People without a level
        /// are not counted here.
        public var levels: [(level: String, count: Int)]
        /// People the user knows who have gone quiet, to suggest a catch-up (filled by the caller).
        public var cold: [String]

        public static func == (lhs: PeopleThisWeek, rhs: PeopleThisWeek) -> Bool {
            lhs.met == rhs.met && lhs.new == rhs.new && lhs.existing == rhs.existing && lhs.cold == rhs.cold
                && lhs.levels.map(\.level) == rhs.levels.map(\.level) && lhs.levels.map(\.count) == rhs.levels.map(\.count)
        }
    }

    public struct Advice: Equatable, Sendable {
        public var id: String
        public var title: String
        public var instead: String
    }
}
