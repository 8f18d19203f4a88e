import Foundation

/// The instances of a calendar file's events in a window of time, as Python's
/// `recurring_ical_events` computes them (the oracle the tests compare with): events grouped by
/// UID into a series (the master with the highest SEQUENCE, the first on a tie, and its
/// RECURRENCE-ID overrides); the master's instances are its DTSTART, its RRULEs' instances and its
/// RDATEs, less its EXDATEs; an instance with an override is replaced by it (wherever the
/// override moved it); an instance is in the window when it overlaps it.
public enum EventExpansion {
    /// The instances overlapping `from..<to` (instants), earliest first, and the series that could
    /// not be expanded. Floating times and dates are read in `local`; `calendar` is recorded in
    /// each instance.
    public static func instances(of file: CalendarFile, from: Int, to: Int, local: TimeZone,
                                 calendar: String) -> (instances: [EventInstance], problems: [CalendarProblem]) {
        var order: [String] = []
        var masters: [String: CalendarEvent] = [:]
        var overrides: [String: [CalendarEvent]] = [:]
        for event in file.events {
            if masters[event.uid] == nil, overrides[event.uid] == nil { order.append(event.uid) }
            if event.recurrenceID == nil {
                if let known = masters[event.uid], known.sequence >= event.sequence { continue }
                masters[event.uid] = event
            } else {
                overrides[event.uid, default: []].append(event)
            }
        }
        var out: [EventInstance] = []
        var problems: [CalendarProblem] = []
        let context = Context(zones: file.zones, local: local, from: from, to: to, calendar: calendar)
        for uid in order {
            switch context.series(master: masters[uid], overrides: overrides[uid] ?? []) {
            case .success(let instances): out += instances
            case .failure(let problem): problems.append(problem)
            }
        }
        out.sort(by: EventInstance.inOrder)
        return (out, problems)
    }

    /// The instants between which every instance an event can give (or, for an override, the
    /// instance it replaces) lies, for a cache that keeps only the events near a window: an
    /// expansion of the file restricted to the events whose bounds overlap the window (widened by
    /// ``boundsMargin``) gives the same instances as one of the whole file. `Int.max` for a series
    /// without an end.
    public static func bounds(of file: CalendarFile, local: TimeZone) -> [(lo: Int, hi: Int)] {
        let context = Context(zones: file.zones, local: local, from: 0, to: 0, calendar: "")
        var masterDuration: [String: Int] = [:]
        for event in file.events where event.recurrenceID == nil {
            masterDuration[event.uid] = max(masterDuration[event.uid] ?? 0, context.span(of: event)?.duration ?? 0)
        }
        return file.events.map { event in
            let own = context.span(of: event)
            let start = context.instant(own?.start ?? event.start)
            let end = context.instant((own?.start ?? event.start).with(wall: (own?.start ?? event.start).wall + (own?.duration ?? 0)))
            if let id = event.recurrenceID {
                let replaced = context.instant(id)
                return (min(start, replaced), max(end, replaced + (masterDuration[event.uid] ?? 86_400)))
            }
            guard event.recurs else { return (start, max(start, end)) }
            let duration = max(0, end - start)
            var lo = start
            var hi = end
            for extra in event.extraDates {
                let t = context.instant(extra.start)
                lo = min(lo, t)
                hi = max(hi, t + max(duration, extra.duration ?? 0, extra.end.map { context.instant($0) - t } ?? 0))
            }
            for rule in event.rules {
                if let until = context.effectiveUntil(rule, start: own?.start ?? event.start) {
                    hi = max(hi, context.instant(until) + duration + 2 * 86_400)
                } else if rule.count != nil, let walls = rule.walls(start: (own?.start ?? event.start).wall, lower: (own?.start ?? event.start).wall,
                                                                    upper: RecurrenceRule.lastOrdinal * 86_400, isPastUntil: { _ in false }),
                          let last = walls.last {
                    hi = max(hi, context.instant((own?.start ?? event.start).with(wall: last)) + duration)
                } else {
                    return (lo, Int.max)
                }
            }
            return (lo, hi)
        }
    }

    /// How far beyond a window a cache's bounds are compared, for the zone offsets of floating
    /// times and the margins of a wall-clock walk.
    public static let boundsMargin = 3 * 86_400

    /// What expanding one file's series needs.
    struct Context {
        var zones: CalendarZones
        var local: TimeZone
        var from: Int
        var to: Int
        var calendar: String

        func rules(_ time: CalendarTime) -> ZoneRules {
            switch time {
            case .date, .floating: return .system(local)
            case .utc: return .system(TimeZone(identifier: "UTC") ?? .gmt)
            case .zoned(_, let key): return zones.rules(key) ?? .system(local)
            }
        }

        func instant(_ time: CalendarTime) -> Int { zones.instant(time, local: local) }

        /// How Python's `recurring_ical_events` recognises an instance (`to_recurrence_ids`): a
        /// zoned time by its UTC and its wall-clock reading, any other by its wall clock.
        func keys(_ time: CalendarTime) -> [Int] {
            switch time {
            case .zoned(let wall, _): return [instant(time), wall]
            case .utc(let seconds): return [seconds]
            case .floating(let wall): return [wall]
            case .date(let day): return [day.ordinal * 86_400]
            }
        }

        /// The recurrence id an instance's key names: the instant for a zoned or UTC time.
        func normalized(_ time: CalendarTime) -> CalendarTime {
            switch time {
            case .zoned: return .utc(instant(time))
            case .utc, .floating, .date: return time
            }
        }

        /// `time_span_contains_event`: an instant event is in the window when it starts in it,
        /// any other when it overlaps it.
        func overlaps(_ start: Int, _ end: Int) -> Bool {
            start == end ? (from <= start && start < to) : (start < to && from < end)
        }

        /// The span of an event as its own component gives it: DTEND, else DTSTART plus
        /// DURATION, else a day for a date and nothing for a date-time.
        func span(of event: CalendarEvent) -> (start: CalendarTime, duration: Int)? {
            var start = event.start
            let duration: Int
            if let end = event.end {
                if start.isDate, end.isDate {
                    duration = end.wall - start.wall
                } else if start.isDate {
                    start = .floating(start.wall)
                    duration = instant(end) - instant(start)
                } else if start.zoneKey == end.zoneKey, !end.isDate {
                    // Same zone (or both floating): Python subtracts them on the wall clock.
                    duration = end.wall - start.wall
                } else {
                    duration = instant(end) - instant(start)
                }
            } else if let d = event.duration {
                if start.isDate, d % 86_400 != 0 { start = .floating(start.wall) }
                duration = d
            } else {
                duration = start.isDate ? 86_400 : 0
            }
            return duration < 0 ? nil : (start, duration)
        }

        func instance(_ event: CalendarEvent, start: CalendarTime, duration: Int, recurrenceID: CalendarTime?) -> EventInstance {
            let end = start.with(wall: start.wall + duration)
            return EventInstance(event: event, recurrenceID: recurrenceID.map(normalized), start: instant(start),
                                 end: instant(end), isAllDay: start.isDate, calendar: calendar)
        }

        func series(master: CalendarEvent?, overrides: [CalendarEvent]) -> Result<[EventInstance], CalendarProblem> {
            // Overrides by every key of their RECURRENCE-ID; the highest SEQUENCE wins a key.
            var byKey: [Int: Int] = [:]
            for (i, o) in overrides.enumerated() {
                guard let id = o.recurrenceID else { continue }
                for key in keys(id) {
                    if let known = byKey[key], overrides[known].sequence >= o.sequence { continue }
                    byKey[key] = i
                }
            }
            let modifications = Set(byKey.values)
            var out: [EventInstance] = []
            var returned = Set<Int>()
            var exceptionKeys = Set<Int>()
            if let master {
                guard let (start, duration) = span(of: master) else {
                    return .failure(CalendarProblem(line: master.line, reason: "event '\(CalendarFile.shown(master.uid))' ends before it starts; skipped"))
                }
                let exceptionDays = Set(master.exceptionDates.compactMap { t -> Int? in
                    if case .date(let d) = t { return d.ordinal }
                    return nil
                })
                for t in master.exceptionDates { exceptionKeys.formUnion(keys(t)) }
                guard let starts = starts(of: master, start: start, duration: duration) else {
                    return .failure(CalendarProblem(line: master.line, reason: "the series '\(CalendarFile.shown(master.uid))' needs too many steps to expand (a rule that repeats rarely or never); skipped"))
                }
                var seen = Set<Int>()
                for s in starts {
                    let moment = instant(s.time)
                    guard seen.insert(moment).inserted else { continue }
                    let ks = keys(s.time)
                    if exceptionDays.contains(RecurrenceRule.floorDiv(s.time.wall, 86_400)) || !exceptionKeys.isDisjoint(with: ks) { continue }
                    if let m = ks.lazy.compactMap({ byKey[$0] }).first {
                        guard returned.insert(m).inserted else { continue }
                        if let o = override(overrides[m]) { out.append(o) }
                        continue
                    }
                    let occurrence = instance(master, start: s.time, duration: s.duration ?? duration,
                                              recurrenceID: master.recurs || !overrides.isEmpty ? s.time : nil)
                    if overlaps(occurrence.start, occurrence.end) { out.append(occurrence) }
                }
            }
            for m in modifications.sorted() where !returned.contains(m) {
                guard let id = overrides[m].recurrenceID, exceptionKeys.isDisjoint(with: keys(id)) else { continue }
                if let o = override(overrides[m]) { out.append(o) }
            }
            return .success(out)
        }

        /// An override's own occurrence when it overlaps the window.
        func override(_ o: CalendarEvent) -> EventInstance? {
            guard let (start, duration) = span(of: o) else { return nil }
            let occurrence = instance(o, start: start, duration: duration, recurrenceID: o.recurrenceID)
            return overlaps(occurrence.start, occurrence.end) ? occurrence : nil
        }

        /// The candidate starts of a master near the window: its rules' instances, DTSTART (unless
        /// after every UNTIL), its RDATEs (a PERIOD with its own duration). Nil past the budget.
        func starts(of master: CalendarEvent, start: CalendarTime, duration: Int) -> [(time: CalendarTime, duration: Int?)]? {
            // Wall-clock bounds wide enough for any zone offset.
            let lower = from - duration - 3 * 86_400
            let upper = to + 3 * 86_400
            var out: [(time: CalendarTime, duration: Int?)] = []
            let zone = rules(start)
            var latestUntil: CalendarTime?
            for rule in master.rules {
                if let until = effectiveUntil(rule, start: start) {
                    if latestUntil == nil || isAfter(until, latestUntil!, start: start) { latestUntil = until }
                }
                guard let walls = rule.walls(start: start.wall, lower: lower, upper: upper,
                                             isPastUntil: { pastUntil($0, rule: rule, start: start, zone: zone) }) else { return nil }
                out += walls.map { (start.with(wall: $0), nil) }
            }
            if latestUntil == nil || !isAfter(start, latestUntil!, start: start) { out.append((start, nil)) }
            for extra in master.extraDates {
                let time = comparable(extra.start, series: start)
                var d: Int?
                if let ownDuration = extra.duration {
                    d = ownDuration
                } else if let end = extra.end {
                    d = instant(end) - instant(time)
                }
                out.append((time, d))
            }
            // Sorted by instant, each converted once (a comparison converting both sides spent
            // most of a warm `pending` in zone conversions); equal instants keep their order.
            let instants = out.map { instant($0.time) }
            return out.indices.sorted { (instants[$0], $0) < (instants[$1], $1) }.map { out[$0] }
        }

        /// An RDATE as the series' other times are: a floating one in the series' zone, a date in
        /// a series of date-times at midnight there (`make_all_dates_comparable`).
        func comparable(_ time: CalendarTime, series start: CalendarTime) -> CalendarTime {
            switch (time, start) {
            case (.floating(let wall), .zoned(_, let key)): return .zoned(wall, key)
            case (.floating(let wall), .utc): return .utc(wall)
            case (.date(let day), .zoned(_, let key)): return .zoned(day.ordinal * 86_400, key)
            case (.date(let day), .utc): return .utc(day.ordinal * 86_400)
            case (.date(let day), .floating): return .floating(day.ordinal * 86_400)
            default: return time
            }
        }

        /// Whether `a` is after `b` as Python compares them (`compare_greater`): a date or a
        /// floating time takes the zone of the other side when that has one.
        func isAfter(_ a: CalendarTime, _ b: CalendarTime, start: CalendarTime) -> Bool {
            switch (a.zoneKey, b.zoneKey) {
            case (nil, nil): return a.wall > b.wall
            case (let k?, nil): return instant(a) > instant(CalendarTime.zoned(b.wall, k))
            case (nil, let k?): return instant(CalendarTime.zoned(a.wall, k)) > instant(b)
            case (_?, _?): return instant(a) > instant(b)
            }
        }

        /// A rule's UNTIL as Python ends the series with it: for a series in a zone (or UTC), an
        /// UNTIL without `Z` is read as UTC (a day as its midnight: `recurring_ical_events` appends
        /// `T000000Z` when dateutil refuses it); for an all-day series, its day; for a floating
        /// series, as written.
        func effectiveUntil(_ rule: RecurrenceRule, start: CalendarTime) -> CalendarTime? {
            guard let until = rule.until else { return nil }
            switch start {
            case .date: return .date(Day(ordinal: RecurrenceRule.floorDiv(until.wall, 86_400)))
            case .floating: return .floating(until.wall)
            case .utc, .zoned: return .utc(until.wall)
            }
        }

        /// Whether a rule's instance (a wall-clock time of the series) is after its UNTIL.
        func pastUntil(_ wall: Int, rule: RecurrenceRule, start: CalendarTime, zone: ZoneRules) -> Bool {
            guard let until = effectiveUntil(rule, start: start) else { return false }
            switch start {
            case .date, .floating: return wall > until.wall
            case .utc, .zoned: return zone.utc(fromWall: wall) > until.wall
            }
        }
    }
}
