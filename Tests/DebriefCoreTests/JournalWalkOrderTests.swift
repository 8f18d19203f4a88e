#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import DebriefCore

/// The walk lists a level of folders over the cores (issue 23: the stat of every file is most of a
/// full-journal command's time in the kernel), and must answer exactly as a walk of one folder at
/// a time: the folders in the order of a stack walk, and the files in that order too, which
/// decides which of two files with the same id comes first (the newest-first sort is stable).
@Suite struct JournalWalkOrderTests {
    /// Three levels, 40 folders, the same id in many of them, and problems all over.
    static func journal() throws -> JournalStore {
        let store = Fixtures.store(Fixtures.tempDirectory("walk-order"))
        let entries = store.entriesDirectory
        let text = "---\nschema: 1\ncreated: 2026-11-24T10:15:00+01:00\ntitle: T\n---\n"
        for year in ["2024", "2025", "2026", "imported"] {
            for sub in 0..<9 {
                let dir = entries + "/\(year)/f\(sub)"
                try FileManager.default.createDirectory(atPath: dir + "/deeper", withIntermediateDirectories: true)
                Fixtures.write(text, to: dir + "/2026-11-24-1015-same.md")
                Fixtures.write(text, to: dir + "/deeper/2026-11-24-1015-same.md")
                Fixtures.write(text, to: dir + "/2026-11-\(10 + sub)-0900-\(year).md")
                Fixtures.write(text, to: dir + "/shout-\(sub).MD")
                try FileManager.default.createSymbolicLink(atPath: dir + "/gone-\(sub).md", withDestinationPath: dir + "/nowhere")
            }
        }
        return store
    }

    /// A walk of one folder at a time (the walk before issue 23's change): the folders and the
    /// `.md` files, in the order a stack of folders visits them.
    static func oneAtATime(_ root: String) -> (folders: [String], files: [String]) {
        var folders: [String] = [], files: [String] = []
        var stack = [root]
        while let dir = stack.popLast() {
            guard let handle = opendir(dir) else { continue }
            folders.append(dir)
            while let item = readdir(handle) {
                let name = withUnsafePointer(to: item.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                if item.pointee.d_type == DT_DIR { stack.append(dir + "/" + name) } else if name.hasSuffix(".md") { files.append(dir + "/" + name) }
            }
            closedir(handle)
        }
        return (folders, files)
    }

    @Test func theWalkAnswersAsAWalkOfOneFolderAtATime() throws {
        let store = try Self.journal()
        defer { Fixtures.removeTemp(store.root) }
        let expected = Self.oneAtATime(store.entriesDirectory)
        for _ in 0..<5 {
            let scan = store.scan()
            #expect(scan.folders == expected.folders)
            #expect(scan.folders.count == 1 + 4 + 36 + 36)
            // Of the 72 files with the same id, the first listed comes first, and so on.
            let same = scan.refs.filter { $0.id == "2026-11-24-1015-same" }.map(\.path)
            #expect(same == expected.files.filter { $0.hasSuffix("/2026-11-24-1015-same.md") })
            #expect(same.count == 72)
            #expect(scan.refs.count == 72 + 36)
            // Every folder's problems, each once: 36 links to nothing, 36 names in capitals.
            #expect(scan.problems.count == 72)
            #expect(scan.problems.map(\.path) == scan.problems.map(\.path).sorted())
        }
    }
}
