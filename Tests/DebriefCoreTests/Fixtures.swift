import DebriefPrompts
import Foundation
@testable import DebriefCore

/// Shared helpers for the core tests: the default catalog, a codec in a fixed zone, temp folders.
enum Fixtures {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static var defaultFiles: [CatalogFile] {
        [CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
         CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
         CatalogFile(name: "Prompts/calendar.yaml", text: String(decoding: DefaultCatalog.calendarYAML, as: UTF8.self))]
    }

    static let catalog: Catalog = try! CatalogLoader.load(defaultFiles)

    static var codec: EntryCodec { EntryCodec(catalog: catalog, timeZone: berlin) }

    /// A fresh folder under the system temp folder; remove it with `removeTemp`.
    static func tempDirectory(_ label: String = "core") -> String {
        let path = NSTemporaryDirectory() + "debrief-tests-\(label)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func removeTemp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func store(_ root: String) -> JournalStore { JournalStore(root: root, codec: codec) }

    static func bytes(_ path: String) -> [UInt8]? { try? AtomicFile.read(path) }

    static func write(_ text: String, to path: String) {
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func ts(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }
}

/// SplitMix64: a small seeded generator, so generated cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The keys whose answers differ scalar by scalar, readable: "" when they are the same.
func answerDiff(_ a: [String: Answer], _ b: [String: Answer]) -> String {
    Set(a.keys).union(b.keys).sorted().compactMap { key -> String? in
        let l = a[key].map { String(reflecting: $0) } ?? "nil", r = b[key].map { String(reflecting: $0) } ?? "nil"
        return Array(l.unicodeScalars) == Array(r.unicodeScalars) ? nil : "\(key): \(l.debugDescription) vs \(r.debugDescription)"
    }.joined(separator: "\n")
}
