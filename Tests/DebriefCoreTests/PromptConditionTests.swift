import Foundation
import Testing
@testable import DebriefCore

/// Prompts asked only when their catalog condition holds, and the shorter flows of the catalog.
@Suite struct PromptConditionTests {
    static let today = Day(iso: "2026-11-26")!

    static func asked(_ answers: [String: Answer], flow: String? = nil, catalog: Catalog = Fixtures.catalog) -> [String] {
        catalog.askedPrompts(flow: flow, answers: answers, asOf: today).map(\.id)
    }

    @Test func theDefaultConditions() {
        let all = Fixtures.catalog.prompts.map(\.id)
        // No purpose, nobody met, no outreach: 12 of the 20 prompts.
        let bare = Self.asked([:])
        #expect(bare == ["title", "date", "kind", "purpose", "professional-topics", "people", "outreach-count",
                         "follow-ups", "reconnected", "learned", "tags", "notes"])
        #expect(bare.count == 12 && all.count == 20)
        let full = Self.asked(["purpose": .text("Meet Ana"), "people": .people([Person(name: "Ana")]), "outreach-count": .number(2),
                               "outreach-personalized": .choice("some")])
        #expect(full == all)
        // How many were generic is asked only when some (not all, not none) were personal.
        for (personalized, asks) in [("all", false), ("none", false), ("some", true)] {
            let asked = Self.asked(["outreach-count": .number(5), "outreach-personalized": .choice(personalized)])
            #expect(asked.contains("outreach-generic") == asks, "\(personalized)")
        }
        // An outreach count of 0 does not ask how personal it was; blank text is no purpose.
        let none = Self.asked(["purpose": .text("  "), "outreach-count": .number(0)])
        #expect(!none.contains("outreach-personalized") && !none.contains("purpose-met"))
    }

    /// Shown, hidden when the answer it reads changes, shown again when it comes back; an answer
    /// left behind by a hidden prompt hides what depended on it too.
    @Test func shownHiddenAndShownAgain() throws {
        let catalog = try CatalogLoader.load(Fixtures.defaultFiles + [CatalogFile(name: "chain.yaml", text: """
            sections:
              - id: reciprocity
                prompts:
                  - id: favor-what
                    type: text
                    question: What did you ask for?
                    when: { answer: asked-favor, is: yes }
            """)])
        var answers: [String: Answer] = ["people": .people([Person(name: "Ana")]), "asked-favor": .bool(true)]
        #expect(Self.asked(answers, catalog: catalog).contains("favor-what"))
        answers["people"] = nil
        let hidden = Self.asked(answers, catalog: catalog)
        #expect(!hidden.contains("asked-favor") && !hidden.contains("favor-what"))
        answers["people"] = .people([Person(name: "Ana")])
        #expect(Self.asked(answers, catalog: catalog).contains("favor-what"))
        answers["asked-favor"] = .bool(false)
        #expect(!Self.asked(answers, catalog: catalog).contains("favor-what"))
    }

    @Test func theQuickFlowAsksItsPromptsWithTheirConditions() {
        #expect(Fixtures.catalog.flow("quick")?.promptIDs == ["title", "date", "kind", "people", "talk-share", "follow-ups"])
        #expect(Self.asked([:], flow: "quick") == ["title", "date", "kind", "people", "follow-ups"])
        #expect(Self.asked(["people": .people([Person(name: "Ana")])], flow: "quick")
                == ["title", "date", "kind", "people", "talk-share", "follow-ups"])
        #expect(Fixtures.catalog.promptIDs(askedBy: "quick") == ["title", "date", "kind", "people", "talk-share", "follow-ups"])
        #expect(Fixtures.catalog.promptIDs(askedBy: "full")?.count == 20)
        #expect(Fixtures.catalog.promptIDs(askedBy: "imported") == nil)
    }

    @Test func checkRejectsUnknownPromptsCyclesAndLaterPrompts() {
        let name = "/cfg/debrief/prompts/when.yaml"
        let problems = CatalogTests.problems([CatalogFile(name: name, text: """
            sections:
              - id: purpose
                prompts:
                  - id: purpose
                    when: { answer: nope, missing: true }
                  - id: horizon
                    when: { answer: learned, missing: true }
              - id: looking-ahead
                prompts:
                  - id: learned
                    when: { answer: tags, missing: true }
                  - id: tags
                    when: { not: { answer: learned, missing: true } }
            """)])
        func has(_ line: Int, _ words: String...) -> Bool {
            problems.contains { $0.file == name && $0.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(has(5, "unknown prompt", "nope"), "\(problems)")
        #expect(has(7, "`horizon` reads `learned`, which is asked after it"), "\(problems)")
        #expect(problems.contains { $0.message.contains("form a cycle") && $0.message.contains("`learned` → `tags` → `learned`") }, "\(problems)")
        let own = CatalogTests.problems([CatalogFile(name: name, text: """
            sections:
              - id: purpose
                prompts:
                  - id: purpose
                    when: { answer: purpose, missing: true }
            """)])
        #expect(own.contains { $0.message.contains("cycle") && $0.message.contains("`purpose` → `purpose`") }, "\(own)")
    }

    @Test func flowsAreCheckedAndOverridable() throws {
        let bad = CatalogTests.problems([CatalogFile(name: "f.yaml", text: """
            flows:
              - id: full
                title: Everything
                prompts: [title]
              - id: tiny
                title: Tiny
                prompts: [date, nope, talk-share]
            """)])
        #expect(bad.contains { $0.line == 2 && $0.message.contains("`full` is reserved") || $0.message.contains("flow id `full` is reserved") }, "\(bad)")
        #expect(bad.contains { $0.message.contains("flow `tiny` names unknown prompt `nope`") }, "\(bad)")
        #expect(bad.contains { $0.message.contains("flow `tiny` must ask required prompt `title`") }, "\(bad)")
        #expect(bad.contains { $0.message.contains("flow `tiny` asks `talk-share`, whose `when` reads `people`") }, "\(bad)")
        let patched = try CatalogTests.load([CatalogFile(name: "f.yaml", text: """
            flows:
              - id: quick
                prompts: [title, kind, people, talk-share, follow-ups, reconnected]
            sections:
              - id: reciprocity
                prompts:
                  - id: talk-share
                    when: always
            """)])
        #expect(patched.flow("quick")?.title == "Quick reflection")
        #expect(patched.askedPrompts(flow: "quick", answers: [:], asOf: Self.today).map(\.id)
                == ["title", "kind", "people", "talk-share", "follow-ups", "reconnected"])
    }

    /// A skipped prompt writes no key, and no pitfall rule reading it can fire: they all need
    /// the answer that hid it. Checked on an entry where every condition of the default catalog
    /// fails (nothing answered but the title).
    @Test func noPitfallRuleReadingAHiddenPromptHolds() {
        let catalog = Fixtures.catalog
        let detector = Detector(catalog: catalog)
        let epoch = Timestamp(seconds: 0, utcOffset: 0)
        let bare = Entry(id: "e", created: epoch, updated: epoch, answers: ["title": .text("T")])
        let hidden = Set(catalog.prompts.filter { $0.condition != nil }.map(\.id))
        #expect(hidden == ["purpose-met", "horizon", "asked-about-them", "talk-share", "asked-favor", "offered", "outreach-personalized", "outreach-generic"])
        #expect(Set(catalog.askedPrompts(flow: nil, answers: bare.answers, asOf: Self.today).map(\.id)).isDisjoint(with: hidden))
        var checked = 0
        for pitfall in catalog.pitfalls {
            for signal in pitfall.signals where !hidden.isDisjoint(with: signal.condition.promptIDs) {
                #expect(!detector.holds(signal.condition, in: bare, asOf: Self.today), "\(pitfall.id): \(signal.reason)")
                checked += 1
            }
        }
        #expect(checked >= 4)
    }
}
