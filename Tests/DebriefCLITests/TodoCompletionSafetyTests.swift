#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The door a ticked to-do opens (issue 20): a file in a calendar folder that makes debrief mark a
/// follow-up done. Only debrief's own file, changed only by the completion, whole and plainly in
/// the folder, is taken; anything else is reported and left as it is, and the journal unchanged.
/// The ticks here are made by hand the way todoman 4.7 writes them (TodoRoundTripTests runs
/// todoman itself), so these run without Python.
@Suite struct TodoCompletionSafetyTests {
    static let sync = TodoRoundTripTests.sync

    /// A journal of one entry with `count` open follow-ups ("Ana: Task N", due 2026-11-27 + N),
    /// synced into a vdir: the entry's id and path, the folder and the files (by N, from 1).
    static func setUp(_ debrief: BinaryRunner, count: Int) throws -> (id: String, path: String, folder: String, files: [String]) {
        let rows = (1...count).map { "{\"who\": \"Ana\", \"action\": \"Task \($0)\", \"due\": \"2026-12-\(String(format: "%02d", $0))\"}" }
        let (id, path) = try debrief.add("{\"title\": \"Lunch\", \"date\": \"2026-11-24T12:00\", \"follow-ups\": [\(rows.joined(separator: ","))]}")
        let folder = debrief.root + "/calendars/debrief"
        try #require(try debrief.run(sync + [folder, "--vdir"]).status == 0)
        var files: [String] = []
        for n in 1...count {
            files.append(try #require(try TodoRoundTripTests.icsFiles(folder).map { folder + "/" + $0 }
                .first { try TodoRoundTripTests.read($0).contains("SUMMARY:Ana: Task \(n)\r\n") }))
        }
        return (id, path, folder, files)
    }

    /// What todoman writes when the to-do is ticked: the completion set, other lines kept.
    static func ticked(_ text: String, completed: String = "COMPLETED:20261126T083000Z") -> String {
        text.replacingOccurrences(of: "STATUS:NEEDS-ACTION\r\n", with:
            "\(completed)\r\nLAST-MODIFIED:20261126T083000Z\r\nPERCENT-COMPLETE:100\r\nSEQUENCE:2\r\nSTATUS:COMPLETED\r\n")
    }

    /// Unfolded lines (CRLF) of a calendar text.
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// Folded at `width` with a tab, LF line ends: another writer's layout.
    static func refolded(_ lines: [String], width: Int) -> String {
        lines.map { line -> String in
            var out = "", rest = Substring(line)
            while rest.count > width {
                out += rest.prefix(width) + "\n\t"
                rest = rest.dropFirst(width)
            }
            return out + rest + "\n"
        }.joined()
    }

    /// The to-do's lines sorted by name (icalendar 7's order), the calendar's kept.
    static func sortedToDo(_ lines: [String]) -> [String] {
        guard let begin = lines.firstIndex(of: "BEGIN:VTODO"), let end = lines.firstIndex(of: "END:VTODO") else { return lines }
        return Array(lines[...begin]) + lines[(begin + 1)..<end].sorted() + Array(lines[end...])
    }

    /// Rewrites a reader must take as the same to-do (line ends, folds, order, escaping, PRODID,
    /// CALSCALE) are taken; any other change (an X- property, an alarm, the due day, a priority, a
    /// summary, a description's escaping that changes its text) makes the file the user's.
    @Test func onlyTheCompletionIsTaken() throws {
        let debrief = try BinaryRunner()
        let (id, path, folder, files) = try Self.setUp(debrief, count: 12)
        let texts = try files.map { try TodoRoundTripTests.read($0) }
        let benign: [(String) -> String] = [
            { Self.ticked($0) },
            { Self.refolded(Self.sortedToDo(Self.unfolded(Self.ticked($0))), width: 60) },
            // Folded at 30, the mark's lines too. Before: read as "written by another journal
            // (745727af631e)", the id cut at the fold, and not taken.
            { Self.refolded(Self.unfolded(Self.ticked($0)), width: 30) },
            { Self.ticked($0).replacingOccurrences(of: "\\n", with: "\\N")
                .replacingOccurrences(of: "PRODID:-//Debrief//Debrief follow-ups//EN", with: "PRODID:-//Nextcloud Tasks//EN")
                .replacingOccurrences(of: "CALSCALE:GREGORIAN\r\n", with: "") },
            { Self.ticked($0).replacingOccurrences(of: "DUE;VALUE=DATE:", with: "due;value=\"DATE\":") },
        ]
        let hostile: [(String, (String) -> String)] = [
            ("X-MOZ-SNOOZE", { Self.ticked($0).replacingOccurrences(of: "END:VTODO", with: "X-MOZ-SNOOZE:20261201T000000Z\r\nEND:VTODO") }),
            ("VALARM", { Self.ticked($0).replacingOccurrences(of: "END:VTODO", with: "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\nEND:VTODO") }),
            ("DUE", { Self.ticked($0).replacingOccurrences(of: "DUE;VALUE=DATE:202612", with: "DUE;VALUE=DATE:202701") }),
            ("PRIORITY", { Self.ticked($0).replacingOccurrences(of: "SEQUENCE:2", with: "PRIORITY:1\r\nSEQUENCE:2") }),
            ("SUMMARY", { Self.ticked($0).replacingOccurrences(of: ": Task", with: ": Task (urgent)") }),
            ("DESCRIPTION", { Self.ticked($0).replacingOccurrences(of: "\\nMark it", with: "\\\\nMark it") }),
            ("VERSION", { Self.ticked($0).replacingOccurrences(of: "VERSION:2.0", with: "VERSION:2.1") }),
        ]
        for (n, rewrite) in benign.enumerated() { try debrief.write(rewrite(texts[n]), to: files[n]) }
        for (k, (_, rewrite)) in hostile.enumerated() { try debrief.write(rewrite(texts[benign.count + k]), to: files[benign.count + k]) }
        let hostileBytes = try hostile.indices.map { try TodoRoundTripTests.read(files[benign.count + $0]) }

        let r = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(r.status == 0)
        var expected = ""
        // In the folder's order (by file name), as the files are looked at.
        expected += (1...benign.count).sorted { files[$0 - 1] < files[$1 - 1] }.map { n in
            "Done on 2026-11-26 (ticked in a to-do app, \((files[n - 1] as NSString).lastPathComponent)): Ana: Task \(n) (\(id) \(n)).\n"
        }.joined()
        let refusals = hostile.enumerated().map { k, h in
            (files[benign.count + k], "\(files[benign.count + k]): ticked done in a to-do app, but also changed there (\(h.0)), so it is yours now; "
                + "left alone: mark it done with `debrief done \(id) \(benign.count + k + 1)`\n")
        }.sorted { $0.0 < $1.0 }.map(\.1).joined()
        expected += refusals + "\(folder): 0 written, \(benign.count) removed, 0 unchanged, \(hostile.count) left alone\n"
        #expect(r.stderr == expected, "\(r.stderr)")
        let entry = try TodoRoundTripTests.read(path)
        for n in 1...benign.count { #expect(entry.contains("action: Task \(n)\n    due: 2026-12-\(String(format: "%02d", n))\n    done: 2026-11-26\n"), "\(n)") }
        #expect(entry.components(separatedBy: "done:").count - 1 == benign.count)
        for (k, bytes) in hostileBytes.enumerated() { #expect(try TodoRoundTripTests.read(files[benign.count + k]) == bytes) }
        for n in 0..<benign.count { #expect(!FileManager.default.fileExists(atPath: files[n])) }
    }

    /// The COMPLETED date decides the day, and only a readable one up to today is taken: garbage,
    /// a day after today, none at all, or a terminal escape in it are refused and reported
    /// (control characters not printed); a TZID'd or all-day value is read in its zone.
    @Test func theCompletedDateMustReadAndBePast() throws {
        let debrief = try BinaryRunner()
        let (id, path, folder, files) = try Self.setUp(debrief, count: 6)
        let values = ["COMPLETED:yesterday", "COMPLETED:20261127T083000Z", "X-NOTE:none", "COMPLETED:2026\u{1B}]0;pwned\u{07}1126",
                      "COMPLETED;TZID=America/Los_Angeles:20261125T200000", "COMPLETED;VALUE=DATE:20261124"]
        for (n, value) in values.enumerated() {
            try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[n]), completed: value), to: files[n])
        }
        let before = try files.prefix(4).map { try TodoRoundTripTests.read($0) }
        let r = try debrief.run(Self.sync + [folder, "--vdir"])
        let name = { (n: Int) in (files[n] as NSString).lastPathComponent }
        #expect(r.stderr.contains("Done on 2026-11-26 (ticked in a to-do app, \(name(4))): Ana: Task 5 (\(id) 5).\n"), "\(r.stderr)")
        #expect(r.stderr.contains("Done on 2026-11-24 (ticked in a to-do app, \(name(5))): Ana: Task 6 (\(id) 6).\n"), "\(r.stderr)")
        #expect(r.stderr.contains("\(files[0]): ticked done in a to-do app, but its COMPLETED date “yesterday” does not read; left alone: mark it done with `debrief done \(id) 1 --on DATE`\n"), "\(r.stderr)")
        #expect(r.stderr.contains("\(files[1]): ticked done in a to-do app, but its COMPLETED date 2026-11-27 is after today (2026-11-26); left alone: mark it done with `debrief done \(id) 2 --on DATE`\n"), "\(r.stderr)")
        // The X- property added makes the file the user's before its missing date is looked at.
        #expect(r.stderr.contains("\(files[2]): ticked done in a to-do app, but also changed there (X-NOTE)"), "\(r.stderr)")
        #expect(r.stderr.contains("\(files[3]): ticked done in a to-do app, but its COMPLETED date “2026"), "\(r.stderr)")
        #expect(!r.stderr.contains("\u{1B}") && !r.stderr.contains("\u{07}"), "a control character reached the terminal")
        #expect(r.stderr.hasSuffix("\(folder): 0 written, 2 removed, 0 unchanged, 4 left alone\n"), "\(r.stderr)")
        for n in 0..<4 { #expect(try TodoRoundTripTests.read(files[n]) == before[n]) }
        let entry = try TodoRoundTripTests.read(path)
        #expect(entry.components(separatedBy: "done:").count - 1 == 2, "\(entry)")
    }

    /// `export --format ics --ics-kind todo --vdir` keeps a folder the same way and takes a tick
    /// the same way: one rule for both commands (CalendarOutput).
    @Test func exportTakesATickToo() throws {
        let debrief = try BinaryRunner()
        let (id, path, folder, files) = try Self.setUp(debrief, count: 2)
        try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[1])), to: files[1])
        let r = try debrief.run(["export", "--format", "ics", "--ics-kind", "todo", "--output", folder, "--vdir"])
        #expect(r.stderr == "Done on 2026-11-26 (ticked in a to-do app, \((files[1] as NSString).lastPathComponent)): Ana: Task 2 (\(id) 2).\n"
                + "\(folder): 0 written, 1 removed, 1 unchanged\n", "\(r.stderr)")
        #expect(try TodoRoundTripTests.read(path).contains("action: Task 2\n    due: 2026-12-02\n    done: 2026-11-26\n"))
        #expect(try TodoRoundTripTests.icsFiles(folder).map { folder + "/" + $0 } == [files[0]])
    }

    /// A ticked file that is the user's (a priority added) keeps being reported, but once the user
    /// marked the follow-up done as told, the report says so instead of telling them again.
    /// Before: "mark it done with `debrief done ID 1`" after every sync, done or not (seen trying
    /// it as a new user with todoman).
    @Test func aUsersFileSaysWhenItsFollowUpIsDone() throws {
        let debrief = try BinaryRunner()
        let (id, _, folder, files) = try Self.setUp(debrief, count: 1)
        let text = Self.ticked(try TodoRoundTripTests.read(files[0])).replacingOccurrences(of: "SEQUENCE:2", with: "PRIORITY:4\r\nSEQUENCE:2")
        try debrief.write(text, to: files[0])
        let first = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(first.stderr.hasPrefix("\(files[0]): ticked done in a to-do app, but also changed there (PRIORITY), so it is yours now; "
                                       + "left alone: mark it done with `debrief done \(id) 1`\n"), "\(first.stderr)")
        #expect(try debrief.run(["done", id, "1"]).status == 0)
        let second = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(second.stderr == "\(files[0]): ticked done in a to-do app, but also changed there (PRIORITY), so it is yours now; "
                + "left alone: its follow-up is done in the journal (2026-11-26); delete the file when you no longer need it\n"
                + "\(folder): 0 written, 0 removed, 0 unchanged, 1 left alone\n", "\(second.stderr)")
        #expect(try TodoRoundTripTests.read(files[0]) == text)
    }

    /// A ticked file without its COMPLETED line (apps may omit it) is refused, not guessed.
    @Test func aTickWithoutADateIsRefused() throws {
        let debrief = try BinaryRunner()
        let (id, path, folder, files) = try Self.setUp(debrief, count: 1)
        let text = Self.ticked(try TodoRoundTripTests.read(files[0])).replacingOccurrences(of: "COMPLETED:20261126T083000Z\r\n", with: "")
        try debrief.write(text, to: files[0])
        let entry = try TodoRoundTripTests.read(path)
        let r = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(r.stderr == "\(files[0]): ticked done in a to-do app without a COMPLETED date; left alone: mark it done with `debrief done \(id) 1 --on DATE`\n"
                + "\(folder): 0 written, 0 removed, 0 unchanged, 1 left alone\n", "\(r.stderr)")
        #expect(try TodoRoundTripTests.read(path) == entry)
        #expect(try TodoRoundTripTests.read(files[0]) == text)
    }

    /// A ticked file in the folder as a symlink (the real one elsewhere), as a file with a second
    /// hard link, or as a copy under another name is not taken: the journal is unchanged and the
    /// files, link and target are left as they are. A foreign to-do (todoman's own, ticked) is
    /// never read as debrief's.
    @Test func linkedCopiedAndForeignTicksAreNotTaken() throws {
        let debrief = try BinaryRunner()
        let (id, path, folder, files) = try Self.setUp(debrief, count: 3)
        let outside = debrief.root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        // 1: the ticked file moved out, a symlink in its place.
        let target = outside + "/ticked.ics"
        try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[0])), to: target)
        try FileManager.default.removeItem(atPath: files[0])
        try FileManager.default.createSymbolicLink(atPath: files[0], withDestinationPath: target)
        // 2: ticked, with a second hard link outside the folder.
        try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[1])), to: files[1])
        #expect(link(files[1], outside + "/hard.ics") == 0)
        // 3: a ticked copy under another name; the original stays open.
        let copy = folder + "/copy-of-task-3.ics"
        try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[2])), to: copy)
        // A foreign to-do, ticked, in todoman's layout.
        let foreign = try debrief.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:nl.whynothugo.todoman\r\nBEGIN:VTODO\r\nUID:1dcb7bf6@vm\r\n"
            + "SUMMARY:Ana: Task 1\r\nSTATUS:COMPLETED\r\nCOMPLETED:20261126T083000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", to: folder + "/1dcb7bf6@vm.ics")
        let entry = try TodoRoundTripTests.read(path)
        let snapshot = try [target, files[1], copy, foreign].map { try TodoRoundTripTests.read($0) }
        let r = try debrief.run(Self.sync + [folder, "--vdir"])
        #expect(r.status == 0)
        let expected = """
        \(copy): ticked done in a to-do app, but it is a copy of debrief's file for \((files[2] as NSString).lastPathComponent) under another name; left alone: mark it done with `debrief done \(id) 3`
        \(files[0]): is not a regular file; left alone
        \(files[1]): ticked done in a to-do app, but the file has 2 hard links, so debrief neither takes it nor removes it; left alone: mark it done with `debrief done \(id) 2`
        \(folder): 0 written, 0 removed, 1 unchanged, 3 left alone

        """
        #expect(expected.split(separator: "\n").sorted() == r.stderr.split(separator: "\n").sorted(), "\(r.stderr)")
        #expect(try TodoRoundTripTests.read(path) == entry)
        #expect(try [target, files[1], copy, foreign].map { try TodoRoundTripTests.read($0) } == snapshot)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: files[0]) == target)
    }

    /// Two syncs at once with one ticked to-do: exactly one marks it done (the other finds the
    /// file gone, or the follow-up done), the entry holds one `done:`, both exit 0, and the file
    /// stays gone. Before: the sync that waited for the folder wrote the to-do back, open, from
    /// the journal it had read before the other took the tick (1 round in 3 in the whole suite).
    @Test func twoRunsAtOnceTakeOneTickOnce() throws {
        let debrief = try BinaryRunner()
        for round in 1...3 {
            let (_, path, folder, files) = try Self.setUp(debrief, count: 1)
            try debrief.write(Self.ticked(try TodoRoundTripTests.read(files[0])), to: files[0])
            nonisolated(unsafe) let runner = debrief
            let results = Locked<[Int: BinaryRunner.Result]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                let result = try? runner.run(Self.sync + [folder, "--vdir"], timeout: 60)
                results.withLock { $0[side] = result }
            }
            let both = (0..<2).compactMap { side in results.withLock { $0[side] } }
            #expect(both.count == 2 && both.allSatisfy { $0.status == 0 }, "round \(round): \(both.map(\.stderr))")
            #expect(both.map { $0.stderr.components(separatedBy: "Done on 2026-11-26").count - 1 }.reduce(0, +) == 1, "round \(round): \(both.map(\.stderr))")
            #expect(try TodoRoundTripTests.read(path).components(separatedBy: "done:").count - 1 == 1)
            let left = (try? TodoRoundTripTests.read(files[0])).map { Self.unfolded($0).filter { $0.hasPrefix("STATUS") } } ?? []
            #expect(left.isEmpty, "round \(round): the ticked file was written back (\(left)): \(both.map(\.stderr))")
            try FileManager.default.removeItem(atPath: folder)
        }
    }

    /// A ticked file grown huge (a 6 MB property, a description of 200,000 folded lines) or malformed (a
    /// line without a colon, an unclosed component) is refused quickly and left as it is.
    @Test func hugeAndMalformedTicksAreRefused() throws {
        let debrief = try BinaryRunner()
        let (_, path, folder, files) = try Self.setUp(debrief, count: 4)
        let texts = try files.map { Self.ticked(try TodoRoundTripTests.read($0)) }
        let huge = texts[0].replacingOccurrences(of: "END:VTODO", with: "X-BLOB:" + String(repeating: "a", count: 6 << 20) + "\r\nEND:VTODO")
        let folds = texts[1].replacingOccurrences(of: "\r\nX-DEBRIEF-JOURNAL", with: String(repeating: "\r\n x", count: 200_000) + "\r\nX-DEBRIEF-JOURNAL")
        let noColon = texts[2].replacingOccurrences(of: "SEQUENCE:2\r\n", with: "SEQUENCE:2\r\nGARBAGE LINE\r\n")
        let unclosed = texts[3].replacingOccurrences(of: "END:VTODO\r\n", with: "")
        for (n, text) in [huge, folds, noColon, unclosed].enumerated() { try debrief.write(text, to: files[n]) }
        let entry = try TodoRoundTripTests.read(path)
        let r = try debrief.run(Self.sync + [folder, "--vdir"], timeout: 60)
        #expect(r.status == 0 && !r.timedOut, "\(r.stderr)")
        #expect(r.stderr.contains("\(files[0]): ticked done in a to-do app, but also changed there (X-BLOB)"), "\(r.stderr.prefix(2000))")
        #expect(r.stderr.contains("\(files[1]): ticked done in a to-do app, but also changed there (DESCRIPTION)"), "\(r.stderr.prefix(2000))")
        #expect(r.stderr.contains("\(files[2]): ticked done in a to-do app, but line "), "\(r.stderr.prefix(2000))")
        #expect(r.stderr.contains("\(files[3]): ticked done in a to-do app, but line "), "\(r.stderr.prefix(2000))")
        #expect(r.stderr.hasSuffix("\(folder): 0 written, 0 removed, 0 unchanged, 4 left alone\n"), "\(r.stderr.suffix(300))")
        #expect(try TodoRoundTripTests.read(path) == entry)
        for (n, text) in [huge, folds, noColon, unclosed].enumerated() { #expect(try TodoRoundTripTests.read(files[n]) == text, "\(n)") }
    }
}
