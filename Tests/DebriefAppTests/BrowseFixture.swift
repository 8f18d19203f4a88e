import DebriefApp
import DebriefCore
import DebriefPrompts
import DebriefUI
import Foundation

/// A temporary journal with a fixed clock (2026-11-26 10:00 in Berlin) for the browse and home tests.
struct BrowseFixture {
    let root: String
    let store: JournalStore
    let catalog: Catalog
    let clock: Clock
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? .current

    init() throws {
        root = NSTemporaryDirectory() + "debrief-browse-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        catalog = try CatalogLoader.load([
            CatalogFile(name: "reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
            CatalogFile(name: "pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
        ])
        clock = Clock.fixed(Timestamp(iso: "2026-11-26T10:00:00+01:00")?.date ?? Date(), timeZone: Self.zone)
        store = JournalStore(root: root, codec: EntryCodec(catalog: catalog, timeZone: Self.zone))
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: root) }

    /// Writes an entry; `day` is `YYYY-MM-DD`, the event at 18:30 local time.
    @discardableResult
    func add(_ title: String, day: String, kind: String = "meetup", people: [Person] = [], followUps: [FollowUp] = [],
             notes: String? = nil, learned: String? = nil, tags: [String] = []) throws -> Entry {
        guard let d = Day(iso: day), let when = Timestamp(day: d, hour: 18, minute: 30, in: Self.zone) else {
            throw FixtureError.badDay(day)
        }
        var entry = Entry(id: "", created: when, updated: when)
        entry["title"] = .text(title)
        entry["date"] = .timestamp(when)
        entry["kind"] = .choice(kind)
        entry["people"] = .people(people)
        entry["follow-ups"] = .followUps(followUps)
        entry["tags"] = .tags(tags)
        if let notes { entry["notes"] = .text(notes) }
        if let learned { entry["learned"] = .text(learned) }
        return try store.create(entry)
    }

    func browser() -> BrowseProgram {
        BrowseProgram(store: store, catalog: catalog, clock: clock)
    }

    /// A driver over a browser of the given size.
    func driver(width: Int = 80, height: Int = 24, editor: @escaping (String) -> EditorOutcome = { .edited($0) }) -> ProgramDriver<BrowseProgram> {
        ProgramDriver(browser(), width: width, height: height, editor: editor)
    }

    func text(_ entry: Entry) -> String {
        guard let path = entry.source?.path, let data = FileManager.default.contents(atPath: path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A small journal: three entries, the newest with Zoë and two follow-ups.
    func standard() throws {
        try add("Swift meetup Berlin", day: "2026-11-24",
                people: [Person(name: "Zoë Brandt", level: "peer", relation: "new", note: "Works on server-side Swift")],
                followUps: [FollowUp(who: "Zoë Brandt", action: "Send the talk link", due: Day(iso: "2026-11-27")),
                            FollowUp(who: "Ana Li", action: "Intro to Marc", due: Day(iso: "2026-11-20"))],
                notes: "Ask about the SwiftNIO migration next time.", tags: ["swift"])
        try add("Product coffee", day: "2026-11-20", kind: "one-on-one",
                people: [Person(name: "Ana Li", level: "senior", relation: "existing")],
                learned: "Roadmaps are bets, not promises.", tags: ["product"])
        try add("Cloud conference", day: "2026-10-02", kind: "conference", notes: "Too many booths.")
    }
}

enum FixtureError: Error { case badDay(String) }
