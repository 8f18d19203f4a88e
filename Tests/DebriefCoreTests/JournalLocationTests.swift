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
    }
}
