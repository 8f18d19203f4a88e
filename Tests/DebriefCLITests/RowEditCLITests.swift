import Foundation
import Testing

/// One-follow-up edits through the binary: concurrent `done`s on one entry, a CRLF file written
/// by another tool, and `reschedule`.
@Suite("Row edits CLI")
struct RowEditCLITests {
    typealias H = BinaryRunner

    static let twoActions = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
      - who: Ben
        action: Thank him
        due: 2026-11-28

    """

    @Test("Two dones started together on different follow-ups of one entry both apply, 12 rounds")
    func concurrentDones() throws {
        let h = try H()
        defer { h.cleanUp() }
        let entry = try h.add(Self.twoActions)
        var refusals = 0
        for _ in 0..<12 {
            // Both processes start before either is waited for.
            let processes = try (1...2).map { n -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: H.binary)
                process.arguments = ["done", entry.id, String(n)]
                process.environment = h.baseEnvironment
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                if process.terminationStatus != 0 { refusals += 1 }
            }
            let text = String(decoding: try H.bytes(entry.path), as: UTF8.self)
            #expect(text.components(separatedBy: "    done: 2026-11-26\n").count == 3, "\(text)")
            #expect(try h.run(["undone", entry.id, "1"]).status == 0)
            #expect(try h.run(["undone", entry.id, "2"]).status == 0)
        }
        #expect(refusals == 0)
    }

    @Test("done on a CRLF file written by another tool keeps CRLF; reschedule then leaves the done action alone")
    func crlfAndRefusal() throws {
        let h = try H()
        defer { h.cleanUp() }
        let lines = [
            "---", "schema: 1", "id: 2026-11-24-1830-meetup", "created: 2026-11-24T21:05:12+01:00",
            "updated: 2026-11-24T21:05:12+01:00", "title: Meetup", "follow-ups:", "- who: Ana", "  action: Send the link",
            "  due: 2026-11-27", "---", "",
        ]
        let path = try h.write(lines.joined(separator: "\r\n"), to: h.journal + "/entries/2026/11/2026-11-24-1830-meetup.md")
        let done = try h.run(["done", "2026-11-24-1830-meetup", "1"])
        #expect(done.status == 0)
        var expected = lines
        expected[4] = "updated: 2026-11-26T10:00:00+01:00"
        expected.insert("  done: 2026-11-26", at: 10)
        #expect(String(decoding: try H.bytes(path), as: UTF8.self) == expected.joined(separator: "\r\n"))

        let moved = try h.run(["reschedule", "2026-11-24-1830-meetup", "1", "fri"])
        #expect(moved.status == 0)
        #expect(moved.stderr.contains("Already done on 2026-11-26"))
        #expect(String(decoding: try H.bytes(path), as: UTF8.self) == expected.joined(separator: "\r\n"))
    }

    @Test("A correction is not a postponement: `next fri` moved a week the same evening counts nothing, in the file, followups and the review")
    func correctionIsNotPostponement() throws {
        let h = try H()
        defer { h.cleanUp() }
        // Written Thursday 2026-11-26 10:00 (the runner's clock): due Friday the 27th.
        let entry = try h.add(Self.twoActions)
        let before = String(decoding: try H.bytes(entry.path), as: UTF8.self)
        let moved = try h.run(["reschedule", entry.id, "1", "2026-12-04"], env: ["DEBRIEF_NOW": "2026-11-26T10:30:00+01:00"])
        #expect(moved.status == 0)
        #expect(moved.stderr == "Due 2026-12-04 (a correction within a day of writing it: not a postponement): "
            + "Ana Li: Send the benchmark repository link (\(entry.id) 1).\n")
        let after = before
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-26T10:30:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n", with: "    due: 2026-12-04\n")
        #expect(String(decoding: try H.bytes(entry.path), as: UTF8.self) == after)
        let json = try h.run(["followups", "--format", "json"], env: ["DEBRIEF_NOW": "2026-11-26T10:30:00+01:00"])
        let first = try #require(try H.objects(json.stdout).first { $0["n"] as? Int == 1 })
        #expect(first["first_due"] is NSNull && first["postponed"] as? Int == 0)
        let review = try h.run(["review"], env: ["DEBRIEF_NOW": "2026-11-29T10:00:00+01:00", "COLUMNS": "200"])
        #expect(review.status == 0 && !review.stdout.contains("postponed"), "\(review.stdout)")
    }

    @Test("reschedule: forward dates, first-due written once, postponed counted, earlier is no postponement; minimal diff")
    func reschedule() throws {
        let h = try H()
        defer { h.cleanUp() }
        let entry = try h.add(Self.twoActions)
        let before = String(decoding: try H.bytes(entry.path), as: UTF8.self)
        let id = try #require(before.components(separatedBy: "\n").first { $0.hasPrefix("    id: ") })

        // Thursday 2026-11-26: fri is tomorrow.
        let fri = try h.run(["reschedule", entry.id, "1", "fri"])
        #expect(fri.status == 0)
        #expect(fri.stderr == "Already due 2026-11-27: Ana Li: Send the benchmark repository link (\(entry.id) 1). Nothing changed.\n")
        #expect(String(decoding: try H.bytes(entry.path), as: UTF8.self) == before)

        // A day and an hour after `add` (within a day it would be a correction: see below).
        let later = try h.run(["reschedule", entry.id, "1", "in 2 weeks"], env: ["DEBRIEF_NOW": "2026-11-27T11:00:00+01:00"])
        #expect(later.status == 0)
        #expect(later.stderr == "Due 2026-12-11: Ana Li: Send the benchmark repository link (\(entry.id) 1). Now postponed once, 14 days past its first date.\n")
        let afterLater = before
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-27T11:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n\(id)\n", with: "    due: 2026-12-11\n    first-due: 2026-11-27\n    postponed: 1\n\(id)\n")
        #expect(String(decoding: try H.bytes(entry.path), as: UTF8.self) == afterLater)

        let plus = try h.run(["reschedule", String(entry.id.prefix(15)), "1", "+3d"], env: ["DEBRIEF_NOW": "2026-12-10T09:00:00+01:00"])
        #expect(plus.status == 0)
        #expect(plus.stderr.contains("Due 2026-12-13") && plus.stderr.contains("Now postponed twice, 16 days past its first date."))

        let earlier = try h.run(["reschedule", entry.id, "1", "2026-12-12"], env: ["DEBRIEF_NOW": "2026-12-10T10:00:00+01:00"])
        #expect(earlier.status == 0)
        #expect(earlier.stderr.hasPrefix("Due 2026-12-12 (moved earlier: not a postponement)"))
        let json = try h.run(["followups", "--format", "json"], env: ["DEBRIEF_NOW": "2026-12-10T10:00:00+01:00"])
        let first = try #require(try H.objects(json.stdout).first { $0["n"] as? Int == 1 })
        #expect(first["due"] as? String == "2026-12-12")
        #expect(first["first_due"] as? String == "2026-11-27")
        #expect(first["postponed"] as? Int == 2)
        let review = try h.run(["review"], env: ["DEBRIEF_NOW": "2026-12-10T10:00:00+01:00", "COLUMNS": "200"])
        #expect(review.stdout.contains("postponed twice, 15 days past its first date"))
        #expect(review.stdout.contains("1 follow-up was postponed twice or more"))

        let bytes = try H.bytes(entry.path)
        let cases: [([String], Int32, String)] = [
            (["reschedule", entry.id, "1", "someday"], 64, "DATE: 'someday' is not a date"),
            (["reschedule", entry.id, "3", "fri"], 64, "so N must be from 1 to 2, not 3"),
            (["reschedule", "nope", "1", "fri"], 66, "no entry matches 'nope'"),
            (["reschedule", entry.id, "1"], 64, "Missing expected argument"),
        ]
        for (arguments, code, message) in cases {
            let r = try h.run(arguments)
            #expect(r.status == code, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(try H.bytes(entry.path) == bytes)

        // A day already past is taken as given, with a warning (issue 10's rule for due dates on
        // the command line), and moving earlier is not a postponement.
        let past = try h.run(["reschedule", entry.id, "1", "yesterday"])
        #expect(past.status == 0)
        #expect(past.stderr.hasPrefix("debrief: warning: DATE 2026-11-25 is already past; saved as given\n"))
        #expect(past.stderr.contains("Due 2026-11-25 (moved earlier: not a postponement)"))
        let moved = try h.run(["followups", "--format", "json"])
        let row = try #require(try H.objects(moved.stdout).first { $0["n"] as? Int == 1 })
        #expect(row["due"] as? String == "2026-11-25")
        #expect(row["postponed"] as? Int == 2)
    }
}
