import Foundation

/// Parses the dates people type: ISO 8601, `today`, `yesterday`, `tomorrow`, weekday names
/// (`mon` … `sun`, the most recent one, today included), optionally followed by a time
/// (`today 18:30`, `2026-11-24 19:00`, `2026-11-24T19:00`), and `+3d` / `in 3 days` for due dates.
///
/// A date without a time means the start of that day (00:00), shown back to the user before it is
/// accepted; it never silently becomes some other hour.
public enum DateInput {
    /// What a typed date resolved to.
    public enum Parsed: Equatable, Sendable {
        case day(Day)
        case dateTime(Timestamp)
    }

    /// Parses `text` relative to `clock`; nil when it is not a date.
    public static func parse(_ text: String, clock: Clock) -> Parsed? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        if trimmed == "now" { return .dateTime(clock.timestamp) }
        if let ts = Timestamp(iso: trimmed), trimmed.count > 16 || trimmed.contains("t") {
            if trimmed.hasSuffix("z") || trimmed.contains("+") || trimmed.dropFirst(10).contains("-") {
                return .dateTime(ts)
            }
        }
        let parts = localISO(trimmed) ?? trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if parts.count == 3, parts[0] == "in", let n = Int(parts[1]), ["day", "days"].contains(parts[2]) {
            return .day(clock.today.adding(days: n))
        }
        guard let first = parts.first, let day = self.resolveDay(first, clock: clock) else { return nil }
        switch parts.count {
        case 1:
            return .day(day)
        case 2:
            guard let (h, m) = time(parts[1]),
                  let ts = Timestamp(day: day, hour: h, minute: m, in: clock.timeZone) else { return nil }
            return .dateTime(ts)
        default:
            return nil
        }
    }

    /// Parses a date-time, taking a bare day as 00:00 local time.
    public static func timestamp(_ text: String, clock: Clock) -> Timestamp? {
        switch parse(text, clock: clock) {
        case .dateTime(let ts): return ts
        case .day(let d): return Timestamp(day: d, hour: 0, minute: 0, in: clock.timeZone)
        case nil: return nil
        }
    }

    /// Parses a day; a date-time is reduced to its local day.
    public static func day(_ text: String, clock: Clock) -> Day? {
        switch parse(text, clock: clock) {
        case .day(let d): return d
        case .dateTime(let ts): return Day(ts.date, in: clock.timeZone)
        case nil: return nil
        }
    }

    /// ISO 8601 without an offset (`2026-11-24T18:30`, `…T18:30:00`) as a day and a local time,
    /// the way a spreadsheet or a calendar export writes it. Seconds other than 00 are refused
    /// rather than dropped.
    private static func localISO(_ text: String) -> [String]? {
        let pieces = text.split(separator: "t", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 10 else { return nil }
        var time = String(pieces[1])
        if time.count == 8, time.hasSuffix(":00") { time.removeLast(3) }
        return [String(pieces[0]), time]
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func resolveDay(_ word: String, clock: Clock) -> Day? {
        let today = clock.today
        switch word {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if word.hasPrefix("+"), word.hasSuffix("d"), let n = Int(word.dropFirst().dropLast()) {
            return today.adding(days: n)
        }
        if let d = Day(iso: word) { return d }
        if word.count >= 3, let index = weekdays.firstIndex(where: { word.hasPrefix($0) }),
           fullWeekdayNames[index].hasPrefix(word) {
            let target = index + 1
            let back = (today.isoWeekday - target + 7) % 7
            return today.adding(days: -back)
        }
        return nil
    }

    private static let fullWeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func time(_ word: String) -> (Int, Int)? {
        let pieces = word.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[1].count == 2, (1...2).contains(pieces[0].count),
              let h = Int(pieces[0]), let m = Int(pieces[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return (h, m)
    }
}
