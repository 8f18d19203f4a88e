#if canImport(Glibc)
import Glibc
#endif
import DebriefCore
@testable import DebriefIndex
import Foundation
import Testing

/// The walk judges the common file (a regular file with an ASCII name) by its name's bytes and
/// every other by its `String` (issue 23: no `String` per unchanged file). Both ways must list,
/// skip and report exactly the same files, and the stat a walk with an index takes must be the
/// file's own, whichever way judged it.
@Suite struct WalkNameBytesTests {
    static let entry = "---\nschema: 1\ncreated: 2026-11-24T10:15:00+01:00\ntitle: T\n---\n"

    /// Names on either side of the byte test: ASCII and not, hidden, a dot that is not a prefix
    /// to `String` (a combining accent on it), `.md` in another case, too short, a conflict copy
    /// named in ASCII and one that is not, and a folder whose name holds "conflict".
    @Test func bothWaysListWhatTheStringRulesList() throws {
        let f = IndexFixture("walk-names", racyMargin: 0)
        let entries = f.root + "/entries"
        let folders = ["2026/11", "loose", "old-conflicts"]
        for folder in folders { try FileManager.default.createDirectory(atPath: entries + "/" + folder, withIntermediateDirectories: true) }
        let files = [
            "2026/11/2026-11-24-1015-plain.md", "2026/11/café.md", "2026/11/cafe\u{301}-2.md", "2026/11/.hidden.md",
            "2026/11/.\u{301}accented-dot.md", "2026/11/shout.MD", "2026/11/mixed.Md", "2026/11/notes.txt", "loose/.md",
            "loose/2026-11-24-1015-plain.sync-conflict-20261125-101500-ABCDEFG.md", "loose/2026-11-24-1015-plain.md",
            "loose/café.sync-conflict-20261125-101500-ABCDEFG.md", "loose/café.md",
            "old-conflicts/2026-11-20-0900-kept.md", "old-conflicts/nothing (conflicted copy).md",
        ]
        for file in files { try Self.entry.write(toFile: entries + "/" + file, atomically: false, encoding: .utf8) }
        let scan = f.indexed.scan()
        #expect(Set(scan.refs.map(\.path)) == Set([
            "2026/11/2026-11-24-1015-plain.md", "2026/11/café.md", "2026/11/cafe\u{301}-2.md", "2026/11/.\u{301}accented-dot.md",
            "loose/2026-11-24-1015-plain.md", "loose/café.md", "old-conflicts/2026-11-20-0900-kept.md",
            "old-conflicts/nothing (conflicted copy).md",
        ].map { entries + "/" + $0 }))
        #expect(scan.refs.allSatisfy { $0.path.hasSuffix("/" + $0.id + ".md") })
        #expect(scan.problems.map(\.description) == [
            "\(entries)/2026/11/mixed.Md:1: not read: entry files end in `.md`, in lower case",
            "\(entries)/2026/11/shout.MD:1: not read: entry files end in `.md`, in lower case",
            "\(entries)/loose/2026-11-24-1015-plain.sync-conflict-20261125-101500-ABCDEFG.md:1: a sync-conflict copy of \(entries)/loose/2026-11-24-1015-plain.md; counted once, as the original (`debrief doctor --merge` merges it into the original)",
            "\(entries)/loose/café.sync-conflict-20261125-101500-ABCDEFG.md:1: a sync-conflict copy of \(entries)/loose/café.md; counted once, as the original (`debrief doctor --merge` merges it into the original)",
        ])
        #expect(scan.conflictCopies.count == 2)
        // The walk without an index judges the same way and takes no stat.
        let plain = f.plain.scan()
        #expect(plain.refs == scan.refs)
        #expect(plain.problems.map(\.description) == scan.problems.map(\.description))
        #expect(plain.refs.allSatisfy { $0.stat == nil })
        // With an index, every file's stat is its own (the freshness check compares it).
        for ref in scan.refs {
            #expect(ref.stat != nil && ref.stat == FileStat(path: ref.path), "\(ref.path)")
        }
    }
}
