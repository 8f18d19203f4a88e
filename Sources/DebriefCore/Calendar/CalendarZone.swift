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

    /// The latest onset of `o` at or before a wall-clock time, as the whole walk of its rules from
    /// DTSTART gives it (``fullWalkOnset(_:start:atOrBefore:)``), found from the onsets of the asked
    /// year and the one before (kept per rule, start and year: every Outlook zone begins in 1601,
    /// and one pending run converts thousands of times); only when neither year has one is the
    /// rule walked from its start (a rule ended by UNTIL or COUNT, or one repeating less than
    /// yearly), up to the end of the year before those two.
    func latestOnset(_ o: Observance, atOrBefore wall: Int) -> Int? {
        var latest: Int? = o.start <= wall ? o.start : nil
        for d in o.dates where d <= wall { latest = max(latest ?? d, d) }
        guard o.start <= wall else { return latest }
        for rule in o.rules {
            if let found = Self.latestOnset(rule, start: o.start, atOrBefore: wall) { latest = max(latest ?? found, found) }
        }
        return latest
    }

    static func latestOnset(_ rule: RecurrenceRule, start: Int, atOrBefore wall: Int) -> Int? {
        let year = Day(ordinal: RecurrenceRule.floorDiv(wall, 86_400)).year
        let firstYear = Day(ordinal: RecurrenceRule.floorDiv(start, 86_400)).year
        if let found = onsets(rule, start: start, year: year).last(where: { $0 <= wall }) { return found }
        guard year - 1 >= firstYear else { return nil }
        if let found = onsets(rule, start: start, year: year - 1).last { return found }
        guard year - 2 >= firstYear, let end = Day(year: year - 2, month: 12, day: 31) else { return nil }
        return OnsetMemo.shared.value(.init(rule: rule, start: start, year: year - 2, whole: true)) {
            fullWalkOnset(rule, start: start, atOrBefore: end.ordinal * 86_400 + 86_399).map { [$0] } ?? []
        }.last
    }

    /// The onsets a rule gives in one year (wall-clock seconds, in order).
    static func onsets(_ rule: RecurrenceRule, start: Int, year: Int) -> [Int] {
        OnsetMemo.shared.value(.init(rule: rule, start: start, year: year, whole: false)) {
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return [] }
            return rule.walls(start: start, lower: max(start, first.ordinal * 86_400), upper: last.ordinal * 86_400 + 86_399,
                              isPastUntil: { w in rule.until.map { w > $0.wall } ?? false }) ?? []
        }
    }

    /// The latest onset at or before `wall` of the rule walked from its start: what
    /// ``latestOnset(_:start:atOrBefore:)`` must always equal (the tests compare them).
    static func fullWalkOnset(_ rule: RecurrenceRule, start: Int, atOrBefore wall: Int) -> Int? {
        rule.walls(start: start, lower: start, upper: wall, isPastUntil: { w in rule.until.map { w > $0.wall } ?? false })?.last
    }
}

/// Zone rules' onsets per rule, start and year, shared by every file of a run (the same Outlook
/// zone is written into each of its files). Bounded: emptied when it grows past `limit` keys.
final class OnsetMemo: Sendable {
    struct Key: Hashable, Sendable {
        var rule: RecurrenceRule
        var start: Int
        var year: Int
        /// The whole walk up to the end of `year` rather than the onsets within it.
        var whole: Bool

        /// Hashes the start, the year and the rule's frequency, month and day lists, not the whole
        /// rule: a run looks keys up ~10,000 times, and hashing every field of the rule was most of
        /// each lookup. Equal keys still hash alike; `==` compares the whole rule (cheap: the rules
        /// of a run's zones share their arrays).
        func hash(into hasher: inout Hasher) {
            hasher.combine(start)
            hasher.combine(year)
            hasher.combine(whole)
            hasher.combine(rule.frequency)
            hasher.combine(rule.byMonth)
            hasher.combine(rule.byDay)
        }
    }

    static let shared = OnsetMemo()
    private let memo = Mutex<[Key: [Int]]>([:])
    private let limit = 20_000

    func value(_ key: Key, _ compute: () -> [Int]) -> [Int] {
        if let known = memo.withLock({ $0[key] }) { return known }
        let computed = compute()
        memo.withLock { m in
            if m.count >= limit { m.removeAll() }
            m[key] = computed
        }
        return computed
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
        // A name already found was checked then (the check costs more than the lookup).
        if let known = cache.withLock({ $0[name] }) { return known }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "/_+-".unicodeScalars.contains($0)) }),
              !name.hasPrefix("GMT+"), !name.hasPrefix("GMT-"), !name.contains("//"), !name.hasSuffix("/") else { return nil }
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
