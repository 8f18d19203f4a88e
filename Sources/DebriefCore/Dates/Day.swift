import Foundation

/// A calendar day with no time of day, as written for due and done dates (`2026-11-27`).
///
/// Due dates are days, not instants: "by Friday" means the whole of Friday wherever the user is.
/// Arithmetic uses the proleptic Gregorian civil-day algorithm, so it needs no `Calendar`
/// and is exact across month and year ends.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or nil when the fields do not name a real date (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
              (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal % 7 + 7) % 7
        return (w + 3) % 7 + 1
    }

    /// `2026-11-27`.
    public var iso: String {
        var out = [UInt8]()
        out.reserveCapacity(10)
        iso(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``iso``'s UTF-8 bytes appended to `out`, without a `String` between (JSON writes days
    /// straight into its bytes: ``JSONWriter/field(_:day:)``).
    public func iso(into out: inout [UInt8]) {
        var text: (UInt64, UInt16) = (0, 0)
        let written = withUnsafeMutableBytes(of: &text) { raw in
            raw.bindMemory(to: UInt8.self).baseAddress.map { iso(at: $0) } ?? false
        }
        guard written else {
            out += String(format: "%04d-%02d-%02d", year, month, day).utf8
            return
        }
        withUnsafeBytes(of: &text) { out += $0.prefix(10) }
    }

    /// ``iso``'s ten bytes at `p`, when the year has four digits (true); else nothing is written
    /// (``iso(into:)`` writes it). Through a pointer: ``JSONWriter`` writes a day into room made
    /// for it, where appending digit by digit to an array was 613 instructions a day.
    func iso(at p: UnsafeMutablePointer<UInt8>) -> Bool {
        guard (0...9999).contains(year) else { return false }
        Self.digits(year, 4, at: p)
        p[4] = 45
        Self.digits(month, 2, at: p + 5)
        p[7] = 45
        Self.digits(day, 2, at: p + 8)
        return true
    }

    /// `n` (0 or more) as `width` decimal digits, for the ISO forms (String(format:) costs a
    /// microsecond a call, and JSON of 10,000 entries writes 30,000 dates).
    static func digits(_ n: Int, _ width: Int, into out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = n
        while divisor > 0 {
            out.append(UInt8(48 + (v / divisor) % 10))
            v %= divisor
            divisor /= 10
        }
    }

    /// ``digits(_:_:into:)``'s `width` bytes at `p` (its last `width` digits).
    static func digits(_ n: Int, _ width: Int, at p: UnsafeMutablePointer<UInt8>) {
        var v = n
        for i in stride(from: width - 1, through: 0, by: -1) {
            p[i] = UInt8(truncatingIfNeeded: 48 + v % 10)
            v /= 10
        }
    }

    public var description: String { iso }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Day.digits(u[0..<4]), let m = Day.digits(u[5..<7]), let d = Day.digits(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The calendar day of `date` in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        let seconds = Int(floor(date.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: date)
        self.init(ordinal: Int(floor(Double(seconds) / 86_400)))
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }
}
