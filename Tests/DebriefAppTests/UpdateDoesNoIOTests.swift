@testable import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

/// Screens ask for data through commands: `update` itself never reads or writes the journal.
///
/// Each test hides the journal (renames its folder) while `update` handles a key and puts it back
/// before the commands `update` returned are performed. A screen that reads in `update` reads
/// nothing while the folder is away and ends up showing less than the same keys show with the
/// journal in place; a screen that only asks through commands ends up exactly the same.
@Suite struct UpdateDoesNoIOTests {
    /// Runs `events` through `program` on the runtime (``ProgramDriver``: start, size, then each
    /// event and every command it leads to), with the journal at `root` renamed away while the
    /// screen's `update` handles each terminal event when `hide` is set; returns the frame after
    /// each event. The editor stands in as "exited without a change".
    static func run<P: Program>(_ program: P, events: [TerminalEvent], root: String, hide: Bool) -> [[String]] {
        var d = ProgramDriver(program, width: 80, height: 24, editor: { text in
            // A file opened in the editor comes back as it is; text comes back unchanged.
            FileManager.default.contents(atPath: text).map { .edited(String(decoding: $0, as: UTF8.self)) } ?? .edited(text)
        })
        var frames = [[String]]()
        guard d.exitStatus == nil else { return [d.rows] }
        for event in events {
            if hide { #expect(rename(root, root + ".away") == 0) }
            let pending = d.dispatch(event)
            if hide { #expect(rename(root + ".away", root) == 0) }
            d.perform(pending)
            frames.append(d.rows)
            if d.exitStatus != nil || d.exitSignal != nil { break }
        }
        return frames
    }

    /// Every file of the journal (entries, drafts, trash) with its bytes, to compare what two
    /// runs left on disk.
    static func files(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root) ?? [] {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { out[path] = data }
        }
        return out
    }

    static func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.char($0)) } }

    /// A journal larger than browse's first page: the standard three entries and twelve more.
    static func journal() throws -> BrowseFixture {
        let f = try BrowseFixture()
        try f.standard()
        for n in 1...12 {
            try f.add(String(format: "Event %02d", n), day: String(format: "2026-09-%02d", n), kind: n % 2 == 0 ? "meetup" : "conference",
                      people: [Person(name: n % 3 == 0 ? "Henrike Voss" : "Kai Müller")],
                      followUps: [FollowUp(who: "Ana Li", action: "Call back \(n)", due: Day(iso: String(format: "2026-11-%02d", n + 10)))])
        }
        return f
    }

    /// Both runs of `make` with `events`: with the journal hidden during `update`, and in place.
    static func compare<P: Program>(_ events: [TerminalEvent], _ make: (BrowseFixture) -> P) throws {
        let hidden = try journal(), shown = try journal()
        defer { hidden.cleanUp(); shown.cleanUp() }
        let withHiddenJournal = run(make(hidden), events: events, root: hidden.root, hide: true)
        let withJournal = run(make(shown), events: events, root: shown.root, hide: false)
        #expect(withHiddenJournal.count == withJournal.count)
        for (n, (a, b)) in zip(withHiddenJournal, withJournal).enumerated() {
            #expect(a == b, "after event \(n + 1), \(events[n]): \(a.joined(separator: "\n"))")
        }
        #expect(files(hidden.root) == files(shown.root))
    }

    // MARK: - Browse

    /// The browse keys that need the journal: moving (which reads the next chunk), search,
    /// the filter, opening an entry and coming back (which reads what changed), jumping to the end.
    @Test func browseKeysReadNothingInUpdate() throws {
        var events: [TerminalEvent] = [.key(.down), .key(.down), .key(.char("/"))] + Self.keys("henrike") + [.key(.enter), .key(.char("n"))]
        events += [.key(.enter), .key(.tab), .key(.escape), .key(.char("F"))] + Self.keys("person:ana kind:conf") + [.key(.enter)]
        events += [.key(.char("x")), .key(.char("G")), .key(.char("R")), .key(.up)]
        try Self.compare(events) { f in
            BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 2)
        }
    }

    /// A search while entries are still unread: `update` answers with a command and changes
    /// nothing yet; the search opens when the rest of the journal has arrived.
    @Test func browseSearchAsksForTheRestAndWaitsForIt() throws {
        let f = try Self.journal()
        defer { f.cleanUp() }
        var d = ProgramDriver(BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 2))
        let before = d.rows
        #expect(before[0].contains("15 entries (reading 2…)"))

        let commands = d.dispatch(.key(.char("/")))
        #expect(commands.count == 1 && commands.allPerform)
        #expect(d.rows == before)

        d.perform(commands)
        let after = d.rows
        #expect(after[0].contains("15 entries"))
        #expect(!after[0].contains("reading"))
        // The search prompt on the status line, above the help bar.
        #expect(after[after.count - 2].trimmingCharacters(in: .whitespaces) == "/")
    }

    /// A plain move while entries are unread asks for the next chunk instead of reading it.
    @Test func browseMoveAsksForTheNextChunk() throws {
        let f = try Self.journal()
        defer { f.cleanUp() }
        var d = ProgramDriver(BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 2))
        let commands = d.dispatch(.key(.down))
        #expect(d.rows[0].contains("(reading 2…)"))
        d.perform(commands)
        #expect(!d.rows[0].contains("reading"))
    }

    /// `R` while entries are unread asks for the whole journal and for the next chunk; the
    /// chunk, read for a list the reload has since replaced, must not add its entries twice.
    @Test func aChunkArrivingAfterAReloadAddsNothingTwice() throws {
        let f = try Self.journal()
        defer { f.cleanUp() }
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 2)
        var d = ProgramDriver(program, width: 80, height: 24)
        d.press(.char("R"))
        #expect(d.rows[0].contains("15 entries"))
        d.press(.char("G"))
        #expect(d.rows[16].contains("Event 01"))
        #expect(d.rows[17].trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(d.rows.filter { $0.contains("Event 01") }.count == 1)
    }

    // MARK: - The other screens

    @Test func homeKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.down), .key(.down), .key(.char(" ")), .key(.up), .key(.char("s"))] + Self.keys("tomorrow")
                         + [.key(.enter), .key(.char("?")), .key(.char("x"))]) { f in
            HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock)
        }
    }

    @Test func followUpsKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.down), .key(.char(" ")), .key(.tab), .key(.down), .key(.char("s"))] + Self.keys("2026-12-24")
                         + [.key(.enter), .key(.char("a")), .key(.char("G")), .key(.char("!"))]) { f in
            FollowUpsProgram(cache: JournalCache(store: f.store), clock: f.clock)
        }
    }

    /// Space, `s` and `D` on the follow-up list: the screen holds no entries, so the one changed
    /// is read first, by a command, then written by another.
    @Test func followUpsMarkingKeysReadNothingInUpdate() throws {
        var events: [TerminalEvent] = [.key(.char(" ")), .key(.char(" ")), .key(.char("a")), .key(.down), .key(.char("s"))]
        events += Self.keys("mon") + [.key(.enter), .key(.char("D"))] + Self.keys("yesterday") + [.key(.enter), .key(.char(" "))]
        try Self.compare(events) { f in
            FollowUpsProgram(cache: JournalCache(store: f.store), clock: f.clock)
        }
    }

    /// Home's calendar lines: `x` skips (the skip file is written by an effect), `u` undoes,
    /// Enter opens the brief and, back, home reads again.
    @Test func homeCalendarKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.down), .key(.char("x")), .key(.char("u")), .key(.down), .key(.char("x")), .key(.home), .key(.enter),
                          .key(.char("j")), .key(.char("q"))]) { f in
            HomeProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock, calendar: try? HomeCalendarTests.seed(f))
        }
    }

    @Test func briefKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.down), .key(.char("G")), .key(.char("?")), .key(.char("x")), .key(.pageUp)]) { f in
            let source = try? HomeCalendarTests.seed(f)
            let next = source.flatMap { HomeCalendarTests.home(f, $0).content?.agenda?.comingUp?.instance }
            return BriefProgram(cache: JournalCache(store: f.store), instance: next ?? HomeCalendarTests.placeholder, me: [], clock: f.clock)
        }
    }

    @Test func peopleKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.down), .key(.char("c")), .key(.char("c")), .key(.char("/"))] + Self.keys("rike")
                         + [.key(.enter), .key(.enter), .key(.down), .key(.char(" ")), .key(.escape), .key(.char("-"))]) { f in
            PeopleProgram(cache: JournalCache(store: f.store), clock: f.clock)
        }
    }

    /// Space, `s` and `D` on a person's page read the entry they change by a command; `R`
    /// reads the entries it plans over by a command.
    @Test func peopleFollowUpAndRenameKeysReadNothingInUpdate() throws {
        var events: [TerminalEvent] = [.key(.down), .key(.enter), .key(.char("G")), .key(.char(" ")), .key(.char(" ")), .key(.char("s"))]
        events += Self.keys("mon") + [.key(.enter), .key(.char("D"))] + Self.keys("yesterday") + [.key(.enter), .key(.char("q"))]
        events += [.key(.char("R")), .key(.ctrl("u"))] + Self.keys("Kai M") + [.key(.enter)]
        try Self.compare(events) { f in
            PeopleProgram(cache: JournalCache(store: f.store), clock: f.clock)
        }
    }

    /// The guided reflection: typing, moving between prompts, the autosaved draft and the save.
    @Test func reflectionKeysReadNothingInUpdate() throws {
        var events: [TerminalEvent] = Self.keys("Coffee with Kai") + [.key(.enter)]
        events += [.key(.tab), .key(.tab)] + Self.keys("Kai") + [.key(.enter), .key(.tab), .key(.tab), .key(.tab)]
        events += Self.keys("Latency budgets") + [.key(.enter), .key(.escape), .key(.char("s")), .key(.enter)]
        try Self.compare(events) { f in
            ReflectionProgram(ReflectionSetup(catalog: f.catalog, store: f.store, clock: f.clock))
        }
    }

    @Test func reviewKeysReadNothingInUpdate() throws {
        try Self.compare([.key(.left), .key(.left), .key(.down), .key(.char("G")), .key(.right), .key(.char("t")), .key(.enter)]) { f in
            ReviewProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock)
        }
    }

    /// Space, `s` and `D` on a follow-up of the review: the screen holds no entries, so the one
    /// changed is read first, by a command, then written by another.
    @Test func reviewFollowUpKeysReadNothingInUpdate() throws {
        var events: [TerminalEvent] = [.key(.char("G")), .key(.backTab), .key(.char(" ")), .key(.char(" ")), .key(.char("s"))]
        events += Self.keys("mon") + [.key(.enter), .key(.char("D"))] + Self.keys("yesterday") + [.key(.enter)]
        try Self.compare(events) { f in
            ReviewProgram(cache: JournalCache(store: f.store), catalog: f.catalog, clock: f.clock)
        }
    }
}

/// Coming back to the list reads the journal again through the session's cache: a change made
/// meanwhile shows, and a file that did not change (same size, same time) is not read again.
@Suite struct BrowseReturnReadsOnlyChangesTests {
    /// Overwrites a file with as many other bytes, keeping its modification time: only a read
    /// of the file can tell.
    static func garble(_ path: String) throws {
        var st = stat()
        #expect(stat(path, &st) == 0)
        let size = Int(st.st_size)
        try Data(String(repeating: "x", count: size).utf8).write(to: URL(fileURLWithPath: path))
        var times = [st.st_mtim, st.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// The search texts built before a reload are kept only for entries whose bytes did not
    /// change: a word written meanwhile into an entry is found after `R`.
    @Test func searchAfterAReloadFindsWhatChangedMeanwhile() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 80, height: 12)
        d.press(.char("/"))
        d.type("zoe")
        d.press(.enter)
        var coffee = try #require(f.store.loadAll().entries.first { $0.title == "Product coffee" })
        coffee["notes"] = .text("A quokka walked in.")
        _ = try f.store.save(coffee, now: f.clock.timestamp)
        d.press(.char("R"), .char("/"))
        d.type("quokka")
        d.press(.enter)
        #expect(!d.screen.contains("No match"))
        #expect(d.frame.buffer.style(row: 3, col: 0)?.reverse == true)
        #expect(d.rows[3].contains("Product coffee"))
    }

    @Test func backFromAnEntryShowsWhatChangedAndReadsNothingElse() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let coffee = try #require(f.store.loadAll().entries.first { $0.title == "Product coffee" })
        let cache = JournalCache(store: f.store)
        let program = BrowseProgram(store: f.store, catalog: f.catalog, clock: f.clock, scan: f.store.scan(), firstPage: 100, cache: cache)
        var d = ProgramDriver(program, width: 80, height: 12)
        d.press(.enter)
        try f.add("Added by another process", day: "2026-11-25")
        try Self.garble(try #require(coffee.source?.path))
        d.press(.escape)
        #expect(d.screen.contains("Added by another process"))
        #expect(d.screen.contains("4 entries"))
        // Not read again: still the entry browse read first, and no unreadable file.
        #expect(d.screen.contains("Product coffee"))
        #expect(!d.screen.contains("could not be read"))
    }
}
