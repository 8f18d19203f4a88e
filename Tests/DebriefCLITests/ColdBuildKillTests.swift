import Foundation
import Testing

/// A cold index build killed midway, deterministically: `strace` delivers SIGKILL when the run
/// enters its n-th `pwrite64` (SQLite writes its write-ahead log and database with it), for n
/// spread over the whole build: while the schema is written, inside a batch's transaction, between
/// batches (a build commits a batch of files at a time, ``JournalIndex/recordBatch(_:)``), during a
/// checkpoint. After every kill the next runs answer exactly as the files do
/// (`DEBRIEF_INDEX=off`), `doctor` finds nothing wrong with the index, and at least one kill left
/// committed batches that the next run trusted instead of reading every file again.
@Suite("A cold index build killed midway", .serialized)
struct ColdBuildKillTests {
    static let commands: [[String]] = [["people", "--format", "json"], ["list", "--search", "cafe"], ["followups", "--all"],
                                       ["review", "--format", "json"], ["doctor"]]

    /// Runs `debrief args` under strace, killed on entering its `n`-th `pwrite64`.
    func run(_ debrief: BinaryRunner, _ args: [String], killAt n: Int, trace: String) throws -> Subprocess.Output {
        let tracer = try #require(KillAtEveryStepTests.strace, "strace is needed (.ci/run installs it)")
        let environment = debrief.baseEnvironment.merging(["DEBRIEF_TRACE": trace]) { $1 }
        return try Subprocess.run(tracer, ["-f", "-qq", "-o", "/dev/null", "-e", "trace=pwrite64",
                                           "-e", "inject=pwrite64:signal=KILL:when=\(n)", BinaryRunner.binary] + args,
                                  environment: environment, stdin: "", directory: debrief.root, timeout: 120)
    }

    /// "index: 200 files checked against K indexed rows, M to read": K and M of the first such line.
    static func checked(_ trace: String) -> (rows: Int, toRead: Int)? {
        for line in trace.split(separator: "\n") where line.contains("files checked against") {
            let words = line.split(separator: " ")
            guard let against = words.firstIndex(of: "against"), let to = words.firstIndex(of: "to"),
                  let rows = Int(words[against + 1]), let toRead = Int(words[to - 1].trimmingCharacters(in: .punctuationCharacters)) else { continue }
            return (rows, toRead)
        }
        return nil
    }

    @Test func aColdBuildKilledMidwayLeavesAnIndexThatAnswersAsTheFiles() throws {
        let debrief = try BinaryRunner()
        let total = 200
        for i in 0..<total {
            let d = String(format: "2026-%02d-%02d", 7 + i % 5, 1 + (i * 3) % 27)
            try debrief.write(IndexHonestyCLITests.entry(i), to: IndexHonestyCLITests.path(debrief, "\(d)-1830-event-\(i)"))
        }
        var expected: [String: BinaryRunner.Result] = [:]
        for command in Self.commands { expected[command.joined(separator: " ")] = try debrief.run(command, env: ["DEBRIEF_INDEX": "off"]) }
        let cache = debrief.home + "/.cache"
        var killed = 0
        var resumed = 0
        // Spread over a build of 200 files in batches of 64: the schema, inside and between batches.
        for n in [1, 3, 12, 40, 90, 160, 260, 400, 600, 900] {
            try? FileManager.default.removeItem(atPath: cache)
            let r = try run(debrief, ["people"], killAt: n, trace: debrief.root + "/killed-\(n).trace")
            guard r.status != 0 else { break }
            killed += 1
            let trace = debrief.root + "/after-\(n).trace"
            for command in Self.commands {
                let key = command.joined(separator: " ")
                let after = try debrief.run(command, env: command == Self.commands[0] ? ["DEBRIEF_TRACE": trace] : [:])
                let want = try #require(expected[key])
                #expect(after.status == want.status, "killed at pwrite64 \(n): \(key) exit status")
                #expect(after.stdout == want.stdout, "killed at pwrite64 \(n): \(key) stdout")
                #expect(after.stderr == want.stderr, "killed at pwrite64 \(n): \(key) stderr")
            }
            let seen = Self.checked((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "")
            #expect(seen != nil, "killed at pwrite64 \(n): the next run left no trace of its freshness check")
            if let seen, seen.rows > 0, seen.rows < total, seen.toRead == total - seen.rows { resumed += 1 }
        }
        #expect(killed >= 4, "only \(killed) runs were killed: the kills did not spread over the build")
        #expect(resumed > 0, "no kill left committed batches that the next run kept")
    }
}
