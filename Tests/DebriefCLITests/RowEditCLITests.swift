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
}
