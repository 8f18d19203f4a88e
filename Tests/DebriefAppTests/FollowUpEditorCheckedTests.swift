@testable import DebriefApp
import DebriefCore
import Testing

/// The one step after a screen read the entry of a follow-up for Space, `s` or `D`
/// (`FollowUpEditor.checked`): every outcome, with the rows a screen shows as the index gave them.
@Suite struct FollowUpEditorCheckedTests {
    static let id = "2026-11-20-1830-swift-meetup-berlin"
    static let due = Day(iso: "2026-11-20")
    static let rows = [FollowUp(who: "Ana Li", action: "Intro to Marc", due: due),
                       FollowUp(who: "Zoë Brandt", action: "Send the talk link", due: Day(iso: "2026-11-27"))]

    /// The entry as its file holds it now.
    static func entry(_ followUps: [FollowUp] = rows) -> Entry {
        let when = Timestamp(seconds: 1_795_195_800, utcOffset: 3600)  // 2026-11-20 18:30 in Berlin
        return Entry(id: id, created: when, updated: when,
                     answers: ["title": .text("Swift meetup Berlin"), "follow-ups": .followUps(followUps)])
    }

    /// Follow-up `n` of the entry as a screen lists it (the entry as it was when the rows were read).
    static func shown(_ n: Int, of entry: Entry = entry()) -> FollowUpItem {
        FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1])
    }

    @Test func aFailedReadIsRefusedWithTheStoresWords() {
        let error = StoreError.notFound(Self.id)
        let checked = FollowUpEditor.checked(.failure(error), n: 1, shown: { _ in Optional(Self.shown(1)) })
        #expect(checked == .refused(error.description))
    }

    @Test func aRowNoLongerShownIsRefusedAsChangedOnDisk() {
        var asked: [String] = []
        let checked = FollowUpEditor.checked(.success(Self.entry()), n: 2, shown: { id -> FollowUpItem? in
            asked.append(id)
            return nil
        })
        #expect(checked == .refused(FollowUpEditor.changedOnDisk))
        #expect(asked == [Self.id])
    }

    @Test func anotherFollowUpAtNIsRefusedAsChangedOnDisk() {
        // A row was added above the one shown: the file's row 1 is another follow-up.
        let shown = Self.shown(1)
        let now = Self.entry([FollowUp(who: "Kai", action: "Share the Figma file")] + Self.rows)
        #expect(FollowUpEditor.checked(.success(now), n: 1, shown: { _ in Optional(shown) }) == .refused(FollowUpEditor.changedOnDisk))
        // Rows were removed: there is no row 2 any more.
        let shorter = Self.entry(Array(Self.rows.prefix(1)))
        #expect(FollowUpEditor.checked(.success(shorter), n: 2, shown: { _ in Optional(Self.shown(2)) })
            == .refused(FollowUpEditor.changedOnDisk))
    }

    @Test func theSameFollowUpInAnotherStateIsRefusedWithWhatChanged() {
        // Marked done by hand in the file since the screen read its rows.
        var rows = Self.rows
        rows[0].done = Day(iso: "2026-11-25")
        let checked = FollowUpEditor.checked(.success(Self.entry(rows)), n: 1, shown: { _ in Optional(Self.shown(1)) })
        #expect(checked == .refused("Nothing written: the file changed meanwhile: it was marked done on 2026-11-25 for “Ana Li: Intro to Marc”"))
    }

    @Test func theRowShownIsReadyWithTheItemAsTheFileHoldsIt() {
        // The entry's title changed since the rows were read: only the follow-up itself is compared.
        let before = Self.entry()
        var entry = before
        entry["title"] = .text("Swift meetup Berlin, December")
        let checked = FollowUpEditor.checked(.success(entry), n: 2, shown: { $0 == Self.id ? Self.shown(2, of: before) : nil })
        #expect(checked == .ready(FollowUpItem(entry: entry, n: 2, followUp: Self.rows[1]), entry))
    }
}
