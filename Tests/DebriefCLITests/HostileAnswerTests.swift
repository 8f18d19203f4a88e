import Foundation
import Testing

/// Answers crafted to escape: path parts (`../`, `/`), NUL, control characters and 1 MB of text,
/// in every field `add` takes. Each is saved inside `entries/YYYY/MM/` under a safe name or
/// refused (65); nothing is written anywhere else, nothing hangs, and no control character
/// reaches stdout or stderr raw.
@Suite("Hostile answers")
struct HostileAnswerTests {
    static let values: [(name: String, json: String)] = [
        ("parent path", #""../../../../../../tmp/escaped""#),
        ("absolute path", #""/tmp/escaped-absolute""#),
        ("slashes only", #""///""#),
        ("dots", #""..""#),
        ("backslashes", #""..\\..\\escaped""#),
        ("NUL", #""a\u0000b""#),
        ("controls", #""\u001b[2J\u001b]0;x\u0007\u009b""#),
        ("1 MB", "\"" + String(repeating: "x", count: 1 << 20) + "\""),
    ]

    /// Every prompt id and how a value goes into it as JSON.
    static let fields: [(id: String, wrap: @Sendable (String) -> String)] = [
        ("title", { $0 }), ("purpose", { $0 }), ("learned", { $0 }), ("notes", { $0 }), ("offered", { $0 }),
        ("kind", { $0 }), ("date", { $0 }), ("horizon", { $0 }), ("talk-share", { $0 }), ("asked-favor", { $0 }),
        ("tags", { "[\($0)]" }), ("people", { "[{\"name\": \($0), \"note\": \($0)}]" }),
        ("follow-ups", { "[{\"who\": \($0), \"action\": \($0), \"due\": \"2026-11-27\"}]" }),
    ]

    /// Every file and folder under `root`.
    static func tree(_ root: String) -> Set<String> {
        var out = Set<String>()
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let name = walker.nextObject() as? String { out.insert(name) }
        return out
    }

    static func rawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    /// One hostile value in every field, one `add` each; then every command that prints entries.
    @Test(arguments: values.indices)
    func aHostileAnswerStaysInTheJournal(_ v: Int) throws {
        let debrief = try BinaryRunner()
        let value = Self.values[v].json
        var saved = 0
        for (id, wrap) in Self.fields {
            let before = Self.tree(debrief.root)
            let title = id == "title" ? "" : "\"title\": \"Hostile\", "
            let json = "{" + title + "\"\(id)\": " + wrap(value) + "}"
            let added = try debrief.run(["add", "--answers", "-"], stdin: json, timeout: 30)
            #expect(!added.timedOut)
            #expect(added.status == 0 || added.status == 65, "\(id): status \(added.status): \(added.stderr.prefix(300))")
            #expect(!Self.rawControls(added.stdout) && !Self.rawControls(added.stderr), "\(id): raw controls")
            let after = Self.tree(debrief.root).subtracting(before)
            let allowed: Set = ["journal", "journal/.lock", "journal/entries", "journal/entries/2026", "journal/entries/2026/11"]
            let outside = after.filter { !allowed.contains($0) && !($0.hasPrefix("journal/entries/2026/11/") && !$0.dropFirst(24).contains("/")) }
            #expect(outside.isEmpty, "\(id): written outside entries/2026/11: \(outside)")
            guard added.status == 0 else { continue }
            saved += 1
            let lines = added.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2 && lines[1].hasPrefix(debrief.journal + "/entries/2026/11/"), "\(id): \(lines)")
            #expect(lines.first.map { !$0.contains("/") && !$0.contains("..") } == true, "\(id): \(lines)")
        }
        #expect(saved > 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped") && !FileManager.default.fileExists(atPath: "/tmp/escaped-absolute"))
        let ids = debrief.entryFiles().map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        for command in [["list"], ["show", ids[0]], ["show", ids[ids.count - 1]], ["review", "--week", "2026-W48"], ["followups", "--all"], ["people"]] {
            let r = try debrief.run(command, timeout: 30)
            #expect(!r.timedOut && r.status == 0, "\(command): \(r.status) \(r.stderr.prefix(200))")
            #expect(!Self.rawControls(r.stdout) && !Self.rawControls(r.stderr), "\(command) printed raw controls")
        }
    }

    /// The title given as a flag, and ids given to the commands that take one, cannot name a
    /// path outside the journal either.
    @Test func pathsInFlagsAndIdsStayInTheJournal() throws {
        let debrief = try BinaryRunner()
        for title in ["../../../../tmp/escaped", "/tmp/escaped-absolute", "..", "a/b/c"] {
            let r = try debrief.run(["add", "--title", title])
            #expect(r.status == 0)
            #expect(r.stdout.split(separator: "\n").last.map { $0.hasPrefix(debrief.journal + "/entries/") } == true, "\(r.stdout)")
        }
        try debrief.write("---\ncreated: 2026-11-24T21:05:12+01:00\ntitle: Outside\n---\n", to: "outside.md")
        for id in ["../../outside", "../../outside.md", "2026-11-26/../../../outside", "/etc/passwd", debrief.root + "/outside.md"] {
            for command in [["show", id], ["done", id, "1"], ["undone", id, "1"], ["edit", id]] {
                let r = try debrief.run(command, timeout: 30)
                #expect(r.status == 66, "\(command) → \(r.status): \(r.stderr)")
                #expect(!r.stdout.contains("Outside"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped") && !FileManager.default.fileExists(atPath: "/tmp/escaped-absolute"))
    }
}
