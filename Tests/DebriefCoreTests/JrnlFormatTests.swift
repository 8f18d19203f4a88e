import Foundation
import Testing
@testable import DebriefCore

/// jrnl's plain-text format: reading what jrnl and its users write, writing what jrnl reads.
@Suite struct JrnlFormatTests {
    let zone = Fixtures.berlin

    func ts(_ iso: String) -> Timestamp { Fixtures.ts(iso) }

    // MARK: - Title, body, star and tags, as jrnl reads them

    /// A lone line (no line break after it, as jrnl's command line writes an entry) is cut at its
    /// first sentence end.
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
        ("Lunch e.g. with Ken at the canteen.", "Lunch e.g.", "with Ken at the canteen."),
    ])
    func aLoneLineIsCutAtItsFirstSentence(_ line: String, _ title: String, _ body: String) {
        let note = JrnlNote.read(line, date: ts("2026-11-24T18:30:00+01:00"))
        #expect(note.title == title)
        #expect(note.body == body)
    }

    /// The entries: when an entry has more than its first line, jrnl's title is that
    /// whole line, abbreviations and all. The old reading cut "Call with Dr." and "Lunch e.g."
    /// (this test failed before: titles "Call with Dr." and "Lunch e.g.").
    @Test func anEntryWithMoreLinesHasItsWholeFirstLineAsTitle() throws {
        let text = """
        [2026-02-04 11:30] Call with Dr. Henrike Vogel. She asked about #hiring and @nordwind.
        Follow up next week.

        [2026-02-05 12:30] Lunch e.g. with Ken at the canteen.

        """
        let read = JrnlText.read(text, timeZone: zone)
        #expect(read.refused.isEmpty)
        let notes = read.notes.map(\.note)
        try #require(notes.count == 2)
        #expect(notes[0].title == "Call with Dr. Henrike Vogel. She asked about #hiring and @nordwind.")
        #expect(notes[0].body == "Follow up next week.")
        #expect(notes[0].tags == ["hiring", "nordwind"], "#hiring is a tag in jrnl 4 (default tag symbols # and @)")
        // A one-line entry followed by another still carries the line break before it: whole line.
        #expect(notes[1].title == "Lunch e.g. with Ken at the canteen.")
        #expect(notes[1].body == "")
    }

    @Test func followingLinesAreTheBodyAndAStarMarksTheEntry() {
        let note = JrnlNote.read("Coffee with Zoë. Long talk *\nabout @Swift and @server-side.\n\n- a list\n\n", date: ts("2026-11-24T09:00:00+01:00"))
        #expect(note.title == "Coffee with Zoë. Long talk")
        #expect(note.body == "about @Swift and @server-side.\n\n- a list")
        #expect(note.starred)
        #expect(note.tags == ["Swift", "server-side"], "debrief keeps the first spelling, without the symbol")
        #expect(!JrnlNote.read("Plain title", date: ts("2026-11-24T09:00:00+01:00")).starred)
        // A starred lone line gets a line break after it in jrnl, so it is not cut.
        let starred = JrnlNote.read("One. Two *", date: ts("2026-11-24T09:00:00+01:00"))
        #expect(starred.title == "One. Two")
        #expect(starred.starred)
    }

    @Test func tagsAreFoundAsJrnlFindsThem() {
        let date = ts("2026-11-24T09:00:00+01:00")
        #expect(JrnlNote.read("@a, @B.c mail@example.com (@paren) @x/y @李雷 @@ @ #hash ## #1", date: date).tags
                == ["a", "B", "x/y", "李雷", "hash", "1"], "## is a jrnl tag of symbols only: nothing is left of it")
        #expect(JrnlNote.read("@dup @DUP #Dup", date: date).tags == ["dup"])
        #expect(JrnlNote.read("@ana #hiring +plus", date: date, tagSymbols: "+").tags == ["plus"], "--tag-symbols +")
        #expect(JrnlNote.read("T\n#HenrikeVogel @henrike_vogel", date: date).tags == ["HenrikeVogel", "henrike_vogel"])
    }

    /// jrnl looks for the line break after leading white space but cuts the unstripped text at
    /// that place; debrief reads the same (jrnl 4.6 gives title "Titl" and body "e\nbody").
    @Test func leadingSpacesShiftTheCutAsInJrnl() {
        let note = JrnlNote.read("  Title\nbody", date: ts("2026-11-24T09:00:00+01:00"))
        #expect(note.title == "Titl")
        #expect(note.body == "e\nbody")
    }

    /// The reading debrief used before, kept to recognise notes imported with it.
    @Test func theOldReadingIsKeptForRepairs() {
        let old = JrnlNote.legacyRead("Call with Dr. Henrike Vogel. She asked about #hiring and @nordwind.\nFollow up.\n",
                                      date: ts("2026-02-04T11:30:00+01:00"))
        #expect(old.title == "Call with Dr.")
        #expect(old.body == "Henrike Vogel. She asked about #hiring and @nordwind.\nFollow up.")
        #expect(old.tags == ["nordwind"])
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
        #expect(read.notes.map(\.note.title) == ["Default format. Body on the same line", "Minutes only.", "With seconds.", "Midnight, twelve-hour."])
        #expect(read.notes[0].note.body == "and the next.")
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
        let text = JrnlNote.read("Met Dr. Brandt today.\nLong talk.", date: ts("2026-11-24T18:30:42+01:00"))
        let json = JrnlNote(date: ts("2026-11-24T18:30:00+01:00"), title: "Met Dr.", body: "Brandt today.\nLong talk.", tags: [], starred: false)
        #expect(text.key == json.key)
        let other = JrnlNote(date: ts("2026-11-24T18:31:00+01:00"), title: "Met Dr.", body: "Brandt today.\nLong talk.", tags: [], starred: false)
        #expect(other.key != json.key)
    }
}
