#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The index changes how long a command takes, never what it says: every command's output and
/// exit status are byte-identical with `DEBRIEF_INDEX=off` (the files read directly), through random
/// outside changes of every kind, and through a damaged or deleted index.
@Suite struct IndexHonestyCLITests {
    static let commands: [[String]] = [
        ["list"], ["list", "--format", "json"], ["list", "--person", "rike"], ["list", "--search", "cafe"],
        ["list", "--search", "ü"], ["list", "--search", "zurich", "--format", "json"], ["list", "--person", "ana", "--search", "notes", "--limit", "3"], ["list", "--kind", "meet", "--limit", "3"], ["list", "--since", "2026-10-01", "--tag", "swift"],
        ["list", "--pitfall", "self"], ["list", "--limit", "2"], ["review"], ["review", "--weeks", "52", "--format", "json"], ["review", "--week", "2026-W40"],
        ["review", "--week", "2026-W40", "--format", "markdown"],
        ["people"], ["people", "--format", "json"], ["people", "show", "zoe"], ["people", "show", "ana li", "--format", "json"],
        ["people", "show", "Zoë Brandt"], ["people", "show", "nobody here"], ["people", "--cold", "30"], ["export"], ["export", "--since", "2026-09-01", "--format", "json"], ["followups", "--all"], ["followups", "--open", "--format", "json"], ["doctor"],
        ["pending", "--days", "60"], ["pending", "--days", "200", "--format", "json"],
    ]

    static let names = ["Zoë Brandt", "Henrike Müller", "Ana Li", "Omar Haddad", "李雷"]

    static func entry(_ i: Int, title: String? = nil, day: String? = nil) -> String {
        let d = day ?? String(format: "2026-%02d-%02d", 7 + i % 5, 1 + (i * 3) % 27)
        let talk = 20 + (i * 17) % 70
        var lines = ["---", "schema: 1", "created: \(d)T21:00:00+01:00", "updated: \(d)T21:00:00+01:00",
                     "title: \(title ?? "Event \(i) café")", "date: \(d)T18:30:00+01:00", "kind: \(i % 2 == 0 ? "meetup" : "one-on-one")",
                     "people:", "  - name: \(names[i % names.count])", "    level: peer", "    relation: \(i % 3 == 0 ? "existing" : "new")",
                     "talk-share: \(talk)", "asked-about-them: \(i % 4 == 0 ? "no" : "yes")"]
        if i % 2 == 0 { lines += ["follow-ups:", "  - who: \(names[(i + 1) % names.count])", "    action: Send notes \(i)", "    due: 2026-11-\(10 + i % 15)"] }
        // Every fourth entry mentions someone it does not list (`people`'s mentions).
        let mention = i % 4 == 1 ? " Lunch with \(names[(i + 3) % names.count])." : ""
        lines += ["tags: [\(i % 3 == 0 ? "swift" : "rust"), notes]", "---", "Free notes about Zürich \(i).\(mention)", ""]
        return lines.joined(separator: "\n")
    }

    static func path(_ debrief: BinaryRunner, _ id: String) -> String {
        "\(debrief.journal)/entries/\(id.prefix(4))/\(id.dropFirst(5).prefix(2))/\(id).md"
    }

    /// Commands compared after each change (the whole list at the start and the end).
    static let quick: [[String]] = [["list", "--format", "json"], ["list", "--search", "cafe"], ["review", "--format", "json"],
                                    ["review", "--weeks", "52"], ["people", "--format", "json"], ["people", "show", "omar"],
                                    ["people", "show", "henrike  MULLER"], ["export"], ["followups", "--all"], ["doctor"],
                                    ["pending", "--days", "60", "--format", "json"]]

    /// Runs every command both ways and compares.
    static func compare(_ debrief: BinaryRunner, _ when: String, _ commands: [[String]] = quick) throws {
        for command in commands {
            let indexed = try debrief.run(command)
            let files = try debrief.run(command, env: ["DEBRIEF_INDEX": "off"])
            #expect(indexed.status == files.status, "\(when): \(command) exit status")
            #expect(indexed.stdout == files.stdout, "\(when): \(command) stdout")
            #expect(indexed.stderr == files.stderr, "\(when): \(command) stderr")
        }
    }

    /// A calendar for `pending` (and the review's calendar part): events on the days of entries
    /// `entry(_:)` writes, some reflected by title or by a person, some not, over five months.
    static func calendar(_ debrief: BinaryRunner) throws {
        typealias P = PendingCLITests
        let events = (0..<14).map { i -> String in
            let day = String(format: "2026%02d%02d", 7 + i % 5, 1 + (i * 3) % 27)
            // Even: the entry's title (reflected by title); odd: its person, at its time or two hours later
            // (reflected), or someone else (waits).
            return P.event("e\(i)", i % 2 == 0 ? "Event \(i) café" : "Coffee", start: day + "T\(i % 4 == 1 ? "20" : "18")3000",
                           end: day + "T\(i % 4 == 1 ? "21" : "19")3000",
                           [P.me, "ATTENDEE;CN=\(i % 3 == 0 ? "Bo Lind" : names[i % names.count]):mailto:p\(i)@example.com"])
        } + [P.event("e-late", "Dinner with Omar", start: "20261124T190000", end: "20261124T220000",
                     [P.me, "ATTENDEE;CN=Omar Haddad:mailto:omar@example.com"])]
        let vdir = debrief.root + "/calendars/work"
        for (i, event) in events.enumerated() { try debrief.write(P.calendar(event), to: vdir + "/\(i).ics") }
        try P.configureDefault(debrief, calendars: [vdir])
    }

    @Test func everyCommandSaysTheSameWithAndWithoutTheIndexThroughOutsideChanges() throws {
        let debrief = try BinaryRunner()
        try Self.calendar(debrief)
        var ids: [String] = []
        for i in 0..<14 {
            let d = String(format: "2026-%02d-%02d", 7 + i % 5, 1 + (i * 3) % 27)
            let id = "\(d)-1830-event-\(i)"
            try debrief.write(Self.entry(i, day: d), to: Self.path(debrief, id))
            ids.append(id)
        }
        try Self.compare(debrief, "first run", Self.commands)
        // Some events wait, some are reflected.
        let waiting = try PendingCLITests.keys(try debrief.run(["pending", "--days", "200", "--format", "json"]))
        #expect(waiting.contains("e-late") && waiting.count > 1 && waiting.count < 15, "\(waiting)")
        var state: UInt64 = 48
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for step in 0..<9 {
            let id = ids[random(ids.count)]
            let path = Self.path(debrief, id)
            switch step % 9 {
            case 0: // an edit
                try debrief.write(Self.entry(step + 20, title: "Edited \(step)", day: String(id.prefix(10))), to: path)
            case 1: // same size, same second
                var bytes = try [UInt8](BinaryRunner.bytes(path))
                var st = stat()
                stat(path, &st)
                if let i = bytes.firstIndex(of: UInt8(ascii: "E")) { bytes[i] = UInt8(ascii: "F") }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                var times = [st.st_atim, st.st_mtim]
                utimensat(AT_FDCWD, path, &times, 0)
            case 2: // deleted
                unlink(path)
                ids.removeAll { $0 == id }
            case 3: // renamed
                rename(path, Self.path(debrief, id + "-moved"))
                ids = ids.map { $0 == id ? id + "-moved" : $0 }
            case 4: // added
                let newID = "2026-11-\(20 + step)-0900-added-\(step)"
                try debrief.write(Self.entry(step + 40, day: String(newID.prefix(10))), to: Self.path(debrief, newID))
                ids.append(newID)
            case 5: // touched
                utimensat(AT_FDCWD, path, nil, 0)
            case 6: // unreadable, compared, then fixed
                chmod(path, 0o000)
                try Self.compare(debrief, "step \(step): \(id) unreadable")
                chmod(path, 0o600)
            case 7: // broken
                try debrief.write("---\ntitle: [unclosed\n---\n", to: path)
            default: // the index damaged with random bytes
                for file in Self.indexFiles(debrief) {
                    guard let handle = FileHandle(forUpdatingAtPath: file) else { continue }
                    let size = handle.seekToEndOfFile()
                    for k in 0..<32 {
                        handle.seek(toFileOffset: size / 32 * UInt64(k))
                        handle.write(Data((0..<256).map { _ in UInt8(random(256)) }))
                    }
                    handle.closeFile()
                }
            }
            try Self.compare(debrief, "step \(step)")
        }
        // Deleted outright.
        try FileManager.default.removeItem(atPath: debrief.home + "/.cache")
        try Self.compare(debrief, "after the changes", Self.commands)
        try Self.compare(debrief, "index deleted")
    }

    static func indexFiles(_ debrief: BinaryRunner) -> [String] {
        let dir = debrief.home + "/.cache/debrief"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".sqlite") }.map { dir + "/" + $0 }
    }

    /// The index lives in the cache folder, 0600 in 0700, even under umask 000, and never in the journal.
    @Test func theIndexIsPrivateAndOutsideTheJournal() throws {
        let debrief = try BinaryRunner()
        try debrief.add("title: Private\n")
        let r = try debrief.run(["list"], after: "umask 000")
        #expect(r.status == 0)
        let dir = debrief.home + "/.cache/debrief"
        func mode(_ path: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
        #expect(try mode(dir) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files.contains { $0.hasSuffix(".sqlite") })
        for file in files { #expect(try mode(dir + "/" + file) == 0o600, "\(file)") }
        let inJournal = FileManager.default.enumerator(atPath: debrief.journal)?.compactMap { $0 as? String } ?? []
        #expect(!inJournal.contains { $0.contains("sqlite") })
    }
}

extension IndexHonestyCLITests {
    /// The review facts keep only the answers the catalog's pitfalls read (issue 23): an override
    /// whose rule reads another answer (`kind`) makes the index keep that one too (the kept
    /// prompts are part of what the index was built under), so the review still says what the
    /// files say.
    @Test func aPitfallReadingAnotherAnswerIsJudgedFromTheFiles() throws {
        let debrief = try BinaryRunner()
        for i in 0..<12 {
            let d = String(format: "2026-11-%02d", 2 + i)
            try debrief.write(Self.entry(i, day: d), to: Self.path(debrief, "\(d)-1830-event-\(i)"))
        }
        // Past the index's racy window (2 s), so the files are not read again on every run and
        // the stored facts are what answers after the catalog changes.
        Thread.sleep(forTimeInterval: 2.2)
        let commands: [[String]] = [["review", "--week", "2026-W46"], ["review", "--week", "2026-W46", "--format", "json"]]
        try Self.compare(debrief, "default catalog", commands)
        let before = try debrief.run(commands[0])
        #expect(!before.stdout.contains("a one-on-one"))
        try debrief.write("pitfalls:\n  - id: self-promotion\n    signals:\n      - when: { answer: kind, is: one-on-one }\n"
                          + "        reason: a one-on-one\n", to: debrief.promptsDirectory + "/10-kind.yaml")
        try Self.compare(debrief, "a rule reading kind", commands)
        #expect(try debrief.run(commands[0]).stdout.contains("a one-on-one"), "the new rule shows")
    }
}

extension IndexHonestyCLITests {
    /// `people` finds the entries that may mention someone from the index's word positions
    /// (`MentionPhrases`, issue 23): names FTS5's tokenizer cuts further than a name's words
    /// (a hyphen, an apostrophe), a word repeated, a title before the name, a name across two
    /// lines, other scripts and an imported note's tag still give what the files give.
    @Test func mentionsOfNamesOfEveryShapeAreFoundAsTheFilesFindThem() throws {
        let debrief = try BinaryRunner()
        let listed = ["Anne-Marie O'Neil", "Dr. Li Li", "Jo Ng", "Zoë Brandt", "李雷"]
        let texts = ["Lunch with anne-marie o'neil and LI LI.", "Met Jo\nNg later; li and li; 李雷 too.", "Zoe brandt and Anne Marie O Neil.",
                     "Nothing about anyone: banana, lili, jong.", "dr li li called."]
        for i in 0..<10 {
            let d = String(format: "2026-10-%02d", 1 + i)
            var lines = ["---", "schema: 1", "created: \(d)T21:00:00+01:00", "updated: \(d)T21:00:00+01:00", "title: Talk \(i)",
                         "date: \(d)T18:30:00+01:00", "kind: meetup", "people:", "  - name: \(listed[i % listed.count])",
                         "    relation: existing"]
            if i == 9 { lines += ["flow: imported", "tags: [annemarieoneil, jo-ng]"] }
            lines += ["---", texts[i % texts.count], ""]
            try debrief.write(lines.joined(separator: "\n"), to: Self.path(debrief, "\(d)-1830-talk-\(i)"))
        }
        let commands: [[String]] = [["people"], ["people", "--format", "json"], ["people", "show", "anne"], ["people", "show", "li li"],
                                    ["people", "show", "jo ng", "--format", "json"], ["people", "show", "Dr. Li Li"],
                                    ["people", "show", "Anne-Marie O'Neil"], ["people", "--cold", "0"]]
        try Self.compare(debrief, "cold", commands)
        try Self.compare(debrief, "warm", commands)
        let anne = try debrief.run(["people", "show", "anne"]).stdout
        #expect(anne.contains("Mentioned in"), "the mentions are found at all: \(anne)")
    }
}
