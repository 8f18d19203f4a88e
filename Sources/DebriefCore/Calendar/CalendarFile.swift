import Foundation

/// One line of a calendar file that was skipped or read with a caveat, and why.
public struct CalendarProblem: Error, Hashable, Sendable, Codable {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }
}

/// What a calendar file holds for debrief: its events, the zones they refer to, and what could
/// not be read (each with its line). Read tolerantly, the way the journal is: a property, an
/// event or a series that cannot be understood is skipped and named; the rest is read.
public struct CalendarFile: Hashable, Sendable, Codable {
    public var events: [CalendarEvent] = []
    public var zones = CalendarZones()
    public var problems: [CalendarProblem] = []
    /// The calendar's `PRODID`, which tells debrief's own files (``ICalendar/productID``).
    public var productID: String?
    /// Whether the file holds to-dos (`VTODO`): a to-do list, not events.
    public var hasToDos = false
    /// Whether debrief wrote it (`followups --format ics`): its `PRODID`, or an item carrying the
    /// mark of a journal (``OwnedFile``). Such a file is never read as events.
    public var isDebriefs = false

    public init() {}

    /// Reads a calendar file's bytes.
    public static func parse(_ bytes: [UInt8]) -> CalendarFile {
        var file = CalendarFile()
        let (lines, lineProblems) = ICalLines.read(bytes)
        file.problems += lineProblems.map { CalendarProblem(line: $0.line, reason: $0.reason) }
        let (roots, treeProblems) = ICalComponent.tree(lines)
        file.problems += treeProblems.map { CalendarProblem(line: $0.line, reason: $0.reason) }
        // Events at the top level (no VCALENDAR around them) are read as if there were one.
        var calendars = roots.filter { $0.name == "VCALENDAR" }
        let loose = roots.filter { $0.name != "VCALENDAR" }
        if !loose.isEmpty {
            var implicit = ICalComponent(name: "VCALENDAR", line: loose[0].line)
            implicit.children = loose
            calendars.append(implicit)
        }
        if calendars.isEmpty, !bytes.isEmpty {
            file.problems.append(CalendarProblem(line: 1, reason: "no BEGIN:VCALENDAR; not a calendar"))
        }
        for calendar in calendars {
            if file.productID == nil { file.productID = calendar.property("PRODID")?.value.trimmingBlanks }
            for zone in calendar.children where zone.name == "VTIMEZONE" { file.readZone(zone) }
        }
        for calendar in calendars {
            // X-WR-TIMEZONE (Google's exports): UTC and floating times of events are read in that
            // zone, as `recurring_ical_events` does, so a weekly meeting written in UTC keeps its
            // local hour across a change to summer time.
            let calendarZone = calendar.property("X-WR-TIMEZONE").flatMap { p -> String? in
                let name = p.value.trimmingBlanks
                return ZoneRules.iana(name) != nil ? name : nil
            }
            for child in calendar.children {
                if child.property(OwnedFile.journalProperty) != nil { file.isDebriefs = true }
                switch child.name {
                case "VEVENT": file.readEvent(child, calendarZone: calendarZone)
                case "VTODO": file.hasToDos = true
                default: continue
                }
            }
        }
        if file.productID == ICalendar.productID { file.isDebriefs = true }
        file.problems.sort { ($0.line, $0.reason) < ($1.line, $1.reason) }
        return file
    }

    // MARK: - Zones

    private mutating func readZone(_ component: ICalComponent) {
        guard let tzid = component.property("TZID")?.value.trimmingBlanks, !tzid.isEmpty else {
            problems.append(CalendarProblem(line: component.line, reason: "a VTIMEZONE without TZID; skipped"))
            return
        }
        let clean = Self.cleanZoneID(tzid)
        // An IANA name is read from the tz database whatever the block says (as `icalendar` does).
        if ZoneRules.iana(clean) != nil { return }
        var observances: [CustomZone.Observance] = []
        for part in component.children where part.name == "STANDARD" || part.name == "DAYLIGHT" {
            guard let startText = part.property("DTSTART")?.value,
                  let start = ICalValue.time(startText, zone: nil),
                  let from = part.property("TZOFFSETFROM").flatMap({ ICalValue.utcOffset($0.value) }),
                  let to = part.property("TZOFFSETTO").flatMap({ ICalValue.utcOffset($0.value) }) else {
                problems.append(CalendarProblem(line: part.line, reason: "\(part.name) of time zone '\(tzid)' needs DTSTART, TZOFFSETFROM and TZOFFSETTO; skipped"))
                continue
            }
            var rules: [RecurrenceRule] = []
            for line in part.properties("RRULE") {
                switch RecurrenceRule.parse(line.value) {
                case .success(let rule): rules.append(rule)
                case .failure(let problem):
                    problems.append(CalendarProblem(line: line.line, reason: "time zone '\(tzid)': RRULE \(problem.reason); that rule is skipped"))
                }
            }
            let dates = part.properties("RDATE").flatMap { ICalValue.times($0.value, zone: nil) ?? [] }.map(\.wall)
            observances.append(CustomZone.Observance(isDaylight: part.name == "DAYLIGHT", offsetFrom: from, offsetTo: to,
                                                     start: start.wall, rules: rules, dates: dates))
        }
        guard !observances.isEmpty else {
            problems.append(CalendarProblem(line: component.line, reason: "time zone '\(tzid)' has no STANDARD or DAYLIGHT rules; skipped"))
            return
        }
        let key = CalendarZones.customPrefix + clean
        // The first definition of a name wins, as in Python's `icalendar`.
        if zones.custom[key] == nil { zones.custom[key] = CustomZone(observances: observances) }
    }

    /// A TZID without the slashes some writers put around it (`/Europe/Berlin`).
    static func cleanZoneID(_ tzid: String) -> String {
        var s = Substring(tzid.trimmingBlanks)
        while s.hasPrefix("/") { s = s.dropFirst() }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }

    /// The zone key for a TZID, in the order Python's `icalendar` looks: an IANA name, the file's
    /// own VTIMEZONE, a Windows name (CLDR), the IANA name at the end of a "globally unique" TZID
    /// (`/mozilla.org/20050126_1/Europe/Berlin`). Nil: not known, read as floating.
    func zoneKey(forTZID tzid: String) -> String? {
        let clean = Self.cleanZoneID(tzid)
        if ZoneRules.iana(clean) != nil { return clean }
        if zones.custom[CalendarZones.customPrefix + clean] != nil { return CalendarZones.customPrefix + clean }
        if let mapped = WindowsZones.iana(clean), ZoneRules.iana(mapped) != nil { return mapped }
        if tzid.trimmingBlanks.hasPrefix("/") {
            let parts = clean.split(separator: "/")
            for start in parts.indices.dropFirst() {
                let candidate = parts[start...].joined(separator: "/")
                if ZoneRules.iana(candidate) != nil { return candidate }
            }
        }
        return nil
    }

    // MARK: - Events

    /// A date-time property's value with its TZID resolved (and the calendar's X-WR-TIMEZONE
    /// applied); nil when the value is not a date or date-time, with a problem recorded.
    private mutating func times(_ property: ICalContentLine, calendarZone: String?) -> [CalendarTime]? {
        var zone: String?
        if let tzid = property.parameter("TZID") {
            zone = zoneKey(forTZID: tzid)
            if zone == nil {
                problems.append(CalendarProblem(line: property.line, reason: "time zone '\(tzid)' is not known (not an IANA or Windows name, no VTIMEZONE in the file); its times are read as local time"))
            }
        }
        guard let values = ICalValue.times(property.value, zone: zone) else { return nil }
        guard let calendarZone else { return values }
        return values.map { time in
            switch time {
            case .utc(let seconds):
                guard let rules = ZoneRules.iana(calendarZone) else { return time }
                return .zoned(ZoneRules.system(rules).wall(fromUTC: seconds), calendarZone)
            case .floating(let wall): return .zoned(wall, calendarZone)
            case .date, .zoned: return time
            }
        }
    }

    private mutating func readEvent(_ component: ICalComponent, calendarZone: String?) {
        func skip(_ line: Int, _ reason: String) {
            problems.append(CalendarProblem(line: line, reason: reason))
        }
        let uidText = component.property("UID").map { ICalValue.text($0.value).trimmingBlanks } ?? ""
        let what = uidText.isEmpty ? "an event" : "event '\(Self.shown(uidText))'"
        guard let startLine = component.property("DTSTART") else {
            skip(component.line, "\(what) has no DTSTART; skipped")
            return
        }
        guard let start = times(startLine, calendarZone: calendarZone)?.first else {
            skip(startLine.line, "\(what): DTSTART '\(startLine.value)' is not a date or date-time; skipped")
            return
        }
        // Without a UID an event is its own series (Python's reader does the same).
        let uid = uidText.isEmpty ? "line-\(component.line)" : uidText
        var event = CalendarEvent(uid: uid, line: component.line, start: start)
        for p in component.properties {
            switch p.name {
            case "SUMMARY": event.summary = ICalValue.text(p.value).trimmingBlanks
            case "LOCATION": event.location = ICalValue.text(p.value).trimmingBlanks
            case "DESCRIPTION": event.description = ICalValue.text(p.value)
            case "CATEGORIES": event.categories += ICalValue.textList(p.value)
            case "STATUS": event.status = p.value.trimmingBlanks.uppercased()
            case "TRANSP": event.isTransparent = p.value.trimmingBlanks.uppercased() == "TRANSPARENT"
            case "X-MICROSOFT-CDO-BUSYSTATUS": event.busyStatus = p.value.trimmingBlanks.uppercased()
            case "CLASS": event.classification = p.value.trimmingBlanks.uppercased()
            case "SEQUENCE": event.sequence = Int(p.value.trimmingBlanks) ?? 0
            case "DTEND":
                guard let end = times(p, calendarZone: calendarZone)?.first else {
                    skip(p.line, "\(what): DTEND '\(p.value)' is not a date or date-time; skipped")
                    return
                }
                event.end = end
            case "DURATION":
                guard let seconds = ICalValue.duration(p.value) else {
                    skip(p.line, "\(what): DURATION '\(p.value)' is not a duration; skipped")
                    return
                }
                event.duration = seconds
            case "RRULE":
                switch RecurrenceRule.parse(p.value) {
                case .success(let rule): event.rules.append(rule)
                case .failure(let problem):
                    skip(p.line, "\(what): RRULE \(problem.reason); the series is skipped")
                    return
                }
            case "EXDATE":
                guard let dates = times(p, calendarZone: calendarZone) else {
                    skip(p.line, "\(what): EXDATE '\(p.value)' is not a list of dates; that exception is ignored")
                    continue
                }
                event.exceptionDates += dates
            case "RDATE":
                if let dates = times(p, calendarZone: calendarZone) {
                    event.extraDates += dates.map { CalendarEvent.ExtraDate(start: $0) }
                } else if let periods = self.periods(p, calendarZone: calendarZone) {
                    event.extraDates += periods
                } else {
                    skip(p.line, "\(what): RDATE '\(p.value)' is not a list of dates or periods; those dates are ignored")
                }
            case "RECURRENCE-ID":
                guard let id = times(p, calendarZone: calendarZone)?.first else {
                    skip(p.line, "\(what): RECURRENCE-ID '\(p.value)' is not a date or date-time; skipped")
                    return
                }
                event.recurrenceID = id
            case "ATTENDEE": event.attendees.append(Self.participant(p))
            case "ORGANIZER": event.organizer = Self.participant(p)
            case "URL", "CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK":
                let link = ICalValue.text(p.value).trimmingBlanks
                if !link.isEmpty, !event.links.contains(link) { event.links.append(link) }
            default: continue
            }
        }
        for link in Self.links(in: event.location + "\n" + event.description) where !event.links.contains(link) {
            event.links.append(link)
        }
        if let end = event.end, end.isDate == start.isDate, end.wall < start.wall, end.zoneKey == start.zoneKey {
            skip(component.line, "\(what) ends before it starts; skipped")
            return
        }
        events.append(event)
    }

    /// A UID as messages show it: on one line, at most 80 characters.
    static func shown(_ uid: String) -> String {
        let line = uid.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 80 ? line.prefix(77) + "…" : line
    }

    /// RDATE;VALUE=PERIOD values: `start/end` or `start/duration`.
    private mutating func periods(_ p: ICalContentLine, calendarZone: String?) -> [CalendarEvent.ExtraDate]? {
        var out: [CalendarEvent.ExtraDate] = []
        for item in p.value.split(separator: ",") {
            let halves = item.split(separator: "/", maxSplits: 1)
            guard halves.count == 2 else { return nil }
            var one = p
            one.value = String(halves[0])
            guard let start = times(one, calendarZone: calendarZone)?.first else { return nil }
            if let duration = ICalValue.duration(String(halves[1])) {
                out.append(CalendarEvent.ExtraDate(start: start, end: nil, duration: duration))
            } else {
                one.value = String(halves[1])
                guard let end = times(one, calendarZone: calendarZone)?.first else { return nil }
                out.append(CalendarEvent.ExtraDate(start: start, end: end, duration: nil))
            }
        }
        return out
    }

    static func participant(_ p: ICalContentLine) -> CalendarEvent.Participant {
        let name = p.parameter("CN").map { $0.trimmingBlanks }.flatMap { $0.isEmpty ? nil : $0 }
        let email = p.parameter("EMAIL").map { $0.trimmingBlanks.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
            ?? ICalValue.email(p.value)
        return CalendarEvent.Participant(name: name, email: email,
                                         status: p.parameter("PARTSTAT")?.trimmingBlanks.uppercased(),
                                         kind: p.parameter("CUTYPE")?.trimmingBlanks.uppercased(),
                                         role: p.parameter("ROLE")?.trimmingBlanks.uppercased())
    }

    /// The `https://` and `http://` links in a text, up to the first space, quote or angle bracket.
    static func links(in text: String) -> [String] {
        guard text.contains("http") else { return [] }
        var out: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: "http", options: .caseInsensitive) {
            let tail = rest[range.lowerBound...]
            let end = tail.firstIndex { $0.isWhitespace || "\"'<>()[]".contains($0) } ?? tail.endIndex
            let link = String(tail[..<end])
            if link.lowercased().hasPrefix("https://") || link.lowercased().hasPrefix("http://"), link.count > 8, !out.contains(link) {
                out.append(link)
            }
            rest = tail[end...]
            if rest.isEmpty { break }
            if end == tail.startIndex { rest = rest.dropFirst() }
        }
        return out
    }
}
