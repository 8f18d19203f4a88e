import Foundation
import Testing
@testable import DebriefCore

/// JSON out and back in: the export's shape, the reader's lines, both import shapes, duplicates.
@Suite struct JournalJSONTests {
    let catalog = Fixtures.catalog
    let clock = Clock.fixed(Fixtures.ts("2026-11-26T10:00:00+01:00").date, timeZone: Fixtures.berlin)

    // MARK: - The reader

    @Test func readsJSONWithLinesAndPythonsEscapes() throws {
        let node = try JSONReader.parse("""
        {
          "a": "Zo\\u00eb \\ud83d\\udc4b \\/ \\" \\\\ \\n",
          "b": [1, -2.5e3, true, false, null],
          "c": {}
        }
        """)
        #expect(node["a"]?.string == "Zoë 👋 / \" \\ \n")
        #expect(node["a"]?.line == 2)
        #expect(node["b"]?.line == 3)
        guard case .array(let items)? = node["b"]?.value else { Issue.record("b is not an array"); return }
        #expect(items.map { String(describing: $0.yamlValue) } == [
            String(describing: YAMLValue.scalar("1", plain: true)), String(describing: YAMLValue.scalar("-2.5e3", plain: true)),
            String(describing: YAMLValue.scalar("true", plain: true)), String(describing: YAMLValue.scalar("false", plain: true)),
            String(describing: YAMLValue.null),
        ])
    }

    @Test(arguments: [
        ("[1,\n2,\n]", 3, "unexpected character ']'"),
        ("{\"a\": \"b\n\"}", 1, "a line break inside a string"),
        ("[\"\\ud83d\"]", 1, "surrogate pair"),
        ("[1] [2]", 1, "unexpected text after"),
        ("\n\n{\"a\" 1}", 3, "expected ':'"),
        ("[\"\\u00zz\"]", 1, "four hex digits"),
        ("[tru]", 1, "expected true"),
    ])
    func badJSONSaysWhereAndWhat(_ text: String, _ line: Int, _ words: String) {
        #expect {
            _ = try JSONReader.parse(text)
        } throws: { error in
            guard let problem = error as? YAMLProblem else { return false }
            return problem.line == line && problem.message.contains(words)
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: YAMLProblem.self) { _ = try JSONReader.parse(text) }
    }

    // MARK: - Debrief's own export

    func fullEntry() throws -> Entry {
        let answers = try AnswerInput.parse("""
        title: "Zoë 李雷 👋: meetup"
        date: 2026-11-24 18:30
        kind: meetup
        purpose: |
          Meet people
          and listen
        professional-topics: yes
        purpose-met: 4
        people:
          - name: Zoë Brandt
            level: senior
            relation: existing
            note: "Runs the \\"platform\\" team"
        talk-share: 40
        follow-ups:
          - who: Zoë Brandt
            action: Send the slides; then call, later
            due: 2026-11-27
          - who: Ana
            action: Intro
            done: 2026-11-25
        tags: [swift, 李雷]
        notes: |
          Line one
            indented 👋
        """, catalog: catalog, clock: clock)
        var entry = Entry(id: "2026-11-24-1830-zoe-meetup", created: Fixtures.ts("2026-11-24T21:00:00+01:00"),
                          updated: Fixtures.ts("2026-11-25T08:00:00+01:00"), answers: answers)
        entry = entry.assigningFollowUpIDs()
        var rows = entry.followUps
        rows[0].firstDue = Day(iso: "2026-11-26")
        rows[0].postponed = 1
        entry["follow-ups"] = .followUps(rows)
        return entry
    }

    @Test func exportHasStableKeysAndReadsBackTheSameEntry() throws {
        let entry = try fullEntry()
        let text = JournalJSON.export([entry], catalog: catalog)
        // Every object has every key, in the catalog's order after the metadata.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]).first
        #expect(Set(object?.keys.map { $0 } ?? []) == Set(["id", "created", "updated", "flow", "source", "event", "location"] + catalog.prompts.map(\.id)))
        #expect(object?["horizon"] is NSNull)
        let source = try JournalJSON.read(text, catalog: catalog, clock: clock)
        #expect(source.refused.isEmpty, "\(source.refused)")
        let back = try #require(source.candidates.first)
        #expect(back.line == 2)
        #expect(back.formerID == entry.id)
        #expect(answerDiff(back.entry.answers, entry.answers) == "")
        #expect(back.entry.created == entry.created)
        #expect(back.entry.updated == entry.updated)
        #expect(back.entry.flow == nil)
        #expect(back.entry.followUps.map(\.id) == entry.followUps.map(\.id))
        #expect(back.entry.origin?.hasPrefix("debrief:") == true)
    }

    /// A bad entry is refused with the line it starts on; the others are still offered.
    @Test func aBadEntryIsRefusedWithItsLine() throws {
        let text = """
        [
          {"title": "Good", "date": "2026-11-24T18:30:00+01:00"},
          {"title": "Bad talk share",
           "talk-share": 140},
          {"title": "Unknown", "mood": "great"},
          {"date": "2026-11-24T18:30:00+01:00"},
          "not an object",
          {"title": "Good too", "created": "yesterday"}
        ]
        """
        let source = try JournalJSON.read(text, catalog: catalog, clock: clock)
        #expect(source.candidates.map(\.entry.title) == ["Good"])
        #expect(source.refused.map(\.line) == [4, 5, 6, 7, 8])
        #expect(source.refused[0].message.contains("`talk-share` must be a whole number from 0 to 100"))
        #expect(source.refused[1].message.contains("unknown key `mood`"))
        #expect(source.refused[2].message == "the entry has no `title`")
        #expect(source.refused[3].message == "an entry must be a JSON object")
        #expect(source.refused[4].message.contains("`created` must be a date-time"))
    }

    /// An entry with neither `created` nor `date` has no day of its own: dated "now" it would get
    /// a new duplicate key on every day it is imported again, so it is refused with its line.
    @Test func anEntryWithoutADayIsRefusedNotDatedToday() throws {
        let text = """
        [
          {"title": "Undated"},
          {"title": "Dated", "date": "2026-11-20T10:00:00+01:00"},
          {"title": "Created", "created": "2026-11-21T10:00:00+01:00"}
        ]
        """
        let source = try JournalJSON.read(text, catalog: catalog, clock: clock)
        #expect(source.candidates.map(\.entry.title) == ["Dated", "Created"])
        #expect(source.refused == [ImportRefusal(line: 2, message: "the entry has neither `created` nor `date`; an import needs the day it happened")])
        let later = try JournalJSON.read(text, catalog: catalog, clock: Clock.fixed(Fixtures.ts("2026-11-29T10:00:00+01:00").date, timeZone: Fixtures.berlin))
        #expect(later.candidates.map(\.entry.origin) == source.candidates.map(\.entry.origin), "the same keys on another day")
    }

    // MARK: - jrnl's export

    @Test func readsJrnlsJSONExport() throws {
        let text = """
        {
          "tags": {"@ana": 1},
          "entries": [
            {
              "title": "Swift meetup Berlin.",
              "body": "Met @ana and Zo\\u00eb \\ud83d\\udc4b.",
              "date": "2026-11-20",
              "time": "18:30",
              "tags": ["@ana"],
              "starred": true
            },
            {"title": "No date", "body": "", "date": "20/11/2026", "time": "18:30", "tags": [], "starred": false}
          ]
        }
        """
        let source = try JournalJSON.read(text, catalog: catalog, clock: clock)
        let entry = try #require(source.candidates.first?.entry)
        #expect(entry.title == "Swift meetup Berlin.")
        #expect(entry.notes == "Met @ana and Zoë 👋.")
        #expect(entry.date == Fixtures.ts("2026-11-20T18:30:00+01:00"))
        #expect(entry.tags == ["ana", "starred"])
        #expect(entry.flow == "imported")
        #expect(source.refused.map(\.line) == [12])
        // The same note read from jrnl's text format has the same key.
        let fromText = JrnlText.read("[2026-11-20 06:30:00 PM] Swift meetup Berlin. *\nMet @ana and Zoë 👋.\n", timeZone: Fixtures.berlin)
        #expect(fromText.notes.first?.note.entry().origin == entry.origin)
    }

    @Test func otherShapesAreRefusedWhole() {
        for text in ["{\"entries\": 3}", "\"a string\"", "{\"journal\": []}"] {
            #expect(throws: YAMLProblem.self) { _ = try JournalJSON.read(text, catalog: catalog, clock: clock) }
        }
    }

    // MARK: - Duplicates

    @Test func thePlanSkipsWhatTheJournalHasAndRepeatsInTheFile() throws {
        let note = { (title: String) in
            JrnlNote(date: Fixtures.ts("2026-11-20T18:30:00+01:00"), title: title, body: "", tags: [], starred: false).entry()
        }
        var existingImport = note("Already here")
        existingImport["title"] = .text("Edited since")
        let original = try fullEntry()
        let exported = try #require(try JournalJSON.read(JournalJSON.export([original], catalog: catalog), catalog: catalog, clock: clock).candidates.first)
        let source = ImportSource(candidates: [
            ImportCandidate(line: 1, entry: note("Already here")),
            ImportCandidate(line: 2, entry: note("New")),
            ImportCandidate(line: 3, entry: note("New")),
            exported,
        ], refused: [ImportRefusal(line: 9, message: "bad")])
        let plan = ImportPlan(source: source, existing: [existingImport, original])
        #expect(plan.toCreate.map(\.line) == [2])
        #expect(plan.duplicates.map(\.line) == [1, 3, exported.line])
        #expect(plan.refused.map(\.line) == [9])
        // Into an empty journal everything but the repeat is new.
        #expect(ImportPlan(source: source, existing: []).toCreate.count == 3)
    }
}
