import Foundation

/// What the home screen shows of the calendars: the events waiting for a reflection (the rules of
/// ``PendingEvents``, the same list as `debrief pending`) and the next event within a day that has
/// someone from the journal (the event `debrief brief` would brief on).
public struct CalendarAgenda: Equatable, Sendable {
    /// The next event with someone the journal knows, and what is open with them.
    public struct ComingUp: Equatable, Sendable {
        public var instance: EventInstance
        /// The known people's names, as the journal spells them.
        public var known: [String]
        /// Open follow-ups that involve them.
        public var openFollowUps: Int
    }

    /// Newest first.
    public var waiting: [PendingEvent] = []
    public var comingUp: ComingUp?
    /// Calendar files or series that could not be read (`debrief doctor` lists them).
    public var problems = 0
    /// Why the waiting list could not be made (the skip file could not be read), if it could not.
    public var failure: String?

    public init(waiting: [PendingEvent] = [], comingUp: ComingUp? = nil, problems: Int = 0, failure: String? = nil) {
        self.waiting = waiting
        self.comingUp = comingUp
        self.problems = problems
        self.failure = failure
    }

    /// How far ahead home looks for the next event.
    public static let comingUpSeconds = 24 * 3600

    /// Where the agenda is read from: the user's calendars and the settings that judge them.
    public struct Source: Sendable {
        public var calendars: CalendarSet
        public var rules: EventRules
        public var me: [String]
        /// `pending-days`.
        public var days: Int

        public init(calendars: CalendarSet, rules: EventRules, me: [String], days: Int) {
            self.calendars = calendars
            self.rules = rules
            self.me = me
            self.days = days
        }

        /// Reads the calendars once for both windows and the skip file of `store`, and judges
        /// them against the journal: the waiting events against the entries of their window only
        /// (``PendingEvents/windowEntries(store:catalog:clock:days:)``, as `debrief pending`), the
        /// next meeting against everyone the journal knows, asked of `people` only when an event
        /// starts within the day (``JournalCache/peopleIndex()`` on home). Reads files: run it off
        /// the main thread.
        public func read(store: JournalStore, catalog: Catalog, clock: Clock, people: () -> KnownAttendees) -> CalendarAgenda {
            let now = Int(clock.now().timeIntervalSince1970)
            let snapshot = calendars.instances(from: now - days * 86_400, to: now + CalendarAgenda.comingUpSeconds, local: clock.timeZone)
            var agenda = CalendarAgenda(problems: snapshot.problems.count)
            do throws(StoreError) {
                let skipped = try SkippedEvents.read(store)
                let pending = PendingEvents(rules: rules, me: me, local: clock.timeZone)
                let entries = PendingEvents.windowEntries(store: store, catalog: catalog, clock: clock, days: days)
                agenda.waiting = pending.waiting(snapshot.instances, entries: entries, skipped: skipped, now: now, days: days)
            } catch {
                agenda.failure = error.description
            }
            let soon = snapshot.instances.filter { $0.start >= now && $0.start < now + CalendarAgenda.comingUpSeconds }
            guard !soon.isEmpty else { return agenda }
            let known = people()
            if let next = MeetingBrief.next(soon, now: now, me: me, known: known) {
                let attendees = EventPeople.others(next.event, me: me).compactMap(known.person(for:))
                var open = Set<String>()
                for person in attendees { for item in person.openFollowUps { open.insert(item.entryID + "/\(item.n)") } }
                agenda.comingUp = ComingUp(instance: next, known: attendees.map(\.name), openFollowUps: open.count)
            }
            return agenda
        }

        /// What the weekly review's calendar part is made from, for the trend of `weeks` weeks
        /// ending with `week`: the calendars read over those weeks (up to now) and the skip file.
        /// Reads files: the CLI before rendering, the review screen in its background read.
        public func reviewInput(week: ISOWeek, weeks: Int, store: JournalStore, clock: Clock)
            throws(StoreError) -> WeeklyReview.CalendarInput {
            let window = WeeklyReview.CalendarWeek.window(trendWeeks: WeeklyReview.trendWeeks(ending: week, count: weeks),
                                                          zone: clock.timeZone)
            let now = Int(clock.now().timeIntervalSince1970)
            let instances = window.from < now
                ? calendars.instances(from: window.from, to: min(window.to, now + 1), local: clock.timeZone).instances : []
            return WeeklyReview.CalendarInput(instances: instances, skipped: try SkippedEvents.read(store),
                                              pending: PendingEvents(rules: rules, me: me, local: clock.timeZone))
        }
    }
}
