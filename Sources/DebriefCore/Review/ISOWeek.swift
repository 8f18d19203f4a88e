/// An ISO-8601 week: Monday to Sunday, numbered within the year that holds its Thursday.
///
/// So 2026-12-31 (a Thursday) is in 2026-W53, 2027-01-03 (a Sunday) still is too, and 2027-W01
/// starts on Monday 2027-01-04. Reviews are by ISO week because that is what calendars and
/// people at work mean by "week 48", and a week never straddles two numbers.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The ISO week-numbering year (can differ from the calendar year of some of its days).
    public let year: Int
    /// 1…52, or 53 in long years.
    public let week: Int

    /// Nil when `week` is not a week of `year` (2027-W53 does not exist).
    public init?(year: Int, week: Int) {
        guard (1...9998).contains(year), week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week `day` falls in.
    public init(containing day: Day) {
        // The week belongs to the year of its Thursday.
        let thursday = day.adding(days: 4 - day.isoWeekday)
        let firstMonday = ISOWeek.firstMonday(of: thursday.year)
        year = thursday.year
        week = firstMonday.days(until: thursday) / 7 + 1
    }

    /// 52 or 53: the week of 28 December, which is always in the year's last week.
    public static func weeks(in year: Int) -> Int {
        guard let dec28 = Day(year: year, month: 12, day: 28) else { return 52 }
        return ISOWeek(containing: dec28).week
    }

    /// The Monday of week 1: the Monday on or before 4 January.
    static func firstMonday(of year: Int) -> Day {
        let jan4 = Day(year: year, month: 1, day: 4) ?? Day(ordinal: 0)
        return jan4.adding(days: 1 - jan4.isoWeekday)
    }

    public var monday: Day { ISOWeek.firstMonday(of: year).adding(days: (week - 1) * 7) }
    public var sunday: Day { monday.adding(days: 6) }

    public func contains(_ day: Day) -> Bool { day >= monday && day <= sunday }

    /// The week `count` weeks later (earlier when negative).
    public func adding(weeks count: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: 7 * count)) }

    /// Whole weeks from `self` to `other` (positive when `other` is later).
    public func weeks(until other: ISOWeek) -> Int { monday.days(until: other.monday) / 7 }

    /// `2026-W48`.
    public var iso: String {
        (year < 1000 ? String(repeating: "0", count: 4 - String(year).count) : "") + "\(year)-W" + (week < 10 ? "0" : "") + "\(week)"
    }

    public var description: String { iso }

    /// Parses `2026-W48` (also `2026-w48`, `2026W48`, `2026-W5`).
    public init?(iso text: String) {
        let upper = text.uppercased()
        let parts = upper.split(separator: "W", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var yearText = parts[0]
        if yearText.hasSuffix("-") { yearText = yearText.dropLast() }
        guard yearText.count == 4, (1...2).contains(parts[1].count),
              yearText.allSatisfy(\.isASCII), parts[1].allSatisfy(\.isASCII),
              let y = Int(yearText), let w = Int(parts[1]) else { return nil }
        self.init(year: y, week: w)
    }

    /// What `--week` accepts: `this`, `last`, an ISO week (`2026-W48`), or any date inside the week
    /// in the forms `DateInput` reads (`2026-11-24`, `today`, `yesterday`, `mon`…). Nil otherwise.
    public static func parse(_ text: String, clock: Clock) -> ISOWeek? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let current = ISOWeek(containing: clock.today)
        switch word {
        case "this", "this-week", "current": return current
        case "last", "last-week", "previous": return current.adding(weeks: -1)
        default: break
        }
        if word.contains("w"), let week = ISOWeek(iso: word) { return week }
        return DateInput.day(word, clock: clock, direction: .past).map { ISOWeek(containing: $0) }
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }
}

import Foundation
