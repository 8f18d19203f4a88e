/// The people of a calendar event, as debrief counts them: the attendees who are individuals
/// (not rooms, resources or groups, nor non-participants), other than the user (an address in
/// `me:`), and the organizer when others were invited and it is not the user.
public enum EventPeople {
    /// The other people of `event`, each once (by address, else by name).
    public static func others(_ event: CalendarEvent, me: [String]) -> [CalendarEvent.Participant] {
        var out: [CalendarEvent.Participant] = []
        var seen = Set<String>()
        func add(_ p: CalendarEvent.Participant) {
            guard p.isIndividual, p.role != "NON-PARTICIPANT", !isMe(p, me: me) else { return }
            let identity = p.email ?? name(p).folded
            guard !identity.isEmpty, seen.insert(identity).inserted else { return }
            out.append(p)
        }
        for attendee in event.attendees { add(attendee) }
        if let organizer = event.organizer, !out.isEmpty { add(organizer) }
        return out
    }

    /// Whether a participant is the user.
    public static func isMe(_ p: CalendarEvent.Participant, me: [String]) -> Bool {
        guard let email = p.email else { return false }
        return me.contains(email)
    }

    /// Whether the user declined the event (`PARTSTAT=DECLINED` on an attendee in `me:`).
    public static func declined(_ event: CalendarEvent, me: [String]) -> Bool {
        event.attendees.contains { isMe($0, me: me) && $0.status == "DECLINED" }
    }

    /// The user's own name as the event gives it (the common names on their addresses), for the
    /// words a title need not contain.
    public static func myNames(_ event: CalendarEvent, me: [String]) -> [String] {
        (event.attendees + [event.organizer].compactMap { $0 }).filter { isMe($0, me: me) }.compactMap { p in
            guard let n = p.name, !n.contains("@") else { return nil }
            return n
        }
    }

    /// A participant's name: the common name, else one made from the address
    /// (`marc.weber@example.com` → "Marc Weber"), else the address.
    public static func name(_ p: CalendarEvent.Participant) -> String {
        if let n = p.name?.trimmingBlanks, !n.isEmpty, !n.contains("@") { return n }
        guard let email = p.email else { return p.name ?? "" }
        return name(fromAddress: email)
    }

    /// "Marc Weber" from `marc.weber@example.com` (the part before `@`, cut at `.`, `_`, `-` and
    /// `+`, each word capitalised); the address itself when that leaves nothing.
    public static func name(fromAddress email: String) -> String {
        let local = email.split(separator: "@").first.map(String.init) ?? email
        let words = local.split { ".-_+".contains($0) }.filter { !$0.isEmpty && !$0.allSatisfy(\.isNumber) }
        guard !words.isEmpty else { return email }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// Recognises a calendar participant among the people of the journal: by folded name, else by an
/// `email` a row of theirs carries (the most recent row's spelling). One matcher for the prefill
/// of a reflection and for the brief before a meeting.
public struct KnownAttendees: Sendable {
    public let index: PeopleIndex
    let byEmail: [String: String]

    public init(entries: [Entry]) {
        self.init(people: PeopleIndex(entries: entries), sightings: entries.map(PersonSighting.init(entry:)))
    }

    /// The same matcher from what the people screen reads (``JournalCache/peopleIndex()``: the
    /// index's people rows), for home's next meeting without every entry read whole.
    public init(people: PeopleIndex, sightings: [PersonSighting]) {
        index = people
        var byEmail: [String: String] = [:]
        for sighting in sightings.sorted(by: { $0.eventTime.seconds < $1.eventTime.seconds }) {
            for p in sighting.people { if let email = p.email?.lowercased() { byEmail[email] = p.name } }
        }
        self.byEmail = byEmail
    }

    /// The journal's summary of `participant`, or nil for someone new.
    public func person(for participant: CalendarEvent.Participant) -> PersonSummary? {
        if let known = index.person(named: EventPeople.name(participant)) { return known }
        guard let email = participant.email?.lowercased(), let name = byEmail[email] else { return nil }
        return index.person(named: name)
    }
}
