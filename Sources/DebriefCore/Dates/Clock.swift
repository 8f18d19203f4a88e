import Foundation

/// Where "now" and the local time zone come from.
///
/// Injected everywhere so tests run with a fixed clock and zone, never the real date.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
        self.timeZone = timeZone
    }

    /// A clock stopped at `date`.
    public static func fixed(_ date: Date, timeZone: TimeZone) -> Clock {
        Clock(timeZone: timeZone, now: { date })
    }

    /// The current instant, written with the local offset.
    public var timestamp: Timestamp { Timestamp(now(), in: timeZone) }

    /// Today in the local zone.
    public var today: Day { Day(now(), in: timeZone) }
}
