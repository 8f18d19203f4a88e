import Foundation

/// What a reflection written from a calendar event starts with (`debrief new --event KEY`, Enter
/// on home's waiting list): the title from the summary, the date from the start, the kind from the
/// catalog's guess, the people from the attendees other than the user. Every answer can be changed
/// in the flow; the event's key (and its location) go into the saved entry's front matter.
public struct EventPrefill: Sendable, Equatable {
    public var answers: [String: Answer]
    /// The `event:` key of the entry written from it.
    public var event: String
    /// The event's location (its lines joined by ", "), kept in the entry; nil when it has none.
    public var location: String?

    /// The prefill for `instance`, with people already in `entries` recognised by folded name or
    /// by e-mail (their spelling, their last level, relation `existing`); others are `new`, named
    /// by their common name or from their address (``EventPeople/name(_:)``), with their address.
    public static func make(_ instance: EventInstance, pending: PendingEvents, catalog: Catalog, entries: [Entry]) -> EventPrefill {
        let event = instance.event
        var answers: [String: Answer] = [:]
        let title = event.summary.trimmingBlanks
        if !title.isEmpty { answers["title"] = .text(title) }
        answers["date"] = .timestamp(Timestamp(Date(timeIntervalSince1970: TimeInterval(instance.start)), in: pending.local))
        if let kind = pending.kind(of: instance), catalog.prompt("kind")?.options.contains(kind) ?? false {
            answers["kind"] = .choice(kind)
        }
        let known = KnownAttendees(entries: entries)
        var people: [Person] = []
        for participant in EventPeople.others(event, me: pending.me) {
            if let summary = known.person(for: participant) {
                people.append(Person(name: summary.name, level: summary.level, relation: "existing", email: participant.email))
            } else {
                people.append(Person(name: EventPeople.name(participant), relation: "new", email: participant.email))
            }
        }
        if !people.isEmpty { answers["people"] = .people(people) }
        let location = EventTime.place(instance)
        return EventPrefill(answers: answers, event: instance.key, location: location.isEmpty ? nil : location)
    }
}
