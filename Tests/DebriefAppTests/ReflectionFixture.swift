@testable import DebriefApp
import DebriefCore
import DebriefPrompts
import DebriefUI
import Foundation
import Testing

/// A temp journal, the default catalog and a clock stopped at Thursday 2026-11-26 21:00 Berlin,
/// so the reflection's screens are driven by keys alone.
struct ReflectionFixture {
    let root: String
    let catalog: Catalog
    let clock: Clock
    let store: JournalStore

    /// `overrides`: catalog files applied over the defaults, as a user's would be.
    init(overrides: [String] = []) throws {
        root = NSTemporaryDirectory() + "debrief-reflection-" + UUID().uuidString
        catalog = try CatalogLoader.load([
            CatalogFile(name: "reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
            CatalogFile(name: "pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
        ] + overrides.enumerated().map { CatalogFile(name: "override-\($0.offset).yaml", text: $0.element) })
        let zone = TimeZone(identifier: "Europe/Berlin")!
        clock = Clock.fixed(Timestamp(iso: "2026-11-26T21:00:00+01:00")!.date, timeZone: zone)
        store = JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: zone))
    }

    func setup(knownPeople: [KnownPerson] = [], prefill: [String: Answer] = [:], editing: Entry? = nil,
               resumable: ReflectionDraft? = nil) -> ReflectionSetup {
        ReflectionSetup(catalog: catalog, store: store, clock: clock, knownPeople: knownPeople, prefill: prefill,
                        editing: editing, resumable: resumable)
    }

    func driver(_ setup: ReflectionSetup? = nil, width: Int = 80, height: Int = 24) -> ProgramDriver<ReflectionProgram> {
        ProgramDriver(ReflectionProgram(setup ?? self.setup()), width: width, height: height)
    }

    /// Every saved entry.
    var entries: [Entry] { store.loadAll().entries }

    /// Every file under `entries/`, readable or not.
    var entryFiles: [String] {
        (FileManager.default.enumerator(atPath: store.entriesDirectory)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension ProgramDriver where P == ReflectionProgram {
    /// Types `text` and presses Enter.
    mutating func answer(_ text: String) {
        type(text)
        press(.enter)
    }

    /// Presses Tab (accepting each answer) until prompt `id` is in focus; at most 40 times, so a
    /// prompt that is not asked fails the test instead of looping.
    mutating func tab(to id: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for _ in 0..<40 where !(program.mode == .prompting && promptID == id) { press(.tab) }
        #expect(program.mode == .prompting && promptID == id, "never reached \(id)", sourceLocation: sourceLocation)
    }

    /// The id of the prompt in focus.
    var promptID: String { program.prompts[program.index].id }
}
