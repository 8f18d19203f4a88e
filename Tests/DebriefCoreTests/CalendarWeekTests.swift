import DebriefCore
import DebriefPrompts
import Foundation
import Testing

/// The weekly review's calendar part (seam 4: one value, three renderings): which of the week's
/// events count, reflected (late apart), skipped, without a reflection, the trend; and the text,
/// the Markdown and the JSON saying the same. Over ``ReviewFixture``'s journal, week 2026-W43.
@Suite struct CalendarWeekTests {
    let catalog: Catalog

    init() throws {
        catalog = try ReviewFixture.catalog(overrides: [String(decoding: DefaultCatalog.calendarYAML, as: UTF8.self)])
    }

    static func instance(_ uid: String, _ summary: String, at start: String, hours: Double = 1, people: [String] = [],
                         status: String? = nil) -> EventInstance {
        let t = ReviewFixture.time(start)
        var event = CalendarEvent(uid: uid, line: 1, start: .utc(t.seconds))
        event.summary = summary
        event.status = status
        event.attendees = people.map { CalendarEvent.Participant(name: $0, email: $0.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com") }
        return EventInstance(event: event, recurrenceID: nil, start: t.seconds, end: t.seconds + Int(hours * 3600), isAllDay: false,
                             calendar: "test")
    }

    /// 2026-W43: the meetup (reflected, written 25 hours after it started: late), the hackathon
    /// wrap-up (reflected an hour after), a coffee with nobody's reflection, a skipped lunch, a dentist alone and a cancelled call (not
    /// counted); 2026-W42: one meetup without a reflection.
    var input: WeeklyReview.CalendarInput {
        let instances = [
            Self.instance("meetup", "Design systems meetup", at: "2026-10-24T19:00:00+02:00", hours: 2, people: ["Lena Vogt"]),
            Self.instance("hackathon", "Hackathon wrap-up", at: "2026-10-25T23:30:00+01:00", people: ["Omar Haddad"]),
            Self.instance("coffee", "Coffee with Kai", at: "2026-10-22T10:00:00+02:00", people: ["Kai Berg"]),
            Self.instance("lunch", "Lunch with Bo", at: "2026-10-23T12:00:00+02:00", people: ["Bo Lind"]),
            Self.instance("dentist", "Dentist", at: "2026-10-21T09:00:00+02:00"),
            Self.instance("call", "Call with Kai", at: "2026-10-20T09:00:00+02:00", people: ["Kai Berg"], status: "CANCELLED"),
            Self.instance("old", "Kotlin meetup", at: "2026-10-15T19:00:00+02:00", hours: 2),
        ]
        return WeeklyReview.CalendarInput(instances: instances, skipped: ["lunch"],
                                          pending: PendingEvents(rules: catalog.events, me: [], local: ReviewFixture.berlin))
    }

    func review(calendar: WeeklyReview.CalendarInput?) -> WeeklyReview {
        let journal = FlaggedJournal(entries: ReviewFixture.journal, catalog: catalog, clock: ReviewFixture.clock)
        return WeeklyReview.make(journal: journal, catalog: catalog, week: ReviewFixture.week("2026-W43"), weeks: 8,
                                 clock: ReviewFixture.clock, calendar: calendar)
    }

    @Test func theWeeksEventsAndTheTrend() throws {
        let part = try #require(review(calendar: input).calendar)
        #expect(part.events == 4)
        #expect(part.reflected == 2)
        #expect(part.reflectedLate == 1)
        #expect(part.skipped == 1)
        #expect(part.unreflected == 1)
        #expect(part.trendEvents == [0, 0, 0, 0, 0, 0, 1, 4])
        #expect(part.trendReflected == [0, 0, 0, 0, 0, 0, 0, 2])
    }

    @Test func theThreeFormatsSayTheSame() throws {
        let review = review(calendar: input)
        let sentence = "4 events worth a reflection this week: 2 reflected (1 of them more than 24 hours after the event), 1 skipped, "
            + "1 without a reflection."
        let text = ReviewText.render(review, options: .init(color: false, unicode: true, width: 100_000))
        let markdown = ReviewMarkdown.render(review)
        let json = ReviewJSON.render(review, catalog: catalog)
        #expect(text.contains("\nCALENDAR\n  " + sentence + "\n"), "\(text)")
        #expect(text.contains("  Reflected per week, 2026-W36 to 2026-W43: ······▁▅ (a full bar: every event worth a reflection got one; · is a week without such events) – – – – – – 0/1 2/4"), "\(text)")
        #expect(markdown.contains("## Calendar\n\n" + sentence + "\n\nReflected per week, 2026-W36 to 2026-W43: ······▁▅"), "\(markdown)")
        #expect(markdown.contains("`– – – – – – 0/1 2/4`"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let calendar = try #require(object["calendar"] as? [String: Any])
        #expect(calendar["events"] as? Int == 4 && calendar["reflected"] as? Int == 2 && calendar["reflected_late"] as? Int == 1)
        #expect(calendar["skipped"] as? Int == 1 && calendar["unreflected"] as? Int == 1)
        #expect(calendar["trend_events"] as? [Int] == [0, 0, 0, 0, 0, 0, 1, 4])
        #expect(calendar["trend_reflected"] as? [Int] == [0, 0, 0, 0, 0, 0, 0, 2])
        #expect(calendar["text"] as? String == sentence)
    }

    @Test func withoutCalendarsNothingIsSaid() throws {
        let review = review(calendar: nil)
        #expect(review.calendar == nil)
        #expect(!ReviewText.render(review, options: .init(color: false, unicode: true, width: 100)).contains("CALENDAR"))
        #expect(!ReviewMarkdown.render(review).contains("## Calendar"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReviewJSON.render(review, catalog: catalog).utf8)) as? [String: Any])
        #expect(object["calendar"] is NSNull)
        // A week whose events asked for nothing says so.
        let quiet = WeeklyReview.CalendarInput(instances: [], skipped: [], pending: input.pending)
        #expect(ReviewText.render(self.review(calendar: quiet), options: .init(color: false, unicode: true, width: 100))
            .contains("No calendar event this week asked for a reflection."))
    }
}
