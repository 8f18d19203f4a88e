import Foundation

/// Which way an ambiguous date points. A weekday or a day of the year without a year means the
/// past for things that already happened and the future for things still to do: `fri` typed on a
/// Tuesday is last Friday as an event date and this coming Friday as a due date.
public enum DateDirection: Sendable, Equatable {
    /// Event dates, `--since`, `--until`, `--week`, done dates: the most recent such day, today included.
    case past
    /// Due dates and rescheduling: the next such day (for a weekday, strictly after today).
    case future
}

/// The one date reader of debrief: every date a person types (the reflection's date fields,
/// `--date`, `--on`, `--since`, `--until`, `--week DATE`, the answers of `debrief add`) is read here,
/// so a form that works in one place works everywhere.
///
/// Accepted (case-insensitive; see ``formsHelp``):
/// - ISO 8601: `2026-11-24`, `2026-11-24 19:00`, `2026-11-24T19:00`, `2026-11-24T19:00:00+01:00`, `…Z`;
/// - `now`, `today`, `tomorrow`, `yesterday`;
/// - weekdays `mon` … `sunday`, by direction; `next fri` (as GNU `date` reads it: the first Friday after
///   today) and `last fri` (the last Friday before today), whatever the direction;
/// - `in 3 days`, `in 2 weeks`, `+3d`, `+2w` (from today), `3 days ago`, `2 weeks ago`, `-3d`;
/// - a day of the year, `nov 6`, `6 nov`, `november 6`, with or without a year (`6 nov 2026`), by direction;
/// - any of the above followed by a time, `18:30`, `9:05`, `6pm`, `6:30pm`, or a time alone (today).
///
/// Relative forms count from now, the moment of typing, never from another date. All-numeric
/// day/month forms (`6/11`) are refused: they are never unambiguous.
///
/// A date without a time means the start of that day (00:00), shown back to the user before it is
/// accepted; it never silently becomes some other hour.
public enum DateInput {
    /// What a typed date resolved to.
    public enum Parsed: Equatable, Sendable {
        case day(Day)
        case dateTime(Timestamp)
    }

    /// The accepted forms, for hints and help text: the one list every screen and command shows.
    public static let formsHelp = "today, yesterday, tomorrow, fri, next fri, in 3 days, in 2 weeks, +3d, 3 days ago, nov 6, 2026-11-24, with or without a time (18:30, 6pm)"

    /// Parses `text` relative to `clock`; nil when it is not a date.
    public static func parse(_ text: String, clock: Clock, direction: DateDirection) -> Parsed? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty else { return nil }
        if trimmed == "now" { return .dateTime(clock.timestamp) }
        if let ts = Timestamp(iso: trimmed), trimmed.count > 16 || trimmed.contains("t") {
            if trimmed.hasSuffix("z") || trimmed.contains("+") || trimmed.dropFirst(10).contains("-") {
                return .dateTime(ts)
            }
        }
        var words = localISO(trimmed) ?? trimmed.replacingOccurrences(of: ",", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // A trailing time: `fri 18:30`, `nov 6 6pm`; alone, a time means today.
        var time: (Int, Int)?
        if let last = words.last, let t = self.time(last) {
            time = t
            words.removeLast()
            if words.isEmpty { words = ["today"] }
        }
        guard let day = resolveDay(words, clock: clock, direction: direction) else { return nil }
        guard let (h, m) = time else { return .day(day) }
        guard let ts = Timestamp(day: day, hour: h, minute: m, in: clock.timeZone) else { return nil }
        return .dateTime(ts)
    }

    /// Parses a date-time, taking a bare day as 00:00 local time.
    public static func timestamp(_ text: String, clock: Clock, direction: DateDirection) -> Timestamp? {
        switch parse(text, clock: clock, direction: direction) {
        case .dateTime(let ts): return ts
        case .day(let d): return Timestamp(day: d, hour: 0, minute: 0, in: clock.timeZone)
        case nil: return nil
        }
    }

    /// Parses a day; a date-time is reduced to its local day.
    public static func day(_ text: String, clock: Clock, direction: DateDirection) -> Day? {
        switch parse(text, clock: clock, direction: direction) {
        case .day(let d): return d
        case .dateTime(let ts): return Day(ts.date, in: clock.timeZone)
        case nil: return nil
        }
    }

    // MARK: - Days

    private static func resolveDay(_ words: [String], clock: Clock, direction: DateDirection) -> Day? {
        let today = clock.today
        switch words.count {
        case 1:
            let word = words[0]
            switch word {
            case "today": return today
            case "yesterday": return today.adding(days: -1)
            case "tomorrow": return today.adding(days: 1)
            default: break
            }
            if let d = Day(iso: word) { return d }
            if let (sign, rest) = signed(word), let n = count(rest) { return today.adding(days: sign * n) }
            if let weekday = weekday(word) {
                switch direction {
                case .past: return today.adding(days: -((today.isoWeekday - weekday + 7) % 7))
                case .future: return today.adding(days: (weekday - today.isoWeekday + 6) % 7 + 1)
                }
            }
            return nil
        case 2:
            if let weekday = weekday(words[1]) {
                switch words[0] {
                case "next": return today.adding(days: (weekday - today.isoWeekday + 6) % 7 + 1)
                case "last": return today.adding(days: -((today.isoWeekday - weekday + 6) % 7 + 1))
                default: return nil
                }
            }
            return dayOfYear(words, year: nil, today: today, direction: direction)
        case 3:
            if words[0] == "in", let n = amount(words[1]), let unit = unit(words[2]) {
                return today.adding(days: n * unit)
            }
            if words[2] == "ago", let n = amount(words[0]), let unit = unit(words[1]) {
                return today.adding(days: -n * unit)
            }
            guard words[2].count == 4, let year = Int(words[2]) else { return nil }
            return dayOfYear(Array(words[0..<2]), year: year, today: today, direction: direction)
        default:
            return nil
        }
    }

    /// `+3d`, `-2w`, `+3`: a sign and the rest.
    private static func signed(_ word: String) -> (Int, Substring)? {
        guard let first = word.first, first == "+" || first == "-" else { return nil }
        return (first == "+" ? 1 : -1, word.dropFirst())
    }

    /// `3d` → 3, `2w` → 14.
    private static func count(_ text: Substring) -> Int? {
        guard let last = text.last else { return nil }
        let factor: Int
        switch last {
        case "d": factor = 1
        case "w": factor = 7
        default: return nil
        }
        guard let n = Int(text.dropLast()), n >= 0, n <= 36_500 else { return nil }
        return n * factor
    }

    private static func amount(_ word: String) -> Int? {
        if word == "a" || word == "an" || word == "one" { return 1 }
        guard word.allSatisfy(\.isASCII), let n = Int(word), n >= 0, n <= 36_500 else { return nil }
        return n
    }

    private static func unit(_ word: String) -> Int? {
        switch word {
        case "day", "days": return 1
        case "week", "weeks": return 7
        default: return nil
        }
    }

    private static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// 1 = Monday … 7 = Sunday, for a name of at least three letters (`fri`, `frid`, `friday`).
    private static func weekday(_ word: String) -> Int? {
        guard word.count >= 3, let index = weekdayNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    /// 1 … 12 for `nov`, `novem`, `november` (three letters at least; `may` is whole already).
    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        if word == "sept" { return 9 }
        return monthNames.firstIndex(where: { $0.hasPrefix(word) }).map { $0 + 1 }
    }

    /// `nov 6` or `6 nov`, in `year` when given, else by direction: the most recent one (today
    /// included) looking back, the next one (today included) looking forward.
    private static func dayOfYear(_ words: [String], year: Int?, today: Day, direction: DateDirection) -> Day? {
        let (monthWord, dayWord) = month(words[0]) != nil ? (words[0], words[1]) : (words[1], words[0])
        guard let m = month(monthWord), dayWord.count <= 2, dayWord.allSatisfy(\.isASCII),
              let d = Int(dayWord), (1...31).contains(d) else { return nil }
        if let year { return Day(year: year, month: m, day: d) }
        // Feb 29 may be years away; a day that never exists (nov 31) gives nil.
        for offset in 0...8 {
            let y = direction == .past ? today.year - offset : today.year + offset
            guard let candidate = Day(year: y, month: m, day: d) else { continue }
            if direction == .past ? candidate <= today : candidate >= today { return candidate }
        }
        return nil
    }

    // MARK: - Times

    /// ISO 8601 without an offset (`2026-11-24t18:30`, `…t18:30:00`) as a day and a local time,
    /// the way a spreadsheet or a calendar export writes it. Seconds other than 00 are refused
    /// rather than dropped.
    private static func localISO(_ text: String) -> [String]? {
        let pieces = text.split(separator: "t", omittingEmptySubsequences: false)
        guard pieces.count == 2, pieces[0].count == 10, Day(iso: pieces[0]) != nil else { return nil }
        var time = String(pieces[1])
        if time.count == 8, time.hasSuffix(":00") { time.removeLast(3) }
        return [String(pieces[0]), time]
    }

    /// `18:30`, `9:05`, `6pm`, `6:30pm`, `12am` (midnight).
    private static func time(_ word: String) -> (Int, Int)? {
        var text = Substring(word)
        var meridiem: Int?
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            meridiem = text.hasSuffix("pm") ? 12 : 0
            text = text.dropLast(2)
        }
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), (1...2).contains(pieces[0].count),
              pieces.allSatisfy({ $0.allSatisfy(\.isASCII) }), let h = Int(pieces[0]) else { return nil }
        var minute = 0
        if pieces.count == 2 {
            guard pieces[1].count == 2, let m = Int(pieces[1]), (0...59).contains(m) else { return nil }
            minute = m
        } else if meridiem == nil {
            return nil // `18` alone is a number, not a time
        }
        if let meridiem {
            guard (1...12).contains(h) else { return nil }
            return (h % 12 + meridiem, minute)
        }
        guard (0...23).contains(h) else { return nil }
        return (h, minute)
    }
}
