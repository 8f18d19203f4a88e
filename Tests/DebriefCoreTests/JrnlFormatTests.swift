import Foundation
import Testing
@testable import DebriefCore

/// jrnl's plain-text format: reading what jrnl and its users write, writing what jrnl reads.
@Suite struct JrnlFormatTests {
    let zone = Fixtures.berlin

    func ts(_ iso: String) -> Timestamp { Fixtures.ts(iso) }

    // MARK: - Title, body, star and tags

    @Test(arguments: [
        ("Swift meetup Berlin. Met Ana there", "Swift meetup Berlin.", "Met Ana there"),
        ("Did it work? Yes", "Did it work?", "Yes"),
        ("Wow! Great", "Wow!", "Great"),
        ("He said \"stop.\" Then left", "He said \"stop.\"", "Then left"),
        ("(Aside.) More", "(Aside.)", "More"),
        ("No sentence end here", "No sentence end here", ""),
        ("Version 2.0 shipped", "Version 2.0 shipped", ""),
        ("Ends with a dot.", "Ends with a dot.", ""),
        ("今天很好。我们见面了", "今天很好。", "我们见面了"),
        ("Wait… then", "Wait…", "then"),
    ])
    func titleIsTheFirstSentenceOfTheFirstLine(_ line: String, _ title: String, _ body: String) {
        let note = JrnlNote.split(line, date: ts("2026-11-24T18:30:00+01:00"))
        #expect(note.title == title)
        #expect(note.body == body)
    }

    @Test func followingLinesAreTheBodyAndAStarMarksTheEntry() {
        let note = JrnlNote.split("Coffee with Zoë. Long talk *\nabout @Swift and @server-side.\n\n- a list\n\n", date: ts("2026-11-24T09:00:00+01:00"))
        #expect(note.title == "Coffee with Zoë.")
        #expect(note.body == "Long talk\nabout @Swift and @server-side.\n\n- a list")
        #expect(note.starred)
        #expect(note.tags == ["swift", "server-side"])
        #expect(!JrnlNote.split("Plain title", date: ts("2026-11-24T09:00:00+01:00")).starred)
    }

    @Test func tagsAreFoundAsJrnlFindsThem() {
        #expect(JrnlNote.tags(in: "@a, @B.c mail@example.com (@paren) @x/y @李雷 @@ @") == ["a", "b", "x/y", "李雷"])
        #expect(JrnlNote.tags(in: "@dup @DUP") == ["dup"])
    }

    // MARK: - Reading files

    @Test func readsTheDefaultAndTheCommonCustomTimeFormats() {
        let text = """
        [2026-11-24 06:30:00 PM] Default format. Body on the same line
        and the next.

        [2026-11-25 18:45] Minutes only.

        [2026-11-26 07:05:09] With seconds.
        [2026-11-27 12:00 AM] Midnight, twelve-hour.

        """
        let read = JrnlText.read(text, timeZone: zone)
        #expect(read.refused.isEmpty, "\(read.refused)")
        #expect(read.notes.map(\.line) == [1, 4, 6, 7])
        #expect(read.notes.map(\.note.date) == [ts("2026-11-24T18:30:00+01:00"), ts("2026-11-25T18:45:00+01:00"),
                                                ts("2026-11-26T07:05:09+01:00"), ts("2026-11-27T00:00:00+01:00")])
        #expect(read.notes.map(\.note.title) == ["Default format.", "Minutes only.", "With seconds.", "Midnight, twelve-hour."])
        #expect(read.notes[0].note.body == "Body on the same line\nand the next.")
    }

    /// A malformed part is refused with its line and skipped up to the next date line; the
    /// entries around it are read whole.
    @Test func malformedPartsAreRefusedWithTheirLine() {
        let text = """
        Some words before any entry.
        [2026-11-24 06:30:00 PM] Good one.
        Body.

        [2026-13-45 10:00] Bad month.
        This body belongs to the bad entry.
        [x] but this checkbox line too.

        [2026-11-25 10:00] Good two.
        [2026-11-26 10:00]
        only a body, no title
        [2026-03-29 02:30] In the spring gap.
        """
        let read = JrnlText.read(text, timeZone: zone)
        #expect(read.notes.map(\.note.title) == ["Good one.", "Good two."])
        #expect(read.notes.map(\.line) == [2, 9])
        #expect(read.notes[0].note.body == "Body.")
        #expect(read.notes[1].note.body == "")
        #expect(read.refused.map(\.line) == [1, 5, 10, 12])
        #expect(read.refused[0].message.hasPrefix("text before the first entry"))
        #expect(read.refused[1].message.hasPrefix("'2026-13-45 10:00' is not a date and time in a jrnl format"))
        #expect(read.refused[2].message == "the entry has no title after its date")
        #expect(read.refused[3].message == "'2026-03-29 02:30' is not a time that exists in Europe/Berlin (the clocks skip it); "
                + "this entry is skipped up to the next date line", "02:30 does not exist in Berlin that night; the format is fine")
    }

    @Test func crlfAndAByteOrderMarkAreRead() {
        let read = JrnlText.read("\u{FEFF}[2026-11-24 06:30:00 PM] T.\r\nBody\r\n", timeZone: zone)
        #expect(read.refused.isEmpty)
        #expect(read.notes.first?.note.title == "T.")
        #expect(read.notes.first?.note.body == "Body")
    }

    // MARK: - Writing

    @Test func timesAreWrittenAsPercentFPercentR() {
        #expect(JrnlText.format(ts("2026-11-24T18:30:00+01:00")) == "2026-11-24 06:30:00 PM")
        #expect(JrnlText.format(ts("2026-11-24T00:05:07+01:00")) == "2026-11-24 12:05:07 AM")
        #expect(JrnlText.format(ts("2026-11-24T12:00:00+01:00")) == "2026-11-24 12:00:00 PM")
        #expect(JrnlText.format(ts("2026-11-24T09:00:00-05:00")) == "2026-11-24 09:00:00 AM", "the wall clock where it was written")
    }

    @Test func writesAsJrnlDoes() {
        let notes = [
            JrnlNote(date: ts("2026-11-25T09:00:00+01:00"), title: "Second.", body: "", tags: [], starred: true),
            JrnlNote(date: ts("2026-11-24T18:30:00+01:00"), title: "First.", body: "Line one\n\nline three\n", tags: [], starred: false),
        ]
        #expect(JrnlText.write(notes) == """
        [2026-11-24 06:30:00 PM] First.
        Line one

        line three

        [2026-11-25 09:00:00 AM] Second. *

        """)
    }

    /// Body lines jrnl could read as a new entry get a leading space; task boxes stay.
    @Test func bodyLinesThatLookLikeEntriesAreGuarded() {
        let note = JrnlNote(date: ts("2026-11-24T18:30:00+01:00"), title: "T", body: "[monday] plan\n[ ] open\n[x] done\n[2026-11-24 06:30:00 PM] fake", tags: [], starred: false)
        let text = JrnlText.write([note])
        #expect(text == "[2026-11-24 06:30:00 PM] T\n [monday] plan\n[ ] open\n[x] done\n [2026-11-24 06:30:00 PM] fake\n")
        let back = JrnlText.read(text, timeZone: zone)
        #expect(back.notes.count == 1)
        #expect(back.refused.isEmpty)
    }

    /// Unicode and multi-line notes survive writing and reading back.
    @Test func roundTrip() {
        let notes = [
            JrnlNote(date: ts("2026-11-20T18:30:00+01:00"), title: "Zoë 李雷 👋 meetup.", body: "Line 1 with @swift\n\n  indented line 3\nß ğ 👋🏽 @café", tags: ["swift", "café"], starred: false),
            JrnlNote(date: ts("2026-11-21T07:05:09+01:00"), title: "Starred and terse!", body: "", tags: [], starred: true),
        ]
        let back = JrnlText.read(JrnlText.write(notes), timeZone: zone)
        #expect(back.refused.isEmpty)
        #expect(back.notes.map(\.note) == notes)
    }

    /// Exporting an entry: an imported note's body is its notes, tags missing from the text are
    /// appended as @tags, and `starred` becomes the star.
    @Test func entriesBecomeNotes() {
        let imported = JrnlNote(date: ts("2026-11-20T18:30:00+01:00"), title: "T.", body: "about @swift", tags: ["swift", "server side"], starred: true).entry()
        let note = JrnlNote(exporting: imported, catalog: Fixtures.catalog)
        #expect(note.title == "T.")
        #expect(note.body == "about @swift\n\n@server-side")
        #expect(note.starred)
        #expect(note.tags == ["swift", "server side"])
        #expect(imported.flow == Entry.importedFlow)
        #expect(imported.origin?.hasPrefix("jrnl:") == true)
    }

    /// The same jrnl entry read from its text and from its JSON export has one key.
    @Test func theKeyIgnoresHowTitleAndBodyWereSplitAndTheSeconds() {
        let text = JrnlNote.split("Met Dr. Brandt today.\nLong talk.", date: ts("2026-11-24T18:30:42+01:00"))
        let json = JrnlNote(date: ts("2026-11-24T18:30:00+01:00"), title: "Met Dr.", body: "Brandt today.\nLong talk.", tags: [], starred: false)
        #expect(text.key == json.key)
        let other = JrnlNote(date: ts("2026-11-24T18:31:00+01:00"), title: "Met Dr.", body: "Brandt today.\nLong talk.", tags: [], starred: false)
        #expect(other.key != json.key)
    }
}
