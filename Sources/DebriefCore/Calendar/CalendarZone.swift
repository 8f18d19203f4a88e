import Foundation
import Synchronization

/// The rules of a `VTIMEZONE` whose TZID is not an IANA name: its STANDARD and DAYLIGHT
/// observances, each with its onset (a wall-clock time), offsets, and RRULE or RDATE onsets.
public struct CustomZone: Hashable, Sendable, Codable {
    public struct Observance: Hashable, Sendable, Codable {
        public var isDaylight: Bool
        public var offsetFrom: Int
        public var offsetTo: Int
        /// DTSTART, local seconds.
        public var start: Int
        public var rules: [RecurrenceRule]
        /// RDATE onsets, local seconds.
        public var dates: [Int]
    }

    public var observances: [Observance]

    /// The instant of a wall-clock time, as python-dateutil's `tzical` reads it (what Python's
    /// `icalendar` uses for such zones): the observance whose latest onset at or before the wall
    /// time is the latest applies (onsets compared on the wall clock, so a time in the hour
    /// repeated in autumn is the first one); before any onset, the first STANDARD observance.
    public func utc(fromWall wall: Int) -> Int {
        wall - observance(at: wall).offsetTo
    }

    func observance(at wall: Int) -> Observance {
        if observances.count == 1 { return observances[0] }
        var best: (onset: Int, observance: Observance)?
        for o in observances {
            guard let onset = latestOnset(o, atOrBefore: wall) else { continue }
            if best == nil || best!.onset < onset { best = (onset, o) }
        }
        if let best { return best.observance }
        return observances.first { !$0.isDaylight } ?? observances[0]
    }

    private func latestOnset(_ o: Observance, atOrBefore wall: Int) -> Int? {
        var latest: Int? = o.start <= wall ? o.start : nil
        for d in o.dates where d <= wall { latest = max(latest ?? d, d) }
        for rule in o.rules where o.start <= wall {
            // The last two years first (every real zone changes at least yearly); a rule that
            // ended earlier is walked from its start.
            let isPastUntil: (Int) -> Bool = { w in rule.until.map { w > $0.wall } ?? false }
            var found = rule.walls(start: o.start, lower: max(o.start, wall - 800 * 86_400), upper: wall, isPastUntil: isPastUntil)?.last
            if found == nil, rule.until != nil || rule.count != nil {
                found = rule.walls(start: o.start, lower: o.start, upper: wall, isPastUntil: isPastUntil)?.last
            }
            if let found { latest = max(latest ?? found, found) }
        }
        return latest
    }
}

/// A zone times can be converted in: an IANA zone of the system's tz database, or a file's own
/// `VTIMEZONE` rules.
public enum ZoneRules: Sendable {
    case system(TimeZone)
    case custom(CustomZone)

    /// The instant of a wall-clock time (local seconds). For an IANA zone, as Python's `zoneinfo`
    /// reads a time with `fold=0`: in the hour repeated in autumn, the first; in the hour skipped in
    /// spring, the offset from before the change (02:30 becomes 03:30), as RFC 5545 asks.
    public func utc(fromWall wall: Int) -> Int {
        switch self {
        case .custom(let zone): return zone.utc(fromWall: wall)
        case .system(let zone):
            func offset(_ utc: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))) }
            let before = offset(wall - 86_400), after = offset(wall + 86_400)
            if before == after, offset(wall - before) == before { return wall - before }
            // A change nearby: before it while the wall clock is short of the change plus the
            // larger of the two offsets.
            let larger = max(before, after)
            let atCheck = offset(wall - larger)
            let chosen = atCheck == before ? before : (atCheck == after ? after : atCheck)
            return wall - chosen
        }
    }

    /// The wall-clock reading (local seconds) of an instant.
    public func wall(fromUTC utc: Int) -> Int {
        switch self {
        case .system(let zone): return utc + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc)))
        case .custom(let custom):
            // The observance whose offset gives back the same instant (the first when two do).
            for o in custom.observances where custom.utc(fromWall: utc + o.offsetTo) == utc { return utc + o.offsetTo }
            return utc + (custom.observances.first?.offsetTo ?? 0)
        }
    }

    /// The system zone for an IANA name, or nil. Only names the tz database has, as Python's
    /// `zoneinfo` takes them (Foundation also accepts forms such as `GMT+1`, which it does not).
    public static func iana(_ name: String) -> TimeZone? {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/_+-".unicodeScalars.contains($0)) }),
              !name.hasPrefix("GMT+"), !name.hasPrefix("GMT-"), !name.contains("//"), !name.hasSuffix("/") else { return nil }
        if let known = cache.withLock({ $0[name] }) { return known }
        guard let zone = TimeZone(identifier: name) else { return nil }
        cache.withLock { $0[name] = zone }
        return zone
    }

    private static let cache = Mutex<[String: TimeZone]>([:])
}

/// The zones one calendar file's times refer to: a zoned ``CalendarTime`` names an IANA zone, or
/// `vtimezone:<TZID>` for the file's own rules, kept here.
public struct CalendarZones: Hashable, Sendable, Codable {
    public var custom: [String: CustomZone] = [:]

    public init(custom: [String: CustomZone] = [:]) {
        self.custom = custom
    }

    public static let customPrefix = "vtimezone:"

    /// The rules for a zone key; nil for a key this file does not define.
    public func rules(_ key: String) -> ZoneRules? {
        if key.hasPrefix(Self.customPrefix) { return custom[key].map { .custom($0) } }
        if key == "UTC" { return .system(TimeZone(identifier: "UTC") ?? .gmt) }
        return ZoneRules.iana(key).map { .system($0) }
    }

    /// The instant of a time: floating times and dates in `local` (the user's zone).
    public func instant(_ time: CalendarTime, local: TimeZone) -> Int {
        switch time {
        case .utc(let seconds): return seconds
        case .date(let day): return ZoneRules.system(local).utc(fromWall: day.ordinal * 86_400)
        case .floating(let wall): return ZoneRules.system(local).utc(fromWall: wall)
        case .zoned(let wall, let key): return (rules(key) ?? .system(local)).utc(fromWall: wall)
        }
    }
}
