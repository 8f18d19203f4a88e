import Foundation
import Testing
@testable import DebriefCore

/// A `VTIMEZONE` observance's latest onset is found from the asked year's onsets (kept per rule,
/// start and year) instead of walking the rule from DTSTART (Outlook writes 1601) at every
/// conversion. It must be exactly what the whole walk gives, for the rules zones carry and for the
/// ones where a shortcut goes wrong: UNTIL and COUNT (the rule ended years ago), INTERVAL 2 and 3
/// (years without an onset), the 29th of February (three years in four without one).
@Suite struct ZoneOnsetTests {
    /// (rule, DTSTART) pairs, as VTIMEZONEs write them.
    static let rules: [(String, String)] = [
        ("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "16010101T030000"),  // Outlook's W. Europe STANDARD
        ("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "16010101T020000"),   // and its DAYLIGHT
        ("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "20070311T020000"),    // America/New_York since 2007
        ("FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z", "19870405T020000"),
        ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z", "19671029T020000"),
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYDAY=-1SU", "19901028T030000"),
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=10;BYDAY=-1SU", "19911027T030000"),
        ("FREQ=YEARLY;INTERVAL=3;BYMONTH=9;BYMONTHDAY=15", "19950915T000000"),
        ("FREQ=YEARLY;COUNT=10;BYMONTH=3;BYDAY=-1SU", "19900325T020000"),
        ("FREQ=YEARLY;COUNT=40;BYMONTH=3;BYDAY=-1SU", "19900325T020000"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "19960229T020000"),
        ("FREQ=YEARLY", "19811025T030000"),
        ("FREQ=MONTHLY;BYDAY=1SU", "20100103T020000"),
        ("FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU;UNTIL=20101031", "19960331T020000"),
    ]

    static func wall(_ text: String) -> Int {
        guard let time = ICalValue.time(text, zone: nil) else { fatalError("not a time: \(text)") }
        return time.wall
    }

    /// Instants to ask about, 1985 to 2040: each onset the whole walk gives, a second before and
    /// after it, and the first, a middle and the last second of every year.
    static func samples(_ onsets: [Int]) -> [Int] {
        var out: [Int] = []
        for year in 1985...2040 {
            let first = Day(year: year, month: 1, day: 1)!.ordinal * 86_400
            out += [first, first + 182 * 86_400 + 43_210, Day(year: year, month: 12, day: 31)!.ordinal * 86_400 + 86_399]
        }
        for o in onsets where o < Self.wall("20410101T000000") { out += [o - 1, o, o + 1] }
        return out.sorted()
    }

    @Test func theYearsOnsetsGiveWhatTheWholeWalkGives() throws {
        var compared = 0
        for (text, startText) in Self.rules {
            let rule = try RecurrenceRule.parse(text).get()
            let start = Self.wall(startText)
            let end = Self.wall("20410101T000000")
            // One walk to 2041 from DTSTART: the onsets at or before any time are its prefix.
            let all = try #require(rule.walls(start: start, lower: start, upper: end,
                                              isPastUntil: { w in rule.until.map { w > $0.wall } ?? false }), "\(text)")
            #expect(!all.isEmpty, "\(text)")
            for (i, wall) in Self.samples(all).enumerated() {
                let expected = wall >= start ? all.last { $0 <= wall } : nil
                #expect(CustomZone.latestOnset(rule, start: start, atOrBefore: wall) == expected,
                        "\(text) from \(startText) at \(EventKey.basic(wall))")
                if i % 25 == 0 {
                    #expect(CustomZone.fullWalkOnset(rule, start: start, atOrBefore: wall) == expected, "\(text) at \(EventKey.basic(wall))")
                }
                compared += 1
            }
        }
        #expect(compared > 3_000)
    }

    /// The observance a wall-clock time falls in, through a whole zone: Outlook's W. Europe zone
    /// against the system's Europe/Berlin from 1996 (when both agree) to 2040, every half hour from
    /// midnight to 04:30 on each change's day and every day at noon.
    @Test func anOutlookZoneReadsAsTheTzDatabase() throws {
        let standard = CustomZone.Observance(isDaylight: false, offsetFrom: 7200, offsetTo: 3600, start: Self.wall("16010101T030000"),
                                             rules: [try RecurrenceRule.parse("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10").get()], dates: [])
        let daylight = CustomZone.Observance(isDaylight: true, offsetFrom: 3600, offsetTo: 7200, start: Self.wall("16010101T020000"),
                                             rules: [try RecurrenceRule.parse("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3").get()], dates: [])
        let outlook = ZoneRules.custom(CustomZone(observances: [standard, daylight]))
        let berlin = ZoneRules.system(try #require(TimeZone(identifier: "Europe/Berlin")))
        var walls: [Int] = []
        for day in Day(year: 1996, month: 1, day: 1)!.ordinal...Day(year: 2040, month: 12, day: 31)!.ordinal {
            walls.append(day * 86_400 + 43_200)
        }
        let changes = try RecurrenceRule.parse("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3,10").get()
        for day in changes.walls(start: Self.wall("19960101T000000"), lower: Self.wall("19960101T000000"),
                                 upper: Self.wall("20410101T000000"), isPastUntil: { _ in false }) ?? [] {
            for h in 0..<10 { walls.append(day + h * 1800) }
        }
        // The hour skipped in spring is left out: there the tz database (fold=0) and dateutil's
        // tzical (as icalendar reads a VTIMEZONE) differ by design.
        walls = walls.filter { berlin.wall(fromUTC: berlin.utc(fromWall: $0)) == $0 }
        #expect(walls.count > 16_000)
        var differ: [String] = []
        for wall in walls where outlook.utc(fromWall: wall) != berlin.utc(fromWall: wall) { differ.append(EventKey.basic(wall)) }
        #expect(differ.isEmpty, "\(differ.prefix(5))")
        for wall in walls.prefix(2000) {
            let utc = berlin.utc(fromWall: wall)
            #expect(outlook.wall(fromUTC: utc) == berlin.wall(fromUTC: utc))
        }
    }
}
