#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
import DebriefIndex
import DebriefPrompts
import Foundation
import GRDB

/// A temporary journal with a store that reads the files and one that reads through an index in
/// a temporary cache folder, so tests compare the two answers.
final class IndexFixture {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let catalog: Catalog = {
        let files = [CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
                     CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self))]
        do { return try CatalogLoader.load(files) } catch { fatalError("the default catalog does not load: \(error)") }
    }()
    static let codec = EntryCodec(catalog: catalog, timeZone: berlin)
    static let today = Day(iso: "2030-01-01")!

    let base: String
    let root: String
    let cache: String
    let plain: JournalStore
    var indexed: JournalStore
    var index: JournalIndex

    init(_ label: String = "index", racyMargin: Int64 = FileStat.racyMargin) {
        base = NSTemporaryDirectory() + "debrief-index-\(label)-\(UUID().uuidString)"
        root = base + "/journal"
        cache = base + "/cache/debrief"
        try? FileManager.default.createDirectory(atPath: root + "/entries", withIntermediateDirectories: true)
        plain = JournalStore(root: root, codec: Self.codec)
        index = JournalIndex(location: IndexLocation(folder: cache, journalAt: root), racyMargin: racyMargin)
        indexed = plain
        indexed.index = index
    }

    deinit {
        chmodAll(base)
        try? FileManager.default.removeItem(atPath: base)
    }

    /// A fresh index object over the same database, as a new process would have.
    func reopen() {
        index = JournalIndex(location: index.location, racyMargin: index.racyMargin)
        indexed.index = index
    }

    /// Runs `sql` on the index's database, as a damaged disk or another program would change it,
    /// and returns how many rows it changed (a damage test checks it touched the one it meant).
    /// The connection is closed before returning: the next `reopen()` reads what was left.
    @discardableResult
    func damage(_ sql: String, arguments: StatementArguments = StatementArguments()) throws -> Int {
        let queue = try DatabaseQueue(path: index.location.database)
        let changed = try queue.write { db in
            try db.execute(sql: sql, arguments: arguments)
            return db.changesCount
        }
        try queue.close()
        return changed
    }

    private func chmodAll(_ path: String) {
        chmod(path, 0o700)
        for sub in (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? [] { chmod(path + "/" + sub, 0o700) }
    }

    // MARK: - Writing files as another program would

    func path(_ id: String) -> String {
        "\(root)/entries/\(id.prefix(4))/\(id.dropFirst(5).prefix(2))/\(id).md"
    }

    @discardableResult
    func write(_ id: String, _ text: String) -> String {
        let p = path(id)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
        return p
    }

    static func text(title: String, date: String, people: [String] = [], tags: [String] = [], kind: String = "meetup",
                     talk: Int = 40, notes: String = "Notes.", followUp: String? = nil) -> String {
        var lines = ["---", "schema: 1", "created: \(date)", "updated: \(date)", "title: \(title)", "date: \(date)", "kind: \(kind)"]
        if !people.isEmpty {
            lines.append("people:")
            for p in people { lines += ["  - name: \(p)", "    level: peer", "    relation: existing"] }
        }
        lines.append("talk-share: \(talk)")
        if let followUp { lines += ["follow-ups:", "  - who: \(followUp)", "    action: Send the slides", "    due: 2029-12-20"] }
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        lines += ["---", notes, ""]
        return lines.joined(separator: "\n")
    }

    // MARK: - Comparing

    /// What a snapshot says, as text: every entry's stored properties (but the file's layout,
    /// which an entry rebuilt from the index does not carry) and every problem.
    static func describe(_ snapshot: JournalSnapshot) -> [String] {
        snapshot.entries.map { e in
            "\(e.id) \(e.created) \(e.updated) \(e.flow ?? "-") \(e.origin ?? "-") \(e.source?.path ?? "-") "
                + "\(e.source?.fingerprint.description ?? "-") "
                + e.answers.keys.sorted().map { "\($0)=\(String(reflecting: e.answers[$0]!))" }.joined(separator: ";")
        } + snapshot.problems.map(\.description)
    }
}
