import Foundation
import Testing
@testable import DebriefCore

/// The default catalog, user overrides patched on top, and validation errors with file and line.
@Suite struct CatalogTests {
    /// Loads the defaults and `overrides` both ways, parsing every file and starting from the
    /// built-in files' compact form (``CompactCatalogTests``), and expects the same catalog or the
    /// same problems, message by message.
    static func load(_ overrides: [CatalogFile]) throws(CatalogProblems) -> Catalog {
        let files = Fixtures.defaultFiles + overrides
        let parsed = Result<Catalog, CatalogProblems>(catching: { () throws(CatalogProblems) -> Catalog in try CatalogLoader.load(files) })
        let form = CatalogLoader.compactForm(of: Fixtures.defaultFiles)
        let compact = Result<Catalog, CatalogProblems>(catching: { () throws(CatalogProblems) -> Catalog in try CatalogLoader.load(files, compact: form) })
        switch (parsed, compact) {
        case let (.success(a), .success(b)): #expect(a == b, "the compact form loads the same catalog")
        case let (.failure(a), .failure(b)): #expect(a.problems == b.problems, "the compact form gives the same problems")
        default: Issue.record("parsed: \(parsed); from the compact form: \(compact)")
        }
        return try parsed.get()
    }

    static func problems(_ overrides: [CatalogFile]) -> [CatalogProblem] {
        do {
            _ = try load(overrides)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func defaultCatalogHasTheRequiredFlow() throws {
        let catalog = Fixtures.catalog
        #expect(catalog.prompts.first?.id == "title")
        for (id, type) in Catalog.requiredPrompts {
            #expect(catalog.prompt(id)?.type == type, "\(id)")
        }
        #expect(catalog.prompt("kind")?.options == ["conference", "meetup", "one-on-one", "online", "social", "workplace", "other"])
        #expect(catalog.prompt("horizon")?.options == ["long-term", "both", "immediate"])
        #expect(catalog.prompt("outreach-personalized")?.options == ["all", "some", "none"])
        #expect(catalog.prompt("people")?.levels == ["junior", "peer", "senior", "executive"])
        #expect(catalog.prompt("people")?.relations == ["new", "existing"])
        #expect(catalog.prompt("title")?.required == true)
        #expect(catalog.prompt("date")?.defaultValue == "now")
        #expect(catalog.bodyPrompt?.id == "notes")
        #expect(catalog.pitfalls.map(\.id) == Catalog.pitfallIDs)
        #expect(catalog.sections.map(\.title) == ["Event", "Purpose", "Reciprocity", "Outreach", "Follow-up", "Looking ahead"])
        for prompt in catalog.prompts { #expect(!prompt.question.isEmpty && !prompt.hint.isEmpty, "\(prompt.id)") }
    }

    @Test func overridesPatchQuestionsAddPromptsAndReplaceSignals() throws {
        let override = CatalogFile(name: "/cfg/debrief/prompts/mine.yaml", text: """
        schema: 1
        sections:
          - id: purpose
            prompts:
              - id: purpose
                question: Why did you go, really?
              - id: energy
                type: scale
                question: How much energy do you have left?
                hint: Tired evenings need shorter reflections.
          - id: extras
            title: Extras
            prompts:
              - id: venue
                type: choice
                question: Where was it?
                options: [office, bar, online]
        pitfalls:
          - id: self-promotion
            signals:
              - when: { answer: talk-share, at-least: 60 }
                reason: "talk-share {value}% ≥ {threshold}%"
        """)
        let catalog = try Self.load([override])
        let purpose = try #require(catalog.prompt("purpose"))
        #expect(purpose.question == "Why did you go, really?")
        #expect(purpose.type == .text)
        #expect(purpose.hint == Fixtures.catalog.prompt("purpose")?.hint)
        #expect(catalog.section(of: "energy")?.id == "purpose")
        #expect(catalog.section(of: "energy")?.prompts.last?.id == "energy")
        #expect(catalog.prompt("energy")?.type == .scale)
        #expect(catalog.sections.last?.title == "Extras")
        #expect(catalog.prompt("venue")?.options == ["office", "bar", "online"])
        let signals = try #require(catalog.pitfall("self-promotion")?.signals)
        #expect(signals == [Signal(condition: .atLeast("talk-share", 60), reason: "talk-share {value}% ≥ {threshold}%")])
        // Everything else is as in the defaults.
        #expect(catalog.pitfall("self-promotion")?.title == Fixtures.catalog.pitfall("self-promotion")?.title)
        #expect(catalog.pitfall("no-follow-up") == Fixtures.catalog.pitfall("no-follow-up"))
        #expect(catalog.prompts.count == Fixtures.catalog.prompts.count + 2)
        // The detector follows the new threshold: 65% talk share now flags, 55% does not.
        let now = Fixtures.ts("2026-11-24T18:30:00+01:00")
        func flagged(_ share: Int) -> Bool {
            let entry = Entry(id: "x", created: now, updated: now,
                              answers: ["title": .text("t"), "talk-share": .number(share), "asked-about-them": .bool(true)])
            return Detector(catalog: catalog).flags(for: entry, asOf: now.day).contains { $0.pitfallID == "self-promotion" }
        }
        #expect(flagged(65))
        #expect(!flagged(55))
    }

    @Test func validationErrorsNameTheFileAndLine() {
        let name = "/cfg/debrief/prompts/broken.yaml"
        let problems = Self.problems([CatalogFile(name: name, text: """
        colour: blue
        sections:
          - id: purpose
            prompts:
              - id: mood
                type: slider
                question: How do you feel?
              - id: venue
                type: choice
                question: Where was it?
              - id: talk-share
                type: text
              - id: energy
                type: scale
                question: Energy?
                required: sometimes
        pitfalls:
          - id: self-promotion
            signals:
              - when: { answer: nope, missing: true }
                reason: asked about a prompt that is not there
        """)])
        func has(_ line: Int, _ words: String...) -> Bool {
            problems.contains { $0.file == name && $0.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(has(1, "unknown key", "colour"), "\(problems)")
        #expect(has(6, "unknown type", "slider"), "\(problems)")
        #expect(has(8, "choice prompt", "venue", "options"), "\(problems)")
        #expect(has(11, "talk-share", "must stay percent"), "\(problems)")
        #expect(has(16, "required", "true or false"), "\(problems)")
        #expect(has(20, "unknown prompt", "nope"), "\(problems)")
        // Every problem prints as file:line: message.
        for p in problems { #expect(p.description == "\(p.file):\(p.line): \(p.message)") }
    }

    @Test func habitScopeNamesAndTheNewConditionFormsAreData() throws {
        let catalog = Fixtures.catalog
        #expect(catalog.pitfalls.filter { $0.scope == .week }.map(\.id) == ["only-high-profile", "ignoring-existing-network"])
        #expect(catalog.pitfall("casual-socializing")?.name == "casual socializing")
        let neglect = try #require(catalog.pitfall("ignoring-existing-network")?.signals.first?.condition)
        #expect(neglect == .all([
            .count("people", where: RowFilter(field: "relation", values: ["existing"]), atLeast: nil, atMost: 0),
            .not(.equals("reconnected", "yes")),
        ]))
        // A pitfall without a name is named by its id.
        let added = try Self.load([CatalogFile(name: "mine.yaml", text: """
        pitfalls:
          - id: late-night-pitching
            title: Pitching after midnight
            instead: Go home.
            scope: week
            signals:
              - when: { not: { count: people, field: level, in: [junior, peer], at-least: 1 } }
                reason: nobody below senior
        """)])
        #expect(added.pitfall("late-night-pitching")?.name == "late night pitching")
        #expect(added.pitfall("late-night-pitching")?.scope == .week)
    }

    @Test func shareAndASignalsOwnTitleAndAdviceAreData() throws {
        let problems = Self.problems([CatalogFile(name: "x.yaml", text: """
        pitfalls:
          - id: generic-outreach
            signals:
              - when: { share: outreach-personalized, of: outreach-count, at-least: 50 }
                reason: a
              - when: { share: outreach-generic, at-least: 50 }
                reason: b
              - when: { share: outreach-generic, of: outreach-count, at-least: 150 }
                reason: c
              - when: { answer: outreach-count, at-least: 1 }
                reason: d
                colour: red
        """)])
        func has(_ line: Int, _ words: String...) -> Bool {
            problems.contains { $0.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(has(4, "`share` needs number prompts", "outreach-personalized"), "\(problems)")
        #expect(has(6, "`share` needs `of`"), "\(problems)")
        #expect(has(8, "percentage, 0 to 100"), "\(problems)")
        #expect(has(12, "unknown signal key `colour`", "title, instead"), "\(problems)")
        // An override gives a signal its own title and advice.
        let catalog = try Self.load([CatalogFile(name: "y.yaml", text: """
        pitfalls:
          - id: generic-outreach
            signals:
              - when: { share: outreach-generic, of: outreach-count, at-least: 75 }
                reason: "{value} were templates"
                title: Templates
                instead: Write fewer.
        """)])
        let signal = try #require(catalog.pitfall("generic-outreach")?.signals.first)
        #expect(signal.condition == .share("outreach-generic", of: "outreach-count", atLeast: 75))
        #expect(signal.condition.promptIDs == ["outreach-generic", "outreach-count"])
        #expect(signal.title == "Templates" && signal.instead == "Write fewer.")
    }

    @Test func unfollowedIsCheckedLikeTheOtherListForms() {
        let problems = Self.problems([CatalogFile(name: "x.yaml", text: """
        pitfalls:
          - id: no-follow-up
            signals:
              - when: { unfollowed: follow-ups, by: people }
                reason: a
              - when: { unfollowed: people }
                reason: b
              - when: { unfollowed: people, by: follow-ups, field: mood, in: [new] }
                reason: c
              - when: { unfollowed: people, by: follow-ups, field: relation, in: [strangers] }
                reason: d
        """)])
        func has(_ line: Int, _ words: String...) -> Bool {
            problems.contains { $0.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(has(4, "`unfollowed` needs a people prompt", "follow-ups"), "\(problems)")
        #expect(has(4, "`by` needs a follow-ups prompt", "people"), "\(problems)")
        #expect(has(6, "`unfollowed` needs `by`"), "\(problems)")
        #expect(has(8, "level or relation", "mood"), "\(problems)")
        #expect(has(10, "not a relation", "strangers"), "\(problems)")
        // The default is valid and reads both lists.
        let signal = try? #require(try? Self.load([])).pitfall("no-follow-up")?.signals.first?.condition
        #expect(signal == .unfollowed("people", by: "follow-ups", where: RowFilter(field: "relation", values: ["new"])))
        #expect(signal?.promptIDs == ["people", "follow-ups"])
    }

    @Test func badScopesAndFiltersAreReportedWithTheirLine() {
        let problems = Self.problems([CatalogFile(name: "x.yaml", text: """
        pitfalls:
          - id: self-promotion
            scope: monthly
            signals:
              - when: { count: people, field: mood, in: [happy], at-least: 1 }
                reason: a
              - when: { count: people, field: level, at-least: 1 }
                reason: b
              - when: { count: follow-ups, field: level, in: [peer], at-least: 1 }
                reason: c
              - when: { not: { answer: nope, is: yes } }
                reason: d
        """)])
        func has(_ line: Int, _ words: String...) -> Bool {
            problems.contains { $0.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(has(3, "unknown scope", "monthly"), "\(problems)")
        #expect(has(5, "level or relation", "mood"), "\(problems)")
        #expect(has(7, "needs both field and in"), "\(problems)")
        #expect(has(9, "needs a people prompt", "follow-ups"), "\(problems)")
        #expect(has(11, "unknown prompt", "nope"), "\(problems)")
    }

    @Test func invalidYAMLIsReportedWithItsLine() {
        let problems = Self.problems([CatalogFile(name: "bad.yaml", text: "sections:\n  - id: x\n    prompts: [\n")])
        #expect(problems.count == 1)
        #expect(problems.first?.file == "bad.yaml")
        #expect(problems.first?.line == 3, "\(problems)")
        #expect(problems.first?.message.contains("invalid YAML") == true)
    }

    @Test func aCatalogMissingARequiredPromptIsRefused() {
        let name = "/cfg/own-flow.yaml"
        let text = """
        sections:
          - id: only
            title: Only
            prompts:
              - id: title
                type: line
                question: Name?
              - id: talk-share
                type: text
                question: How much did you talk?
        """
        let problems: [CatalogProblem]
        do {
            _ = try CatalogLoader.load([CatalogFile(name: name, text: text), Fixtures.defaultFiles[1]])
            problems = []
        } catch {
            problems = error.problems
        }
        #expect(problems.contains { $0.file == name && $0.message.contains("must keep prompt `people`") }, "\(problems)")
        #expect(problems.contains { $0.file == name && $0.message.contains("must keep prompt `notes`") })
        #expect(problems.contains { $0.file == name && $0.line == 8 && $0.message.contains("`talk-share` must stay percent") })
        // The pitfall rules that read talk-share now point at a text prompt: reported in pitfalls.yaml.
        #expect(problems.contains { $0.file == "Prompts/pitfalls.yaml" && $0.line > 1 && $0.message.contains("talk-share") })
    }

    @Test func overrideFilesAreReadInNameOrder() throws {
        let dir = Fixtures.tempDirectory("catalog")
        defer { Fixtures.removeTemp(dir) }
        Fixtures.write("sections:\n  - id: purpose\n    prompts:\n      - id: purpose\n        question: B wins\n", to: dir + "/b.yaml")
        Fixtures.write("sections:\n  - id: purpose\n    prompts:\n      - id: purpose\n        question: A first\n", to: dir + "/a.yml")
        Fixtures.write("colour: ignored, not yaml by name\n", to: dir + "/notes.txt")
        Fixtures.write("colour: hidden\n", to: dir + "/.hidden.yaml")
        let files = try CatalogLoader.overrideFiles(in: dir)
        #expect(files.map(\.name) == [dir + "/a.yml", dir + "/b.yaml"])
        #expect(try Self.load(files).prompt("purpose")?.question == "B wins")
        #expect(try CatalogLoader.overrideFiles(in: dir + "/missing").isEmpty)
    }
}
