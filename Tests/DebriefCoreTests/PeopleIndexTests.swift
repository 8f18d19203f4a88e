import DebriefCore
import Testing

@Suite("People index")
struct PeopleIndexTests {
    typealias F = PeopleFixtures

    @Test("NFC and NFD spellings, case and runs of spaces are one person")
    func mergesFoldedNames() {
        let nfc = "Zo\u{00EB} Brandt"
        let nfd = "Zoe\u{0308} Brandt"
        // Swift's == treats the two forms as equal; their scalars show they really differ.
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        let entries = [
            F.entry("a", date: "2026-01-10", people: [Person(name: nfc)]),
            F.entry("b", date: "2026-03-05", people: [Person(name: "zoe  brandt")]),
            F.entry("c", date: "2026-06-20", people: [Person(name: "  ZOË   BRANDT ")]),
            F.entry("d", date: "2026-09-01", people: [Person(name: nfd)]),
        ]
        let index = PeopleIndex(entries: entries)
        #expect(index.people.count == 1)
        let zoe = index.people.first
        #expect(zoe?.met == 4)
        // Shown in the most frequent spelling, NFC and NFD counting as one, written in NFC.
        #expect(zoe.map { Array($0.name.unicodeScalars) } == Array(nfc.unicodeScalars))
        #expect(zoe?.firstMet == F.day("2026-01-10"))
        #expect(zoe?.lastMet == F.day("2026-09-01"))
        #expect(zoe?.entryIDs == ["d", "c", "b", "a"])
        #expect(index.person(named: "zoe brandt")?.met == 4)
        #expect(index.person(named: nfd) != nil)
    }

    @Test("The name shown is the most frequent spelling, not the latest; the newest wins a tie")
    func mostFrequentSpelling() {
        let typo = PeopleIndex(entries: [
            F.entry("a", date: "2026-01-10", people: [Person(name: "Marc Weber")]),
            F.entry("b", date: "2026-03-05", people: [Person(name: "Marc Weber")]),
            F.entry("c", date: "2026-06-20", people: [Person(name: "marc  weber")]),
            F.entry("d", date: "2026-09-01", people: [Person(name: "Marc Webber"), Person(name: "Marc Weber")]),
        ])
        // "Marc Webber" is another person (it folds differently); the latest "marc  weber" is a
        // one-off spelling of Marc Weber, who is written "Marc Weber" three times.
        #expect(typo.person(named: "marc weber")?.name == "Marc Weber")
        #expect(typo.person(named: "marc weber")?.met == 4)
        let tie = PeopleIndex(entries: [
            F.entry("a", date: "2026-01-10", people: [Person(name: "Ana Li")]),
            F.entry("b", date: "2026-03-05", people: [Person(name: "ana li")]),
        ])
        #expect(tie.people.first?.name == "ana li")
        // Listed twice in one entry, a spelling counts once.
        let twice = PeopleIndex(entries: [
            F.entry("a", date: "2026-01-10", people: [Person(name: "Ana Li")]),
            F.entry("b", date: "2026-03-05", people: [Person(name: "ANA LI"), Person(name: "ANA LI")]),
            F.entry("c", date: "2026-03-06", people: [Person(name: "Ana Li")]),
        ])
        #expect(twice.people.first?.name == "Ana Li")
    }

    @Test("Different names stay apart; a name listed twice in one entry counts once")
    func keepsDifferentPeopleApart() {
        let entries = [
            F.entry("a", date: "2026-05-01", people: [Person(name: "Ana Li"), Person(name: "ana li"), Person(name: "Ana Lima")]),
        ]
        let index = PeopleIndex(entries: entries)
        #expect(index.people.count == 2)
        #expect(index.person(named: "Ana Li")?.met == 1)
        #expect(index.person(named: "Ana Lima")?.met == 1)
    }

    @Test("The most recent spelling, level and relation win; notes are newest first with their entry")
    func latestDetails() throws {
        let entries = [
            F.entry("old", title: "Conference", date: "2026-02-01",
                    people: [Person(name: "sam ortiz", level: "junior", relation: "new", note: "First talk")]),
            F.entry("mid", title: "Meetup", date: "2026-04-01",
                    people: [Person(name: "Sam Ortiz", level: "peer", note: "Changed teams")]),
            F.entry("new", title: "Coffee", date: "2026-08-01", people: [Person(name: "Sam  Ortiz")]),
        ]
        let sam = try #require(PeopleIndex(entries: entries).people.first)
        #expect(sam.name == "Sam  Ortiz")
        #expect(sam.level == "peer")
        #expect(sam.relation == "new")
        #expect(sam.everExisting == false)
        #expect(sam.notes.map(\.text) == ["Changed teams", "First talk"])
        #expect(sam.notes.map(\.entryID) == ["mid", "old"])
        #expect(sam.notes.first?.entryTitle == "Meetup")
        #expect(sam.notes.first?.day == F.day("2026-04-01"))
    }

    @Test("Sorted by last met, newest first, whatever the order of the entries")
    func sortedByLastMet() {
        let entries = [
            F.entry("b", date: "2026-03-01", people: [Person(name: "Bea")]),
            F.entry("c", date: "2026-09-01", people: [Person(name: "Cem")]),
            F.entry("a", date: "2026-01-01", people: [Person(name: "Aki"), Person(name: "Bea")]),
        ]
        #expect(PeopleIndex(entries: entries).people.map(\.name) == ["Cem", "Bea", "Aki"])
    }

    @Test("Open follow-ups attach by folded `who`; done ones do not")
    func openFollowUps() throws {
        let entries = [
            F.entry("a", date: "2026-11-24", people: [Person(name: "Zoë Brandt")], followUps: [
                FollowUp(who: "zoe  BRANDT", action: "Send the intro", due: F.day("2026-11-27")),
                FollowUp(who: "Zoë Brandt", action: "Thank her", done: F.day("2026-11-25")),
                FollowUp(who: "Zoë", action: "Not her full name"),
            ]),
        ]
        let zoe = try #require(PeopleIndex(entries: entries).people.first)
        #expect(zoe.openFollowUps.map(\.action) == ["Send the intro"])
        #expect(zoe.openFollowUps.first?.n == 1)
        var writer = JSONWriter(pretty: false)
        zoe.json(into: &writer)
        #expect(writer.text.contains("\"open_follow_ups\":[{\"entry\":\"a\""))
    }

    @Test("Cold: known people silent for at least DAYS days, oldest first; new faces met once never")
    func coldList() {
        let today = F.day("2026-11-26")
        let entries = [
            // Existing, last mentioned exactly 90 days before today: cold at 90, not at 91.
            F.entry("e1", date: "2026-08-28", people: [Person(name: "Edge Case", relation: "existing")]),
            // Met twice, long ago: cold.
            F.entry("m1", date: "2026-01-05", people: [Person(name: "Mo Twice")]),
            F.entry("m2", date: "2026-02-05", people: [Person(name: "mo twice")]),
            // Met once, new: never cold.
            F.entry("n1", date: "2025-06-01", people: [Person(name: "New Face", relation: "new")]),
            // Existing but mentioned recently in a follow-up of another entry: not cold.
            F.entry("r1", date: "2026-01-01", people: [Person(name: "Rae", relation: "existing")]),
            F.entry("r2", date: "2026-11-20", followUps: [FollowUp(who: "RAE", action: "Call back")]),
            // Existing, 89 days: not yet.
            F.entry("y1", date: "2026-08-29", people: [Person(name: "Young", relation: "existing")]),
        ]
        let index = PeopleIndex(entries: entries)
        #expect(index.cold(asOf: today).map(\.name) == ["mo twice", "Edge Case"])
        #expect(index.cold(asOf: today, days: 91).map(\.name) == ["mo twice"])
        #expect(index.cold(asOf: today, days: 89).map(\.name) == ["mo twice", "Edge Case", "Young"])
        #expect(index.person(named: "Rae")?.lastMentioned == F.day("2026-11-20"))
        #expect(index.person(named: "New Face")?.isKnown == false)
    }

    @Test("The weekly review gets at most three cold names, longest silent first")
    func coldNamesForReview() {
        let entries = (1...5).map { i in
            F.entry("e\(i)", date: "2026-0\(i)-01", people: [Person(name: "Person \(i)", relation: "existing")])
        }
        let today = F.day("2026-12-31")
        #expect(PeopleIndex.coldNames(in: entries, asOf: today) == ["Person 1", "Person 2", "Person 3"])
        #expect(PeopleIndex.coldNames(in: entries, asOf: today, limit: 1) == ["Person 1"])
        #expect(PeopleIndex.coldNames(in: entries, asOf: F.day("2026-06-01")).isEmpty == false)
        #expect(PeopleIndex.coldNames(in: entries, asOf: F.day("2026-05-02")) == ["Person 1", "Person 2"])
    }
}
