import Foundation

/// How an event's time reads on the command line and the screens, in the user's zone.
public enum EventTime {
    public static func timestamp(_ seconds: Int, zone: TimeZone) -> Timestamp {
        Timestamp(Date(timeIntervalSince1970: TimeInterval(seconds)), in: zone)
    }

    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// "Thu 2026-11-19 12:00–13:30"; an all-day event "Mon 2026-11-16 (all day)", or "… – Tue
    /// 2026-11-17" over several days; an end on another day with its date.
    public static func span(_ i: EventInstance, zone: TimeZone) -> String {
        let s = timestamp(i.start, zone: zone), e = timestamp(i.end, zone: zone)
        func day(_ t: Timestamp) -> String { weekdays[t.day.isoWeekday - 1] + " " + t.day.iso }
        func time(_ t: Timestamp) -> String { String(format: "%02d:%02d", t.hour, t.minute) }
        if i.isAllDay {
            let last = e.day.adding(days: -1)
            return last > s.day ? day(s) + " – " + weekdays[last.isoWeekday - 1] + " " + last.iso + " (all day)" : day(s) + " (all day)"
        }
        if e.day == s.day { return day(s) + " " + time(s) + (e.seconds > s.seconds ? "–" + time(e) : "") }
        return day(s) + " " + time(s) + " – " + day(e) + " " + time(e)
    }

    /// Its summary, or "(no title)".
    public static func title(_ i: EventInstance) -> String {
        i.event.summary.isEmpty ? "(no title)" : i.event.summary
    }

    /// Its location's lines, trimmed, joined by ", " (the form an entry's `location` keeps).
    public static func place(_ i: EventInstance) -> String {
        i.event.location.split(whereSeparator: \.isNewline).map { $0.trimmingBlanks }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
