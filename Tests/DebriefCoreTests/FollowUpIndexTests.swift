import DebriefCore
import Testing

@Suite("Follow-up index")
struct FollowUpIndexTests {
    typealias F = PeopleFixtures

    static let entries = [
        F.entry("2026-11-24-1830-meetup", title: "Meetup", date: "2026-11-24", followUps: [
            FollowUp(who: "Ana Li", action: "Send the link", due: F.day("2026-11-27")),
            FollowUp(who: "Zoë Brandt", action: "Intro to Sam", due: F.day("2026-11-20")),
            FollowUp(who: "", action: "Write notes"),
            FollowUp(who: "Ana Li", action: "Thank her", due: F.day("2026-11-25"), done: F.day("2026-11-25")),
        ]),
        F.entry("2026-11-10-1830-conf", title: "Conference", date: "2026-11-10", followUps: [
            FollowUp(who: "zoe  brandt", action: "Due today", due: F.day("2026-11-26")),
        ]),
    ]

    @Test("Each action carries its entry, title and N counted from 1 within the entry")
    func itemsCarryTheirSource() throws {
        let index = FollowUpIndex(entries: Self.entries)
        #expect(index.items.count == 5)
        let link = try #require(index.items.first { $0.action == "Send the link" })
        #expect(link.entryID == "2026-11-24-1830-meetup")
        #expect(link.entryTitle == "Meetup")
        #expect(link.n == 1)
        #expect(index.items.first { $0.action == "Write notes" }?.n == 3)
        #expect(index.items.first { $0.action == "Due today" }?.n == 1)
    }

    @Test("Soonest due first, undated last")
    func order() {
        let actions = FollowUpIndex(entries: Self.entries).items.map(\.action)
        #expect(actions == ["Intro to Sam", "Thank her", "Due today", "Send the link", "Write notes"])
    }

    @Test("Filters: open by default, overdue excludes due today, done, all")
    func filters() {
        let index = FollowUpIndex(entries: Self.entries)
        let today = F.day("2026-11-26")
        #expect(index.items(.overdue, today: today).map(\.action) == ["Intro to Sam"])
        #expect(index.items(.open, today: today).map(\.action) == ["Intro to Sam", "Due today", "Send the link", "Write notes"])
        #expect(index.items(.done, today: today).map(\.action) == ["Thank her"])
        #expect(index.items(.all, today: today).count == 5)
        // The day after, the action due today is overdue.
        #expect(index.items(.overdue, today: today.adding(days: 1)).map(\.action) == ["Intro to Sam", "Due today"])
    }

    @Test("--person matches who ignoring case, accents, spacing, and as part of the name")
    func personFilter() {
        let index = FollowUpIndex(entries: Self.entries)
        let today = F.day("2026-11-26")
        #expect(index.items(.all, today: today, person: "ZOE brandt").map(\.action) == ["Intro to Sam", "Due today"])
        #expect(index.items(.open, today: today, person: "ana").map(\.action) == ["Send the link"])
        #expect(index.items(.open, today: today, person: "Nobody").isEmpty)
        #expect(index.open(with: "zoë brandt").count == 2)
    }

    /// `followups --person` and `list --person` ask the same question of a name (one function in
    /// the core): for entries whose only names are follow-ups' `who`, both find the same ones,
    /// whatever the script. The follow-up list used to compare whole characters, so "テ" did not
    /// find the half-width "ﾃﾞｨﾗﾝ" (folded, its first character is "テ" with a half-width voiced
    /// mark), while `list` found it.
    @Test("--person means what list --person means, in every script")
    func personMatchesLikeList() {
        let today = F.day("2026-11-26")
        let names = ["Ana Li", "Zoë Brandt", "किरण शर्मा", "Henrike Voss", "李雷", "Ōsaka Kenji", "O'Brien", "Nguyễn Thị", "ﾃﾞｨﾗﾝ"]
        let entries = names.enumerated().map { n, name in
            F.entry("2026-11-\(10 + n)-1830-e\(n)", date: "2026-11-\(10 + n)", followUps: [FollowUp(who: name, action: "Call \(n)")])
        }
        let index = FollowUpIndex(entries: entries)
        for query in ["ana", "ZOE", "क", "कि", "rike", "雷", "osaka", "o'b", " li", "", "nguyen", "テ", "ﾗﾝ", "Nobody"] {
            let listed = EntryMatcher(EntryQuery(person: query), catalog: Fixtures.catalog, today: today).select(entries).map(\.id)
            let followed = index.items(.all, today: today, person: query).map(\.entryID)
            #expect(Set(listed) == Set(followed), "person \(query)")
        }
        #expect(index.items(.all, today: today, person: "テ").map(\.who) == ["ﾃﾞｨﾗﾝ"])
    }

    @Test("JSON: entry, n, who, action, due, and done null while open, first_due null and postponed 0 until postponed")
    func json() throws {
        let item = try #require(FollowUpIndex(entries: Self.entries).items.first { $0.action == "Write notes" })
        var writer = JSONWriter(pretty: false)
        item.json(into: &writer)
        #expect(writer.text ==
            #"{"entry":"2026-11-24-1830-meetup","title":"Meetup","n":3,"who":"","action":"Write notes","due":null,"done":null,"first_due":null,"postponed":0}"#)
    }

    @Test("JSON written a run at a time is the array written whole, run by run as it is made", arguments: [0, 1, 2, 3, 4, 7, 9])
    func jsonInRuns(count: Int) {
        let one = FollowUpIndex(entries: Self.entries).items
        let items = (0..<count).map { i in
            var item = one[i % one.count]
            item.n = i + 1
            item.action += " \"\(i)\"\n"
            return item
        }
        var whole = JSONWriter()
        FollowUpItem.json(items, into: &whole)
        var parts: [[UInt8]] = []
        let end = FollowUpItem.json(items, run: 3) { parts.append($0) }
        #expect(String(decoding: parts.joined(), as: UTF8.self) + end == whole.text)
        // One part per run of three, none held back to the end.
        #expect(parts.count == (count + 2) / 3)
        #expect(parts.allSatisfy { !$0.isEmpty })
    }
}

@Suite("Due-date arithmetic")
struct DueDateTests {
    typealias F = PeopleFixtures

    @Test("Relative due texts across month and year ends and leap days", arguments: [
        ("2026-12-30", "2027-01-01", "in 2 days"),
        ("2026-12-31", "2027-01-01", "due tomorrow"),
        ("2027-01-01", "2027-01-01", "due today"),
        ("2027-01-01", "2026-12-31", "1 day overdue"),
        ("2027-01-02", "2026-12-30", "3 days overdue"),
        ("2026-01-31", "2026-02-02", "in 2 days"),
        ("2026-03-02", "2026-02-28", "2 days overdue"),
        ("2028-02-28", "2028-03-01", "in 2 days"),
        ("2028-03-01", "2028-02-29", "1 day overdue"),
        ("2026-11-26", "2027-11-26", "in 365 days"),
        ("2028-01-01", "2029-01-01", "in 366 days"),
    ])
    func relativeDue(today: String, due: String, expected: String) {
        #expect(AnswerText.relativeDue(F.day(due), today: F.day(today)) == expected)
    }

    @Test("Overdue boundary: due today is not overdue, due yesterday is, across a year end")
    func overdueBoundary() {
        let dueNewYearsEve = FollowUpItem(entryID: "e", entryTitle: "E", eventTime: F.time("2026-12-01T10:00:00+01:00"),
                                          n: 1, who: "", action: "x", due: F.day("2026-12-31"))
        #expect(dueNewYearsEve.isOverdue(on: F.day("2026-12-31")) == false)
        #expect(dueNewYearsEve.isOverdue(on: F.day("2027-01-01")) == true)
        var done = dueNewYearsEve
        done.done = F.day("2027-01-05")
        #expect(done.isOverdue(on: F.day("2027-02-01")) == false)
        let undated = FollowUpItem(entryID: "e", entryTitle: "E", eventTime: F.time("2026-12-01T10:00:00+01:00"),
                                   n: 2, who: "", action: "y")
        #expect(undated.isOverdue(on: F.day("2099-01-01")) == false)
    }

    @Test("Day arithmetic crosses month and year ends exactly")
    func dayArithmetic() {
        #expect(F.day("2026-12-30").adding(days: 3) == F.day("2027-01-02"))
        #expect(F.day("2026-03-01").adding(days: -1) == F.day("2026-02-28"))
        #expect(F.day("2028-03-01").adding(days: -1) == F.day("2028-02-29"))
        #expect(F.day("2026-01-31").days(until: F.day("2026-03-01")) == 29)
    }
}
