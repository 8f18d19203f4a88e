import DebriefCore
import Foundation
import Testing

/// The safety suite for imports (issue 19): no entry is lost as a false duplicate, none doubled by
/// two imports at once, and no write path leaves a file debrief cannot read back.
@Suite struct ImportSafetyTests {
    /// `count` entries without an `id`, `perMinute` sharing each minute, each its own title.
    static func sharedMinutes(_ count: Int, perMinute: Int) -> String {
        let items = (0..<count).map { i in
            let minute = i / perMinute
            let time = String(format: "2026-11-20T%02d:%02d:00Z", 8 + minute / 60, minute % 60)
            return "{\"title\": \"Note \(i)\", \"date\": \"\(time)\", \"notes\": \"Body \(i)\"}"
        }
        return "[" + items.joined(separator: ",\n") + "]"
    }

    /// The two entries sharing a time: before, "1 created, 1 skipped as a duplicate".
    /// Then many sharing each minute: every one is created, and importing again adds nothing.
    @Test func entriesWithoutAnIdSharingAMinuteAreAllImported() throws {
        let debrief = try BinaryRunner()
        let two = try debrief.write("""
        [{"title":"Lunch with Ana","date":"2026-11-20T12:00:00Z"},{"title":"Call with Bob","date":"2026-11-20T12:00:00Z"}]
        """, to: "two.json")
        let first = try debrief.run(["import", "json", two])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "\(two): 2 created, 0 skipped as duplicates, 0 refused\n")
        // The same content written differently (key order, spacing) is the same entry.
        let reordered = try debrief.write("""
        [ {"date": "2026-11-20T12:00:00Z", "title": "Call with Bob"} ]
        """, to: "reordered.json")
        #expect(try debrief.run(["import", "json", reordered]).stderr == "\(reordered): 0 created, 1 skipped as a duplicate, 0 refused\n")

        let many = try debrief.write(Self.sharedMinutes(600, perMinute: 100), to: "many.json")
        let r = try debrief.run(["import", "json", many])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "\(many): 600 created, 0 skipped as duplicates, 0 refused\n")
        #expect(debrief.entryFiles().count == 602)
        let again = try debrief.run(["import", "json", many])
        #expect(again.stderr == "\(many): 0 created, 600 skipped as duplicates, 0 refused\n")
        #expect(again.stdout.isEmpty)
    }

    /// The 100,000-entry case of the issue (98,560 dropped) at a size the suite affords: 20,000
    /// entries, 100 to a minute, planned with --dry-run.
    @Test func twentyThousandEntriesSharingMinutesAreAllPlanned() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write(Self.sharedMinutes(20_000, perMinute: 100), to: "big.json")
        let r = try debrief.run(["import", "json", file, "--dry-run"], timeout: 300)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr == "\(file): 20000 would be created, 0 skipped as duplicates, 0 refused; nothing was written (--dry-run)\n")
        #expect(Set(r.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] }).count == 20_000)
    }

    /// Entries an earlier debrief imported under a key of their time alone (`source:` written
    /// then) still match: importing that file again adds only what was dropped then, once, and
    /// re-importing an old export adds nothing.
    @Test func keysOfAnEarlierDebriefStillMatch() throws {
        let debrief = try BinaryRunner()
        // What an earlier debrief left from [Lunch with Ana, Call with Bob] at one time: the first,
        // under the key of the time alone.
        let when = try #require(Timestamp(iso: "2026-11-20T12:00:00Z"))
        let earlier = "debrief:" + String(Fingerprint(of: Array(("\u{1F}" + when.iso).utf8)).hash, radix: 16)
        let seeded = try debrief.write("""
        [{"title":"Lunch with Ana","date":"2026-11-20T12:00:00Z","source":"\(earlier)"}]
        """, to: "seed.json")
        #expect(try debrief.run(["import", "json", seeded]).status == 0)
        let file = try debrief.write("""
        [{"title":"Lunch with Ana","date":"2026-11-20T12:00:00Z"},{"title":"Call with Bob","date":"2026-11-20T12:00:00Z"}]
        """, to: "two.json")
        let r = try debrief.run(["import", "json", file])
        #expect(r.stderr == "\(file): 1 created, 1 skipped as a duplicate, 0 refused\n", "\(r.stderr)")
        #expect(r.stdout.contains("Call with Bob") && !r.stdout.contains("Lunch"))
        #expect(try debrief.run(["import", "json", file]).stderr == "\(file): 0 created, 2 skipped as duplicates, 0 refused\n")
        // An export of this journal, imported back: nothing new.
        let export = try debrief.write(try debrief.run(["export"]).stdout, to: "export.json")
        #expect(try debrief.run(["import", "json", export]).stderr == "\(export): 0 created, 2 skipped as duplicates, 0 refused\n")
        #expect(debrief.entryFiles().count == 2)
    }

    /// Two `import jrnl` of one file at once: before, every entry was created twice (3 of 3
    /// rounds). Now the second waits for the first and skips everything; doctor finds nothing.
    @Test func twoImportsAtOnceDoNotDouble() throws {
        let notes = (0..<60).map { i in String(format: "[2026-11-%02d 09:%02d] Note %d. Body of note %d.\n", 1 + i / 10, i % 60, i, i) }
        for round in 1...3 {
            let debrief = try BinaryRunner()
            let file = try debrief.write(notes.joined(separator: "\n"), to: "journal.txt")
            nonisolated(unsafe) let runner = debrief
            let results = Locked<[Int: BinaryRunner.Result]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                let result = try? runner.run(["import", "jrnl", file], timeout: 120)
                results.withLock { $0[side] = result }
            }
            let all = [0, 1].compactMap { side in results.withLock { $0[side] } }
            #expect(all.count == 2 && all.allSatisfy { $0.status == 0 }, "round \(round): \(all.map(\.stderr))")
            #expect(Set(all.map(\.stderr)) == ["\(file): 60 created, 0 skipped as duplicates, 0 refused\n",
                                               "\(file): 0 created, 60 skipped as duplicates, 0 refused\n"], "round \(round): \(all.map(\.stderr))")
            #expect(debrief.entryFiles().count == 60, "round \(round)")
            #expect(try debrief.run(["doctor"]).status == 0, "round \(round)")
        }
    }

    /// Two entries with one `source:` key (the doubling above, or a file copied by hand) are named
    /// by doctor. Before, doctor exited 0.
    @Test func doctorNamesTwoEntriesImportedUnderOneKey() throws {
        let debrief = try BinaryRunner()
        let file = try debrief.write("[2026-11-20 09:00] Coffee. With Ana.\n", to: "journal.txt")
        #expect(try debrief.run(["import", "jrnl", file]).status == 0)
        let original = try #require(debrief.entryFiles().first)
        let copy = original.replacingOccurrences(of: ".md", with: "-2.md")
        try FileManager.default.copyItem(atPath: original, toPath: copy)
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 1)
        let line = try #require(try String(contentsOfFile: copy, encoding: .utf8).components(separatedBy: "\n").firstIndex { $0.hasPrefix("source: ") }) + 1
        #expect(doctor.stdout.contains("\(copy):\(line): imported under the same key (`source: jrnl:"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("as \(original): the same note twice?"))
    }

    /// Every write path refuses, before writing, an entry its reader would refuse (over 8 MB):
    /// before, `add --answers` with a 9 MB answer, `import json` with 9 MB of notes and `import
    /// jrnl` with a 20 MB line (9 MB here, which the suite reads faster) exited 0 and left files
    /// `list` skips (another copy each import).
    @Test func noWritePathLeavesAnEntryTooLargeToRead() throws {
        let debrief = try BinaryRunner()
        let big = String(repeating: "a", count: 9 << 20)
        let add = try debrief.run(["add", "--answers", "-"], stdin: "{\"title\": \"Huge\", \"learned\": \"\(big)\"}")
        #expect(add.status == 65, "\(add.stderr.prefix(300))")
        #expect(add.stderr.contains("the entry would be 9.0 MB, and debrief reads no file over 8 MB; nothing was written"), "\(add.stderr.prefix(300))")
        #expect(debrief.entryFiles().isEmpty)

        let json = try debrief.write("""
        [{"title": "Small", "date": "2026-11-20T09:00:00Z"},
         {"title": "Huge", "date": "2026-11-20T10:00:00Z", "notes": "\(big)"}]
        """, to: "big.json")
        for args in [["import", "json", json, "--dry-run"], ["import", "json", json], ["import", "json", json]] {
            let r = try debrief.run(args)
            #expect(r.status == 65, "\(args): \(r.stderr.prefix(300))")
            #expect(r.stderr.contains("\(json):2: the entry would be 9.0 MB"), "\(args): \(r.stderr.prefix(300))")
        }
        #expect(debrief.entryFiles().count == 1, "only the small one, once")

        let jrnl = try debrief.write("[2026-11-21 09:00] Long line. " + String(repeating: "b", count: 9 << 20) + "\n\n[2026-11-21 10:00] Short.\n", to: "big.txt")
        let r = try debrief.run(["import", "jrnl", jrnl])
        #expect(r.status == 65, "\(r.stderr.prefix(300))")
        #expect(r.stderr.contains("\(jrnl):1: the entry would be 9.0 MB"), "\(r.stderr.prefix(300))")
        #expect(debrief.entryFiles().count == 2)
        let list = try debrief.run(["list"])
        #expect(list.status == 0 && list.stderr.isEmpty, "every file reads: \(list.stderr)")
    }
}
