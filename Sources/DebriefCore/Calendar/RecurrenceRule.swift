/// An `RRULE` (RFC 5545 3.3.10) with the parts calendar programs write: FREQ DAILY, WEEKLY,
/// MONTHLY or YEARLY; INTERVAL, COUNT, UNTIL; BYDAY (with ordinals such as `1MO`, `-1FR`),
/// BYMONTHDAY, BYMONTH, BYSETPOS, BYHOUR, BYMINUTE, BYSECOND and WKST.
///
/// Read and expanded as python-dateutil does (the library behind `recurring_ical_events`, which
/// most calendar tools' expansions agree with), so the instances are the ones users see elsewhere.
/// A rule that asks for something else (HOURLY, BYYEARDAY, BYWEEKNO, an INTERVAL of 0, a value out
/// of range) is refused with the reason; its series is reported and left out, never guessed at.
public struct RecurrenceRule: Hashable, Sendable, Codable {
    public enum Frequency: String, Hashable, Sendable, Codable {
        case yearly = "YEARLY", monthly = "MONTHLY", weekly = "WEEKLY", daily = "DAILY"
    }

    /// A BYDAY item: weekday 0 = Monday … 6 = Sunday, and the ordinal (0: every such day).
    public struct WeekdayNumber: Hashable, Sendable, Codable {
        public var weekday: Int
        public var ordinal: Int
    }

    public var frequency: Frequency
    public var interval = 1
    public var count: Int?
    /// UNTIL as written (a date, a UTC time, or a floating time).
    public var until: CalendarTime?
    public var byDay: [WeekdayNumber] = []
    public var byMonthDay: [Int] = []
    public var byMonth: [Int] = []
    public var bySetPos: [Int] = []
    public var byHour: [Int] = []
    public var byMinute: [Int] = []
    public var bySecond: [Int] = []
    /// 0 = Monday.
    public var weekStart = 0

    public init(frequency: Frequency) {
        self.frequency = frequency
    }

    /// The weekday codes in the order of their numbers.
    static let weekdayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// Parses an RRULE value, or says in words why it cannot be used.
    public static func parse(_ text: String) -> Result<RecurrenceRule, RuleProblem> {
        var parts: [String: String] = [:]
        for piece in text.split(separator: ";", omittingEmptySubsequences: true) {
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { return .failure(RuleProblem("`\(piece)` is not NAME=VALUE")) }
            let name = pair[0].trimmingBlanks.uppercased()
            if name.hasPrefix("X-") { continue }
            guard parts[name] == nil else { return .failure(RuleProblem("\(name) is given twice")) }
            parts[name] = pair[1].trimmingBlanks.uppercased()
        }
        guard let freq = parts["FREQ"] else { return .failure(RuleProblem("no FREQ")) }
        guard let frequency = Frequency(rawValue: freq) else {
            if ["HOURLY", "MINUTELY", "SECONDLY"].contains(freq) {
                return .failure(RuleProblem("FREQ=\(freq) is not supported (debrief reads daily, weekly, monthly and yearly series)"))
            }
            return .failure(RuleProblem("FREQ=\(freq) is not a frequency"))
        }
        var rule = RecurrenceRule(frequency: frequency)
        for (name, value) in parts.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "FREQ": continue
            case "INTERVAL":
                guard let n = Int(value), n >= 1 else { return .failure(RuleProblem("INTERVAL=\(value) must be a whole number of 1 or more")) }
                rule.interval = min(n, 1_000_000)
            case "COUNT":
                // A negative COUNT is dropped (as `recurring_ical_events` does); one past Int's range
                // is larger than any series reaches.
                if value.hasPrefix("-"), value.dropFirst().allSatisfy({ ("0"..."9").contains($0) }), value.count > 1 { continue }
                guard !value.isEmpty, value.allSatisfy({ ("0"..."9").contains($0) }) else {
                    return .failure(RuleProblem("COUNT=\(value) must be a whole number"))
                }
                rule.count = Int(value) ?? Int.max
            case "UNTIL":
                guard let until = ICalValue.time(value, zone: nil) else { return .failure(RuleProblem("UNTIL=\(value) is not a date or date-time")) }
                rule.until = until
            case "BYDAY":
                var days: [WeekdayNumber] = []
                for item in value.split(separator: ",") {
                    let item = item.trimmingBlanks
                    guard item.count >= 2, let weekday = weekdayCodes.firstIndex(of: String(item.suffix(2))) else {
                        return .failure(RuleProblem("BYDAY=\(value): `\(item)` is not a weekday such as MO, 1MO or -1FR"))
                    }
                    let prefix = item.dropLast(2)
                    var ordinal = 0
                    if !prefix.isEmpty {
                        guard let n = Int(prefix.hasPrefix("+") ? String(prefix.dropFirst()) : String(prefix)), n != 0, abs(n) <= 53 else {
                            return .failure(RuleProblem("BYDAY=\(value): `\(item)` has an ordinal out of range"))
                        }
                        ordinal = n
                    }
                    days.append(WeekdayNumber(weekday: weekday, ordinal: ordinal))
                }
                rule.byDay = days
            case "BYMONTHDAY":
                guard let list = numbers(value, allowed: { $0 != 0 && abs($0) <= 31 }) else {
                    return .failure(RuleProblem("BYMONTHDAY=\(value) must list days from 1 to 31 or -1 to -31"))
                }
                rule.byMonthDay = list
            case "BYMONTH":
                guard let list = numbers(value, allowed: { (1...12).contains($0) }) else {
                    return .failure(RuleProblem("BYMONTH=\(value) must list months from 1 to 12"))
                }
                rule.byMonth = list
            case "BYSETPOS":
                guard let list = numbers(value, allowed: { $0 != 0 && abs($0) <= 366 }) else {
                    return .failure(RuleProblem("BYSETPOS=\(value) must list positions from 1 to 366 or -1 to -366"))
                }
                rule.bySetPos = list
            case "BYHOUR":
                guard let list = numbers(value, allowed: { (0...23).contains($0) }) else { return .failure(RuleProblem("BYHOUR=\(value) must list hours from 0 to 23")) }
                rule.byHour = list
            case "BYMINUTE":
                guard let list = numbers(value, allowed: { (0...59).contains($0) }) else { return .failure(RuleProblem("BYMINUTE=\(value) must list minutes from 0 to 59")) }
                rule.byMinute = list
            case "BYSECOND":
                guard let list = numbers(value, allowed: { (0...59).contains($0) }) else { return .failure(RuleProblem("BYSECOND=\(value) must list seconds from 0 to 59")) }
                rule.bySecond = list
            case "WKST":
                guard let day = weekdayCodes.firstIndex(of: value) else { return .failure(RuleProblem("WKST=\(value) is not a weekday such as MO")) }
                rule.weekStart = day
            case "BYYEARDAY", "BYWEEKNO":
                return .failure(RuleProblem("\(name) is not supported"))
            default:
                return .failure(RuleProblem("\(name) is not a part of a recurrence rule"))
            }
        }
        return .success(rule)
    }

    /// Comma-separated whole numbers that `allowed` accepts (each with an optional sign).
    private static func numbers(_ text: String, allowed: (Int) -> Bool) -> [Int]? {
        var out: [Int] = []
        for item in text.split(separator: ",") {
            let item = item.trimmingBlanks
            guard let n = Int(item.hasPrefix("+") ? String(item.dropFirst()) : item), allowed(n) else { return nil }
            out.append(n)
        }
        return out.isEmpty ? nil : out
    }
}

/// Why a recurrence rule (or a series) cannot be used.
public struct RuleProblem: Error, Equatable, Sendable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
