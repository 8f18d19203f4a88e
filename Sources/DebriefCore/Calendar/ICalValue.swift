/// A date or date-time value of a calendar property, as written: a date, a floating wall-clock
/// time, a UTC instant, or a wall-clock time in a named zone.
///
/// Wall-clock times are "local seconds": seconds since 1970-01-01T00:00 of the wall clock, as if it
/// were UTC, so that day and time-of-day arithmetic needs no calendar.
public enum CalendarTime: Hashable, Sendable, Codable {
    /// `VALUE=DATE`: a day, no time (all-day events).
    case date(Day)
    /// A wall-clock time with no zone: read in the user's zone.
    case floating(Int)
    /// `…Z`: seconds since the epoch.
    case utc(Int)
    /// `TZID=…`: a wall-clock time in the zone with that key in the file's ``CalendarZones``.
    case zoned(Int, String)

    public var isDate: Bool {
        if case .date = self { return true }
        return false
    }

    /// The wall-clock reading (local seconds): a date's midnight, a UTC instant as read in UTC.
    public var wall: Int {
        switch self {
        case .date(let day): return day.ordinal * 86_400
        case .floating(let local), .zoned(let local, _): return local
        case .utc(let seconds): return seconds
        }
    }

    /// The same kind of value at another wall-clock reading (a date keeps only the day).
    func with(wall: Int) -> CalendarTime {
        switch self {
        case .date: return .date(Day(ordinal: Int((Double(wall) / 86_400).rounded(.down))))
        case .floating: return .floating(wall)
        case .utc: return .utc(wall)
        case .zoned(_, let zone): return .zoned(wall, zone)
        }
    }

    /// Coded as one short string (`d20261124`, `f<wall>`, `u<seconds>`, `z<wall> <zone>`), for the
    /// index's cached events.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let body = text.dropFirst()
        switch text.first {
        case "d":
            guard let ordinal = Int(body) else { break }
            self = .date(Day(ordinal: ordinal))
            return
        case "f":
            guard let wall = Int(body) else { break }
            self = .floating(wall)
            return
        case "u":
            guard let seconds = Int(body) else { break }
            self = .utc(seconds)
            return
        case "z":
            let parts = body.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let wall = Int(parts[0]) else { break }
            self = .zoned(wall, String(parts[1]))
            return
        default: break
        }
        throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a calendar time: \(text)"))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .date(let day): try container.encode("d\(day.ordinal)")
        case .floating(let wall): try container.encode("f\(wall)")
        case .utc(let seconds): try container.encode("u\(seconds)")
        case .zoned(let wall, let zone): try container.encode("z\(wall) \(zone)")
        }
    }

    /// The zone key of a zoned time, "UTC" for UTC, nil for dates and floating times: two times
    /// with the same key are in the same zone, so their difference is taken on the wall clock.
    var zoneKey: String? {
        switch self {
        case .utc: return "UTC"
        case .zoned(_, let zone): return zone
        case .date, .floating: return nil
        }
    }
}

/// Reading the value types of RFC 5545 section 3.3.
public enum ICalValue {
    /// TEXT (3.3.11): `\\`, `\;`, `\,`, `\:` and `\n`/`\N` read in one pass; any other backslash
    /// is kept as written (as Python's `icalendar` does).
    public static func text(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return raw }
        var out: [UInt8] = []
        let bytes = Array(raw.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count {
                switch bytes[i + 1] {
                case UInt8(ascii: "n"), UInt8(ascii: "N"): out.append(0x0A); i += 2; continue
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ":"):
                    out.append(bytes[i + 1]); i += 2; continue
                default: break
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A TEXT list (CATEGORIES): split at commas not escaped, each part read as TEXT.
    public static func textList(_ raw: String) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        var escaped = false
        for b in raw.utf8 {
            if escaped {
                current.append(b)
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                current.append(b)
                escaped = true
            } else if b == UInt8(ascii: ",") {
                parts.append(text(String(decoding: current, as: UTF8.self)))
                current = []
            } else {
                current.append(b)
            }
        }
        parts.append(text(String(decoding: current, as: UTF8.self)))
        return parts.map(\.trimmingBlanks).filter { !$0.isEmpty }
    }

    /// A DATE (`20261124`) or DATE-TIME (`20261124T183000`, `…Z`) in basic format; the zone of a
    /// DATE-TIME without `Z` is `zone` (nil: floating). The form decides, as in Python's
    /// `icalendar`, whatever `VALUE` says.
    public static func time(_ raw: String, zone: String?) -> CalendarTime? {
        let u = Array(raw.utf8.filter { $0 != 0x20 && $0 != 0x09 })
        guard u.count >= 8, let y = Day.digits(u[0..<4]), let m = Day.digits(u[4..<6]), let d = Day.digits(u[6..<8]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        if u.count == 8 { return .date(day) }
        guard u.count == 15 || u.count == 16, u[8] == UInt8(ascii: "T") || u[8] == UInt8(ascii: "t"),
              let hh = Day.digits(u[9..<11]), let mm = Day.digits(u[11..<13]), let ss = Day.digits(u[13..<15]),
              hh <= 23, mm <= 59, ss <= 60 else { return nil }
        let wall = day.ordinal * 86_400 + hh * 3600 + mm * 60 + min(ss, 59)
        if u.count == 16 {
            guard u[15] == UInt8(ascii: "Z") || u[15] == UInt8(ascii: "z") else { return nil }
            return .utc(wall)
        }
        if let zone { return .zoned(wall, zone) }
        return .floating(wall)
    }

    /// A list of DATE or DATE-TIME values (EXDATE, RDATE), comma-separated; nil when one is not.
    public static func times(_ raw: String, zone: String?) -> [CalendarTime]? {
        var out: [CalendarTime] = []
        for part in raw.split(separator: ",", omittingEmptySubsequences: true) {
            guard let t = time(String(part), zone: zone) else { return nil }
            out.append(t)
        }
        return out
    }

    /// A DURATION (3.3.6): `[+|-]P[nW][nD][T[nH][nM][nS]]`, as Python's `icalendar` reads it
    /// (weeks and days may be combined); in seconds, which are added on the wall clock.
    public static func duration(_ raw: String) -> Int? {
        var u = Array(raw.utf8.filter { $0 != 0x20 })
        var sign = 1
        if let first = u.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = -1 }
            u.removeFirst()
        }
        guard let p = u.first, p == UInt8(ascii: "P") || p == UInt8(ascii: "p"), u.count >= 3 else { return nil }
        var total = 0
        var number: Int?
        var inTime = false
        var seen = false
        for b in u.dropFirst() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let n = (number ?? 0)
                guard n < 100_000_000 else { return nil }
                number = n * 10 + Int(b - 48)
            case UInt8(ascii: "T"), UInt8(ascii: "t"):
                guard number == nil, !inTime else { return nil }
                inTime = true
            default:
                guard let n = number else { return nil }
                let unit: Int
                switch (b | 0x20, inTime) {
                case (UInt8(ascii: "w"), false): unit = 7 * 86_400
                case (UInt8(ascii: "d"), false): unit = 86_400
                case (UInt8(ascii: "h"), true): unit = 3600
                case (UInt8(ascii: "m"), true): unit = 60
                case (UInt8(ascii: "s"), true): unit = 1
                default: return nil
                }
                total += n * unit
                number = nil
                seen = true
            }
        }
        guard number == nil, seen else { return nil }
        return sign * total
    }

    /// A UTC-OFFSET (3.3.14): `+HHMM` or `+HHMMSS`, in seconds.
    public static func utcOffset(_ raw: String) -> Int? {
        let u = Array(raw.trimmingBlanks.utf8)
        guard u.count == 5 || u.count == 7, u[0] == UInt8(ascii: "+") || u[0] == UInt8(ascii: "-"),
              let h = Day.digits(u[1..<3]), let m = Day.digits(u[3..<5]), h <= 23, m <= 59 else { return nil }
        var s = 0
        if u.count == 7 {
            guard let sec = Day.digits(u[5..<7]), sec <= 59 else { return nil }
            s = sec
        }
        return (u[0] == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60 + s)
    }

    /// The e-mail address of a CAL-ADDRESS (`mailto:ana@example.org`), lower-cased; nil for other URIs.
    public static func email(_ raw: String) -> String? {
        let value = raw.trimmingBlanks
        guard value.lowercased().hasPrefix("mailto:") else {
            // Some writers leave the scheme out.
            return value.contains("@") && !value.contains(":") && !value.contains(" ") ? value.lowercased() : nil
        }
        let address = String(value.dropFirst(7)).trimmingBlanks
        return address.isEmpty ? nil : address.lowercased()
    }
}
