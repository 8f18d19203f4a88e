import Foundation
import Testing

/// Under `umask 000` everything debrief creates is still private (files 0600, folders 0700),
/// the answer handed to the editor included (created 0600, never widened first), and nothing is
/// written outside the journal, config, cache and state folders.
@Suite("Privacy", .serialized)
struct PrivacyTests {
    /// Folders a run may write to, relative to the runner's root.
    static let allowed = ["journal", "config", "cache", "state"]

    /// The environment: every location debrief may use points into the runner's root, and
    /// `TMPDIR` too, so a write to a temporary folder would show.
    static func environment(_ debrief: BinaryRunner) -> [String: String] {
        ["XDG_CACHE_HOME": debrief.root + "/cache", "XDG_STATE_HOME": debrief.root + "/state", "TMPDIR": debrief.root + "/tmp"]
    }

    /// Every path under `root` and its permission bits, skipping the test's own folder `test`.
    static func modes(_ root: String) -> [String: mode_t] {
        var out: [String: mode_t] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let name = walker.nextObject() as? String {
            if name == "test" || name.hasPrefix("test/") { continue }
            var st = stat()
            guard lstat(root + "/" + name, &st) == 0 else { continue }
            out[name] = st.st_mode
        }
        return out
    }

    /// Checks what appeared under the root since `before`: private, and only where allowed.
    static func expectPrivate(_ root: String, since before: [String: mode_t]) {
        let now = modes(root)
        let created = now.filter { before[$0.key] == nil }
        #expect(!created.isEmpty, "nothing was written")
        for (path, mode) in created.sorted(by: { $0.key < $1.key }) {
            let top = String(path.split(separator: "/").first ?? "")
            #expect(allowed.contains(top), "\(path) is outside the journal, config, cache and state folders")
            let kind = mode & S_IFMT
            let bits = mode & 0o777
            if kind == S_IFDIR {
                #expect(bits == 0o700, "\(path) is a folder with mode \(String(bits, radix: 8))")
            } else {
                #expect(bits == 0o600, "\(path) has mode \(String(bits, radix: 8))")
            }
        }
        for folder in ["home", "data", "tmp"] {
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []
            #expect(inside.isEmpty, "\(folder)/ got \(inside)")
        }
    }

    static func prepare(_ debrief: BinaryRunner) throws {
        for folder in ["tmp", "test"] {
            try FileManager.default.createDirectory(atPath: debrief.root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    @Test func commandsCreatePrivateFilesUnderUmask000() throws {
        let debrief = try BinaryRunner()
        try Self.prepare(debrief)
        let before = Self.modes(debrief.root)
        let env = Self.environment(debrief)
        let answers = "title: Coffee with Ana\ndate: 2026-11-24 09:00\nfollow-ups:\n  - who: Ana\n    action: Send the deck\n    due: 2026-11-27\n"
        let add = try debrief.run(["add", "--answers", "-"], after: "umask 000", stdin: answers, env: env)
        #expect(add.status == 0, "\(add.stderr)")
        let id = String(add.stdout.split(separator: "\n").first ?? "")
        for command in [["done", id, "1"], ["undone", id, "1"], ["add", "--title", "Second"], ["list"], ["review"], ["doctor"]] {
            let r = try debrief.run(command, after: "umask 000", env: env)
            #expect(r.status == 0, "\(command): \(r.stderr)")
        }
        Self.expectPrivate(debrief.root, since: before)
    }

    /// The reflection in a terminal: its draft, and the answer opened in `$EDITOR`, which must be
    /// 0600 from the moment it exists (the editor records the mode it finds), in a 0700 folder.
    @Test func draftsAndEditorFilesArePrivateUnderUmask000() throws {
        let debrief = try BinaryRunner()
        try Self.prepare(debrief)
        let before = Self.modes(debrief.root)
        let record = debrief.root + "/test/editor-saw"
        let editor = try ExecutableScript.write("""
        #!/bin/sh
        stat -c '%a %n' "$1" "$(dirname "$1")" >> '\(record)'
        printf 'Typed in the editor' > "$1"

        """, to: debrief.root + "/test/editor.sh")
        var env = debrief.baseEnvironment.merging(Self.environment(debrief)) { $1 }
        env["EDITOR"] = editor
        env["PATH"] = "/usr/bin:/bin"
        let tmux = try TmuxSession(["-c", "umask 000; exec \"$0\" new --full", TmuxSession.binary], environment: env, binary: "/bin/sh")
        defer { tmux.stop() }
        try tmux.waitFor("What would you call this event?")
        try tmux.press("C-o")
        try tmux.waitFor("Typed in the editor")
        try tmux.press("Enter")
        try tmux.waitFor("When did it start?")
        try tmux.press("C-c")
        try tmux.waitFor("Leave?")
        try tmux.type("s")
        #expect(try tmux.waitForExit() == 0)

        let saw = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(saw.count == 2, "\(saw)")
        #expect(saw.first?.hasPrefix("600 " + debrief.journal + "/drafts/.editor-") == true, "the editor found \(saw)")
        #expect(saw.last?.hasPrefix("700 " + debrief.journal + "/drafts/.editor-") == true, "the editor found \(saw)")
        let drafts = try FileManager.default.contentsOfDirectory(atPath: debrief.journal + "/drafts")
        #expect(drafts.count == 1 && drafts.allSatisfy { $0.hasSuffix(".md") }, "drafts/ holds \(drafts): the editor's folder was not removed")
        Self.expectPrivate(debrief.root, since: before)
    }
}
