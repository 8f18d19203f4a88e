import Foundation
import Testing

/// `debrief followups`, `debrief done` and `debrief undone`, run as the built binary.
@Suite("followups, done and undone CLI")
struct FollowUpsCLITests {
    typealias H = PeopleCLIHarness

    static let meetup = """
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    people:
      - name: Ana Li
        relation: new
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
      - who: Zoë Brandt
        action: Introduce her to Sam
        due: 2026-11-23
      - action: Write up the notes

    """

    static let conference = """
    title: Server-side Swift conference
    date: 2026-10-01T09:00:00+02:00
    follow-ups:
      - who: zoe  brandt
        action: Send the slides
        due: 2026-11-26
      - who: Ben
        action: Thank him
        due: 2026-10-02
        done: 2026-10-02

    """

    @Test("Text lists open actions soonest due first with relative due, entry and N")
    func textList() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let r = try h.run(["followups"])
        #expect(r.code == 0)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Zoë Brandt: Introduce her to Sam",
            "  3 days overdue (2026-11-23) · from Swift meetup Berlin · \(meetup.id) 2",
            "zoe  brandt: Send the slides",
            "  due today (2026-11-26) · from Server-side Swift conference · 2026-10-01-0900-server-side-swift-conference 1",
            "Ana Li: Send the benchmark repository link",
            "  due tomorrow (2026-11-27) · from Swift meetup Berlin · \(meetup.id) 1",
            "Write up the notes",
            "  no due date · from Swift meetup Berlin · \(meetup.id) 3",
        ])
        let later = try h.run(["followups", "--overdue"], now: "2026-11-29T10:00:00+01:00")
        #expect(later.out.contains("6 days overdue (2026-11-23)"))
        #expect(later.out.contains("3 days overdue (2026-11-26)"))
        #expect(later.out.contains("2 days overdue (2026-11-27)"))
        #expect(!later.out.contains("Write up the notes"))
    }

    @Test("Filters: --done, --all, --person; an empty list says so on stderr")
    func filters() throws {
        let h = try H()
        defer { h.cleanUp() }
        try h.add(Self.meetup)
        try h.add(Self.conference)
        let done = try h.run(["followups", "--done"])
        #expect(done.out.contains("Ben: Thank him\n  done 2026-10-02 (was due 2026-10-02)"))
        #expect(!done.out.contains("Ana Li"))
        let all = try h.run(["followups", "--all"])
        #expect(all.out.split(separator: "\n").count == 10)
        let zoe = try h.run(["followups", "--person", "ZOE BRANDT"])
        #expect(zoe.out.contains("Introduce her to Sam") && zoe.out.contains("Send the slides"))
        #expect(!zoe.out.contains("Ana Li"))
        let nobody = try h.run(["followups", "--person", "Nobody"])
        #expect(nobody.code == 0)
        #expect(nobody.out.isEmpty)
        #expect(nobody.err == "No open follow-ups with Nobody.\n")
    }

    @Test("JSON is an array of entry, n, who, action, due, done (null while open)")
    func json() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let r = try h.run(["followups", "--all", "--format", "json"])
        #expect(r.code == 0)
        let items = try H.objects(r.out)
        #expect(items.count == 5)
        for item in items {
            #expect(Set(item.keys) == ["entry", "title", "n", "who", "action", "due", "done"])
        }
        let first = try #require(items.first)
        #expect(first["entry"] as? String == "2026-10-01-0900-server-side-swift-conference")
        #expect(first["n"] as? Int == 2)
        #expect(first["done"] as? String == "2026-10-02")
        let notes = try #require(items.last)
        #expect(notes["entry"] as? String == meetup.id)
        #expect(notes["n"] as? Int == 3)
        #expect(notes["who"] as? String == "")
        #expect(notes["due"] is NSNull)
        #expect(notes["done"] is NSNull)
        let empty = try h.run(["followups", "--overdue", "--format", "json", "--person", "nobody"])
        #expect(empty.out == "[]\n")
    }

    @Test("--quiet prints nothing and exits 1 when something matches, 0 when nothing does")
    func quietExitCodes() throws {
        let h = try H()
        defer { h.cleanUp() }
        let emptyJournal = try h.run(["followups", "--overdue", "--quiet"])
        #expect(emptyJournal.code == 0)
        let meetup = try h.add(Self.meetup)

        let overdue = try h.run(["followups", "--overdue", "--quiet"])
        #expect(overdue.code == 1)
        #expect(overdue.out.isEmpty && overdue.err.isEmpty)
        // Two days earlier nothing is overdue yet; due today is not overdue.
        let before = try h.run(["followups", "--overdue", "-q"], now: "2026-11-23T10:00:00+01:00")
        #expect(before.code == 0)
        #expect(before.out.isEmpty && before.err.isEmpty)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--format", "json"]).out.isEmpty)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--person", "ana"]).code == 0)
        #expect(try h.run(["followups", "--overdue", "--quiet", "--person", "zoë"]).code == 1)

        #expect(try h.run(["done", meetup.id, "2"]).code == 0)
        let cleared = try h.run(["followups", "--overdue", "--quiet"])
        #expect(cleared.code == 0)
        #expect(cleared.out.isEmpty && cleared.err.isEmpty)
        #expect(try h.run(["followups", "--open", "--quiet"]).code == 1)
        #expect(try h.run(["followups", "--done", "--quiet"]).code == 1)
        #expect(try h.run(["followups", "--quiet", "--person", "nobody"]).code == 0)
    }

    @Test("done and undone rewrite only the action's done line and updated, and say when nothing changes")
    func doneAndUndoneOnTheFile() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        let original = try H.bytes(meetup.path)
        let before = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")

        let done = try h.run(["done", meetup.id, "2", "--on", "yesterday"], now: "2026-11-27T08:30:00+01:00")
        #expect(done.code == 0)
        #expect(done.err == "Done on 2026-11-26: Zoë Brandt: Introduce her to Sam (\(meetup.id) 2).\n")
        var after = String(decoding: try H.bytes(meetup.path), as: UTF8.self).components(separatedBy: "\n")
        let doneLine = try #require(after.firstIndex(of: "    done: 2026-11-26"))
        #expect(after[doneLine - 1] == "    due: 2026-11-23")
        after.remove(at: doneLine)
        #expect(after.count == before.count)
        let changed = zip(before, after).filter { $0.0 != $0.1 }
        #expect(changed.map(\.1) == ["updated: 2026-11-27T08:30:00+01:00"])

        let marked = try H.bytes(meetup.path)
        let again = try h.run(["done", meetup.id, "2"], now: "2026-11-28T08:30:00+01:00")
        #expect(again.code == 0)
        #expect(again.err.contains("Already done on 2026-11-26"))
        #expect(try H.bytes(meetup.path) == marked)

        let show = try h.run(["followups", "--done", "--format", "json"])
        #expect(try H.objects(show.out).first?["done"] as? String == "2026-11-26")

        let undone = try h.run(["undone", String(meetup.id.prefix(15)), "2"], now: "2026-11-29T08:30:00+01:00")
        #expect(undone.code == 0)
        #expect(undone.err.hasPrefix("Open again: Zoë Brandt: Introduce her to Sam"))
        let reopened = String(decoding: try H.bytes(meetup.path), as: UTF8.self).components(separatedBy: "\n")
        #expect(zip(before, reopened).filter { $0.0 != $0.1 }.map(\.1) == ["updated: 2026-11-29T08:30:00+01:00"])
        #expect(reopened.count == before.count)

        let reopenedBytes = try H.bytes(meetup.path)
        let stillOpen = try h.run(["undone", meetup.id, "2"])
        #expect(stillOpen.code == 0)
        #expect(stillOpen.err.contains("Already open"))
        #expect(try H.bytes(meetup.path) == reopenedBytes)
    }

    @Test("Rejected inputs exit with their sysexits code and write nothing")
    func rejectedInputs() throws {
        let h = try H()
        defer { h.cleanUp() }
        let meetup = try h.add(Self.meetup)
        try h.add(Self.conference)
        let original = try H.bytes(meetup.path)

        let cases: [([String], Int32, String)] = [
            (["done", "2030-01-01-0000-nothing", "1"], 66, "no entry matches '2030-01-01-0000-nothing'"),
            (["undone", "nope", "1"], 66, "no entry matches 'nope'"),
            (["done", "2026", "1"], 66, "matches 2 entries"),
            (["done", meetup.id, "4"], 64, "has 3 follow-up actions, so N must be from 1 to 3, not 4"),
            (["done", meetup.id, "0"], 64, "from 1 to 3, not 0"),
            (["undone", meetup.id, "9"], 64, "from 1 to 3, not 9"),
            (["done", meetup.id, "two"], 64, "'two' is invalid"),
            (["done", meetup.id], 64, "Missing expected argument"),
            (["done", meetup.id, "1", "--on", "someday"], 64, "--on: 'someday' is not a date"),
            (["done", meetup.id, "1", "--on", "2026-02-30"], 64, "--on: '2026-02-30' is not a date"),
            (["done", meetup.id, "1", "--on", "tomorrow"], 64, "2026-11-27 is in the future"),
            (["followups", "--open", "--done"], 64, "had already been set"),
            (["followups", "--format", "yaml"], 64, "yaml"),
        ]
        for (arguments, code, message) in cases {
            let r = try h.run(arguments)
            #expect(r.code == code, "\(arguments)")
            #expect(r.err.contains(message), "\(arguments): \(r.err)")
            #expect(r.out.isEmpty, "\(arguments)")
        }
        #expect(try H.bytes(meetup.path) == original)

        let noActions = try h.add("title: Quiet dinner\ndate: 2026-11-20T19:00:00+01:00\n")
        let none = try h.run(["done", noActions.id, "1"])
        #expect(none.code == 64)
        #expect(none.err == "debrief: \(noActions.id) has no follow-up actions\n")

        // A file that does not parse is reported (65), never rewritten.
        let broken = h.journal + "/entries/2026/11/2026-11-25-1200-broken.md"
        let brokenText = Data("---\ntitle: [unclosed\n---\n".utf8)
        try brokenText.write(to: URL(fileURLWithPath: broken))
        let bad = try h.run(["done", "2026-11-25-1200-broken", "1"])
        #expect(bad.code == 65)
        #expect(bad.err.contains("2026-11-25-1200-broken.md"))
        #expect(try H.bytes(broken) == brokenText)
        // The rest of the journal keeps working, with a warning about the broken file.
        let list = try h.run(["followups"])
        #expect(list.code == 0)
        #expect(list.out.contains("Send the benchmark repository link"))
        #expect(list.err.contains("1 file could not be read"))
    }
}


/// Runs the built `debrief` binary in a throwaway journal with a fixed clock and zone, for the
/// follow-up and people CLI tests.
struct PeopleCLIHarness {
    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    /// The package root is three levels above this file (Tests/DebriefCLITests/<file>).
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/debrief").path

    let home: URL
    var journal: String { home.appendingPathComponent("journal").path }
    var now = "2026-11-26T10:00:00+01:00"

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("debrief-people-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }

    func run(_ arguments: [String], stdin: String? = nil, now: String? = nil) throws -> Result {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build debrief first: \(Self.binary)")
        let environment = [
            "DEBRIEF_JOURNAL": journal,
            "DEBRIEF_NOW": now ?? self.now,
            "TZ": "Europe/Berlin",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "PATH": "/usr/bin:/bin",
        ]
        let r = try Subprocess.run(Self.binary, arguments, environment: environment, stdin: stdin ?? "")
        return Result(code: r.status, out: r.stdout, err: r.stderr)
    }

    /// Adds an entry from YAML answers and returns its id and path.
    @discardableResult
    func add(_ yaml: String) throws -> (id: String, path: String) {
        let result = try run(["add", "--answers", "-"], stdin: yaml)
        try #require(result.code == 0, "add failed: \(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        return (lines[0], lines[1])
    }

    /// Parses stdout as a JSON array of objects.
    static func objects(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: Any]])
    }

    static func bytes(_ path: String) throws -> Data {
        try #require(FileManager.default.contents(atPath: path))
    }
}
