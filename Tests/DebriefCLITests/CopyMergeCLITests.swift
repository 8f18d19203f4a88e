import Foundation
import Testing

/// `debrief doctor --merge`: a sync-conflict copy (Syncthing's, Dropbox's) merged into its
/// original by the built binary, as a user of a synced journal would run it.
@Suite("Sync-conflict copies")
struct CopyMergeCLITests {
    static let id = "2026-11-24-1830-swift-meetup-berlin"
    static let answers = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    purpose: Meet two people who run Swift on the server
    follow-ups:
      - who: Ana Li
        action: Send the benchmark link
        due: 2026-11-27
      - who: Ben
        action: Intro to Carla
        due: 2026-11-28

    """

    /// A journal where two devices changed the entry before Syncthing synced: the original holds
    /// the desktop's version (second follow-up done, saved 10:30), the copy the laptop's (first
    /// follow-up rescheduled, saved 10:00).
    static func journal(copyName: String = "\(id).sync-conflict-20261126-103000-ABCDEFG.md") throws -> (BinaryRunner, String, String) {
        let debrief = try BinaryRunner()
        // Written the evening of the meetup, so the move two days later is a postponement (within
        // a day of writing it, it would be a correction: docs/FORMAT.md, "Follow-up rows").
        let added = try debrief.add(answers, env: ["DEBRIEF_NOW": "2026-11-24T21:00:00+01:00"])
        let original = added.path
        let base = try BinaryRunner.bytes(original)
        #expect(try debrief.run(["reschedule", id, "1", "2026-12-04"], env: ["DEBRIEF_NOW": "2026-11-26T10:00:00+01:00"]).status == 0)
        let laptop = try BinaryRunner.bytes(original)
        try base.write(to: URL(fileURLWithPath: original))
        #expect(try debrief.run(["done", id, "2"], env: ["DEBRIEF_NOW": "2026-11-26T10:30:00+01:00"]).status == 0)
        let copy = (original as NSString).deletingLastPathComponent + "/" + copyName
        try laptop.write(to: URL(fileURLWithPath: copy))
        return (debrief, original, copy)
    }

    @Test("A Syncthing copy: doctor names it; --dry-run lists the merge and writes nothing; --merge merges, trashes the copy")
    func syncthing() throws {
        let (debrief, original, copy) = try Self.journal()
        let before = try BinaryRunner.bytes(original), copyBytes = try BinaryRunner.bytes(copy)
        let doctor = try debrief.run(["doctor"])
        #expect(doctor.status == 1 && doctor.stdout.contains("a sync-conflict copy of \(original)"))
        let dry = try debrief.run(["doctor", "--merge", "--dry-run"])
        #expect(dry.stdout.contains("\(copy) → \(original)"))
        #expect(dry.stdout.contains("decided: `follow-ups` Ana Li: Send the benchmark link: due/done/first-due/postponed: took the copy's"), "\(dry.stdout)")
        #expect(dry.stdout.contains("+     first-due: 2026-11-27") || dry.stdout.contains("first-due: 2026-11-27"), "\(dry.stdout)")
        #expect(dry.stderr.contains("nothing written (--dry-run)"))
        #expect(try BinaryRunner.bytes(original) == before)
        #expect(try BinaryRunner.bytes(copy) == copyBytes)

        let merged = try debrief.run(["doctor", "--merge"])
        #expect(merged.status == 0, "\(merged.stdout)\(merged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy))
        let trashed = debrief.journal + "/trash/" + (copy as NSString).lastPathComponent
        #expect(try BinaryRunner.bytes(trashed) == copyBytes)
        let json = try BinaryRunner.objects(try debrief.run(["followups", "--all", "--format", "json"]).stdout)
        let byWho = Dictionary(uniqueKeysWithValues: json.map { ($0["who"] as? String ?? "", $0) })
        #expect(byWho["Ana Li"]?["due"] as? String == "2026-12-04" && byWho["Ana Li"]?["done"] as? String == nil)
        #expect(byWho["Ben"]?["done"] as? String == "2026-11-26")
        let text = String(decoding: try BinaryRunner.bytes(original), as: UTF8.self)
        #expect(text.contains("updated: 2026-11-26T10:30:00+01:00\n") && !text.contains("merge-conflict"))
        #expect(try debrief.run(["doctor"]).status == 0)
    }

    @Test("Saved at the same moment: an answer that differs is not decided by time; the original keeps it, doctor names the conflict")
    func undecided() throws {
        let (debrief, original, copy) = try Self.journal(copyName: "\(Self.id) (Ana's conflicted copy 2026-11-26).md")
        // The copy saved at the same second as the original, with the purpose changed by hand.
        var copyText = String(decoding: try BinaryRunner.bytes(copy), as: UTF8.self)
        copyText = copyText.replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-26T10:30:00+01:00")
            .replacingOccurrences(of: "purpose: Meet two people who run Swift on the server", with: "purpose: Find a mentor")
        try debrief.write(copyText, to: copy)
        let merged = try debrief.run(["doctor", "--merge"])
        #expect(merged.status == 1)
        #expect(merged.stdout.contains("not decided: `purpose`: the versions differ and were saved at the same time"), "\(merged.stdout)")
        #expect(merged.stdout.contains("holds a merge conflict in `purpose`"))
        #expect(!FileManager.default.fileExists(atPath: copy))
        let text = String(decoding: try BinaryRunner.bytes(original), as: UTF8.self)
        #expect(text.contains("purpose: Meet two people who run Swift on the server\n") && text.contains("\n  purpose: Find a mentor\n"))
        // The follow-ups still merged, by their own state.
        #expect(text.contains("postponed: 1") && text.contains("done: 2026-11-26"))
        #expect(try debrief.run(["list"]).stdout.contains("Swift meetup Berlin"))
    }

    @Test("A copy that does not read is left alone, said so, and doctor still names it")
    func unreadableCopy() throws {
        let (debrief, original, copy) = try Self.journal()
        try debrief.write("---\ntitle: [broken\n---\n", to: copy)
        let before = try BinaryRunner.bytes(original)
        let merged = try debrief.run(["doctor", "--merge"])
        #expect(merged.status == 1)
        #expect(merged.stdout.contains("not merged:"), "\(merged.stdout)")
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(try BinaryRunner.bytes(original) == before)
        #expect(try debrief.run(["doctor", "--dry-run"]).status == 64)
    }

    @Test("--dry-run lists only the lines the merge changes, in an LF and in a CRLF original", arguments: [false, true])
    func dryRunListsChangedLines(crlf: Bool) throws {
        let (debrief, original, copy) = try Self.journal()
        if crlf {
            let text = String(decoding: try BinaryRunner.bytes(original), as: UTF8.self)
            try debrief.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: original)
        }
        let dry = try debrief.run(["doctor", "--merge", "--dry-run"])
        let listed = dry.stdout.components(separatedBy: "\n").drop { !$0.contains("changes to ") }.dropFirst()
            .prefix { $0.hasPrefix("  ") && $0.first(where: { $0 != " " })?.isNumber == true }
        // The copy's reschedule of Ana's follow-up: its due line and the two lines it adds, each
        // numbered where it is. Before the fix (a common prefix and suffix, not a diff) every added
        // line was numbered 12, and two changes apart (`updated:` and a follow-up, say) listed
        // every line between them as removed and added again.
        #expect(Array(listed) == ["  12: -     due: 2026-11-27", "  12: +     due: 2026-12-04", "  13: +     first-due: 2026-11-27",
                                  "  14: +     postponed: 1"], "\(dry.stdout)")
    }
}
