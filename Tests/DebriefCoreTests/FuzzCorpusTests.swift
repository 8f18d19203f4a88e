import DebriefCore
import DebriefFuzzing
import Foundation
import Testing

/// Replays what libFuzzer found (Fuzz/run.sh): the corpus it keeps for each reader and every
/// input that once crashed one. Each input must run through its target without a crash; the
/// entry target also checks that an entry that reads is written back as the same entry.
@Suite struct FuzzCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus").path

    /// The inputs of `file` (one base64 input per line; `#` lines are comments).
    static func inputs(_ file: String) -> [[UInt8]] {
        guard let text = try? String(contentsOfFile: folder + "/" + file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { Data(base64Encoded: String($0)).map(Array.init) }
    }

    /// A target and a slice of its inputs, so the replay runs in parallel.
    struct Slice: Sendable, CustomTestStringConvertible {
        var target: FuzzTarget
        var file: String
        var range: Range<Int>
        var testDescription: String { "\(file) \(range.lowerBound)..<\(range.upperBound)" }
    }

    static let slices: [Slice] = FuzzTarget.allCases.flatMap { target in
        ["\(target.rawValue).corpus", "\(target.rawValue).regressions"].flatMap { file in
            let count = inputs(file).count
            return stride(from: 0, to: count, by: 150).map { Slice(target: target, file: file, range: $0..<min(count, $0 + 150)) }
        }
    }

    @Test(arguments: slices)
    func savedInputsRunWithoutACrash(_ slice: Slice) {
        let all = Self.inputs(slice.file)
        for input in all[slice.range] { slice.target.run(input) }
    }

    @Test func everyTargetHasACorpus() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs("\(target.rawValue).corpus").count >= 10, "\(target) has no saved corpus")
        }
    }

    /// Found by fuzzing: a date-time written without an offset in a year before standard time is
    /// read at the zone's local mean time (+00:53:28 in Berlin); written as +00:53, the entry moved
    /// by 28 seconds on every save.
    @Test func offsetsWithSecondsSurviveASave() throws {
        let codec = EntryCodec(catalog: Fixtures.catalog, timeZone: Fixtures.berlin)
        let text = "---\ntitle: Old\ndate: '0774-02-16T10:10:00'\n---\n"
        let entry = try codec.decode(Array(text.utf8), id: "0774-02-16-1010-old", path: "x.md")
        #expect(entry.created.utcOffset == 3208)
        let written = codec.encode(entry)
        #expect(written.contains("created: 0774-02-16T10:10:00+00:53:28\n"), "\(written)")
        let again = try codec.decode(Array(written.utf8), id: "0774-02-16-1010-old", path: "x.md")
        #expect(again.created == entry.created)
        #expect(Timestamp(iso: "2026-11-24T18:30:00+01:00")?.iso == "2026-11-24T18:30:00+01:00")
    }

    /// Found by fuzzing: a file with quoted keys (`'schema':`, `"title":`, as some YAML writers
    /// emit) read fine, but saving it added a second, unquoted key, and the saved file no longer read.
    @Test func quotedKeysAreKeptOnSave() throws {
        let codec = EntryCodec(catalog: Fixtures.catalog, timeZone: Fixtures.berlin)
        let text = "---\n'schema': 1\n\"created\": '2026-11-24T21:05:12+01:00'\n\"title\": \"Coffee\"\n'kind': meetup\n---\n"
        let entry = try codec.decode(Array(text.utf8), id: "2026-11-24-2105-coffee", path: "x.md")
        var changed = entry
        changed["kind"] = .choice("conference")
        let written = codec.encode(changed)
        let again = try codec.decode(Array(written.utf8), id: "2026-11-24-2105-coffee", path: "x.md")
        #expect(again.kind == "conference")
        #expect(again.title == "Coffee")
        #expect(written.components(separatedBy: "title").count == 2, "the title is written twice:\n\(written)")
    }
}
