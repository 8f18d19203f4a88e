import Foundation
import Testing

/// `debrief review` with calendars, as the built binary: the CALENDAR section, the Markdown's and
/// the JSON's `calendar` object say the same numbers; a skip moves an event from "without a
/// reflection" to "skipped". Over ``PendingCLITests/seed(_:)``'s calendars, week 2026-W48.
@Suite struct ReviewCalendarCLITests {
    @Test func theReviewCountsTheWeeksEvents() throws {
        let debrief = try BinaryRunner()
        _ = try PendingCLITests.seed(debrief)
        // 2026-W48: the lunch with Marc waits; the coffee with Jonas has its reflection by key,
        // written on Thursday (more than 24 hours after Monday's coffee); the workshop by title,
        // exactly 24 hours after it started (not late). Not counted: the dentist alone, a busy
        // block, free time, the stand-ups, the cancelled coffee, today's lunch (not over).
        let sentence = "3 events worth a reflection this week: 2 reflected (1 of them more than 24 hours after the event), "
            + "1 without a reflection."
        let text = try debrief.run(["review", "--week", "2026-W48"])
        #expect(text.status == 0, "\(text.stderr)")
        // The text is wrapped to the terminal (80 columns in a pipe): read it as words.
        func words(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(words(text.stdout).contains("CALENDAR " + sentence + " Reflected per week, 2026-W41 to 2026-W48: ···▁··▃▆"),
                "\(text.stdout)")
        // 2026-W44: a coffee with Tom, none; 2026-W47: the summit and the meetup, none, the breakfast reflected.
        #expect(words(text.stdout).contains("– – – 0/1 – – 1/3 2/3"), "\(text.stdout)")
        let markdown = try debrief.run(["review", "--week", "2026-W48", "--format", "markdown"])
        #expect(markdown.stdout.contains("## Calendar\n\n" + sentence), "\(markdown.stdout)")
        let json = try debrief.run(["review", "--week", "2026-W48", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let calendar = try #require(object["calendar"] as? [String: Any], "\(json.stdout)")
        #expect(calendar["events"] as? Int == 3 && calendar["reflected"] as? Int == 2 && calendar["reflected_late"] as? Int == 1)
        #expect(calendar["skipped"] as? Int == 0 && calendar["unreflected"] as? Int == 1)
        #expect(calendar["text"] as? String == sentence)

        // Skipping the lunch: counted as skipped, in every format.
        #expect(try debrief.run(["pending", "skip", "lunch-marc"]).status == 0)
        let skipped = try debrief.run(["review", "--week", "2026-W48", "--format", "json"])
        let after = try #require((try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])?["calendar"] as? [String: Any])
        #expect(after["skipped"] as? Int == 1 && after["unreflected"] as? Int == 0)
        #expect(words(try debrief.run(["review", "--week", "2026-W48"]).stdout)
            .contains("3 events worth a reflection this week: 2 reflected (1 of them more than 24 hours after the event), 1 skipped."))
    }

    @Test func withoutCalendarsTheJSONSaysNull() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Coffee\ndate: 2026-11-25 09:00\n")
        let json = try debrief.run(["review", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["calendar"] is NSNull)
        #expect(!(try debrief.run(["review"]).stdout.contains("CALENDAR")))
    }
}
