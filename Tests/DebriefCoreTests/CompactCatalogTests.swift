import DebriefPrompts
import Foundation
import Testing
@testable import DebriefCore

/// The built-in catalog files load from their compact form (`Prompts/compact-catalog.bin`,
/// ``CatalogLoader/compactForm(of:)``) instead of being parsed on every run: the form embedded in
/// the binary is the one the files give now, it loads to the same catalog, and a form made from
/// other bytes (stale) or unreadable is never used. (Every override case of ``CatalogTests`` also
/// loads both ways and compares the catalogs and the problems, message by message.)
@Suite struct CompactCatalogTests {
    /// `Prompts/compact-catalog.bin` in the source tree.
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Prompts/compact-catalog.bin").path

    @Test func theEmbeddedFormIsTheBuiltInFilesAsTheyAreNow() throws {
        let made = try #require(CatalogLoader.compactForm(of: Fixtures.defaultFiles))
        // `DEBRIEF_WRITE_COMPACT_CATALOG=1 swift test --filter CompactCatalogTests` writes it anew
        // (then build again, as it is embedded).
        if ProcessInfo.processInfo.environment["DEBRIEF_WRITE_COMPACT_CATALOG"] == "1" {
            try Data(made).write(to: URL(fileURLWithPath: Self.path))
        }
        #expect(DefaultCatalog.compactForm.elementsEqual(made),
                "Prompts/compact-catalog.bin is stale: run DEBRIEF_WRITE_COMPACT_CATALOG=1 swift test --filter CompactCatalogTests and build again")
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: made) == Fixtures.catalog)
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: DefaultCatalog.compactForm) == Fixtures.catalog)
    }

    /// The state restored from the form is the builder's state after parsing the files, field by
    /// field (the catalog and where each prompt, pitfall, condition, flow and kind guess was given,
    /// which the messages about overrides name).
    @Test func theRestoredStateIsTheParsedState() throws {
        var parsed = CatalogLoader.Builder()
        for file in Fixtures.defaultFiles { parsed.apply(file) }
        #expect(parsed.problems.isEmpty)
        let made = try #require(CatalogLoader.compactForm(of: Fixtures.defaultFiles))
        let state = try #require(CompactCatalogBytes.read(made))
        let restored = state.builder
        #expect(state == CatalogLoader.Compact(parsed, hash: state.hash, files: 3))
        #expect(restored.catalog == parsed.catalog)
        #expect(restored.file == parsed.file)
        #expect(!restored.promptLines.isEmpty && !restored.pitfallLines.isEmpty && !restored.conditionLines.isEmpty && !restored.kindLines.isEmpty)
        #expect(restored.promptLines.mapValues { "\($0.file):\($0.line)" } == parsed.promptLines.mapValues { "\($0.file):\($0.line)" })
        #expect(restored.pitfallLines.mapValues { "\($0.file):\($0.line)" } == parsed.pitfallLines.mapValues { "\($0.file):\($0.line)" })
        #expect(restored.promptConditionLines.mapValues { "\($0.file):\($0.line)" } == parsed.promptConditionLines.mapValues { "\($0.file):\($0.line)" })
        #expect(restored.flowLines.mapValues { "\($0.file):\($0.line)" } == parsed.flowLines.mapValues { "\($0.file):\($0.line)" })
        #expect(restored.kindLines.map { "\($0.kind) \($0.file):\($0.line)" } == parsed.kindLines.map { "\($0.kind) \($0.file):\($0.line)" })
        #expect(restored.conditionLines.map { "\($0.0) \($0.1):\($0.2)" } == parsed.conditionLines.map { "\($0.0) \($0.1):\($0.2)" })
    }

    /// A form made from other bytes (one word of a built-in file changed) or that does not decode
    /// is not used: the files are parsed, and the catalog is theirs.
    @Test func aStaleOrUnreadableFormIsNotUsed() throws {
        var edited = Fixtures.defaultFiles
        let text = edited[1].text
        let changed = text.replacingOccurrences(of: "only-high-profile", with: "only-high-profiles")
        #expect(changed != text)
        edited[1].text = changed
        let stale = try #require(CatalogLoader.compactForm(of: edited))
        let fromStale = try CatalogLoader.load(Fixtures.defaultFiles, compact: stale)
        #expect(fromStale == Fixtures.catalog)
        #expect(fromStale.pitfall("only-high-profile") != nil)
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: Array("{}".utf8)) == Fixtures.catalog)
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: Array("not json".utf8)) == Fixtures.catalog)
        // Cut short anywhere, with a byte more, or of another version: not read.
        let form = try #require(CatalogLoader.compactForm(of: Fixtures.defaultFiles))
        for cut in stride(from: 0, to: form.count, by: 97) { #expect(CompactCatalogBytes.read(Array(form.prefix(cut))) == nil, "cut at \(cut)") }
        #expect(CompactCatalogBytes.read(form + [0]) == nil)
        var other = form
        other[CompactCatalogBytes.magic.count] = UInt8(CompactCatalogBytes.version * 2 + 2)
        #expect(CompactCatalogBytes.read(other) == nil)
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: Array(form.prefix(form.count / 2))) == Fixtures.catalog)
        // A form of the first two files only applies to those two, and the third is parsed.
        let two = try #require(CatalogLoader.compactForm(of: Array(Fixtures.defaultFiles.prefix(2))))
        #expect(try CatalogLoader.load(Fixtures.defaultFiles, compact: two) == Fixtures.catalog)
    }
}
