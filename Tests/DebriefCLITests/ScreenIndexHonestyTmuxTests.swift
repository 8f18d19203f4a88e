import Foundation
import Testing

/// The index changes how soon a screen fills, never what it shows (`IndexHonestyCLITests` for the
/// screens): home, the follow-up screen (`f`) and the people screen (`p`) read the index's rows as
/// `debrief followups`, `list --limit` and `debrief people` do, and every frame of them is the same with
/// `DEBRIEF_INDEX=off` (the files read directly): each filter, the cold list, people's pages, on a
/// cold index, a warm one, and after outside changes the index has to catch up with.
@Suite(.serialized) struct ScreenIndexHonestyTmuxTests {
    /// A journal of every kind of follow-up: IndexHonestyCLITests' entries (one follow-up in every
    /// other one, people and mentions), plus one with a done, an undated and a wide follow-up.
    static func seed(_ debrief: BinaryRunner) throws {
        for i in 0..<24 {
            try debrief.write(IndexHonestyCLITests.entry(i, day: String(id(i).prefix(10))), to: IndexHonestyCLITests.path(debrief, id(i)))
        }
        try debrief.write("""
        ---
        schema: 1
        created: 2026-11-20T21:00:00+01:00
        updated: 2026-11-20T21:00:00+01:00
        title: 東京のSwiftミートアップ
        date: 2026-11-20T18:30:00+01:00
        kind: meetup
        people:
          - name: 李雷
        follow-ups:
          - who: 李雷
            action: 送りますスライドのリンク
            due: 2026-11-21
            done: 2026-11-22
          - who: Ana Li
            action: Write up the notes
          - who: ''
            action: Book a room for the next one
            due: 2026-12-03
        ---

        """, to: IndexHonestyCLITests.path(debrief, "2026-11-20-1830-tokyo"))
    }

    /// The screen once `condition` holds and it stopped changing: a capture can catch a frame half
    /// drawn (tmux takes the program's output in pieces), which a second look does not.
    static func settled(_ tmux: TmuxSession, _ what: String, _ condition: (String) -> Bool) throws -> String {
        var last = try tmux.waitUntil(what, condition)
        for _ in 0..<40 {
            usleep(150_000)
            let next = try tmux.capture()
            if next == last, condition(next) { return next }
            last = next
        }
        return last
    }

    /// The id of IndexHonestyCLITests' entry `i` (its day in July to November).
    static func id(_ i: Int) -> String {
        String(format: "2026-%02d-%02d-1830-event-%d", 7 + i % 5, 1 + (i * 3) % 27, i)
    }

    /// The frames of `f` opened from home, one per filter (Tab steps open, overdue, done, all),
    /// each once its read has arrived.
    static func followUpFrames(_ debrief: BinaryRunner, index: Bool) throws -> [String] {
        var env = debrief.baseEnvironment
        env["EDITOR"] = "true"
        if !index { env["DEBRIEF_INDEX"] = "off" }
        let tmux = try TmuxSession([], environment: env, width: 130, height: 60)
        defer { tmux.stop() }
        try tmux.waitFor("Recent reflections")
        try tmux.type("f")
        var frames: [String] = []
        for filter in ["open", "overdue", "done", "all"] {
            if !frames.isEmpty { try tmux.press("Tab") }
            frames.append(try Self.settled(tmux, "the \(filter) follow-ups read") { $0.contains("follow-ups · \(filter) · ") && !$0.contains("reading") })
        }
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
        return frames
    }

    /// The frames of `p` opened from home: everyone, the cold list, and the pages of the first
    /// and third person, each once its read has arrived.
    static func peopleFrames(_ debrief: BinaryRunner, index: Bool) throws -> [String] {
        var env = debrief.baseEnvironment
        env["EDITOR"] = "true"
        if !index { env["DEBRIEF_INDEX"] = "off" }
        let tmux = try TmuxSession([], environment: env, width: 130, height: 60)
        defer { tmux.stop() }
        try tmux.waitFor("Recent reflections")
        try tmux.type("p")
        var frames: [String] = []
        frames.append(try Self.settled(tmux, "everyone read") { $0.contains("people · everyone · ") && !$0.contains("reading") })
        try tmux.type("c")
        frames.append(try Self.settled(tmux, "the cold list") { $0.contains("people · cold (") && !$0.contains("reading") })
        try tmux.type("c")
        try tmux.waitUntil("everyone again") { $0.contains("people · everyone · ") }
        try tmux.press("Enter")
        frames.append(try Self.settled(tmux, "a person's page") { $0.contains("Open follow-ups (") && !$0.contains("reading") })
        try tmux.type("q")
        try tmux.waitUntil("everyone again") { $0.contains("people · everyone · ") }
        try tmux.press("Down", "Down", "Enter")
        let first = frames[2]
        frames.append(try Self.settled(tmux, "another person's page") { $0.contains("Open follow-ups (") && !$0.contains("reading") && $0 != first })
        try tmux.type("q")
        try tmux.type("q")
        try tmux.waitFor("Recent reflections")
        try tmux.type("q")
        #expect(try tmux.waitForExit() == 0)
        return frames
    }

    /// Home's frame once its read has arrived (the due list, the week's line, the newest
    /// reflections, the calendar's lines), at 130×60 and 80×24, and the date prompt of `s` on the
    /// fourth row (the selection shows only in reverse video, which a capture does not keep).
    static func homeFrames(_ debrief: BinaryRunner, index: Bool) throws -> [String] {
        var env = debrief.baseEnvironment
        env["EDITOR"] = "true"
        if !index { env["DEBRIEF_INDEX"] = "off" }
        var frames: [String] = []
        for (width, height) in [(130, 60), (80, 24)] {
            let tmux = try TmuxSession([], environment: env, width: width, height: height)
            defer { tmux.stop() }
            frames.append(try Self.settled(tmux, "home read") { $0.contains("Recent reflections") && !$0.contains("Reading") })
            if height == 24 {
                // The selection shows only in reverse video: `s` names the selected follow-up.
                try tmux.press("Down", "Down", "Down")
                try tmux.type("s")
                frames.append(try Self.settled(tmux, "the date asked for") { $0.contains("New due date for ") })
                try tmux.press("Escape")
                try tmux.waitUntil("the prompt closed") { !$0.contains("New due date for ") }
            }
            try tmux.type("q")
            #expect(try tmux.waitForExit() == 0)
        }
        return frames
    }

    /// The frames `frames` captures with the index and without (`DEBRIEF_INDEX=off`), the same
    /// `count` of them, byte for byte.
    static func compare(_ debrief: BinaryRunner, _ when: String, count: Int,
                        _ frames: (BinaryRunner, _ index: Bool) throws -> [String]) throws {
        let files = try frames(debrief, false)
        let indexed = try frames(debrief, true)
        #expect(files.count == count)
        for (a, b) in zip(indexed, files) { #expect(a == b, "\(when): with the index\n\(a)\nwithout\n\(b)") }
    }

    /// What another program does to the seeded journal between two comparisons: the Tokyo
    /// entry edited by hand (`tokyo`: a text and what replaces it), entry `deleting` deleted,
    /// entry number `adding` written on 2026-11-25, and entry 2 made unreadable.
    static func changeOutside(_ debrief: BinaryRunner, tokyo edit: (String, String), deleting: Int, adding: Int) throws {
        let tokyo = IndexHonestyCLITests.path(debrief, "2026-11-20-1830-tokyo")
        let text = try String(contentsOfFile: tokyo, encoding: .utf8)
        #expect(text.contains(edit.0), "the Tokyo entry holds what is edited")
        try debrief.write(text.replacingOccurrences(of: edit.0, with: edit.1), to: tokyo)
        #expect(unlink(IndexHonestyCLITests.path(debrief, Self.id(deleting))) == 0)
        try debrief.write(IndexHonestyCLITests.entry(adding, day: "2026-11-25"), to: IndexHonestyCLITests.path(debrief, "2026-11-25-0900-added"))
        try debrief.write("---\ntitle: [unclosed\n---\n", to: IndexHonestyCLITests.path(debrief, Self.id(2)))
    }

    static func compareHome(_ debrief: BinaryRunner, _ when: String) throws { try compare(debrief, when, count: 3, homeFrames) }
    static func comparePeople(_ debrief: BinaryRunner, _ when: String) throws { try compare(debrief, when, count: 4, peopleFrames) }
    static func compareFollowUps(_ debrief: BinaryRunner, _ when: String) throws { try compare(debrief, when, count: 4, followUpFrames) }

    @Test func theFollowUpScreenShowsTheSameWithAndWithoutTheIndex() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief)
        try Self.compareFollowUps(debrief, "cold index")
        try Self.compareFollowUps(debrief, "warm index")
        // Outside changes: a follow-up marked done by hand, an entry deleted, one added, one broken.
        try Self.changeOutside(debrief, tokyo: ("    due: 2026-12-03\n", "    due: 2026-12-03\n    done: 2026-11-25\n"), deleting: 1, adding: 40)
        try Self.compareFollowUps(debrief, "after outside changes")
    }

    @Test func thePeopleScreenShowsTheSameWithAndWithoutTheIndex() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief)
        try Self.comparePeople(debrief, "cold index")
        try Self.comparePeople(debrief, "warm index")
        // Outside changes: someone renamed by hand, an entry deleted, one added, one broken.
        try Self.changeOutside(debrief, tokyo: ("  - name: 李雷\n", "  - name: Li Lei\n    note: Met in Tokyo\n"), deleting: 1, adding: 41)
        try Self.comparePeople(debrief, "after outside changes")
    }

    @Test func homeShowsTheSameWithAndWithoutTheIndex() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief)
        // This week (2026-W48) and the one before, for the week's line and whether a pitfall recurs.
        try debrief.write(IndexHonestyCLITests.entry(8, day: "2026-11-24"), to: IndexHonestyCLITests.path(debrief, "2026-11-24-1830-this-week"))
        try debrief.write(IndexHonestyCLITests.entry(12, day: "2026-11-17"), to: IndexHonestyCLITests.path(debrief, "2026-11-17-1830-last-week"))
        // The calendar: an event of this week waiting for a reflection, and one tomorrow morning
        // with someone the journal knows (home's "Coming up").
        typealias P = PendingCLITests
        let vdir = debrief.root + "/calendars/work"
        try debrief.write(P.calendar(P.event("late", "Dinner with Bo", start: "20261123T190000", end: "20261123T220000",
                                             [P.me, "ATTENDEE;CN=Bo Lind:mailto:bo@example.com"])), to: vdir + "/late.ics")
        try debrief.write(P.calendar(P.event("soon", "Coffee", start: "20261127T090000", end: "20261127T093000",
                                             [P.me, "ATTENDEE;CN=Henrike Müller:mailto:h@example.com"])), to: vdir + "/soon.ics")
        try P.configureDefault(debrief, calendars: [vdir])
        try Self.compareHome(debrief, "cold index")
        try Self.compareHome(debrief, "warm index")
        // Outside changes: a follow-up marked done by hand, an entry deleted, one added this week, one broken.
        try Self.changeOutside(debrief, tokyo: ("    due: 2026-12-03\n", "    due: 2026-12-03\n    done: 2026-11-25\n"), deleting: 4, adding: 42)
        try Self.compareHome(debrief, "after outside changes")
    }
}
