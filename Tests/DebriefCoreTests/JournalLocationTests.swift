import DebriefCore
import Foundation
import Testing

/// Where the journal is, and whether what is there can be one.
@Suite struct JournalLocationTests {
    @Test func theConfigComesAfterTheFlagAndTheVariable() {
        let env = ["HOME": "/h", "XDG_DATA_HOME": "/data"]
        #expect(JournalLocation.journal(option: "/opt", environment: env.merging(["DEBRIEF_JOURNAL": "/var"]) { $1 }, configured: "/cfg") == "/opt")
        #expect(JournalLocation.journal(option: nil, environment: env.merging(["DEBRIEF_JOURNAL": "/var"]) { $1 }, configured: "/cfg") == "/var")
        #expect(JournalLocation.journal(option: nil, environment: env, configured: "/cfg") == "/cfg")
        #expect(JournalLocation.journal(option: nil, environment: env, configured: nil) == "/data/debrief")
        #expect(JournalLocation.journal(option: nil, environment: ["HOME": "/h"]) == "/h/.local/share/debrief")
    }

    @Test func presenceTellsAFolderFromAFileFromNothing() throws {
        let dir = NSTemporaryDirectory() + "debrief-presence-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(JournalLocation.presence(of: dir) == .missing)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(JournalLocation.presence(of: dir) == .folder)
        let file = dir + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        #expect(JournalLocation.presence(of: file) == .notAFolder)
        #expect(JournalLocation.presence(of: file + "/below") == .notAFolder)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir)
        #expect(JournalLocation.presence(of: dir + "/link") == .folder)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling", withDestinationPath: dir + "/gone/journal")
        #expect(JournalLocation.presence(of: dir + "/dangling") == .danglingLink(dir + "/gone/journal"))
    }

    /// Making a folder where a link to nothing stands fails naming the link, and creates nothing
    /// at its target; a link below a dangling one fails too. Before, `mkdir`'s EEXIST was taken
    /// for "already there" and the caller failed later on a file inside it.
    @Test func makingAFolderThroughADanglingLinkFailsAndCreatesNothing() throws {
        let dir = NSTemporaryDirectory() + "debrief-presence-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/gone")
        #expect(throws: StoreError.io(dir + "/link", "is a symbolic link to \(dir)/gone, which does not exist")) {
            try AtomicFile.makeDirectory(dir + "/link")
        }
        #expect(throws: StoreError.io(dir + "/link", "is a symbolic link to \(dir)/gone, which does not exist")) {
            try AtomicFile.makeDirectory(dir + "/link/entries/2026")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/gone"))
        try AtomicFile.makeDirectory(dir + "/made/below")
        try AtomicFile.makeDirectory(dir + "/made/below")
        #expect(JournalLocation.presence(of: dir + "/made/below") == .folder)
    }
}
