#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The safety suite for folders debrief writes into but does not own (issue 19): a calendar folder
/// kept in step with `--vdir`, the folder of `export --output FILE`. Debrief changes or removes
/// only files it can prove it wrote for this journal and that are unchanged since; its cleanup of
/// temporaries touches only its own file's; two journals share a folder; syncs take turns.
@Suite struct CalendarFolderSafetyTests {
    static let sync = ["followups", "--format", "ics", "--ics-kind", "todo", "--output"]

    /// A journal with `count` entries of two open follow-ups each.
    static func seed(_ debrief: BinaryRunner, count: Int, journal: String? = nil, label: String = "A") throws {
        for i in 1...count {
            let answers = """
            {"title": "Event \(i)", "date": "2026-11-\(10 + i % 15)T1\(i % 10):00",
             "follow-ups": [{"who": "Ana", "action": "Call \(label) \(i)", "due": "2026-12-01"},
                            {"who": "Bo", "action": "Mail \(label) \(i)", "due": "2026-12-02"}]}
            """
            let r = try debrief.run(["add", "--answers", "-"] + (journal.map { ["--journal", $0] } ?? []), stdin: answers)
            try #require(r.status == 0, "\(r.stderr)")
        }
    }

    static func icsFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ics") }.sorted()
    }

    static func age(_ path: String, hours: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-hours * 3600)], ofItemAtPath: path)
    }

    /// An event of debrief's that was then edited on a phone (its file changed) is the user's:
    /// the next sync neither overwrites it (the follow-up changed) nor removes it (done), and says
    /// so. Before: it was overwritten, then deleted.
    @Test func aFileOfDebriefsThatChangedIsTheUsers() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief, count: 1)
        let folder = debrief.root + "/calendars/debrief"
        #expect(try debrief.run(Self.sync + [folder, "--vdir"]).status == 0)
        let names = try Self.icsFiles(folder)
        try #require(names.count == 2)
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(text.contains("\r\nX-DEBRIEF-JOURNAL:"), "the file carries the journal's mark: \(text)")
            #expect(text.contains("\r\nX-DEBRIEF-WRITTEN:"))
        }
        // The phone moves the first one's time and adds a note: the file changes.
        let edited = folder + "/" + names[0]
        let phone = try String(contentsOfFile: edited, encoding: .utf8)
            .replacingOccurrences(of: "DUE;VALUE=DATE:20261201", with: "DUE;VALUE=DATE:20261203")
            .replacingOccurrences(of: "END:VTODO", with: "X-PHONE-NOTE:bring the slides\r\nEND:VTODO")
        try debrief.write(phone, to: edited)
        // The journal changes both follow-ups: the edited file is left, the other rewritten.
        let id = try #require(debrief.entryFiles().first.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        #expect(try debrief.run(["reschedule", id, "1", "2026-12-05"]).status == 0)
        #expect(try debrief.run(["reschedule", id, "2", "2026-12-06"]).status == 0)
        let second = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == phone, "the phone's edit was overwritten")
        #expect(second.stderr.contains("\(edited): changed since debrief wrote it"), "\(second.stderr)")
        #expect(second.stderr.hasSuffix("\(folder): 1 written, 0 removed, 0 unchanged, 1 left alone\n"), "\(second.stderr)")
        // Done: the unchanged one goes, the user's stays.
        #expect(try debrief.run(["done", id, "1"]).status == 0)
        #expect(try debrief.run(["done", id, "2"]).status == 0)
        let third = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(third.stderr.hasSuffix("\(folder): 0 written, 1 removed, 0 unchanged, 1 left alone\n"), "\(third.stderr)")
        #expect(try Self.icsFiles(folder) == [names[0]])
        #expect(try String(contentsOfFile: edited, encoding: .utf8) == phone)
    }

    /// A file named like one of debrief's, holding debrief's PRODID, that debrief did not write
    /// (no mark of this journal) is never overwritten nor removed; neither are hidden files and
    /// folders that merely look like debrief's temporaries, in a calendar folder or the folder of
    /// `export --output`. Before: the look-alike was overwritten or deleted, and the cleanup
    /// removed `.editor-99999-abcdef/` with its contents and `.mine.tmp-99999-1`.
    @Test func lookAlikesInAFolderDebriefDoesNotOwnAreLeftAlone() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief, count: 1)
        let folder = debrief.root + "/calendars/debrief"
        let probe = try debrief.run(["followups", "--format", "ics", "--ics-kind", "todo"])
        let uids = probe.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }.map { String($0.dropFirst(4)) }
        try #require(uids.count == 2)
        // One of debrief's names, with its PRODID, written by someone else; and a stranger.
        let lookAlike = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Debrief//Debrief follow-ups//EN\r\nBEGIN:VTODO\r\nUID:\(uids[0])\r\nSUMMARY:Mine\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        let stranger = lookAlike.replacingOccurrences(of: uids[0], with: "zzzzzzzz@debrief")
        try debrief.write(lookAlike, to: folder + "/\(uids[0]).ics")
        try debrief.write(stranger, to: folder + "/zzzzzzzz@debrief.ics")
        // Hidden things that look like temporaries, two hours old, their "process" long gone.
        let foreign = [folder + "/.editor-99999-abcdef", folder + "/.mine.tmp-99999-1", folder + "/.zzzzzzzz@debrief.ics.tmp-99999-1"]
        try debrief.write("someone's answer", to: foreign[0] + "/answer.md")
        try debrief.write("someone's file", to: foreign[1])
        try debrief.write("someone's file", to: foreign[2])
        // A stale temporary of a file debrief does write there is its own: removed.
        let own = folder + "/.\(uids[1]).ics.tmp-99999999-7"
        try debrief.write("half a calendar", to: own)
        for path in foreign + [own] { try Self.age(path, hours: 2) }

        let r = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: folder + "/\(uids[0]).ics", encoding: .utf8) == lookAlike, "a look-alike was overwritten")
        #expect(r.stderr.contains("\(folder)/\(uids[0]).ics: is not a file debrief wrote"), "\(r.stderr)")
        #expect(try String(contentsOfFile: folder + "/zzzzzzzz@debrief.ics", encoding: .utf8) == stranger, "a look-alike was removed")
        #expect(r.stderr.contains("zzzzzzzz@debrief.ics: holds debrief's PRODID but no mark"), "\(r.stderr)")
        for path in foreign { #expect(FileManager.default.fileExists(atPath: path), "removed: \(path)") }
        #expect(FileManager.default.fileExists(atPath: foreign[0] + "/answer.md"))
        #expect(!FileManager.default.fileExists(atPath: own), "its own stale temporary is left")
        #expect(r.stderr.hasSuffix("\(folder): 1 written, 0 removed, 0 unchanged, 2 left alone\n"), "\(r.stderr)")

        // The folder of `export --output FILE`: only that file's own temporaries go.
        let out = debrief.root + "/out"
        let exportForeign = [out + "/.editor-99999-abcdef", out + "/.mine.tmp-99999-1", out + "/.other.json.tmp-99999-2"]
        try debrief.write("someone's answer", to: exportForeign[0] + "/answer.md")
        try debrief.write("someone's file", to: exportForeign[1])
        try debrief.write("someone's file", to: exportForeign[2])
        let exportOwn = out + "/.export.json.tmp-99999999-3"
        try debrief.write("half an export", to: exportOwn)
        for path in exportForeign + [exportOwn] { try Self.age(path, hours: 2) }
        let exported = try debrief.run(["export", "--output", out + "/export.json"])
        #expect(exported.status == 0, "\(exported.stderr)")
        for path in exportForeign { #expect(FileManager.default.fileExists(atPath: path), "removed: \(path)") }
        #expect(!FileManager.default.fileExists(atPath: exportOwn))
    }

    /// Two journals kept in step into one folder keep each other's files: before, each sync
    /// removed the other's (24 a run here).
    @Test func twoJournalsShareOneFolder() throws {
        let debrief = try BinaryRunner()
        let second = debrief.root + "/second"
        try Self.seed(debrief, count: 12)
        try Self.seed(debrief, count: 12, journal: second, label: "B")
        let folder = debrief.root + "/calendars/shared"
        let a = try debrief.run(Self.sync + [folder, "--vdir"])
        let b = try debrief.run(Self.sync + [folder, "--vdir", "--journal", second])
        let again = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(a.stderr == "\(folder): 24 written, 0 removed, 0 unchanged\n")
        #expect(b.stderr == "\(folder): 24 written, 0 removed, 0 unchanged\n", "\(b.stderr)")
        #expect(again.stderr == "\(folder): 0 written, 0 removed, 24 unchanged\n", "\(again.stderr)")
        #expect(try Self.icsFiles(folder).count == 48)
        // Each journal's id is its own, and travels in the journal.
        let idA = try String(contentsOfFile: debrief.journal + "/.journal-id", encoding: .utf8)
        let idB = try String(contentsOfFile: second + "/.journal-id", encoding: .utf8)
        #expect(idA.count == 33 && idB.count == 33 && idA != idB)
        // Done in A: only A's file goes.
        let firstA = try #require(debrief.entryFiles().first.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension })
        #expect(try debrief.run(["done", firstA, "1"]).status == 0)
        #expect(try debrief.run(Self.sync + [folder, "--vdir", "--journal", second]).stderr == "\(folder): 0 written, 0 removed, 24 unchanged\n")
        #expect(try debrief.run(Self.sync + [folder, "--vdir"]).stderr == "\(folder): 0 written, 1 removed, 23 unchanged\n")
        #expect(try Self.icsFiles(folder).count == 47)
    }

    /// Two syncs of one folder at once take turns: neither fails, and the folder ends as one
    /// sync leaves it. Before: 74 ("No such file or directory") when both removed the same file.
    @Test func twoSyncsAtOnceTakeTurns() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief, count: 12)
        for round in 1...5 {
            let folder = debrief.root + "/calendars/round-\(round)"
            // Files to write (half of the 24 removed) and to remove (a copy of each of this
            // journal's files under a name it does not write), so both syncs want the same changes.
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            #expect(try debrief.run(Self.sync + [folder, "--vdir", "--all"]).status == 0)
            for (n, name) in try Self.icsFiles(folder).enumerated() {
                try FileManager.default.copyItem(atPath: folder + "/" + name, toPath: folder + "/stale-\(n)@debrief.ics")
                if n % 2 == 0 { try FileManager.default.removeItem(atPath: folder + "/" + name) }
            }
            nonisolated(unsafe) let runner = debrief
            let results = Locked<[Int: BinaryRunner.Result]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                let result = try? runner.run(Self.sync + [folder, "--vdir", "--all"], timeout: 60)
                results.withLock { $0[side] = result }
            }
            for side in 0..<2 {
                let r = results.withLock { $0[side] }
                #expect(r?.status == 0, "round \(round), side \(side): \(r?.stderr ?? "did not run")")
            }
            #expect(try Self.icsFiles(folder).count == 24, "round \(round)")
        }
    }

    /// Files written by a debrief before the mark, unchanged, are taken over (rewritten with the
    /// mark); one whose follow-up is gone is reported, not removed: nothing proves it is debrief's.
    @Test func filesOfAnEarlierDebriefAreTakenOverOnlyWhenUnchanged() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief, count: 1)
        let folder = debrief.root + "/calendars/debrief"
        #expect(try debrief.run(Self.sync + [folder, "--vdir"]).status == 0)
        // Strip the marks, as the files an earlier debrief wrote.
        for name in try Self.icsFiles(folder) {
            let path = folder + "/" + name
            let text = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\r\n")
                .filter { !$0.hasPrefix("X-DEBRIEF-") }.joined(separator: "\r\n")
            try debrief.write(text, to: path)
        }
        let taken = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(taken.stderr == "\(folder): 2 written, 0 removed, 0 unchanged\n", "\(taken.stderr)")
        for name in try Self.icsFiles(folder) {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8).contains("X-DEBRIEF-JOURNAL:"))
        }
        #expect(try debrief.run(Self.sync + [folder, "--vdir"]).stderr == "\(folder): 0 written, 0 removed, 2 unchanged\n")
    }

    /// A `.journal-id` that does not hold an id debrief wrote is refused, never replaced.
    @Test func aDamagedJournalIdIsRefusedNotReplaced() throws {
        let debrief = try BinaryRunner()
        try Self.seed(debrief, count: 1)
        try debrief.write("my notes\n", to: debrief.journal + "/.journal-id")
        let r = try debrief.run(Self.sync + [debrief.root + "/cal", "--vdir"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("\(debrief.journal)/.journal-id: does not hold a journal id"))
        #expect(try String(contentsOfFile: debrief.journal + "/.journal-id", encoding: .utf8) == "my notes\n")
    }
}
