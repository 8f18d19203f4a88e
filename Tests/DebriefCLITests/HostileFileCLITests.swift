import Foundation
import Testing

/// More than forty kinds of hostile or broken file in `entries/`, each beside three good entries:
/// no command crashes or hangs (each is bounded by a timeout), `doctor` names the file and why
/// when it cannot be used, every good entry is still listed, reviewed and shown, and the hostile
/// file is byte for byte as it was.
@Suite("Hostile files")
struct HostileFileCLITests {
    static let good = ["Coffee with Ana", "Swift meetup", "Conference day"]
    static let head = "---\nschema: 1\ncreated: 2026-11-24T21:05:12+01:00\n"

    /// What `doctor` must say about the hostile file.
    enum Verdict: Sendable {
        /// A line naming the path and containing this reason.
        case reported(String)
        /// The file is read as an entry; no line about it.
        case read
        /// Not an entry file at all (hidden, a folder); nothing to say.
        case ignored
        /// Read as an entry, and doctor remarks on it (a line containing this).
        case remarked(String)
    }

    struct Kind: Sendable, CustomTestStringConvertible {
        var name: String
        /// Path under `entries/2026/11/`.
        var file: String
        var verdict: Verdict
        /// Makes the file (given its full path and the journal's entries folder).
        var make: @Sendable (String, String) throws -> Void
        var testDescription: String { name }

        init(_ name: String, _ verdict: Verdict, file: String = "2026-11-25-1000-hostile.md",
             make: @escaping @Sendable (String, String) throws -> Void) {
            self.name = name
            self.file = file
            self.verdict = verdict
            self.make = make
        }

        init(_ name: String, _ verdict: Verdict, file: String = "2026-11-25-1000-hostile.md", text: String) {
            self.init(name, verdict, file: file) { path, _ in try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        }

        init(_ name: String, _ verdict: Verdict, file: String = "2026-11-25-1000-hostile.md", bytes: [UInt8]) {
            self.init(name, verdict, file: file) { path, _ in try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        }
    }

    static func bomb(levels: Int) -> String {
        var text = head + "title: Bomb\ntags: [&a lol"
        let names = "abcdefghijklmnop".map(String.init)
        for i in 1..<levels { text += ", &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 9).joined(separator: ",") + "]" }
        return text + "]\n---\n"
    }

    static let kinds: [Kind] = brokenKinds + specialKinds + readKinds

    static let latin1: [UInt8] = Array((head + "title: caf").utf8) + [0xE9, 0x0A] + Array("---\n".utf8)
    static let junk: [UInt8] = (0..<4096).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 13) }
    static let nuls: [UInt8] = Array((head + "title: a").utf8) + [0, 0, 0] + Array("b\n---\n".utf8)

    static let brokenKinds: [Kind] = [
        Kind("empty file", .reported("no front matter"), text: ""),
        Kind("no front matter", .reported("no front matter"), text: "# Notes\n\nJust Markdown.\n"),
        Kind("unterminated front matter", .reported("not closed"), text: head + "title: Open\n\nbody without a closing line\n"),
        Kind("invalid YAML", .reported("invalid YAML"), text: head + "title: [unclosed\n---\n"),
        Kind("wrong type: number", .reported("talk-share"), text: head + "title: T\ntalk-share: lots\n---\n"),
        Kind("wrong type: list for text", .reported("title"), text: head + "title: [a, b]\n---\n"),
        Kind("wrong type: map for people", .reported("people"), text: head + "title: T\npeople: {a: 1}\n---\n"),
        Kind("unknown schema", .reported("schema 99"), text: "---\nschema: 99\ncreated: 2026-11-24T21:05:12+01:00\ntitle: T\n---\n"),
        Kind("schema not a number", .reported("schema"), text: "---\nschema: one\ncreated: 2026-11-24T21:05:12+01:00\n---\n"),
        Kind("invalid UTF-8", .reported("UTF-8"), bytes: latin1),
        Kind("binary junk", .reported("UTF-8"), bytes: junk),
        Kind("NUL bytes", .reported("control characters are not allowed"), bytes: nuls),
        Kind("duplicate keys", .reported("duplicate"), text: head + "title: One\ntitle: Two\n---\n"),
        Kind("tab indentation", .reported("invalid YAML"), text: head + "title: T\npeople:\n\t- name: Ana\n---\n"),
        Kind("missing created and date", .reported("created"), text: "---\nschema: 1\ntitle: T\n---\n"),
        Kind("invalid created", .reported("created"), text: "---\ncreated: yesterday-ish\ntitle: T\n---\n"),
        Kind("front matter is a list", .reported("key: value"), text: "---\n- a\n- b\n---\n"),
        Kind("indented first line", .reported("key: value"), text: "---\n  title: T\n---\n"),
        Kind("alias bomb", .reported("YAML aliases here expand to more than"), text: bomb(levels: 9)),
        Kind("deep nesting", .reported("invalid YAML"), text: head + "title: T\ntags: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n---\n"),
        Kind("undefined alias", .reported("alias"), text: head + "title: T\ntags: *nothing\n---\n"),
        Kind("9 MB file", .reported("larger than 8 MB"), text: head + "title: Big\n---\n" + String(repeating: "x", count: 9 << 20)),
    ]

    static let specialKinds: [Kind] = [
        Kind("FIFO", .reported("not a regular file (a FIFO)"), make: makeFIFO),
        Kind("symlink to /dev/zero", .reported("not a regular file (a character device)"), make: linking(to: "/dev/zero")),
        Kind("symlink to /dev/null", .reported("not a regular file (a character device)"), make: linking(to: "/dev/null")),
        Kind("dangling symlink", .reported("which does not exist"), make: linking(to: "/nonexistent/entry.md")),
        Kind("symlink loop", .reported("a symbolic link that loops"), make: linkingToItself),
        Kind("Unix socket", .reported("not a regular file (a socket)"), make: makeSocket),
        Kind("directory named x.md", .ignored, file: "2026-11-25-1000-folder.md", make: makeFolder),
        Kind("unreadable permissions", geteuid() == 0 ? .read : .reported("Permission denied"), make: makeUnreadable),
        Kind("Syncthing conflict copy", .reported("a sync-conflict copy of"),
             file: "2026-11-24-0900-coffee-with-ana.sync-conflict-20261125-101500-ABCDEFG.md", text: head + "title: Coffee with Ana (other laptop)\n---\n"),
        Kind("Dropbox conflict copy", .reported("a sync-conflict copy of"),
             file: "2026-11-24-0900-coffee-with-ana (Ana's conflicted copy 2026-11-25).md", text: head + "title: Coffee with Ana (Dropbox)\n---\n"),
        Kind("hard link to an entry", .reported("the same file as"), file: "2026-11-24-0900-coffee-with-ana~2.md", make: hardLinkingToTheFirstEntry),
        Kind("symlink to an entry", .reported("the same file as"), file: "2026-11-24-0900-coffee-with-ana-alias.md", make: linkingToTheFirstEntry),
        Kind("id that is not the file name", .remarked("debrief goes by the file name"), text: head + "id: 1999-01-01-0000-other\ntitle: T\n---\n"),
        Kind("missing title", .remarked("no title"), text: head + "kind: meetup\n---\n"),
        Kind("null title", .remarked("no title"), text: head + "title: ~\n---\n"),
        Kind("byte-order mark", .remarked("byte-order mark"), bytes: [0xEF, 0xBB, 0xBF] + Array((head + "title: BOM\n---\n").utf8)),
        Kind("upper-case extension", .reported("in lower case"), file: "2026-11-25-1000-hostile.MD", text: head + "title: Shout\n---\n"),
        Kind("hidden file", .ignored, file: ".2026-11-25-1000-hostile.md", text: "not even front matter"),
    ]

    static let readKinds: [Kind] = [
        Kind("CRLF line endings", .read, text: (head + "title: Windows\npeople:\n  - name: Bo\n---\nnotes\n").replacingOccurrences(of: "\n", with: "\r\n")),
        Kind("5 MB entry", .read, text: head + "title: Long notes\n---\n" + String(repeating: "A long line of notes.\n", count: 5 << 20 / 22)),
        Kind("PyYAML aliases", .read, text: head + "title: Aliases\nfollow-ups:\n- &id001\n  who: Ana\n  action: Call\n  due: 2026-11-27\n- *id001\n---\n"),
        Kind("escape codes in fields", .read, text: head + "title: \"\\e[2J\\e]0;pwned\\a\"\npeople:\n  - name: \"\\e[31mAna\"\n---\n\u{1B}[2J notes\n"),
        Kind("entry in a deep folder", .read, file: "a/b/c/d/e/f/2026-11-25-1000-deep.md", text: head + "title: Deep\n---\n"),
        Kind("entry inside a folder named x.md", .read, file: "box.md/2026-11-25-1000-boxed.md", text: head + "title: Boxed\n---\n"),
        Kind("closing with ...", .read, text: head + "title: Dots\n...\nbody\n"),
        Kind("unknown keys and comments", .read, text: head + "# a comment\ntitle: T\nmood: great\nx-custom: [1, 2]\n---\n"),
        Kind("one-line 1 MB title", .read, text: head + "title: " + String(repeating: "t", count: 1 << 20) + "\n---\n"),
    ]

    static let firstEntry = "/2026/11/2026-11-24-0900-coffee-with-ana.md"

    static func check(_ result: Int32) throws {
        guard result == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func makeFIFO(_ path: String, _ entries: String) throws { try check(mkfifo(path, 0o600)) }

    static func linking(to target: String) -> @Sendable (String, String) throws -> Void {
        { path, _ in try check(symlink(target, path)) }
    }

    static func linkingToItself(_ path: String, _ entries: String) throws { try check(symlink(path, path)) }

    static func hardLinkingToTheFirstEntry(_ path: String, _ entries: String) throws { try check(link(entries + firstEntry, path)) }

    static func linkingToTheFirstEntry(_ path: String, _ entries: String) throws { try check(symlink(entries + firstEntry, path)) }

    static func makeFolder(_ path: String, _ entries: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func makeUnreadable(_ path: String, _ entries: String) throws {
        try Data((head + "title: Secret\n---\n").utf8).write(to: URL(fileURLWithPath: path))
        try check(chmod(path, 0))
    }

    /// The three good entries, added once and copied into each test's journal.
    nonisolated(unsafe) static let template: (runner: BinaryRunner, ids: [String]) = {
        let debrief = try! BinaryRunner()
        var ids: [String] = []
        for (i, title) in good.enumerated() {
            let answers = "title: \(title)\ndate: 2026-11-2\(4 + i) 09:00\nkind: meetup\npeople:\n  - name: Ana\n" +
                "follow-ups:\n  - who: Ana\n    action: Write about \(i)\n    due: 2026-11-27"
            ids.append(try! debrief.add(answers).id)
        }
        return (debrief, ids)
    }()

    static func makeSocket(_ path: String, _ entries: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw CocoaError(.fileWriteUnknown) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (i, b) in bytes.enumerated() { buffer[i] = b }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// What identifies the hostile file before and after: its bytes, or where a link points.
    static func identity(_ path: String) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else { return "absent" }
        switch st.st_mode & S_IFMT {
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink(path, &buffer, buffer.count - 1)
            return "link → " + String(decoding: buffer[0..<max(0, n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        case S_IFREG:
            let data = FileManager.default.contents(atPath: path) ?? Data()
            return "file \(data.count) bytes, hash \(data.hashValue), mode \(String(st.st_mode & 0o7777, radix: 8))"
        default:
            return "mode \(String(st.st_mode, radix: 8)) inode \(st.st_ino)"
        }
    }

    @Test(arguments: kinds)
    func aHostileFileBreaksNothing(_ kind: Kind) throws {
        let debrief = try BinaryRunner()
        let ids = Self.template.ids
        try FileManager.default.copyItem(atPath: Self.template.runner.journal, toPath: debrief.journal)
        let entries = debrief.journal + "/entries"
        let path = entries + "/2026/11/" + kind.file
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try kind.make(path, entries)
        defer { chmod(path, 0o600) }
        let before = Self.identity(path)

        var outputs: [String: BinaryRunner.Result] = [:]
        let commands: [[String]] = [
            ["list"], ["list", "--format", "json"], ["review", "--week", "2026-W48"], ["review", "--week", "2026-W48", "--format", "json"],
            ["followups", "--all"], ["people"], ["show", ids[0]], ["doctor"],
        ]
        for command in commands {
            let r = try debrief.run(command, timeout: 20)
            #expect(!r.timedOut, "\(command) hung with \(kind.name)")
            #expect(r.status < 128, "\(command) crashed (status \(r.status)) with \(kind.name): \(r.stderr)")
            #expect(command == ["doctor"] ? [0, 1].contains(r.status) : r.status == 0, "\(command) exited \(r.status): \(r.stderr)")
            outputs[command.joined(separator: " ")] = r
        }
        // Every good entry is still listed, reviewed and shown.
        let listed = try BinaryRunner.objects(try #require(outputs["list --format json"]).stdout).compactMap { $0["id"] as? String }
        for id in ids { #expect(listed.contains(id), "\(id) is not listed with \(kind.name)") }
        let reviewJSON = try #require(outputs["review --week 2026-W48 --format json"]).stdout
        let review = try #require(try JSONSerialization.jsonObject(with: Data(reviewJSON.utf8)) as? [String: Any])
        var isRead = false
        switch kind.verdict {
        case .read, .remarked: isRead = true
        case .reported, .ignored: break
        }
        #expect(review["entries"] as? Int == Self.good.count + (isRead ? 1 : 0), "the review counts \(review["entries"] ?? "nothing") with \(kind.name)")
        #expect(try #require(outputs["show \(ids[0])"]).stdout.contains("Coffee with Ana"))

        let doctor = try #require(outputs["doctor"]).stdout.split(separator: "\n").map(String.init)
        let about = doctor.filter { $0.hasPrefix(path + ":") }
        switch kind.verdict {
        case .reported(let reason):
            #expect(about.count == 1, "doctor says about \(kind.name): \(doctor)")
            #expect(about.first.map { $0.contains(reason) } == true, "doctor's reason for \(kind.name): \(about)")
        case .remarked(let remark):
            #expect(about.count == 1 && about.first.map { $0.contains(remark) } == true, "doctor's remark on \(kind.name): \(about)")
            #expect(listed.count == ids.count + 1, "\(kind.name) is not listed as an entry: \(listed)")
        case .read:
            #expect(about.isEmpty, "doctor reports \(kind.name): \(about)")
            #expect(listed.count == ids.count + 1, "\(kind.name) is not listed as an entry: \(listed)")
        case .ignored:
            #expect(about.isEmpty && doctor.isEmpty, "doctor reports \(kind.name): \(doctor)")
            #expect(listed.count == ids.count)
        }
        #expect(Self.identity(path) == before, "\(kind.name) was changed")
    }

    @Test func thereAreAtLeastFortyKinds() {
        #expect(Self.kinds.count >= 40)
    }
}
