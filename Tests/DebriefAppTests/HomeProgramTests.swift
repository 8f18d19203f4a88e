import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

@Suite struct HomeProgramTests {
    static func home(_ f: BrowseFixture) -> HomeProgram {
        HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock)
    }

    @Test func firstFrameShowsRecentReflectionsWhileTheJournalIsRead() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.home(f), width: 100, height: 24)
        // No count: the glance lists only the newest month folders, never the whole journal.
        #expect(d.screen.contains("Reading the journal…"))
        #expect(d.screen.contains("Swift meetup Berlin"))
        #expect(!d.screen.contains("Ana Li: Intro to Marc"))
        d.finishBackground()
        #expect(!d.screen.contains("Reading"))
        #expect(d.screen.contains("Ana Li: Intro to Marc"))
    }

    @Test func aLongReadShowsABarUntilTheFollowUpsArrive() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(holdingBackground: Self.home(f), width: 100, height: 24)
        d.reportReadProgress(done: 25_000, total: 100_000)
        let line = try #require(d.rows.first { $0.contains("Reading the journal") })
        // In the margin, indented like the follow-ups: the label, a bar of 40 cells, the counts.
        #expect(line == "   Reading the journal " + String(repeating: "━", count: 10) + String(repeating: "─", count: 30)
                + " 25000 of 100000 files" + String(repeating: " ", count: 100 - 85))
        #expect(!d.screen.contains("Reading the journal…"))
        d.reportReadProgress(done: 50_000, total: 100_000)
        #expect(d.screen.contains(String(repeating: "━", count: 20) + String(repeating: "─", count: 20) + " 50000 of 100000 files"))
        d.finishBackground()
        #expect(!d.screen.contains("Reading"))
        #expect(d.screen.contains("Ana Li: Intro to Marc"))
        // A later read (after another screen) shows the follow-ups it has, never a bar over them.
        d.reportReadProgress(done: 10, total: 100)
        #expect(!d.screen.contains("Reading"))
    }

    @Test func thisWeeksPitfallsInOneLine() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let d = ProgramDriver(Self.home(f), width: 80, height: 24)
        let row = try #require(d.rows.firstIndex { $0.contains("This week") })
        let sentence = d.rows[(row + 1)...(row + 3)].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(sentence.hasPrefix("1 reflection; pitfalls: "))
        #expect(sentence.contains("Socializing with no professional purpose (recurring)"))
        // The follow-up to Ana slipped this week; last week's coffee with her, someone already
        // known, needed no planned follow-up, so it is not recurring.
        #expect(sentence.contains("Failing to follow up,") && !sentence.contains("Failing to follow up (recurring)"))
        // A habit judged over the week: nobody known was met and no reflection caught up with one.
        #expect(sentence.contains("Neglecting the people you already know (this week so far)"))
        #expect(!d.screen.contains("…"))

        // A week without entries says so.
        let later = HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog,
                                clock: Clock.fixed(Timestamp(iso: "2026-12-09T10:00:00+01:00")!.date, timeZone: BrowseFixture.zone))
        let empty = ProgramDriver(later, width: 80, height: 24)
        #expect(empty.screen.contains("No reflections yet this week."))
    }

    /// The glance tells a first run (no entry file: the intro) from a journal whose newest files
    /// could not be read (its lines, and the warning), without listing the whole journal.
    @Test func aJournalOfUnreadableFilesIsNotAFirstRun() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let folder = f.root + "/entries/2026/11"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "---\ntitle: [unclosed\n---\n".write(toFile: folder + "/2026-11-24-1830-broken.md", atomically: true, encoding: .utf8)
        var d = ProgramDriver(holdingBackground: Self.home(f), width: 100, height: 24)
        #expect(d.screen.contains("Reading the journal…") && !d.screen.contains("Debrief helps you"))
        d.finishBackground()
        #expect(d.screen.contains("Recent reflections") && !d.screen.contains("Debrief helps you"))
    }

    @Test func introWrapsInsteadOfCuttingAt80Columns() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let d = ProgramDriver(Self.home(f), width: 80, height: 24)
        #expect(!d.screen.contains("…"))
        #expect(d.screen.contains("before they go stale."))
        #expect(d.rows.allSatisfy { $0.count <= 80 })
    }

    @Test func showsDueFollowUpsFirstThenRecentReflectionsAndKeys() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        try f.add("Far future", day: "2026-11-10",
                  followUps: [FollowUp(who: "Kai", action: "Check in next quarter", due: Day(iso: "2027-02-01")),
                              FollowUp(who: "Lea", action: "Already done", due: Day(iso: "2026-11-12"), done: Day(iso: "2026-11-12"))])
        let d = ProgramDriver(Self.home(f), width: 100, height: 20)
        let rows = d.rows
        #expect(rows[1].contains("Follow-ups due"))
        #expect(rows[2].contains("6 days overdue") && rows[2].contains("Ana Li: Intro to Marc") && rows[2].contains("(from Swift meetup Berlin)"))
        #expect(rows[3].contains("due tomorrow") && rows[3].contains("Zoë Brandt: Send the talk link"))
        #expect(!d.screen.contains("Check in next quarter"))
        #expect(!d.screen.contains("Already done"))
        let recent = try #require(rows.firstIndex { $0.contains("Recent reflections") })
        #expect(rows[recent + 1].contains("2026-11-24") && rows[recent + 1].contains("Swift meetup Berlin"))
        #expect(rows[recent + 2].contains("Product coffee"))
        #expect(rows[19].contains("n new reflection") && rows[19].contains("b browse") && rows[19].contains("q quit"))
    }

    @Test func emptyJournalExplainsDebriefAndOffersN() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        let d = ProgramDriver(Self.home(f), width: 90, height: 16)
        #expect(d.screen.contains("Debrief helps you get more out of networking events."))
        #expect(d.screen.contains("Press n to write your first reflection."))
        #expect(!d.screen.contains("Follow-ups due"))
    }

    @Test(arguments: [
        (Character("n"), ScreenRequest.newReflection), ("b", .browse), ("r", .review), ("f", .followUps), ("p", .people),
    ])
    func keysOpenOtherScreensOverHome(key: Character, target: ScreenRequest) throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        var d = ProgramDriver(Self.home(f), width: 80, height: 16)
        d.press(.char(key))
        #expect(d.exitStatus == nil)
        #expect(d.opened == [target])
        #expect(d.topRequest == target)
        // Back from it: home again, still running.
        d.press(.char("q"))
        #expect(d.topRequest == nil)
        #expect(d.exitStatus == nil)
        #expect(d.screen.contains("Debrief"))
    }

    @Test func helpAndQuit() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        var d = ProgramDriver(Self.home(f), width: 80, height: 16)
        d.press(.char("?"))
        #expect(d.screen.contains("Keys (any key closes)"))
        d.press(.char("q"))
        #expect(d.exitStatus == nil)
        #expect(!d.screen.contains("Keys (any key closes)"))
        d.press(.char("q"))
        #expect(d.exitStatus == 0)
        #expect(d.opened.isEmpty)
    }

    @Test func manyDueFollowUpsAreCappedSoRecentReflectionsStillShow() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        for n in 1...20 {
            try f.add("Event \(n)", day: String(format: "2026-10-%02d", n),
                      followUps: [FollowUp(who: "P\(n)", action: "Call", due: Day(iso: String(format: "2026-10-%02d", n + 1)))])
        }
        let d = ProgramDriver(Self.home(f), width: 90, height: 30)
        #expect(d.screen.contains("… and 12 more (f shows every follow-up)"))
        #expect(d.screen.contains("Recent reflections"))
        #expect(d.screen.contains("P1: Call"))
    }

    /// Home is a place to act: the most urgent follow-up is selected, Space marks it, s moves it,
    /// D marks it done on another day, Enter opens its entry, and the file changes only there.
    @Test func dueFollowUpsAreSelectableAndActionableInPlace() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let path = try #require(f.store.refs().first { $0.id.contains("swift-meetup") }).path
        let before = String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
        func file() -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        var d = ProgramDriver(Self.home(f), width: 100, height: 24)
        #expect(d.rows[1].contains("Follow-ups due   Space done/open  s reschedule  D done another day  Enter open its entry"))
        #expect(d.rows[2].contains("[ ] 6 days overdue  Ana Li: Intro to Marc"))
        #expect(d.frame.buffer.style(row: 2, col: 3)?.reverse == true)
        #expect(d.frame.buffer.style(row: 3, col: 3)?.reverse == false)

        // Down, Space: the second one is done today, in place; Space again opens it again.
        d.press(.down, .char(" "))
        #expect(d.rows[3].contains("[x] done today      Zoë Brandt: Send the talk link"))
        #expect(d.rows[22].contains("Done: Zoë Brandt: Send the talk link (Space again reopens)"))
        #expect(file().contains("    due: 2026-11-27\n    done: 2026-11-26\n"))
        d.press(.char(" "))
        #expect(d.rows[3].contains("[ ] due tomorrow    Zoë Brandt: Send the talk link"))
        #expect(file().components(separatedBy: "\n").filter { !$0.hasPrefix("updated:") }
            == before.components(separatedBy: "\n").filter { !$0.hasPrefix("updated:") })

        // Up, s: a new due date asked for above the help bar; +3d moves it and counts a postponement.
        d.press(.up, .char("s"))
        #expect(d.rows[22].hasPrefix("New due date for Ana Li: Intro to Marc: "))
        d.type("+3d")
        d.press(.enter)
        #expect(d.rows[2].contains("[ ] in 3 days") && d.rows[2].contains("  Ana Li: Intro to Marc  (from Swift meetup Berlin; postponed once)"))
        #expect(d.rows[22].contains("Due 2026-11-29: Ana Li: Intro to Marc; postponed once, 9 days past its first date"))
        #expect(file().contains("    due: 2026-11-29\n    first-due: 2026-11-20\n    postponed: 1\n"))

        // D: done on another day, read looking back.
        d.press(.char("D"))
        d.type("yesterday")
        d.press(.enter)
        #expect(d.rows[2].contains("[x] done 2026-11-25") && d.rows[2].contains("  Ana Li: Intro to Marc"))
        #expect(file().contains("    due: 2026-11-29\n    done: 2026-11-25\n"))

        // Enter opens the selected one's entry, at that follow-up (Intro to Marc, the second).
        d.press(.enter)
        #expect(d.exitStatus == nil)
        #expect(d.topRequest == .entry(try #require(f.store.refs().first { $0.id.contains("swift-meetup") }).id, followUp: 2))
    }

    /// Home lists follow-ups from the index's rows and holds no entries: Space, `s` and `D` read
    /// the entry when pressed, and write nothing unless its follow-up is the row shown. Another
    /// program put a follow-up first (the one shown moved), or marked the shown one done: nothing
    /// is written, the status line says why, and home reads the journal again.
    @Test func spaceOnAFollowUpWhoseFileChangedMeanwhileWritesNothing() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let ref = try #require(f.store.refs().first { $0.id.contains("swift-meetup") })
        func bytes() -> [UInt8] { FileManager.default.contents(atPath: ref.path).map { Array($0) } ?? [] }
        var d = ProgramDriver(Self.home(f), width: 100, height: 24)
        #expect(d.rows[2].contains("[ ] 6 days overdue  Ana Li: Intro to Marc"))
        var entry = try f.store.read(ref)
        entry["follow-ups"] = .followUps([FollowUp(who: "Kai Müller", action: "Book the room", due: Day(iso: "2026-11-19"))]
                                         + entry.followUps)
        _ = try f.store.save(entry, now: f.clock.timestamp)
        var before = bytes()
        d.press(.char(" "))
        #expect(bytes() == before)
        #expect(d.rows[22].hasPrefix("Nothing written: the entry changed on disk since it was read"))
        #expect(d.rows[2].contains("[ ] 7 days overdue  Kai Müller: Book the room"), "read again")

        // The shown one marked done elsewhere: the file's words for what changed.
        d.press(.down)
        #expect(d.rows[3].contains("[ ] 6 days overdue  Ana Li: Intro to Marc"))
        entry = try f.store.read(ref)
        var rows = entry.followUps
        rows[2].done = Day(iso: "2026-11-25")
        entry["follow-ups"] = .followUps(rows)
        _ = try f.store.save(entry, now: f.clock.timestamp)
        before = bytes()
        d.press(.char(" "))
        #expect(bytes() == before)
        #expect(d.rows[21].hasPrefix("Nothing written: the file changed meanwhile: it was marked done on 2026-11-25 for"))
        #expect(d.rows[22].hasPrefix("Marc”"))
        #expect(!d.screen.contains("Intro to Marc"), "read again: done, no longer due")
    }

    /// What a key did is said whole, as on the other screens: a message longer than the line
    /// (a long follow-up, how often it was pushed back) wraps above the help bar, never cut.
    @Test func aPostponementMessageWrapsWholeAt80Columns() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("iOS Dev Happy Hour", day: "2026-11-24",
                  followUps: [FollowUp(who: "Zoë Brandt", action: "Send her the accessibility talk recording and the notes from our workshop",
                                       due: Day(iso: "2026-11-25"))])
        var d = ProgramDriver(Self.home(f), width: 80, height: 16)
        d.press(.char("s"))
        d.type("sat")
        d.press(.enter)
        #expect(Array(d.frame.buffer.trimmedRows.suffix(3)) == [
            "Due 2026-11-28: Zoë Brandt: Send her the accessibility talk recording and the",
            "notes from our workshop; postponed once, 3 days past its first date",
            "n new reflection  b browse  r review  f follow-ups  p people  ? help  q quit",
        ])
        #expect(d.rows[2].contains("[ ] in 2 days"))
        // The next key clears it and the body has its rows back.
        d.press(.down)
        #expect(d.frame.buffer.trimmedRows[13...14] == ["", ""])
    }

    @Test func followUpKeysWithNothingDueSaySo() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("Quiet", day: "2026-11-24")
        var d = ProgramDriver(Self.home(f), width: 80, height: 16)
        #expect(d.rows[1].trimmingCharacters(in: .whitespaces) == "Follow-ups due")
        d.press(.char(" "))
        #expect(d.rows[14].contains("Nothing due to act on; f lists every follow-up"))
        d.press(.char("s"))
        #expect(d.exitStatus == nil)
    }

    /// What a follow-up key did is said whole: at 40 columns the message wraps above the help bar.
    @Test func aLongStatusWrapsAboveTheHelpBar() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = ProgramDriver(Self.home(f), width: 40, height: 16)
        d.press(.char(" "))
        let words = d.rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains("Done: Ana Li: Intro to Marc (Space again reopens)"), "\(d.screen)")
        #expect(!d.rows.contains { $0.contains("Done: Ana Li: Intro to Marc (Space again reopens)") }, "wrapped over two lines")
    }
}
