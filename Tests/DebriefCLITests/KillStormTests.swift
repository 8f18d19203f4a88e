import Foundation
import Testing

/// Processes killed with SIGKILL at random moments while they write: afterwards every entry is
/// whole or absent, every `add` that reported success is there, every `done` that reported
/// success is on disk, and `doctor` reports nothing but the temporary files the killed runs left,
/// which the next write into their folder removes once they are stale.
@Suite("Kill storm", .serialized)
struct KillStormTests {
    static let adds = 240
    static let dones = 60
    /// Runs at once (two cores; more only queue).
    static let workers = 4

    /// A deterministic generator, so a failing storm can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform(_ range: ClosedRange<Double>) -> Double {
            range.lowerBound + Double(next() % 1_000_000) / 1_000_000 * (range.upperBound - range.lowerBound)
        }
    }

    enum Job: Sendable {
        case add(Int)
        case done(entry: Int, n: Int)
    }

    struct Outcome: @unchecked Sendable {
        var job: Job
        var result: BinaryRunner.Result
    }

    @Test func killedWritesLeaveWholeEntriesOrNone() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["DEBRIEF_STORM_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        var random = Random(state: seed)
        let debrief = try BinaryRunner()
        // Ten entries with six follow-ups each, for `done` to mark.
        var targets: [String] = []
        for e in 0..<10 {
            let rows = (1...6).map { "  - who: Person \($0)\n    action: Write to them about \(e)-\($0)\n    due: 2026-11-2\($0 % 3 + 5)" }
            targets.append(try debrief.add("title: Target \(e)\ndate: 2026-11-20 1\(e % 10):00\nfollow-ups:\n" + rows.joined(separator: "\n")).id)
        }
        var jobs: [Job] = (0..<Self.adds).map { .add($0) } + (0..<Self.dones).map { _ in
            .done(entry: Int(random.next() % 10), n: Int(random.next() % 6) + 1)
        }
        // Interleave adds and dones.
        for i in jobs.indices.reversed() { jobs.swapAt(i, Int(random.next() % UInt64(i + 1))) }
        let delays = jobs.map { _ in random.uniform(0.002...0.25) }
        let notes = String(repeating: "A long evening of notes, kept private. ", count: 200)

        // The workers only read the runner's paths and environment.
        nonisolated(unsafe) let runner = debrief
        let (work, entries) = (jobs, targets)
        let collected = Locked<[Outcome]>([])
        let next = Locked(0)
        DispatchQueue.concurrentPerform(iterations: Self.workers) { _ in
            while let i = next.withLock({ (n: inout Int) -> Int? in
                defer { n += 1 }
                return n < work.count ? n : nil
            }) {
                let job = work[i]
                let result: BinaryRunner.Result
                switch job {
                case .add(let n):
                    // Every third add shares one title (and, the clock being fixed, one minute).
                    let title = n % 3 == 0 ? "Same title" : "Storm \(n)"
                    let answers = "title: \(title)\ndate: 2026-11-24 18:30\nlearned: add number \(n)\nnotes: \"\(notes)\"\n"
                    result = (try? runner.run(["add", "--answers", "-"], stdin: answers, timeout: 30, killAfter: delays[i]))
                        ?? BinaryRunner.Result(stdout: "", stderr: "could not run", status: -1)
                case .done(let e, let n):
                    result = (try? runner.run(["done", entries[e], "\(n)"], timeout: 30, killAfter: delays[i]))
                        ?? BinaryRunner.Result(stdout: "", stderr: "could not run", status: -1)
                }
                collected.withLock { $0.append(Outcome(job: job, result: result)) }
            }
        }
        let outcomes = collected.withLock { $0 }
        let killed = outcomes.filter(\.result.killed).count
        #expect(outcomes.allSatisfy { !$0.result.timedOut }, "a run hung (seed \(seed))")
        #expect(killed > 0, "no run was killed mid-way: the storm tested nothing (seed \(seed))")

        // Every add that said it succeeded is there, whole, with its own answers.
        let listed = try BinaryRunner.objects(try debrief.run(["list", "--format", "json"]).stdout)
        let titles = Dictionary(listed.compactMap { o in (o["id"] as? String).map { ($0, o["title"] as? String ?? "") } }) { a, _ in a }
        var reported = 0
        for outcome in outcomes {
            guard case .add(let n) = outcome.job, !outcome.result.killed else { continue }
            #expect(outcome.result.status == 0, "add \(n) failed without being killed: \(outcome.result.stderr) (seed \(seed))")
            let lines = outcome.result.stdout.split(separator: "\n").map(String.init)
            guard outcome.result.status == 0, lines.count == 2 else { continue }
            reported += 1
            #expect(titles[lines[0]] == (n % 3 == 0 ? "Same title" : "Storm \(n)"), "add \(n) reported \(lines[0]) (seed \(seed))")
            let text = try String(contentsOfFile: lines[1], encoding: .utf8)
            #expect(text.contains("learned: add number \(n)\n"), "\(lines[1]) is not add \(n)'s")
        }
        // Every done that said it succeeded is on disk.
        for outcome in outcomes {
            guard case .done(let e, let n) = outcome.job, !outcome.result.killed, outcome.result.status == 0 else { continue }
            let shown = try debrief.run(["show", targets[e], "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["follow-ups"] as? [[String: Any]], "show printed \(shown.stdout)")
            #expect(rows[n - 1]["done"] as? String == "2026-11-26", "done \(targets[e]) \(n) reported success but is open (seed \(seed))")
        }
        // Whole or absent: doctor finds nothing but the killed runs' temporary files.
        let doctor = try debrief.run(["doctor"])
        let lines = doctor.stdout.split(separator: "\n").map(String.init)
        let temporaries = lines.filter { $0.contains("a temporary file left by a debrief that was stopped mid-write") }
        #expect(lines.count == temporaries.count, "doctor found more than temporary files (seed \(seed)):\n\(doctor.stdout)")
        #expect(debrief.entryFiles().count == listed.count + 0, "entry files and listed entries differ")
        #expect(listed.count >= 10 + reported)

        // Once stale, the next write into their folder removes them, and doctor is clean.
        let folder = debrief.journal + "/entries/2026/11"
        let hidden = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(hidden.count == temporaries.count)
        let old = Date().addingTimeInterval(-7200)
        for name in hidden { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + name) }
        _ = try debrief.add("title: After the storm\ndate: 2026-11-24 20:00")
        let after = try debrief.run(["doctor"])
        #expect(after.status == 0, "doctor after a write:\n\(after.stdout)")
        print("kill storm (seed \(seed)): \(outcomes.count) runs, \(killed) killed, \(reported) adds reported, \(temporaries.count) temporary files left then removed")
    }
}
