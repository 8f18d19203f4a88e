import Foundation
import Testing

/// `debrief brief` as the built binary: the next event with someone from the journal, each
/// person's last meeting (when, where, what you promised them then, what you offered), open
/// follow-ups (overdue marked), notes newest first, and new people listed as new. The clock is
/// Thursday 2026-11-26 10:00 in Berlin.
@Suite struct BriefCLITests {
    static func seed(_ debrief: BinaryRunner) throws -> String {
        let vdir = debrief.root + "/calendars/work"
        let events: [(String, String)] = [
            // Sooner, but only strangers: not the next one with someone known.
            ("strangers", PendingCLITests.event("strangers", "Coffee with strangers", start: "20261126T150000", end: "20261126T153000",
                                                ["ATTENDEE:mailto:x@example.com"])),
            // Sooner still, but cancelled.
            ("cancelled", PendingCLITests.event("cancelled", "Call with Marc", start: "20261126T120000", end: "20261126T123000",
                                                ["STATUS:CANCELLED", "ATTENDEE;CN=Marc Weber:mailto:marc@example.com"])),
            // Sooner, but the user declined it.
            ("declined", PendingCLITests.event("declined", "Drinks with Marc", start: "20261126T180000", end: "20261126T200000",
                                               ["ATTENDEE;CN=Ana Li;PARTSTAT=DECLINED:mailto:ana@example.org",
                                                "ATTENDEE;CN=Marc Weber:mailto:marc@example.com"])),
            // Already over: not coming up.
            ("over", PendingCLITests.event("over", "Breakfast with Marc", start: "20261126T080000", end: "20261126T090000",
                                           ["ATTENDEE;CN=Marc Weber:mailto:marc@example.com"])),
            // Hana is known by her e-mail only: the calendar spells her name differently.
            ("lunch", PendingCLITests.event("lunch", "Lunch with Marc and Jonas", start: "20261127T120000", end: "20261127T133000",
                                            [PendingCLITests.me, "ATTENDEE;CN=Marc Weber:mailto:marc@example.com",
                                             "ATTENDEE;CN=Jonas Becker:mailto:jonas@example.com",
                                             "ATTENDEE;CN=H. Sato:mailto:hana@example.com", "LOCATION:Café Eins"])),
        ]
        for (name, text) in events { try debrief.write(PendingCLITests.calendar(text), to: vdir + "/\(name).ics") }
        try PendingCLITests.configureDefault(debrief, calendars: [vdir])
        try debrief.add("""
        title: First coffee
        date: 2026-10-01 09:00
        people:
          - name: marc weber
            level: senior
            note: Runs the platform team
          - name: Hana Sato
            email: hana@example.com
        """)
        let meetup = try debrief.add("""
        title: Meetup chat
        date: 2026-11-10 19:00
        people:
          - name: Marc Weber
            relation: existing
            note: Hiring two engineers
        offered: Intro to Bo
        asked-favor: yes
        follow-ups:
          - who: Marc Weber
            action: Send the deck
            due: 2026-11-20
          - who: Marc Weber
            action: Share the hiring post
            due: 2026-11-14
            done: 2026-11-12
          - who: Bo Lind
            action: Ask about Marc's team
            due: 2026-11-30
        """)
        // Where they met: metadata a reflection from an event carries (`add` does not take it).
        let text = try String(contentsOfFile: meetup.path, encoding: .utf8)
        try debrief.write(text.replacingOccurrences(of: "\ntitle: Meetup chat\n", with: "\nlocation: Kraftwerk\ntitle: Meetup chat\n"),
                          to: meetup.path)
        return meetup.id
    }

    @Test func theNextMeetingWithSomeoneKnown() throws {
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        let r = try debrief.run(["brief"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
        Fri 2026-11-27 12:00–13:30 · Lunch with Marc and Jonas · Café Eins

        Marc Weber · met 2 times, 2026-10-01 to 2026-11-10 · senior, existing
          Last met 2026-11-10 (Meetup chat, at Kraftwerk)
          You promised then: Send the deck (open)
          You promised then: Share the hiring post (done 2026-11-12)
          You offered: Intro to Bo
          You asked a favour
          Open follow-ups (1)
            OVERDUE Send the deck, 6 days overdue (2026-11-20) · done: debrief done \(id) 1
          Notes, newest first
            2026-11-10 Meetup chat: Hiring two engineers
            2026-10-01 First coffee: Runs the platform team

        Jonas Becker · new: not in your journal yet

        Hana Sato · met once, 2026-10-01
          Last met 2026-10-01 (First coffee)
          Open follow-ups (0)

        """)
        let json = try debrief.run(["brief", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let event = try #require(object["event"] as? [String: Any])
        #expect(event["key"] as? String == "lunch")
        #expect(event["start"] as? String == "2026-11-27T12:00:00+01:00", "\(event)")
        let people = try #require(object["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Marc Weber", "Jonas Becker", "Hana Sato"])
        #expect(people.map { $0["known"] as? Bool } == [true, false, true])
        #expect(people[2]["email"] as? String == "hana@example.com")
        let followUps = try #require(people[0]["open-follow-ups"] as? [[String: Any]])
        #expect(followUps.map { $0["action"] as? String } == ["Send the deck"])
        #expect(followUps.first?["overdue"] as? Bool == true)
        let last = try #require(people[0]["last-met"] as? [String: Any])
        #expect(last["location"] as? String == "Kraftwerk")
        #expect(last["offered"] as? String == "Intro to Bo")
        #expect((last["promised"] as? [[String: Any]])?.map { $0["done"] as? String } == [nil, "2026-11-12"])
        #expect((people[0]["notes"] as? [[String: Any]])?.map { $0["date"] as? String } == ["2026-11-10", "2026-10-01"])
    }

    /// The brief on a meeting that has begun or is over (by its key): the reflection written about
    /// it, dated after its start, is not "last met"; the meeting before it is.
    @Test func lastMetIsTheMeetingBeforeThisOne() throws {
        let debrief = try BinaryRunner()
        let id = try Self.seed(debrief)
        try debrief.add("""
        title: Breakfast with Marc
        date: 2026-11-26 08:30
        people:
          - name: Marc Weber
            note: Moving to Lisbon
        follow-ups:
          - who: Marc Weber
            action: Send the Lisbon contacts
            due: 2026-12-01
        """)
        let r = try debrief.run(["brief", "over"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("""
        Thu 2026-11-26 08:00–09:00 · Breakfast with Marc

        Marc Weber · met 3 times, 2026-10-01 to 2026-11-26 · senior, existing
          Last met 2026-11-10 (Meetup chat, at Kraftwerk)
          You promised then: Send the deck (open)
          You promised then: Share the hiring post (done 2026-11-12)

        """), "\(r.stdout)")
        let json = try debrief.run(["brief", "over", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let people = try #require(object["people"] as? [[String: Any]])
        let last = try #require(people.first?["last-met"] as? [String: Any])
        #expect(last["entry"] as? String == id, "\(last)")
        // The next meeting (the lunch tomorrow): this morning's breakfast is the last time.
        let next = try debrief.run(["brief"])
        #expect(next.stdout.contains("  Last met 2026-11-26 (Breakfast with Marc)\n  You promised then: Send the Lisbon contacts (open)\n"),
                "\(next.stdout)")
    }

    @Test func byNameAndByKey() throws {
        let debrief = try BinaryRunner()
        _ = try Self.seed(debrief)
        let byName = try debrief.run(["brief", "marc"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.hasPrefix("Fri 2026-11-27 12:00–13:30 · Lunch with Marc and Jonas"), "\(byName.stdout)")
        #expect(!byName.stdout.contains("Jonas Becker ·"))
        // Hana by name: the calendar spells her "H. Sato"; her e-mail finds the lunch.
        let hana = try debrief.run(["brief", "hana sato", "--format", "json"])
        #expect(hana.status == 0, "\(hana.stderr)")
        let hanaObject = try #require(try JSONSerialization.jsonObject(with: Data(hana.stdout.utf8)) as? [String: Any])
        #expect((hanaObject["event"] as? [String: Any])?["key"] as? String == "lunch", "\(hana.stdout)")
        #expect((hanaObject["people"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Hana Sato"])
        let byKey = try debrief.run(["brief", "strangers"])
        #expect(byKey.status == 0)
        #expect(byKey.stdout == "Thu 2026-11-26 15:00–15:30 · Coffee with strangers\n\nX · new: not in your journal yet\n", "\(byKey.stdout)")
        let unknown = try debrief.run(["brief", "nobody at all"])
        #expect(unknown.status == 66, "\(unknown.stderr)")
        let badFormat = try debrief.run(["brief", "--format", "yaml"])
        #expect(badFormat.status == 64, "\(badFormat.stderr)")
        // Nothing coming: said, exit 0; JSON says null.
        try PendingCLITests.configureDefault(debrief, calendars: [debrief.root + "/calendars/empty"])
        try FileManager.default.createDirectory(atPath: debrief.root + "/calendars/empty", withIntermediateDirectories: true)
        let none = try debrief.run(["brief"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("No event with someone from your journal in the next 30 days"), "\(none.stderr)")
        let noneJSON = try debrief.run(["brief", "--format", "json"])
        #expect(noneJSON.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "null")
        // No calendars at all: a name still works; no argument is a usage error.
        try debrief.write("", to: debrief.config + "/debrief/config.yaml")
        let noCalendars = try debrief.run(["brief"])
        #expect(noCalendars.status == 64, "\(noCalendars.stderr)")
        let nameOnly = try debrief.run(["brief", "Marc Weber"])
        #expect(nameOnly.status == 0, "\(nameOnly.stderr)")
        #expect(nameOnly.stdout.hasPrefix("Marc Weber · met 2 times"), "\(nameOnly.stdout)")
    }
}
