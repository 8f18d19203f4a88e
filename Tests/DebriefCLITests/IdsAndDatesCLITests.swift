import Foundation
import Testing

/// Ids and dates that do not trip people up: an entry moved by `edit` on one device is found by
/// its old id on another (the old id travels in the file), and `add` warns about an event date
/// in the future.
@Suite struct IdsAndDatesCLITests {
    /// The file as another device's `debrief edit` left it after a move, synced here: only the
    /// file, no index, no state. Failed before: `show` of the old id was "no entry matches" (66).
    @Test func anOldIdFindsTheMovedEntryWithANote() throws {
        let debrief = try BinaryRunner()
        try debrief.write("""
        ---
        schema: 1
        id: 2026-11-25-0900-coffee-with-ana-lima
        former-ids: [2026-11-24-1500-coffee-with-ana]
        created: 2026-11-24T21:00:00+01:00
        updated: 2026-11-25T08:00:00+01:00
        title: Coffee with Ana Lima
        date: 2026-11-25T09:00:00+01:00
        follow-ups:
          - who: Ana Lima
            action: Send the deck
            due: 2026-11-28
        ---

        """, to: debrief.journal + "/entries/2026/11/2026-11-25-0900-coffee-with-ana-lima.md")
        for env in [[:], ["DEBRIEF_INDEX": "off"]] {
            let show = try debrief.run(["show", "2026-11-24-1500-coffee-with-ana", "--format", "json"], env: env)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.contains("\"id\": \"2026-11-25-0900-coffee-with-ana-lima\""))
            #expect(show.stderr == "2026-11-24-1500-coffee-with-ana was moved to 2026-11-25-0900-coffee-with-ana-lima "
                    + "(its new date or title); showing 2026-11-25-0900-coffee-with-ana-lima\n")
        }
        let done = try debrief.run(["done", "2026-11-24-1500", "1"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.contains("was moved to 2026-11-25-0900-coffee-with-ana-lima"))
        #expect(try debrief.run(["show", "2026-11-23"]).status == 66, "nothing had that id")
    }

    /// `add` keeps an event dated later than now and says so. Failed before: silent.
    @Test func addWarnsAboutAnEventInTheFuture() throws {
        let debrief = try BinaryRunner()
        let r = try debrief.run(["add", "--title", "Dinner", "--date", "tomorrow 18:00"])
        #expect(r.status == 0)
        #expect(r.stderr == "debrief: warning: the event date 2026-11-27 18:00 is in the future; a reflection is about what happened; saved as given\n")
        let past = try debrief.run(["add", "--title", "Lunch", "--date", "today 09:00"])
        #expect(past.stderr.isEmpty)
    }
}
