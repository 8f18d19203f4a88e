extension RecurrenceRule {
    /// Most periods (days, weeks, months or years) one expansion walks before giving up: a rule
    /// that yields nothing (the 30th of February) or a COUNT that forces a walk from the year 1
    /// ends there instead of running for seconds.
    public static let periodBudget = 100_000

    /// The wall-clock starts (local seconds) of the rule's instances in `lower...upper`, for a
    /// series starting at `start` (local seconds; a date's midnight for all-day series).
    ///
    /// As python-dateutil expands: instances before `start` are not counted; COUNT counts the
    /// rule's own instances (`start` counts only when the rule yields it); `isPastUntil` says
    /// whether an instance is after UNTIL (the caller compares instants or wall-clock times as
    /// the zones require) and ends the series there. Nil when the walk exceeds ``periodBudget``.
    public func walls(start: Int, lower: Int, upper: Int, isPastUntil: (Int) -> Bool) -> [Int]? {
        let startDay = Self.floorDiv(start, 86_400)
        let startTime = start - startDay * 86_400
        let first = Day(ordinal: startDay)
        guard upper >= lower, upper >= start else { return [] }

        // dateutil's defaults: a rule without day parts repeats DTSTART's day of the month (and
        // month, yearly) or weekday (weekly).
        var months = Set(byMonth)
        var monthDays = byMonthDay
        var plainWeekdays = Set<Int>()
        var nthWeekdays: [WeekdayNumber] = []
        for d in byDay {
            if d.ordinal == 0 || frequency == .weekly || frequency == .daily {
                plainWeekdays.insert(d.weekday)
            } else {
                nthWeekdays.append(d)
            }
        }
        if byMonthDay.isEmpty && byDay.isEmpty {
            switch frequency {
            case .yearly:
                if months.isEmpty { months = [first.month] }
                monthDays = [first.day]
            case .monthly: monthDays = [first.day]
            case .weekly: plainWeekdays = [Self.weekday(startDay)]
            case .daily: break
            }
        }
        let positiveDays = Set(monthDays.filter { $0 > 0 })
        let negativeDays = Set(monthDays.filter { $0 < 0 })
        var times: [Int] = []
        for h in byHour.isEmpty ? [startTime / 3600] : byHour.sorted() {
            for m in byMinute.isEmpty ? [startTime / 60 % 60] : byMinute.sorted() {
                for s in bySecond.isEmpty ? [startTime % 60] : bySecond.sorted() { times.append(h * 3600 + m * 60 + s) }
            }
        }
        times = Array(Set(times)).sorted()

        // The periods: an index k ≥ 0 from DTSTART's period, `interval` apart.
        let weekStart0 = startDay - Self.mod(Self.weekday(startDay) - weekStart, 7)
        let monthIndex0 = first.year * 12 + first.month - 1
        func days(ofPeriod k: Int) -> ClosedRange<Int>? {
            switch frequency {
            case .daily:
                let d = startDay + k * interval
                return d <= Self.lastOrdinal ? d...d : nil
            case .weekly:
                if k == 0 {
                    let count = Self.mod(weekStart - Self.weekday(startDay) - 1, 7) + 1
                    return startDay...(startDay + count - 1)
                }
                let s = weekStart0 + k * interval * 7
                return s <= Self.lastOrdinal ? s...(s + 6) : nil
            case .monthly:
                let index = monthIndex0 + k * interval
                let year = Self.floorDiv(index, 12), month = index - year * 12 + 1
                guard (1...9999).contains(year), let d = Day(year: year, month: month, day: 1) else { return nil }
                return d.ordinal...(d.ordinal + Day.daysIn(month: month, year: year) - 1)
            case .yearly:
                let year = first.year + k * interval
                guard (1...9999).contains(year), let d = Day(year: year, month: 1, day: 1) else { return nil }
                return d.ordinal...(d.ordinal + (Day.daysIn(month: 2, year: year) == 29 ? 365 : 364))
            }
        }

        // Where to begin: a rule without COUNT (or with one no walk to `upper` could use up)
        // starts at the period holding `lower`, so a daily series from 1990 costs what a week costs.
        let perPeriod = (bySetPos.isEmpty ? times.count : bySetPos.count) * {
            switch frequency {
            case .daily: return 1
            case .weekly: return 7
            case .monthly: return 31
            case .yearly: return 366
            }
        }()
        let upperDay = Self.floorDiv(upper, 86_400)
        let lowerDay = Self.floorDiv(lower, 86_400)
        func periodIndex(of day: Int) -> Int {
            switch frequency {
            case .daily: return Self.floorDiv(day - startDay, interval)
            case .weekly: return Self.floorDiv(day - weekStart0, interval * 7)
            case .monthly:
                let d = Day(ordinal: day)
                return Self.floorDiv(d.year * 12 + d.month - 1 - monthIndex0, interval)
            case .yearly: return Self.floorDiv(Day(ordinal: day).year - first.year, interval)
            }
        }
        var remaining = count
        var k = 0
        let periodsToUpper = max(0, periodIndex(of: upperDay)) + 1
        if remaining == nil || remaining! / max(perPeriod, 1) > periodsToUpper {
            remaining = nil
            k = max(0, periodIndex(of: lowerDay))
        }

        var out: [Int] = []
        var walked = 0
        while let range = days(ofPeriod: k), range.lowerBound <= upperDay {
            walked += 1
            if walked > Self.periodBudget { return nil }
            var candidates: [Int] = []
            let nth = nthWeekdays.isEmpty ? [] : nthMask(range: range, months: months, weekdays: nthWeekdays)
            for day in range where Self.matches(day, months: months, plain: plainWeekdays, nth: nthWeekdays.isEmpty ? nil : nth,
                                                positive: positiveDays, negative: negativeDays) {
                candidates.append(day)
            }
            var results: [Int] = []
            if !bySetPos.isEmpty {
                for pos in bySetPos {
                    let (dayPos, timePos) = pos < 0 ? Self.floorDivMod(pos, times.count) : Self.floorDivMod(pos - 1, times.count)
                    let index = dayPos < 0 ? candidates.count + dayPos : dayPos
                    guard index >= 0, index < candidates.count else { continue }
                    let res = candidates[index] * 86_400 + times[timePos]
                    if !results.contains(res) { results.append(res) }
                }
                results.sort()
            } else {
                for day in candidates { for t in times { results.append(day * 86_400 + t) } }
            }
            for res in results {
                if isPastUntil(res) { return out }
                guard res >= start else { continue }
                if let r = remaining {
                    if r <= 0 { return out }
                    remaining = r - 1
                }
                if res > upper { return out }
                if res >= lower { out.append(res) }
            }
            k += 1
        }
        return out
    }

    /// The days an ordinal BYDAY picks in a month or a year (dateutil: within each BYMONTH month
    /// of a yearly rule, else within the year; within the month of a monthly rule).
    private func nthMask(range: ClosedRange<Int>, months: Set<Int>, weekdays: [WeekdayNumber]) -> Set<Int> {
        var ranges: [ClosedRange<Int>] = []
        if frequency == .yearly, !months.isEmpty {
            let year = Day(ordinal: range.lowerBound).year
            for month in months.sorted() {
                guard let d = Day(year: year, month: month, day: 1) else { continue }
                ranges.append(d.ordinal...(d.ordinal + Day.daysIn(month: month, year: year) - 1))
            }
        } else {
            ranges = [range]
        }
        var picked = Set<Int>()
        for r in ranges {
            for w in weekdays {
                var i: Int
                if w.ordinal < 0 {
                    i = r.upperBound + (w.ordinal + 1) * 7
                    i -= Self.mod(Self.weekday(i) - w.weekday, 7)
                } else {
                    i = r.lowerBound + (w.ordinal - 1) * 7
                    i += Self.mod(7 - Self.weekday(i) + w.weekday, 7)
                }
                if r.contains(i) { picked.insert(i) }
            }
        }
        return picked
    }

    private static func matches(_ day: Int, months: Set<Int>, plain: Set<Int>, nth: Set<Int>?,
                                positive: Set<Int>, negative: Set<Int>) -> Bool {
        if !plain.isEmpty, !plain.contains(weekday(day)) { return false }
        if let nth, !nth.contains(day) { return false }
        if months.isEmpty && positive.isEmpty && negative.isEmpty { return true }
        let d = Day(ordinal: day)
        if !months.isEmpty, !months.contains(d.month) { return false }
        if !positive.isEmpty || !negative.isEmpty {
            let fromEnd = d.day - Day.daysIn(month: d.month, year: d.year) - 1
            if !positive.contains(d.day) && !negative.contains(fromEnd) { return false }
        }
        return true
    }

    /// 9999-12-31, where every expansion ends (as dateutil's MAXYEAR).
    static let lastOrdinal = 2_932_896

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ ordinal: Int) -> Int { mod(ordinal + 3, 7) }

    static func mod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }

    static func floorDiv(_ a: Int, _ n: Int) -> Int { a >= 0 ? a / n : -((-a + n - 1) / n) }

    /// Python's `divmod`: the quotient rounded down and a remainder with the divisor's sign.
    static func floorDivMod(_ a: Int, _ n: Int) -> (Int, Int) {
        let q = floorDiv(a, n)
        return (q, a - q * n)
    }
}
