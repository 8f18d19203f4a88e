import Foundation

/// An instant together with the UTC offset it was written in (`2026-11-24T18:30:00+01:00`).
///
/// Keeping the offset means a file is rewritten with the same bytes, and the wall-clock time the
/// user saw at the event ("18:30") is what debrief shows and files the entry under, even after
/// they travel or the clocks change.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int
    /// Offset from UTC in seconds, as written.
    public let utcOffset: Int

    public init(seconds: Int, utcOffset: Int) {
        self.seconds = seconds
        self.utcOffset = utcOffset
    }

    /// The instant `date` (whole seconds) written with the offset `timeZone` has at that instant.
    public init(_ date: Date, in timeZone: TimeZone) {
        let s = Int(floor(date.timeIntervalSince1970))
        self.init(seconds: s, utcOffset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(s))))
    }

    /// A wall-clock time in `timeZone`; nil when it does not exist there (skipped by a clock change).
    public init?(day: Day, hour: Int, minute: Int, second: Int = 0, in timeZone: TimeZone) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        let local = day.ordinal * 86_400 + hour * 3600 + minute * 60 + second
        // Try the offsets in force around that moment; the first whose round trip matches wins.
        for guess in [local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))),
                      local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - 86_400))),
                      local - timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + 86_400)))] {
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess)))
            if guess + offset == local {
                self.init(seconds: guess, utcOffset: offset)
                return
            }
        }
        return nil
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    /// Seconds since the epoch of the wall-clock reading, treated as if it were UTC.
    private var localSeconds: Int { seconds + utcOffset }

    /// The day on the wall clock where it was written.
    public var day: Day { Day(ordinal: Int(floor(Double(localSeconds) / 86_400))) }

    /// Seconds since midnight on the wall clock.
    public var secondOfDay: Int { ((localSeconds % 86_400) + 86_400) % 86_400 }
    public var hour: Int { secondOfDay / 3600 }
    public var minute: Int { secondOfDay / 60 % 60 }
    public var second: Int { secondOfDay % 60 }

    /// `2026-11-24T18:30:00+01:00` (or `Z` never: the offset is always written numerically).
    /// An offset with seconds (a zone's local mean time before standard time, +00:53:28 in Berlin
    /// until 1893) is written with them, so the instant reads back exactly (found by fuzzing).
    public var iso: String {
        var out: [UInt8] = []
        out.reserveCapacity(25)
        iso(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``iso``'s bytes appended to `out` (``iso(at:)``'s; for a year of other than four digits
    /// ``Day/iso(into:)``'s then ``clock(at:)``'s; for an offset of 100 hours or more, written
    /// here): `list --format json` writes one a line (10,000 at 10,000 entries), and making each
    /// a `String` (its day's, its time's, the two joined) was 36.7 M of its 1,653 M instructions.
    public func iso(into out: inout [UInt8]) {
        if Self.append(to: &out, { iso(at: $0) }) { return }
        day.iso(into: &out)
        if Self.append(to: &out, { clock(at: $0) }) { return }
        let sign = utcOffset < 0 ? "-" : "+"
        let off = abs(utcOffset)
        let seconds = off % 60 == 0 ? "" : String(format: ":%02d", off % 60)
        out += (String(format: "T%02d:%02d:%02d%@%02d:%02d", hour, minute, second, sign, off / 3600, off / 60 % 60) + seconds).utf8
    }

    /// The bytes `write` puts at a pointer with room for 28, appended to `out`; false, nothing
    /// appended, when it gives nil.
    private static func append(to out: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> Int?) -> Bool {
        var text: (UInt64, UInt64, UInt64, UInt32) = (0, 0, 0, 0)
        let length = withUnsafeMutableBytes(of: &text) { raw in raw.bindMemory(to: UInt8.self).baseAddress.flatMap(write) }
        guard let length else { return false }
        withUnsafeBytes(of: &text) { out += $0.prefix(length) }
        return true
    }

    /// ``iso``'s bytes at `p`, which has room for 28, and how many they are (25, or 28 with an
    /// offset's seconds); nil when the year has other than four digits or the offset is 100 hours
    /// or more (``iso(into:)`` writes those; the day's bytes may have been written). Through a
    /// pointer: ``JSONWriter`` writes a time into room made for it.
    func iso(at p: UnsafeMutablePointer<UInt8>) -> Int? {
        guard day.iso(at: p), let n = clock(at: p + 10) else { return nil }
        return 10 + n
    }

    /// ``iso``'s bytes after its day at `p` (`T`, the time, the offset), and how many they are
    /// (15, or 18 with an offset's seconds); nil, nothing written, when the offset is 100 hours
    /// or more.
    private func clock(at p: UnsafeMutablePointer<UInt8>) -> Int? {
        let off = abs(utcOffset)
        guard off / 3600 < 100 else { return nil }
        let clock = secondOfDay
        p[0] = 84
        Day.digits(clock / 3600, 2, at: p + 1)
        p[3] = 58
        Day.digits(clock / 60 % 60, 2, at: p + 4)
        p[6] = 58
        Day.digits(clock % 60, 2, at: p + 7)
        p[9] = utcOffset < 0 ? 45 : 43
        Day.digits(off / 3600, 2, at: p + 10)
        p[12] = 58
        Day.digits(off / 60 % 60, 2, at: p + 13)
        guard off % 60 != 0 else { return 15 }
        p[15] = 58
        Day.digits(off % 60, 2, at: p + 16)
        return 18
    }

    /// `2026-11-24 18:30`, for people. Written digit by digit, as ``iso`` is: `String(format:)`
    /// was 170 M instructions of `list --search` over 10,000 entries (a line each).
    public var display: String {
        var out: [UInt8] = []
        out.reserveCapacity(16)
        display(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// ``display``'s bytes appended to `out`: `list` writes one a line, and making each a
    /// `String` (its day's, its time's, the two joined) was 31 M instructions of
    /// `list --search` over 10,000 entries.
    public func display(into out: inout [UInt8]) {
        day.iso(into: &out)
        out.append(32)
        Day.digits(hour, 2, into: &out)
        out.append(58)
        Day.digits(minute, 2, into: &out)
    }

    public var description: String { iso }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`, and `±HH:MM:SS` as ``iso``
    /// writes an offset with seconds; a space may stand for `T`.
    public init?(iso text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count >= 17, let day = Day(iso: String(decoding: u[0..<10], as: UTF8.self)),
              u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == UInt8(ascii: " "),
              let hh = Day.digits(u[11..<13]), u[13] == UInt8(ascii: ":"), let mm = Day.digits(u[14..<16])
        else { return nil }
        var i = 16
        var ss = 0
        if i < u.count, u[i] == UInt8(ascii: ":") {
            guard i + 3 <= u.count, let s = Day.digits(u[(i + 1)..<(i + 3)]) else { return nil }
            ss = s
            i += 3
            if i < u.count, u[i] == UInt8(ascii: ".") {
                i += 1
                while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            }
        }
        guard i < u.count else { return nil }
        var offset = 0
        switch u[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == u.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let rest = u[(i + 1)...]
            let compact = Array(rest.filter { $0 != UInt8(ascii: ":") })
            guard [2, 4, 6].contains(compact.count), rest.count <= 8,
                  let oh = Day.digits(compact.prefix(2)) else { return nil }
            let om = compact.count >= 4 ? (Day.digits(compact[2..<4]) ?? 99) : 0
            let os = compact.count == 6 ? (Day.digits(compact[4..<6]) ?? 99) : 0
            guard oh <= 23, om <= 59, os <= 59 else { return nil }
            offset = (oh * 3600 + om * 60 + os) * (u[i] == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        guard hh <= 23, mm <= 59, ss <= 60 else { return nil }
        let local = day.ordinal * 86_400 + hh * 3600 + mm * 60 + min(ss, 59)
        self.init(seconds: local - offset, utcOffset: offset)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
}
