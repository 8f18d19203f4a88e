import DebriefCore
import DebriefPrompts
import Foundation

/// The readers that take text from outside (entry files, `add`'s answers, catalog overrides,
/// typed dates), each as a function of raw bytes that must return for every input: it may refuse
/// the input, never crash or hang. libFuzzer drives them from the executables in `Fuzz/`; the
/// corpus it keeps, and every input that once crashed, are replayed by `swift test`.
///
/// Besides not crashing, the entry reader checks the store's promise: an entry that reads is
/// written back as text that reads again as the same entry.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case entry, answers, catalog, dates

    /// Runs the target on one input.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .entry: Self.entry(bytes)
        case .answers: Self.answers(bytes)
        case .catalog: Self.catalog(bytes)
        case .dates: Self.dates(bytes)
        }
    }

    static let defaultFiles = [
        CatalogFile(name: "Prompts/reflection.yaml", text: String(decoding: DefaultCatalog.reflectionYAML, as: UTF8.self)),
        CatalogFile(name: "Prompts/pitfalls.yaml", text: String(decoding: DefaultCatalog.pitfallsYAML, as: UTF8.self)),
    ]

    /// The default catalog; it always loads (the catalog tests hold it to that).
    static let defaultCatalog: Catalog? = try? CatalogLoader.load(defaultFiles)
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .current
    static let clock = Clock.fixed(Date(timeIntervalSince1970: 1_795_683_600), timeZone: zone) // 2026-11-26 10:00 +01:00

    static func entry(_ bytes: [UInt8]) {
        guard let catalog = defaultCatalog else { return }
        let codec = EntryCodec(catalog: catalog, timeZone: zone)
        let id = "2026-11-24-1830-fuzz"
        guard let entry = try? codec.decode(bytes, id: id, path: "fuzz.md") else { return }
        let written = codec.encode(entry)
        let again: Entry
        do {
            again = try codec.decode(Array(written.utf8), id: id, path: "fuzz.md")
        } catch {
            fatalError("an entry that read was written as text that does not read: \(error)\n--- written:\n\(written)")
        }
        guard again.answers == entry.answers, again.created == entry.created else {
            fatalError("an entry changed on its way through write and read\n--- written:\n\(written)")
        }
    }

    static func answers(_ bytes: [UInt8]) {
        guard let catalog = defaultCatalog, let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? AnswerInput.parse(text, catalog: catalog, clock: clock)
    }

    static func catalog(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        _ = try? CatalogLoader.load(defaultFiles + [CatalogFile(name: "fuzz.yaml", text: text)])
    }

    static func dates(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        for direction in [DateDirection.past, .future] {
            _ = DateInput.parse(text, clock: clock, direction: direction)
            _ = DateInput.timestamp(text, clock: clock, direction: direction)
            _ = DateInput.day(text, clock: clock, direction: direction)
        }
    }
}
