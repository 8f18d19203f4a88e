import Foundation
import Testing
@testable import DebriefCore

/// Follow-ups as RFC 5545 text: escaping, folding, the components, and UIDs that never move.
@Suite struct ICalendarTests {
    let zone = Fixtures.berlin

    func entry(_ rows: [FollowUp], id: String = "2026-11-24-1830-meetup", title: String = "Meetup") -> Entry {
        Entry(id: id, created: Fixtures.ts("2026-11-24T21:00:00+01:00"), updated: Fixtures.ts("2026-11-25T08:30:00+01:00"),
              answers: ["title": .text(title), "date": .timestamp(Fixtures.ts("2026-11-24T18:30:00+01:00")),
                        "follow-ups": .followUps(rows)])
    }

    @Test func textIsEscapedAsTheRFCSays() {
        #expect(ICalendar.escape("a, b; c\\d\ne\r\nf\rg\th\u{07}i") == "a\\, b\\; c\\\\d\\ne\\nf\\ng\th" + "i")
    }

    /// Lines are cut at 75 octets, never inside a UTF-8 sequence, and continue after one space.
    @Test func linesFoldAt75Octets() {
        #expect(ICalendar.fold(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75) + "\r\n")
        #expect(ICalendar.fold(String(repeating: "a", count: 76)) == String(repeating: "a", count: 75) + "\r\n a\r\n")
        let long = "SUMMARY:" + String(repeating: "ß👋", count: 40)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.map { $0.utf8.count })")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(lines.first.map { $0.utf8.count >= 72 } == true, "the first line is filled up to the last whole character")
        #expect(lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == long)
    }

    @Test func anOpenFollowUpIsAnAllDayEventOrATodo() throws {
        let e = entry([FollowUp(who: "Zoë", action: "Send the slides, then; call", due: Day(iso: "2026-11-27"), id: "abcd2345",
                                firstDue: Day(iso: "2026-11-26"), postponed: 1)])
        let items = ICalendar.items([e]) { $0.isOpen }
        #expect(items.map(\.uid) == ["abcd2345@debrief"])
        let event = ICalendar.component(try #require(items.first), kind: .event, timeZone: zone)
        #expect(event == [
            "BEGIN:VEVENT", "UID:abcd2345@debrief", "DTSTAMP:20261125T073000Z",
            "DTSTART;VALUE=DATE:20261127", "DTEND;VALUE=DATE:20261128", "TRANSP:TRANSPARENT",
            "SUMMARY:Zoë: Send the slides\\, then\\; call",
            "DESCRIPTION:Follow-up from Meetup (2026-11-24 18:30).\\nPostponed 1 time\\, first due 2026-11-26.\\nMark it done with: debrief done 2026-11-24-1830-meetup 1",
            "END:VEVENT",
        ])
        let todo = ICalendar.component(try #require(items.first), kind: .todo, timeZone: zone)
        #expect(todo.prefix(5) == ["BEGIN:VTODO", "UID:abcd2345@debrief", "DTSTAMP:20261125T073000Z", "DUE;VALUE=DATE:20261127", "STATUS:NEEDS-ACTION"])
    }

    @Test func aDoneTodoIsCompletedAndUndatedOnesAreNoEvents() throws {
        let e = entry([FollowUp(who: "", action: "Book", done: Day(iso: "2026-11-25"), id: "donedone"),
                       FollowUp(who: "Ana", action: "Whenever", id: "undated2")])
        let items = ICalendar.items([e]) { _ in true }
        let done = try #require(items.first { $0.uid == "donedone@debrief" })
        let todo = ICalendar.component(done, kind: .todo, timeZone: zone)
        #expect(todo.contains("STATUS:COMPLETED"))
        #expect(todo.contains("COMPLETED:20261124T230000Z"), "midnight of the done day in Berlin, in UTC")
        #expect(todo.contains("SUMMARY:Book"))
        let undated = try #require(items.first { $0.uid == "undated2@debrief" })
        #expect(!ICalendar.shows(undated, as: .event))
        #expect(ICalendar.shows(undated, as: .todo))
        let calendar = ICalendar.calendar(items, kind: .event, timeZone: zone)
        #expect(calendar == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Debrief//Debrief follow-ups//EN\r\n"
                + "CALSCALE:GREGORIAN\r\nX-WR-CALNAME:Debrief follow-ups\r\nEND:VCALENDAR\r\n", "neither has a due day")
        let todos = ICalendar.calendar(items, kind: .todo, timeZone: zone)
        #expect(todos.hasSuffix("END:VTODO\r\nEND:VCALENDAR\r\n"))
        #expect(todos.contains("UID:undated2@debrief\r\n"))
        #expect(!todos.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
    }

    /// Rows written before ids existed get a UID from the entry's `created`, who and action:
    /// the same after the entry is renamed or the list reordered, different for each row.
    @Test func legacyUIDsSurviveRenamesAndReordering() {
        let a = FollowUp(who: "Ana", action: "Call"), b = FollowUp(who: "Bo", action: "Write"), c = FollowUp(who: "Ana", action: "Call")
        let before = ICalendar.items([entry([a, b, c])]) { _ in true }.map { "\($0.followUp.who) \($0.uid)" }
        let after = ICalendar.items([entry([b, a, c], id: "2026-11-24-1830-renamed", title: "Renamed")]) { _ in true }
            .map { "\($0.followUp.who) \($0.uid)" }
        #expect(Set(before) == Set(after))
        #expect(Set(before.map { $0.split(separator: " ")[1] }).count == 3)
        #expect(before.allSatisfy { $0.contains(" legacy-") && $0.hasSuffix("@debrief") })
    }

    /// A copied entry file (a template for the next meetup) holds the same follow-up ids. UIDs
    /// must stay unique, or a calendar shows one of the two and a vdir keeps one file: the row
    /// in the entry created first (then the first id) keeps its UID, a copy's row gets one
    /// derived from its own entry, whatever the filter.
    @Test func copiedFollowUpIDsStillGiveUniqueUIDs() {
        let rows = [FollowUp(who: "Ana", action: "Call", due: Day(iso: "2026-11-27"), id: "abcd2345"),
                    FollowUp(who: "Bo", action: "Write", due: Day(iso: "2026-11-28"))]
        let original = entry(rows, id: "2026-11-24-1830-meetup")
        var copy = entry(rows, id: "2026-11-20-1830-copy", title: "Copy")
        copy.created = Fixtures.ts("2026-11-26T09:00:00+01:00")
        let both = ICalendar.items([copy, original]) { _ in true }
        #expect(Set(both.map(\.uid)).count == 4, "\(both.map(\.uid))")
        let originalUIDs = both.filter { $0.followUp.entryID == original.id }.map(\.uid)
        #expect(originalUIDs.contains("abcd2345@debrief"), "the entry created first keeps the id")
        #expect(both.allSatisfy { $0.uid.hasSuffix("@debrief") })
        let onlyCopy = ICalendar.items([copy, original]) { $0.entryID == copy.id }
        #expect(onlyCopy.map(\.uid) == both.filter { $0.followUp.entryID == copy.id }.map(\.uid), "a filter never changes a UID")
        // Copied with its `created` too: the first id keeps the UIDs; still four distinct ones.
        copy.created = original.created
        let tied = ICalendar.items([original, copy]) { _ in true }
        #expect(Set(tied.map(\.uid)).count == 4)
        #expect(tied.filter { $0.followUp.entryID == copy.id }.map(\.uid).contains("abcd2345@debrief"))
    }

    @Test func vdirFileNamesAreSafe() {
        #expect(VdirFolder.fileName(uid: "abcd2345@debrief") == "abcd2345@debrief.ics")
        #expect(VdirFolder.fileName(uid: "a/b c@x") == "a_b_c@x.ics")
    }
}
