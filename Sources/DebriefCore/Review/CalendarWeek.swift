import Foundation

extension WeeklyReview {
    /// The review's calendar part, when calendars are configured: of the week's events worth a
    /// reflection (``PendingEvents``' rules: over, not cancelled, not declined, worth one), how
    /// many got a reflection (those written more than 24 hours after the event's start counted
    /// apart, the review's rule for every reflection), how many were skipped and how many have none; and the share reflected per trend
    /// week, drawn with the pitfalls' bars. An event belongs to the week of its start's day in the
    /// user's zone, as an entry belongs to the week of its event's day.
    public struct CalendarWeek: Equatable, Sendable {
        /// Events worth a reflection this week (as of `asOf`: later ones have not happened yet).
        public var events: Int
        /// Of them, with a reflection (by key or by the two fallbacks).
        public var reflected: Int
        /// Of `reflected`, written more than 24 hours after the event started.
        public var reflectedLate: Int
        /// Skipped (`debrief pending skip`, `x` on home), and without a reflection.
        public var skipped: Int
        /// Neither reflected nor skipped.
        public var unreflected: Int
        /// Per trend week, oldest first: events worth a reflection, and of them reflected.
        public var trendEvents: [Int]
        public var trendReflected: [Int]

        /// The share reflected per trend week; nil for a week without such events.
        public var shares: [Double?] {
            zip(trendReflected, trendEvents).map { reflected, events in events == 0 ? nil : Double(reflected) / Double(events) }
        }
    }

    /// What the calendar part is made from: the calendars' instances over the trend's weeks (read
    /// by the caller, ``CalendarWeek/window(trendWeeks:zone:)``), the skipped keys, and the rules
    /// and addresses that judge them.
    public struct CalendarInput: Sendable {
        public var instances: [EventInstance]
        public var skipped: Set<String>
        public var pending: PendingEvents

        public init(instances: [EventInstance], skipped: Set<String>, pending: PendingEvents) {
            self.instances = instances
            self.skipped = skipped
            self.pending = pending
        }
    }
}

extension WeeklyReview.CalendarWeek {
    /// The instants the trend's weeks span, from the first Monday's midnight to the day after the
    /// last Sunday, in `zone`: the window to read the calendars over.
    public static func window(trendWeeks: [ISOWeek], zone: TimeZone) -> (from: Int, to: Int) {
        func midnight(_ day: Day) -> Int {
            Int((Timestamp(day: day, hour: 0, minute: 0, in: zone)?.date ?? Date(timeIntervalSince1970: 0)).timeIntervalSince1970)
        }
        let first = trendWeeks.first?.monday ?? Day(Date(), in: zone)
        let last = trendWeeks.last?.sunday ?? first
        return (midnight(first), midnight(last.adding(days: 1)))
    }

    /// The part for `trendWeeks` (oldest first; the last is the week reviewed) as of `now`, with
    /// `entries` the journal's reflections.
    public static func make(_ input: WeeklyReview.CalendarInput, entries: [Entry], trendWeeks: [ISOWeek], now: Int)
        -> WeeklyReview.CalendarWeek {
        let pending = input.pending
        let zone = pending.local
        let reflections = entries.filter { !$0.isImported }
        let matcher = ReflectionMatcher(entries: reflections, rules: pending.rules, me: pending.me, local: zone)
        var byWeek: [ISOWeek: [EventInstance]] = [:]
        for i in input.instances where pending.qualifies(i, now: now) {
            let day = Day(Date(timeIntervalSince1970: TimeInterval(i.start)), in: zone)
            byWeek[ISOWeek(containing: day), default: []].append(i)
        }
        var part = WeeklyReview.CalendarWeek(events: 0, reflected: 0, reflectedLate: 0, skipped: 0, unreflected: 0,
                                             trendEvents: [], trendReflected: [])
        for (n, week) in trendWeeks.enumerated() {
            let events = byWeek[week] ?? []
            var reflected = 0
            for i in events {
                if let entry = matcher.reflection(for: i) {
                    reflected += 1
                    // As the review counts any reflection: from the event's start (`created − date`).
                    if n == trendWeeks.count - 1, entry.created.seconds - i.start > 24 * 3600 { part.reflectedLate += 1 }
                } else if n == trendWeeks.count - 1 {
                    if input.skipped.contains(i.key) { part.skipped += 1 } else { part.unreflected += 1 }
                }
            }
            part.trendEvents.append(events.count)
            part.trendReflected.append(reflected)
            if n == trendWeeks.count - 1 {
                part.events = events.count
                part.reflected = reflected
            }
        }
        return part
    }
}
