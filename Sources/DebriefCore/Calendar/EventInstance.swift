import Foundation

/// One occurrence of an event: a single event, or one instance of a recurring series (its own
/// override when it was moved or changed).
public struct EventInstance: Hashable, Sendable {
    /// The event giving the details: the series' master, or the override for this instance.
    public var event: CalendarEvent
    /// The original start of a series' instance (its RECURRENCE-ID); nil for a single event.
    public var recurrenceID: CalendarTime?
    /// The instant it starts and ends (seconds since the epoch).
    public var start: Int
    public var end: Int
    /// An all-day event: `start` and `end` are midnights in the user's zone.
    public var isAllDay: Bool
    /// The calendar it was read from (a path of `calendars:`).
    public var calendar: String

    public init(event: CalendarEvent, recurrenceID: CalendarTime?, start: Int, end: Int, isAllDay: Bool, calendar: String) {
        self.event = event
        self.recurrenceID = recurrenceID
        self.start = start
        self.end = end
        self.isAllDay = isAllDay
        self.calendar = calendar
    }

    /// The key a reflection keeps in its front matter (`event:`): the UID, and for an instance of
    /// a series `/` and its original start (UTC `20261124T173000Z`; `20261124T173000` for a
    /// floating time, `20261124` for a day), so a moved instance keeps its key.
    public var key: String { EventKey.make(uid: event.uid, recurrenceID: recurrenceID) }

    /// Earliest first: by start, then end, then key (the key, which formats a date, only on a tie:
    /// a sort that built it for every comparison spent a tenth of `pending`'s time on it).
    public static func inOrder(_ a: EventInstance, _ b: EventInstance) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end < b.end }
        return a.key < b.key
    }

    /// Whether it is cancelled (`STATUS:CANCELLED`, on the event or on this instance's override).
    public var isCancelled: Bool { event.status == "CANCELLED" }
}

/// The `event:` key of an instance (see ``EventInstance/key``).
public enum EventKey {
    public static func make(uid: String, recurrenceID: CalendarTime?) -> String {
        guard let recurrenceID else { return uid }
        return uid + "/" + text(recurrenceID)
    }

    /// `20261124T173000Z` for an instant, the wall clock for a floating time (and for a zoned one,
    /// which instances never hold: they keep the instant), `20261124` for a day.
    static func text(_ time: CalendarTime) -> String {
        switch time {
        case .date(let day): return basic(day.ordinal * 86_400, time: false)
        case .floating(let wall): return basic(wall)
        case .utc(let seconds): return basic(seconds) + "Z"
        case .zoned(let wall, _): return basic(wall)
        }
    }

    /// `20261124T173000` (`20261124` without the time). Written digit by digit: keys are made
    /// for every instance of a window, and `String(format:)` with a replacement cost a tenth of
    /// a warm `pending`.
    static func basic(_ wall: Int, time: Bool = true) -> String {
        let day = Day(ordinal: RecurrenceRule.floorDiv(wall, 86_400))
        let t = wall - day.ordinal * 86_400
        guard (0...9999).contains(day.year) else {
            let date = day.iso.replacingOccurrences(of: "-", with: "")
            return time ? date + String(format: "T%02d%02d%02d", t / 3600, t / 60 % 60, t % 60) : date
        }
        var out = [UInt8]()
        out.reserveCapacity(15)
        Day.digits(day.year, 4, into: &out)
        Day.digits(day.month, 2, into: &out)
        Day.digits(day.day, 2, into: &out)
        if time {
            out.append(UInt8(ascii: "T"))
            Day.digits(t / 3600, 2, into: &out)
            Day.digits(t / 60 % 60, 2, into: &out)
            Day.digits(t % 60, 2, into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The UID and the recurrence part of a key (split at the last `/` when what follows reads as
    /// a date or date-time); the recurrence part is nil for a single event's key.
    public static func split(_ key: String) -> (uid: String, recurrence: String?) {
        guard let slash = key.lastIndex(of: "/") else { return (key, nil) }
        let tail = String(key[key.index(after: slash)...])
        guard ICalValue.time(tail, zone: nil) != nil else { return (key, nil) }
        return (String(key[..<slash]), tail)
    }
}
