import Foundation

/// The brief before a meeting (`debrief brief`): for each person of the event, what the journal
/// says about them: when and where you last met, your notes (newest first), the open follow-ups
/// that involve them, and what you offered and asked last time; people the journal does not know
/// are listed as new. Brief and debrief are one loop: what you promised last time is in front of
/// you before you meet again. A pure value; the CLI renders it.
public struct MeetingBrief: Sendable {
    public struct Attendee: Sendable {
        /// The journal's spelling for someone known, else the calendar's name.
        public var name: String
        public var email: String?
        /// What the journal knows; nil for someone new.
        public var known: PersonSummary?
        /// The latest entry naming them dated before the event's start: the last time you met
        /// before this meeting (a reflection on this meeting, or on a later one, is not "last time").
        public var lastEntry: Entry?

        /// The follow-ups written at that last meeting that involve them, done or not: what they
        /// asked of you, or what you said you would do for them (the journal keeps no separate
        /// "they asked" answer; a follow-up with them is the promise).
        public var promised: [FollowUp] {
            guard let known, let lastEntry else { return [] }
            return lastEntry.followUps.filter { $0.who.folded == known.key }
        }
    }

    /// The event, or nil for a brief on one person with no event coming.
    public var instance: EventInstance?
    public var attendees: [Attendee]

    /// How far ahead the next event is looked for.
    public static let aheadDays = 30

    /// The brief on `instance`'s other people.
    public static func make(_ instance: EventInstance, me: [String], entries: [Entry]) -> MeetingBrief {
        let known = KnownAttendees(entries: entries)
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let attendees = EventPeople.others(instance.event, me: me).map { participant -> Attendee in
            let summary = known.person(for: participant)
            return Attendee(name: summary?.name ?? EventPeople.name(participant), email: participant.email, known: summary,
                            lastEntry: summary.flatMap { lastMet($0, before: instance.start, byID: byID) })
        }
        return MeetingBrief(instance: instance, attendees: attendees)
    }

    /// The brief on one known person (and the next event with them, when there is one).
    public static func make(person: PersonSummary, next: EventInstance?, entries: [Entry]) -> MeetingBrief {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let last = lastMet(person, before: next?.start ?? Int.max, byID: byID)
        return MeetingBrief(instance: next, attendees: [Attendee(name: person.name, email: nil, known: person, lastEntry: last)])
    }

    /// The newest of `person`'s entries (``PersonSummary/entryIDs``, newest first) dated before
    /// `start` (seconds).
    static func lastMet(_ person: PersonSummary, before start: Int, byID: [String: Entry]) -> Entry? {
        person.entryIDs.lazy.compactMap { byID[$0] }.first { $0.eventTime.seconds < start }
    }

    /// The first of `instances` (earliest first) that starts at `now` or later, is neither
    /// cancelled nor declined, and has someone the journal knows among its other people.
    public static func next(_ instances: [EventInstance], now: Int, me: [String], entries: [Entry],
                            with person: PersonSummary? = nil) -> EventInstance? {
        next(instances, now: now, me: me, known: KnownAttendees(entries: entries), with: person)
    }

    /// The same, recognising people with `known`.
    public static func next(_ instances: [EventInstance], now: Int, me: [String], known: KnownAttendees,
                            with person: PersonSummary? = nil) -> EventInstance? {
        instances.first { i in
            guard i.start >= now, !i.isCancelled, !EventPeople.declined(i.event, me: me) else { return false }
            let people = EventPeople.others(i.event, me: me).compactMap(known.person(for:))
            if let person { return people.contains { $0.key == person.key } }
            return !people.isEmpty
        }
    }
}
