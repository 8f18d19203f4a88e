import Foundation
import Testing

/// A write killed at each of its file-system steps in turn, deterministically: `strace` delivers
/// SIGKILL when the run enters its n-th call of one of link, unlink or rename (strace counts each
/// system call apart), for each of them and n = 1, 2, … until a run gets through. The kill storm (``KillStormTests``) hits these moments only by chance; it
/// once left, in CI, the hidden temporary file as a second name of a new entry (killed between
/// `link` and `unlink`), which reads as a hard-linked entry that debrief then refuses to write.
/// After every kill: the entry is whole or absent, no entry file has a second name, and `doctor`
/// reports nothing but the temporary files of killed runs.
@Suite("A kill at every file-system step", .serialized)
struct KillAtEveryStepTests {
    /// The system calls a write publishes and cleans up with.
    static let steps = ["link", "linkat", "unlink", "unlinkat", "rename", "renameat", "renameat2"]
    /// More calls of one system call than any of these writes makes: reaching it means the loop
    /// never ended.
    static let bound = 40

    static let strace: String? = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// One moment to kill at: entering the `n`-th call of `call`.
    struct Step: CustomStringConvertible {
        var call: String
        var n: Int
        var description: String { "\(call) call \(n)" }
    }

    /// Calls `body` with each step in turn, `call` by `call`, n = 1, 2, …, while `body` says the
    /// run was killed (a run that got through means `call` has no n-th call); fails if `bound` is
    /// reached. Returns how many runs were killed.
    @discardableResult
    func eachStep(_ body: (Step) throws -> Bool) throws -> Int {
        var killed = 0
        for call in Self.steps {
            var n = 1
            while try body(Step(call: call, n: n)) {
                killed += 1
                n += 1
                guard n <= Self.bound else {
                    Issue.record("\(call) was entered more than \(Self.bound) times")
                    break
                }
            }
        }
        #expect(killed > 0, "no run was killed: the test tested nothing")
        return killed
    }

    /// Runs `debrief args` under strace, killed on entering `step`.
    func run(_ debrief: BinaryRunner, _ args: [String], stdin: String = "", killAt step: Step) throws -> Subprocess.Output {
        let tracer = try #require(Self.strace, "strace is needed (.ci/run installs it)")
        return try Subprocess.run(tracer, ["-f", "-qq", "-o", "/dev/null", "-e", "trace=" + step.call,
                                           "-e", "inject=\(step.call):signal=KILL:when=\(step.n)", BinaryRunner.binary] + args,
                                  environment: debrief.baseEnvironment, stdin: stdin, directory: debrief.root, timeout: 60)
    }

    /// Every entry file has one name, and doctor lists only temporary files.
    func expectNoSecondNames(_ debrief: BinaryRunner, _ step: String) throws {
        for path in debrief.entryFiles() {
            var info = stat()
            #expect(lstat(path, &info) == 0 && info.st_nlink == 1, "\(step): \(path) has \(info.st_nlink) names")
        }
        let doctor = try debrief.run(["doctor"])
        let lines = doctor.stdout.split(separator: "\n").map(String.init)
        let others = lines.filter { !$0.contains("a temporary file left by a debrief that was stopped mid-write") }
        #expect(others.isEmpty, "\(step): doctor found more than temporary files:\n\(doctor.stdout)")
    }

    @Test func addKilledAtEachStep() throws {
        try eachStep { step in
            let debrief = try BinaryRunner()
            let r = try run(debrief, ["add", "--answers", "-"], stdin: "title: Step\ndate: 2026-11-24 18:30\nlearned: \(step)\n", killAt: step)
            let files = debrief.entryFiles()
            #expect(files.count == (r.status == 0 ? 1 : 0) || (r.status != 0 && files.count == 1), "add killed at \(step) left \(files)")
            for file in files {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                #expect(text.contains("learned: \(step)\n"), "add killed at \(step): \(file) is torn:\n\(text)")
            }
            try expectNoSecondNames(debrief, "add killed at \(step)")
            return r.status != 0
        }
    }

    @Test func doneKilledAtEachStep() throws {
        try eachStep { step in
            let debrief = try BinaryRunner()
            let entry = try debrief.add("title: Target\ndate: 2026-11-20 10:00\nfollow-ups:\n  - who: Ana\n    action: Write to Ana\n    due: 2026-11-27")
            let before = try String(contentsOfFile: entry.path, encoding: .utf8)
            let r = try run(debrief, ["done", entry.id, "1"], killAt: step)
            let after = try String(contentsOfFile: entry.path, encoding: .utf8)
            let marked = after.contains("done: 2026-11-26")
            #expect(after == before || marked, "done killed at \(step) left:\n\(after)")
            #expect(r.status != 0 || marked, "done got through every step but the follow-up is open")
            #expect(debrief.entryFiles() == [entry.path])
            try expectNoSecondNames(debrief, "done killed at \(step)")
            return r.status != 0
        }
    }

    @Test func importKilledAtEachStep() throws {
        let export = (1...3).map { "[2026-11-2\($0) 18:30] Meetup \($0)\nTalked about step \($0).\n" }.joined(separator: "\n")
        try eachStep { step in
            let debrief = try BinaryRunner()
            let file = try debrief.write(export, to: "old.txt")
            let r = try run(debrief, ["import", "jrnl", file], killAt: step)
            for path in debrief.entryFiles() {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.contains("Talked about step"), "import killed at \(step): \(path) is torn:\n\(text)")
            }
            #expect(r.status != 0 || debrief.entryFiles().count == 3, "import got through every step but wrote \(debrief.entryFiles())")
            try expectNoSecondNames(debrief, "import killed at \(step)")
            return r.status != 0
        }
    }
}
