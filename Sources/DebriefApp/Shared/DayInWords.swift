import DebriefCore

/// A day a typed date resolved to, as a person checks it before pressing Enter: its weekday,
/// date and where it falls from today, "Fri 27 Nov (next week)". `next fri` on a Tuesday means
/// this week's Friday to some and the next week's to others; seeing the week makes either
/// reading safe. One wording for every screen that resolves a typed day (the reflection's due
/// field, the `s`/`D` date prompt).
enum DayInWords {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Fri 27 Nov (next week)`; the year is added when it is not today's.
    static func resolved(_ day: Day, today: Day) -> String {
        "\(date(day, today: today)) (\(relation(of: day, to: today)))"
    }

    /// `Fri 27 Nov`, or `Fri 8 Jan 2027` in another year than today's.
    static func date(_ day: Day, today: Day) -> String {
        let text = "\(weekdays[day.isoWeekday - 1]) \(day.day) \(months[day.month - 1])"
        return day.year == today.year ? text : "\(text) \(day.year)"
    }

    /// `today`, `tomorrow, next week`, `this week`, `in 3 weeks`, `last week`, `2 weeks ago`:
    /// weeks run Monday to Sunday, as the review's do.
    static func relation(of day: Day, to today: Day) -> String {
        let weeks = today.adding(days: 1 - today.isoWeekday).days(until: day.adding(days: 1 - day.isoWeekday)) / 7
        let week: String
        switch weeks {
        case 0: week = "this week"
        case 1: week = "next week"
        case -1: week = "last week"
        case let n where n > 1: week = "in \(n) weeks"
        default: week = "\(-weeks) weeks ago"
        }
        switch today.days(until: day) {
        case 0: return "today"
        case 1: return weeks == 0 ? "tomorrow" : "tomorrow, \(week)"
        case -1: return weeks == 0 ? "yesterday" : "yesterday, \(week)"
        default: return week
        }
    }
}
