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
    /// True when `asOf` is today (the week under review is the current one): only then may the
    /// review say "today".
    public var asOfIsToday: Bool
    /// The weeks of the trend, oldest first, ending with `week`.
    public var trendWeeks: [ISOWeek]
    /// How many reflections each week of the trend has: what a trend bar is a share of.
    public var trendReflections: [Int]
    /// This week's reflections, oldest first. Imported notes are not reflections and are not here.
    public var entries: [EntryLine]
    /// Notes imported from other tools with an event this week: counted apart, never judged.
    public var imported: Int
    /// How many of them were written within 24 hours of the event (`created − date ≤ 24 h`, in
    /// real elapsed time, so a clock change in between does not stretch the day).
    public var writtenWithin24Hours: Int
    /// Every catalog pitfall: those shown this week first, longest streak first (ties: the most
    /// reflections involved, then catalog order), then the rest in catalog order.
    public var pitfalls: [PitfallLine]
    /// The one pitfall to work on next week, by ``focusRule``: of those that showed this week, the
    /// one seen most over the last ``focusWeeks`` weeks.
    public var focus: String?
    /// What to do instead of the focus pitfall, recurring or not.
    public var focusAdvice: Advice?
    /// What the rule counted for the focus, shown as the reason it was picked.
    public var focusWhy: FocusWhy?
    /// This week's reflections, by flow, for which some pitfalls could not be judged.
    public var unjudged: [UnjudgedGroup]
    /// Habit pitfalls that could not be judged for this week as a whole.
    public var unjudgedHabits: [String]
    public var progress: [ProgressLine]
    public var followUps: FollowUps
    public var people: PeopleThisWeek
    /// What to do instead: for the focus first (recurring or not), then for every other recurring
    /// pitfall in the order of `pitfalls`. Every format prints exactly these.
    public var advice: [Advice]
    /// The week's calendar events and their reflections (``CalendarWeek``); nil without calendars.
    public var calendar: CalendarWeek?

    /// How many weeks the focus rule looks at: this week and the three before.
    public static let focusWeeks = 4

    /// The focus rule, in words (every format states it where it shows the focus).
    public static let focusRule = "The focus is the pitfall seen most over the last four weeks, with this week's "
        + "reflections counting double; a longer streak breaks a tie."

    /// "Recurring", defined once: an event pitfall recurs when it showed in two or more of this
    /// week's reflections, or this week and the week before; a habit, this week and the week before.
    public static let recurringMeaning = "Recurring means it showed in two or more of this week's reflections, "
        + "or this week and the week before (a habit: this week and the week before)."

    /// Why the focus was picked: how often the rule saw it.
    public struct FocusWhy: Equatable, Sendable {
        /// Event pitfall: the reflections of the last ``WeeklyReview/focusWeeks`` weeks that showed
        /// it. Habit: the weeks that showed it.
        public var seen: Int
        /// The reflections those weeks hold (event), or the weeks of them with reflections (habit).
        public var outOf: Int
        /// How many of `seen` are this week's.
        public var thisWeek: Int
        public var scope: PitfallScope

        public init(seen: Int, outOf: Int, thisWeek: Int, scope: PitfallScope) {
            self.seen = seen
            self.outOf = outOf
            self.thisWeek = thisWeek
            self.scope = scope
        }
    }

    /// A pitfall's trend as shares from 0 to 1: reflections flagged out of that week's reflections,
    /// or 1/0 for a habit; nil for a week without reflections.
    public func shares(_ line: PitfallLine) -> [Double?] {
        zip(line.trend, trendReflections).map { count, total in
            guard total > 0 else { return nil }
            return line.scope == .week ? Double(min(count, 1)) : Double(count) / Double(total)
        }
    }

    /// The line of the focus pitfall.
    public var focusLine: PitfallLine? { focus.flatMap { id in pitfalls.first { $0.id == id } } }

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
        /// A few words naming it in a sentence (`casual socializing`).
        public var name: String
        /// Judged per entry (event) or per week (habit).
        public var scope: PitfallScope
        /// Event pitfall: in how many of this week's reflections it shows. Habit: 1 when the
        /// week shows it, else 0.
        public var count: Int
        /// Event pitfall: flagged in two or more of this week's reflections, or in this week and
        /// the week before. Habit: flagged in this week and the week before.
        public var recurring: Bool
        /// Consecutive weeks flagged, ending this week (0 when not flagged this week).
        public var streak: Int
        /// Per week over `trendWeeks`, oldest first: reflections flagged (event), or 1/0 (habit).
        public var trend: [Int]
        /// This week's reasons: one per flagged reflection with all its reasons (event), or one
        /// for the week with its evidence (habit).
        public var reasons: [Reason]
        /// This week's reflections for which it could not be judged (event pitfalls only).
        public var unjudged: Int
        /// Not judged at all this week: for none of its reflections, not even in part (event), or
        /// not for the week as a whole (habit). The review says so instead of "not seen".
        public var notJudged: Bool
        /// The reflections behind this week's flag: those flagged (event), or all of the week's
        /// reflections (habit). Breaks ties when choosing the focus.
        public var involved: Int
    }

    /// Why a pitfall showed this week: for one reflection, or for the week as a whole.
    public struct Reason: Equatable, Sendable {
        /// The reflection, or nil for a habit pitfall's week-level evidence.
        public var entry: Source?
        /// Every reason that held, in catalog order.
        public var texts: [String]
        /// The reasons joined into one line.
        public var text: String { texts.joined(separator: "; ") }

        public init(entry: Source?, texts: [String]) {
            self.entry = entry
            self.texts = texts
        }
    }

    /// The reflection a reason is about.
    public struct Source: Equatable, Sendable {
        public var id: String
        public var title: String
        /// The event's wall-clock day, as written.
        public var day: Day

        public init(id: String, title: String, day: Day) {
            self.id = id
            self.title = title
            self.day = day
        }
    }

    /// Reflections of one flow (say `quick`) for which some pitfalls could not be judged, because
    /// the flow did not ask what those pitfalls read.
    public struct UnjudgedGroup: Equatable, Sendable {
        public var flow: String
        public var reflections: Int
        /// Pitfall ids that could not be judged at all for any of them, in catalog order.
        public var notJudged: [String]
        /// Pitfall ids judged only in part, or only for some of them.
        public var inPart: [String]

        public init(flow: String, reflections: Int, notJudged: [String], inPart: [String]) {
            self.flow = flow
            self.reflections = reflections
            self.notJudged = notJudged
            self.inPart = inPart
        }
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
        /// Its position in the entry's `follow-ups`, from 1 (as `debrief done ID N` takes it), so
        /// the review screen can act on it.
        public var n: Int
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
