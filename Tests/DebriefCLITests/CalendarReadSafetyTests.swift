#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The calendar door (issue 20): calendars come from outside (a sync tool, an export, a shared
/// folder) and are hostile until checked. Every hostile file is reported by `doctor`, left
/// untouched, and never hangs `pending`; two runs at once give the same answer.
@Suite struct CalendarReadSafetyTests {
    static func lunch(_ uid: String = "lunch", summary: String = "Lunch with Marc") -> String {
        PendingCLITests.calendar(PendingCLITests.event(uid, summary, start: "20261124T120000", end: "20261124T130000",
                                                       ["ATTENDEE;CN=Marc Weber:mailto:marc@example.com"]))
    }

    /// Everything in `folder`, as (relative path, bytes or link target), to prove nothing changed.
    static func snapshot(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for sub in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            let path = folder + "/" + sub
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFLNK: out[sub] = "link → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            case S_IFREG: out[sub] = "\(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) \(st.st_mode)"
            default: out[sub] = "type \(st.st_mode & S_IFMT)"
            }
        }
        return out
    }

    @Test func hostileFilesAreReportedUntouchedAndNeverHang() throws {
        let debrief = try BinaryRunner()
        let vdir = debrief.root + "/calendars/vdir"
        try debrief.write(Self.lunch(), to: vdir + "/lunch.ics")
        // A FIFO nobody writes to, a link to a device, a loop, a link to nothing.
        #expect(mkfifo(vdir + "/fifo.ics", 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: vdir + "/zero.ics", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: vdir + "/loop.ics", withDestinationPath: vdir + "/loop.ics")
        try FileManager.default.createSymbolicLink(atPath: vdir + "/gone.ics", withDestinationPath: vdir + "/nothing-here")
        // A link to a folder is not followed (a loop of folders would never end).
        try FileManager.default.createSymbolicLink(atPath: vdir + "/up", withDestinationPath: debrief.root + "/calendars")
        // 40 MB (sparse): over the limit.
        let huge = FileManager.default.createFile(atPath: vdir + "/huge.ics", contents: nil)
        #expect(huge && truncate(vdir + "/huge.ics", 40 << 20) == 0)
        // A summary folded 400,000 times (2.4 MB), and components nested 100,000 deep.
        let folded = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:folded\r\nDTSTART:20261124T090000Z\r\nDTEND:20261124T100000Z\r\n"
            + "ATTENDEE:mailto:x@example.com\r\nSUMMARY:Coffee" + String(repeating: "\r\n x", count: 400_000)
            + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try debrief.write(folded, to: vdir + "/folded.ics")
        let deep = "BEGIN:VCALENDAR\r\n" + String(repeating: "BEGIN:VEVENT\r\n", count: 100_000) + "END:VCALENDAR\r\n"
        try debrief.write(deep, to: vdir + "/deep.ics")
        // Binary garbage, an escape code in a summary, a summary of NULs.
        try debrief.write(String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, as: UTF8.self), to: vdir + "/garbage.ics")
        try debrief.write(Self.lunch("escape", summary: "Lunch \u{1B}]0;pwned\u{07}\u{1B}[2J with Marc"), to: vdir + "/escape.ics")
        try PendingCLITests.configureDefault(debrief, calendars: [vdir])
        let before = try Self.snapshot(debrief.root + "/calendars")

        let start = Date()
        let pending = try debrief.run(["pending"], timeout: 60)
        #expect(!pending.timedOut)
        #expect(pending.status == 0, "\(pending.stderr)")
        #expect(pending.stdout.contains("Lunch with Marc"))
        #expect(pending.stdout.contains("Coffeexxx"))
        // The escape code is shown, not obeyed.
        #expect(!pending.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(pending.stdout)")
        #expect(pending.stderr.contains("could not be read"), "\(pending.stderr)")
        let doctor = try debrief.run(["doctor"], timeout: 60)
        #expect(!doctor.timedOut)
        #expect(doctor.status == 1)
        for name in ["fifo.ics", "zero.ics", "loop.ics", "gone.ics", "huge.ics", "deep.ics"] {
            #expect(doctor.stdout.contains(vdir + "/" + name + ":"), "\(name) named: \(doctor.stdout)")
        }
        #expect(!doctor.stdout.contains("/up/"), "a link to a folder is not followed")
        #expect(Date().timeIntervalSince(start) < 50)
        // Read, never written, never removed; the FIFO was never opened for writing either.
        #expect(try Self.snapshot(debrief.root + "/calendars") == before)
        // Warm: the same answer from the index.
        let again = try debrief.run(["pending"])
        #expect(again.stdout == pending.stdout)
    }

    /// A calendar folder inside the journal (even the journal itself as a calendar), holding
    /// debrief's own follow-up files: read as events except debrief's own; the journal is unchanged.
    @Test func aCalendarFolderInsideTheJournal() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Coffee\ndate: 2026-11-20 15:30\nfollow-ups:\n  - who: Jonas\n    action: Send the link\n    due: 2026-11-27\n")
        let vdir = debrief.journal + "/calendars/work"
        try debrief.write(Self.lunch(), to: vdir + "/lunch.ics")
        let sync = try debrief.run(["followups", "--format", "ics", "--output", vdir, "--vdir"])
        #expect(sync.status == 0, "\(sync.stderr)")
        try PendingCLITests.configureDefault(debrief, calendars: [debrief.journal, vdir])
        let before = try Self.snapshot(debrief.journal)
        let r = try debrief.run(["pending", "--days", "30", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try PendingCLITests.keys(r) == ["lunch"])
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stderr.contains("calendars: 1 file read, 1 event (1 file of debrief's own follow-ups left out), 0 problems"), "\(doctor.stderr)")
        #expect(try Self.snapshot(debrief.journal) == before)
    }

    /// Two `pending` at once over a cold cache of 300 files, then a skip racing a third: every run
    /// answers what the files say, and the skip lands.
    @Test func twoRunsAtOnce() throws {
        let debrief = try BinaryRunner()
        let vdir = debrief.root + "/calendars/vdir"
        for i in 0..<300 {
            let day = 10 + i % 15
            try debrief.write(PendingCLITests.calendar(PendingCLITests.event("e\(i)", "Coffee \(i)", start: "202611\(day)T0900\(String(format: "%02d", i % 60))",
                                                                            end: "202611\(day)T100000", ["ATTENDEE:mailto:p\(i)@example.com"])),
                              to: vdir + "/e\(i).ics")
        }
        try PendingCLITests.configureDefault(debrief, calendars: [vdir])
        let expected = try debrief.run(["pending", "--days", "30", "--format", "json"], env: ["DEBRIEF_INDEX": "off"])
        #expect(try PendingCLITests.keys(expected).count == 300)
        nonisolated(unsafe) let runner = debrief
        let results = Locked<[BinaryRunner.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            if let r = try? runner.run(["pending", "--days", "30", "--format", "json"]) { results.withLock { $0.append(r) } }
        }
        #expect(results.withLock { $0.count } == 2)
        for r in results.withLock({ $0 }) {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == expected.stdout)
        }
        let raced = Locked<[BinaryRunner.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let args = side == 0 ? ["pending", "skip", "e7"] : ["pending", "--days", "30", "--format", "json"]
            if let r = try? runner.run(args) { raced.withLock { $0.append(r) } }
        }
        #expect(raced.withLock { $0.allSatisfy { $0.status == 0 } })
        let after = try debrief.run(["pending", "--days", "30", "--format", "json"])
        #expect(try PendingCLITests.keys(after).count == 299)
        #expect(try !PendingCLITests.keys(after).contains("e7"))
    }
}
