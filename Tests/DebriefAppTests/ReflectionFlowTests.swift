@testable import DebriefApp
import DebriefCore
import DebriefUI
import Testing

@Suite("Reflection flow")
struct ReflectionFlowTests {
    /// Answers every prompt with keys only, as in the "done when", and checks the file.
    @Test func fullReflectionByKeysOnly() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(knownPeople: ["Ana Li", "Bo Chen"]))
        #expect(d.screen.contains("Event · 1 of 3"))
        d.answer("Swift meetup Berlin")
        #expect(d.promptID == "date")
        d.answer("today 18:30")
        d.answer("m")                       // kind: meetup
        d.type("Meet people who run Swift on servers")
        d.press(.ctrl("j"))
        d.answer("and find a mentor")
        d.answer("y")                       // professional topics
        d.answer("4")                       // purpose met
        d.answer("l")                       // horizon: long-term
        // Nobody met yet: the four questions about them are not counted.
        #expect(d.screen.contains("Reciprocity · 1 of 1"))
        d.type("An")
        d.press(.tab)                       // completes Ana Li, relation existing
        d.press(.down)
        d.type("p")                         // level peer
        d.press(.down, .down)               // relation kept: existing; to the note
        d.answer("Runs the Vapor group")    // Enter adds the row
        d.type("Zoë 李雷 👋")
        d.press(.down)
        d.type("s")                         // senior
        d.press(.down)
        d.answer("n")                       // new; no note: row added
        #expect(d.screen.contains("Ana Li · peer · existing · Runs the Vapor group"))
        #expect(d.screen.contains("Reciprocity · 1 of 5"))
        d.press(.enter)                     // empty form: next prompt
        #expect(d.promptID == "asked-about-them")
        d.answer("y")
        d.answer("40")                      // talk share
        d.answer("n")                       // asked favour
        d.answer("An intro to a recruiter")
        d.answer("3")                       // outreach count
        d.answer("a")                       // personalised: all
        d.press(.tab)                       // who: first person entered (the cursor stays in What)
        d.press(.enter)                     // no action yet: says a follow-up needs one
        d.type("Send the talk link")
        #expect(d.screen.contains("→ Sun 29 Nov (this week)"))  // the due date offered: in 3 days
        d.press(.enter)                     // adds the row
        d.press(.enter)                     // next prompt
        d.answer("y")                       // reconnected
        d.answer("Vapor 5 is close")
        d.answer("swift, server")
        d.type("Zoë 李雷 👋 was kind")
        d.press(.enter)
        #expect(d.program.mode == .summary)
        #expect(d.screen.contains("Swift meetup Berlin"))
        d.press(.enter)
        #expect(d.exitStatus == 0)
        let entry = try #require(fx.entries.first)
        #expect(entry.title == "Swift meetup Berlin")
        #expect(entry.date?.display == "2026-11-26 18:30")
        #expect(entry.kind == "meetup")
        #expect(entry["purpose"]?.text == "Meet people who run Swift on servers\nand find a mentor")
        #expect(entry["professional-topics"] == .bool(true))
        #expect(entry["purpose-met"] == .number(4))
        #expect(entry["horizon"] == .choice("long-term"))
        #expect(entry.people == [Person(name: "Ana Li", level: "peer", relation: "existing", note: "Runs the Vapor group"),
                                 Person(name: "Zoë 李雷 👋", level: "senior", relation: "new")])
        #expect(entry["talk-share"] == .number(40))
        #expect(entry["asked-favor"] == .bool(false))
        #expect(entry["outreach-count"] == .number(3))
        #expect(entry["outreach-personalized"] == .choice("all"))
        // A new entry's follow-ups get their persistent ids when the file is first written.
        let id = try #require(entry.followUps.first?.id)
        #expect(id.count == 8)
        #expect(entry.followUps == [FollowUp(who: "Ana Li", action: "Send the talk link", due: Day(iso: "2026-11-29"), id: id)])
        #expect(entry["reconnected"] == .bool(true))
        #expect(entry.tags == ["swift", "server"])
        #expect(entry.notes == "Zoë 李雷 👋 was kind")
        #expect(fx.store.draftNames().isEmpty)
    }

    @Test func titleIsRequired() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.press(.enter)
        #expect(d.promptID == "title")
        #expect(d.screen.contains("A title is needed"))
        d.press(.ctrl("s"))                     // the summary first, then saving: refused
        d.press(.ctrl("s"))
        #expect(d.exitStatus == nil)
        #expect(d.promptID == "title")
        #expect(d.screen.contains("A title is needed before saving"))
        d.answer("Coffee")
        #expect(d.promptID == "date")
        #expect(!d.screen.contains("A title is needed"))
    }

    @Test func dateIsParsedAndShownBackBeforeAccepting() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver(fx.setup(prefill: ["title": .text("Coffee")]))
        d.press(.enter)
        #expect(d.screen.contains("→ 2026-11-26 21:00 (now)"))
        d.type("yesterday 18:30")
        #expect(d.screen.contains("→ 2026-11-25 18:30"))
        d.press(.ctrl("w"), .ctrl("w"))
        d.type("mon")
        #expect(d.screen.contains("→ 2026-11-23, start of the day"))
        d.press(.ctrl("u"))
        d.answer("someday")
        #expect(d.promptID == "date")
        #expect(d.screen.contains("I can't read “someday” as a date"))
        d.press(.ctrl("u"))
        d.press(.enter)                         // empty: now
        #expect(d.program.answers["date"]?.timestamp?.display == "2026-11-26 21:00")
    }

    @Test func upAtTheTopGoesBackAndKeepsText() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.answer("Zoë 李雷 👋")
        d.type("tod")
        d.press(.up)
        #expect(d.promptID == "title")
        d.press(.tab)
        #expect(d.promptID == "date")
        #expect(d.screen.contains("tod"))
        d.press(.backTab)
        #expect(d.promptID == "title")
    }

    @Test func summaryShowsPitfallsWithAdviceAndJumpsBack() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let prefill: [String: Answer] = ["title": .text("Mixer"), "professional-topics": .bool(false), "talk-share": .number(85)]
        var d = fx.driver(fx.setup(prefill: prefill), width: 100, height: 40)
        for _ in 0..<19 { d.press(.tab) }
        #expect(d.program.mode == .summary)
        let flags = Detector(catalog: fx.catalog).flags(for: d.program.entry, asOf: fx.clock.today)
        #expect(!flags.isEmpty)
        #expect(d.screen.contains("Pitfalls this reflection shows"))
        for flag in flags {
            let pitfall = try #require(fx.catalog.pitfall(flag.pitfallID))
            #expect(d.screen.contains(pitfall.title))
        }
        #expect(d.screen.contains("Instead:"))
        // Talk share was given, but nobody was met: the prompt is not asked, and the summary says
        // the answer is dropped.
        #expect(d.screen.contains("Not saved, no longer asked: Talk share."))
        // A bare letter does nothing; changing an answer is its row and Enter.
        d.press(.char("a"))
        #expect(d.program.mode == .summary)
        d.press(.home, .enter)
        #expect(d.program.mode == .prompting)
        #expect(d.promptID == "title")
        d.answer(" again")
        #expect(d.program.mode == .summary)
        #expect(d.program.answers["title"] == .text("Mixer again"))
        #expect(d.rows.contains { $0.contains("▸ Title") && $0.contains("Mixer again") })
    }

    /// At 80×24 the summary shows short catalog labels, every pitfall found (title and reasons)
    /// without scrolling wherever the selection is, and the Save row; Ctrl-S from a prompt opens
    /// it rather than saving.
    @Test func theSummaryFitsItsPitfallsAt80x24() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        let prefill: [String: Answer] = [
            "title": .text("Mixer at the club"), "kind": .choice("social"), "professional-topics": .bool(false),
            "people": .people([Person(name: "Bo Chen", level: "executive", relation: "new"), Person(name: "Cy Dee", level: "senior", relation: "new")]),
            "asked-about-them": .bool(false), "talk-share": .number(85), "asked-favor": .bool(true),
            "outreach-count": .number(20), "outreach-personalized": .choice("none"), "reconnected": .bool(false),
        ]
        var d = fx.driver(fx.setup(prefill: prefill), width: 80, height: 24)
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        #expect(d.exitStatus == nil)
        let flags = Detector(catalog: fx.catalog).flags(for: d.program.entry, asOf: fx.clock.today)
        #expect(flags.count >= 4)
        for selection in [Key.end, .home] {
            d.press(selection)
            let screen = d.screen
            for flag in flags {
                let title = try #require(fx.catalog.pitfall(flag.pitfallID)?.title)
                #expect(screen.contains("• " + title), "\(title) missing from\n\(screen)")
            }
            #expect(screen.contains("Save this reflection"))
        }
        #expect(d.rows.contains { $0.contains("▸ Title") && $0.contains("Mixer at the club") })
        for _ in 0..<7 { d.press(.down) }
        #expect(d.rows.contains { $0.contains("▸ Talk share") && $0.contains("85%") }, "\(d.screen)")
        #expect(!d.screen.contains("Roughly how much"))
    }

    /// Ctrl-S from the title, before the date was ever shown: the summary shows the date the
    /// entry is saved with (the prompt's default, now), not "—".
    @Test func theSummaryShowsTheDefaultDateItSaves() throws {
        let fx = try ReflectionFixture()
        defer { fx.remove() }
        var d = fx.driver()
        d.type("Quiet evening")
        d.press(.ctrl("s"))
        #expect(d.program.mode == .summary)
        #expect(d.rows.contains { $0.contains("When") && $0.contains("2026-11-26 21:00") }, "\(d.screen)")
        d.press(.ctrl("s"))
        #expect(fx.entries.first?["date"] == .timestamp(fx.clock.timestamp))
    }
}
