#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// The safety suite for entries reached by more than one name (issue 19): a hard-linked entry and
/// an entry that is a symbolic link are read and counted once, and every write refuses them
/// (exit 65, naming the file and why) instead of splitting the entry in two or replacing the link
/// with a copy; `doctor` explains them.
@Suite struct LinkedEntrySafetyTests {
    static let entry = """
    title: Coffee with Ana
    date: 2026-11-13 09:00
    people:
      - name: Ana Li
    follow-ups:
      - who: Ana Li
        action: Send the deck
        due: 2026-11-13
    """

    /// `ln E.md zz-copy.md; debrief done E 1`: before, the write split the entry (listed twice,
    /// the stale copy's follow-up 13 days overdue). Now every write is refused and nothing changes.
    @Test func aHardLinkedEntryIsReadOnceAndNeverWritten() throws {
        let debrief = try BinaryRunner()
        let (id, path) = try debrief.add(Self.entry)
        let copy = (path as NSString).deletingLastPathComponent + "/zz-copy.md"
        try #require(link(path, copy) == 0)
        let before = try BinaryRunner.bytes(path)
        for args in [["done", id, "1"], ["reschedule", id, "1", "2026-12-01"], ["undone", id, "1"],
                     ["people", "rename", "Ana Li", "Ana Lima"]] {
            let r = try debrief.run(args)
            #expect(r.status == 65, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("\(path): the same file under 2 names (hard links)"), "\(args): \(r.stderr)")
            #expect(try BinaryRunner.bytes(path) == before, "\(args) changed the entry")
            var st = stat()
            #expect(stat(path, &st) == 0 && st.st_nlink == 2, "\(args) split the entry")
        }
        let list = try debrief.run(["list", "--format", "json"])
        #expect(try BinaryRunner.objects(list.stdout).count == 1, "counted once")
        let followUps = try debrief.run(["followups", "--overdue"])
        #expect(followUps.stdout.components(separatedBy: "Send the deck").count == 2, "one follow-up: \(followUps.stdout)")
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("\(path):1: the same file under 2 names (hard links); debrief reads it once but does not write it"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("\(copy):1: the same file as \(path)"))
        // With one name again, writes work.
        try #require(unlink(copy) == 0)
        #expect(try debrief.run(["done", id, "1"]).status == 0)
    }

    /// An entry that is a symbolic link to a file outside the journal: before, a write replaced
    /// the link with a copy, so the file outside stopped receiving changes.
    @Test func aSymlinkedEntryIsReadAndNeverWrittenThrough() throws {
        let debrief = try BinaryRunner()
        let (id, path) = try debrief.add(Self.entry)
        let outside = debrief.root + "/elsewhere/coffee.md"
        try FileManager.default.createDirectory(atPath: debrief.root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: path, toPath: outside)
        try #require(symlink(outside, path) == 0)
        let before = try BinaryRunner.bytes(outside)
        for args in [["done", id, "1"], ["reschedule", id, "1", "2026-12-01"], ["people", "rename", "Ana Li", "Ana Lima"]] {
            let r = try debrief.run(args)
            #expect(r.status == 65, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("\(path): a symbolic link to \(outside); debrief reads it but does not write through a link"), "\(r.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == outside, "\(args) replaced the link")
            #expect(try BinaryRunner.bytes(outside) == before)
        }
        #expect(try BinaryRunner.objects(try debrief.run(["list", "--format", "json"]).stdout).count == 1)
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 1)
        #expect(doctor.stdout.contains("\(path):1: a symbolic link to \(outside)"), "\(doctor.stdout)")
    }

    /// A second name outside the journal (a backup made with `cp -l`) counts as well.
    @Test func aHardLinkOutsideTheJournalIsRefusedToo() throws {
        let debrief = try BinaryRunner()
        let (id, path) = try debrief.add(Self.entry)
        try #require(link(path, debrief.root + "/backup.md") == 0)
        let r = try debrief.run(["done", id, "1"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("hard links"))
        #expect(try debrief.run(["doctor"]).stdout.contains("\(path):1: the same file under 2 names"))
    }
}
