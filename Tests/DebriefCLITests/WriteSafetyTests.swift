import Foundation
import Testing

/// How writes fail and what they leave: a file-size limit, stale temporary files, files changed
/// meanwhile, many adds in one minute. Run as the built binary.
@Suite struct WriteSafetyTests {
    /// Past `ulimit -f`, `add` fails with exit 74 and a message naming the entry, and leaves no
    /// temporary file, instead of being killed by SIGXFSZ halfway through writing one.
    @Test func aFileSizeLimitIsAnIOErrorNotAKill() throws {
        let debrief = try BinaryRunner()
        let notes = String(repeating: "A long note about the evening. ", count: 400)
        let r = try debrief.run(["add", "--answers", "-"], after: "ulimit -f 2",
                                stdin: "title: Big evening\nnotes: \(notes)\n")
        #expect(r.status == 74, "status \(r.status), stderr: \(r.stderr)")
        #expect(r.stderr.contains("2026-11-26-1000-big-evening"), "stderr: \(r.stderr)")
        #expect(!r.stderr.contains(".tmp-"), "the message names the temporary file: \(r.stderr)")
        let left = FileManager.default.enumerator(atPath: debrief.journal)?.compactMap { $0 as? String } ?? []
        #expect(!left.contains { $0.contains(".tmp-") }, "left behind: \(left)")
        #expect(debrief.entryFiles().isEmpty)
    }
}
