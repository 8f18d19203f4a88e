import Foundation
import Testing

/// debrief reads a jrnl journal as jrnl itself does: a corpus of jrnl text files (abbreviations,
/// one-line and multi-line entries, entries glued without a blank line, `?`/`!` endings, quotes,
/// Unicode, starred entries, both tag symbols, both time formats) imported by debrief gives, entry
/// for entry, the titles, bodies and stars `jrnl --format json` gives for the same file, and the
/// same tags once jrnl's symbol and case are set aside (debrief stores a tag without its symbol,
/// as first written; a jrnl "tag" of symbols only, like a Markdown `##`, is no tag in debrief).
///
/// Runs only where jrnl 4 could be installed from PyPI (`.ci/run` does it); elsewhere the test is
/// skipped and says so.
@Suite struct JrnlCorpusCLITests {
    static let corpus = BinaryRunner.packageRoot + "/Tests/DebriefCLITests/JrnlCorpus"

    /// Each corpus file with the `timeformat` its jrnl is configured with.
    static let files: [(String, String)] = [("default-format.txt", "%F %r"), ("minute-format.txt", "%Y-%m-%d %H:%M")]

    @Test(.enabled(if: PythonVenv.jrnl != nil, "jrnl 4 cannot be installed with pip here (no PyPI?): the jrnl corpus comparison is skipped"),
          arguments: files)
    func debriefReadsTheCorpusAsJrnlDoes(_ file: String, _ timeFormat: String) throws {
        let bin = try #require(PythonVenv.jrnl)
        let debrief = try BinaryRunner()
        // jrnl gets its own copy: it may rewrite a journal it opens.
        let path = try debrief.write(try String(contentsOfFile: Self.corpus + "/" + file, encoding: .utf8), to: "jrnl/" + file)
        let jrnlRun = try Jrnl.run(bin, journal: path, ["--format", "json"], home: debrief.home, timeFormat: timeFormat)
        try #require(jrnlRun.status == 0, "\(jrnlRun.stderr)")
        let expected = try Jrnl.entries(jrnlRun.stdout)
        try #require(expected.count >= 8, "jrnl read \(expected.count) entries")

        let imported = try debrief.run(["import", "jrnl", Self.corpus + "/" + file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try debrief.run(["export", "--format", "json"])
        let entries = try BinaryRunner.objects(export.stdout)
        try #require(entries.count == expected.count, "debrief imported \(entries.count) entries, jrnl reads \(expected.count)")

        func jrnlTags(_ entry: [String: Any]) -> Set<String> {
            Set((entry["tags"] as? [String] ?? []).map { String($0.drop { "#@".contains($0) }).lowercased() }.filter { !$0.isEmpty })
        }
        func debriefTags(_ entry: [String: Any]) -> Set<String> {
            Set((entry["tags"] as? [String] ?? []).filter { $0 != "starred" }.map { $0.lowercased() })
        }
        for (jrnl, ours) in zip(expected, entries) {
            let when = "\(jrnl["date"] ?? "") \(jrnl["time"] ?? "")"
            #expect((ours["date"] as? String)?.hasPrefix((jrnl["date"] as? String ?? "?") + "T" + (jrnl["time"] as? String ?? "?")) == true,
                    "\(file): entries out of step at \(when): \(ours["date"] ?? "")")
            #expect(ours["title"] as? String == jrnl["title"] as? String, "\(file) \(when): title")
            #expect((ours["notes"] as? String ?? "") == jrnl["body"] as? String, "\(file) \(when): body")
            #expect((ours["tags"] as? [String] ?? []).contains("starred") == (jrnl["starred"] as? Bool), "\(file) \(when): star")
            #expect(debriefTags(ours) == jrnlTags(jrnl), "\(file) \(when): tags")
        }
    }
}

extension JrnlCorpusCLITests {
    /// `export --format jrnl` carries the notes back out as jrnl read them: jrnl reads the export
    /// with the titles, bodies, stars, tags and minutes it read from the original, and importing the
    /// export again creates nothing (before, the export carried "Call with Dr." back out).
    @Test(.enabled(if: PythonVenv.jrnl != nil, "jrnl 4 cannot be installed with pip here (no PyPI?): the jrnl export round trip is skipped"),
          arguments: files)
    func theJrnlExportRoundTrips(_ file: String, _ timeFormat: String) throws {
        let bin = try #require(PythonVenv.jrnl)
        let debrief = try BinaryRunner()
        let original = try debrief.write(try String(contentsOfFile: Self.corpus + "/" + file, encoding: .utf8), to: "jrnl/" + file)
        let before = try Jrnl.run(bin, journal: original, ["--format", "json"], home: debrief.home, timeFormat: timeFormat)
        try #require(before.status == 0, "\(before.stderr)")
        #expect(try debrief.run(["import", "jrnl", Self.corpus + "/" + file]).status == 0)
        let exported = debrief.root + "/export.txt"
        #expect(try debrief.run(["export", "--format", "jrnl", "--output", exported]).status == 0)
        let after = try Jrnl.run(bin, journal: exported, ["--format", "json"], home: debrief.home)
        try #require(after.status == 0, "\(after.stderr)")

        func comparable(_ entries: [[String: Any]]) -> [String] {
            entries.map { e in
                let tags = (e["tags"] as? [String] ?? []).map { $0.lowercased() }.sorted().joined(separator: " ")
                return "\(e["date"] ?? "") \(e["time"] ?? "") | \(e["title"] ?? "") | \(e["body"] ?? "") | \(e["starred"] ?? "") | \(tags)"
            }
        }
        let expected = comparable(try Jrnl.entries(before.stdout)), got = comparable(try Jrnl.entries(after.stdout))
        try #require(got.count == expected.count, "jrnl reads \(got.count) entries in the export, \(expected.count) in the original")
        for (a, b) in zip(got, expected) { #expect(a == b) }
        let again = try debrief.run(["import", "jrnl", exported])
        #expect(again.stderr.hasSuffix(": 0 created, \(expected.count) skipped as duplicates, 0 refused\n"), "\(again.stderr)")
    }
}
