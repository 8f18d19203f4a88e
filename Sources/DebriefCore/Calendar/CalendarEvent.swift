/// One `VEVENT` as read from a calendar file: the facts debrief uses, with its times as written.
/// A recurring event is one value (its rules, exceptions and extra dates); its instances come
/// from ``EventSeries``.
public struct CalendarEvent: Hashable, Sendable, Codable {
    /// An `ATTENDEE` or the `ORGANIZER`.
    public struct Participant: Hashable, Sendable, Codable {
        /// `CN`, the common name, when given.
        public var name: String?
        /// The address of `mailto:` (or the `EMAIL` parameter), lower-cased.
        public var email: String?
        /// `PARTSTAT`, upper-cased (ACCEPTED, DECLINED, TENTATIVE, NEEDS-ACTION).
        public var status: String?
        /// `CUTYPE`, upper-cased; absent means INDIVIDUAL.
        public var kind: String?
        /// `ROLE`, upper-cased (REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT, CHAIR).
        public var role: String?

        public init(name: String? = nil, email: String? = nil, status: String? = nil, kind: String? = nil, role: String? = nil) {
            self.name = name
            self.email = email
            self.status = status
            self.kind = kind
            self.role = role
        }

        /// A person rather than a room, a resource or a group.
        public var isIndividual: Bool { kind == nil || kind == "INDIVIDUAL" || kind == "UNKNOWN" }
    }

    /// An `RDATE`: a start, and for a `PERIOD` its end.
    public struct ExtraDate: Hashable, Sendable, Codable {
        public var start: CalendarTime
        public var end: CalendarTime?
        public var duration: Int?
    }

    public var uid: String
    /// The line of `BEGIN:VEVENT`.
    public var line: Int
    public var summary = ""
    public var location = ""
    public var description = ""
    public var categories: [String] = []
    /// `STATUS`, upper-cased (CONFIRMED, TENTATIVE, CANCELLED).
    public var status: String?
    /// `TRANSP:TRANSPARENT`: free time, not a meeting.
    public var isTransparent = false
    /// Outlook's `X-MICROSOFT-CDO-BUSYSTATUS` (FREE, TENTATIVE, BUSY, OOF, WORKINGELSEWHERE).
    public var busyStatus: String?
    /// `CLASS`, upper-cased (PUBLIC, PRIVATE, CONFIDENTIAL).
    public var classification: String?
    public var start: CalendarTime
    /// `DTEND`, when given.
    public var end: CalendarTime?
    /// `DURATION` in seconds, when given without `DTEND`.
    public var duration: Int?
    public var rules: [RecurrenceRule] = []
    public var exceptionDates: [CalendarTime] = []
    public var extraDates: [ExtraDate] = []
    /// `RECURRENCE-ID`: this event replaces the instance of its series that started then.
    public var recurrenceID: CalendarTime?
    public var sequence = 0
    public var attendees: [Participant] = []
    public var organizer: Participant?
    /// Links from `URL`, `CONFERENCE` and the conference properties Google and Microsoft write,
    /// then any `https://` link in the location or description.
    public var links: [String] = []

    public init(uid: String, line: Int, start: CalendarTime) {
        self.uid = uid
        self.line = line
        self.start = start
    }

    /// Whether this event has instances beyond its own start.
    public var recurs: Bool { !rules.isEmpty || !extraDates.isEmpty }
}
