import DebriefCore
import Foundation
import Testing

/// What a reflection written from a calendar event starts with, and the `event`/`location` keys
/// it keeps in the file.
@Suite struct EventPrefillTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func instance(_ lines: [String]) throws -> EventInstance {
        let text = (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:lunch", "DTSTART;TZID=Europe/Berlin:20261124T120000",
                     "DTEND;TZID=Europe/Berlin:20261124T133000"] + lines + ["END:VEVENT", "END:VCALENDAR"])
            .map { $0 + "\r\n" }.joined()
        let file = CalendarFile.parse(Array(text.utf8))
        let expanded = EventExpansion.instances(of: file, from: 1_790_000_000, to: 1_800_000_000, local: berlin, calendar: "/cal")
        return try #require(expanded.instances.first)
    }

    static let pending = PendingEvents(rules: Fixtures.catalog.events, me: ["ana@example.org"], local: berlin)

    @Test func attendeesBecomePeopleKnownOnesRecognised() throws {
        let i = try Self.instance([
            "SUMMARY:Lunch with Marc and Jonas",
            "LOCATION:Café Eins\\nReinhardtstr. 1",
            "ORGANIZER;CN=Ana Li:mailto:ana@example.org",
            "ATTENDEE;CN=Ana Li;PARTSTAT=ACCEPTED:mailto:ana@example.org",
            "ATTENDEE;CN=marc weber:mailto:marc@example.com",
            "ATTENDEE:mailto:jonas.becker@example.com",
            "ATTENDEE;CN=Kai:mailto:kai.berg@example.com",
            "ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com",
        ])
        let earlier = Entry(id: "2026-10-01-1200-x", created: Fixtures.ts("2026-10-01T12:00:00+02:00"),
                            updated: Fixtures.ts("2026-10-01T12:00:00+02:00"),
                            answers: ["title": .text("x"), "date": .timestamp(Fixtures.ts("2026-10-01T12:00:00+02:00")),
                                      "people": .people([Person(name: "Marc Weber", level: "senior", relation: "new"),
                                                         Person(name: "Kai Berg", level: "peer", email: "kai.berg@example.com")])])
        let prefill = EventPrefill.make(i, pending: Self.pending, catalog: Fixtures.catalog, entries: [earlier])
        #expect(prefill.event == "lunch")
        #expect(prefill.location == "Café Eins, Reinhardtstr. 1")
        #expect(prefill.answers["title"] == .text("Lunch with Marc and Jonas"))
        #expect(prefill.answers["date"] == .timestamp(Fixtures.ts("2026-11-24T12:00:00+01:00")))
        #expect(prefill.answers["kind"] == .choice("social"))
        #expect(prefill.answers["people"] == .people([
            // Known by folded name: the journal's spelling and last level.
            Person(name: "Marc Weber", level: "senior", relation: "existing", email: "marc@example.com"),
            Person(name: "Jonas Becker", relation: "new", email: "jonas.becker@example.com"),
            // Known by e-mail, though the calendar calls him Kai.
            Person(name: "Kai Berg", level: "peer", relation: "existing", email: "kai.berg@example.com"),
        ]))
    }

    @Test func oneOtherPersonIsAOneOnOneAndALinkIsOnline() throws {
        let one = try Self.instance(["SUMMARY:Catch-up", "ATTENDEE:mailto:bo@example.com"])
        #expect(EventPrefill.make(one, pending: Self.pending, catalog: Fixtures.catalog, entries: []).answers["kind"] == .choice("one-on-one"))
        let online = try Self.instance(["SUMMARY:Intro call", "ATTENDEE:mailto:bo@example.com", "ATTENDEE:mailto:cy@example.com",
                                        "LOCATION:https://meet.google.com/abc-defg-hij"])
        #expect(EventPrefill.make(online, pending: Self.pending, catalog: Fixtures.catalog, entries: []).answers["kind"] == .choice("online"))
        let alone = try Self.instance(["SUMMARY:Dentist"])
        let prefill = EventPrefill.make(alone, pending: Self.pending, catalog: Fixtures.catalog, entries: [])
        #expect(prefill.answers["kind"] == nil && prefill.answers["people"] == nil && prefill.location == nil)
    }

    /// `event`, `location` and a person's `email` are read, written after `updated`, and kept
    /// byte for byte when another answer changes.
    @Test func theKeysRoundTripInTheFile() throws {
        let codec = EntryCodec(catalog: Fixtures.catalog, timeZone: Self.berlin)
        let text = """
        ---
        schema: 1
        id: 2026-11-24-1200-lunch
        created: 2026-11-24T14:00:00+01:00
        updated: 2026-11-24T14:00:00+01:00
        event: lunch/20261124T110000Z
        location: Café Eins
        title: Lunch
        people:
          - name: Marc Weber
            email: marc@example.com
        ---

        """
        let entry = try codec.decode(Array(text.utf8), id: "2026-11-24-1200-lunch", path: "/x.md")
        #expect(entry.event == "lunch/20261124T110000Z")
        #expect(entry.location == "Café Eins")
        #expect(entry.people.first?.email == "marc@example.com")
        var changed = entry
        changed["title"] = .text("Lunch with Marc")
        let written = codec.encode(changed)
        #expect(written == text.replacingOccurrences(of: "title: Lunch\n", with: "title: Lunch with Marc\n"))
        var fresh = Entry(id: "2026-11-24-1200-lunch", created: Fixtures.ts("2026-11-24T14:00:00+01:00"),
                          updated: Fixtures.ts("2026-11-24T14:00:00+01:00"), answers: ["title": .text("Lunch")],
                          event: "lunch", location: "Café Eins")
        fresh.source = nil
        #expect(codec.encode(fresh).contains("updated: 2026-11-24T14:00:00+01:00\nevent: lunch\nlocation: Café Eins\ntitle: Lunch\n"))
    }
}
