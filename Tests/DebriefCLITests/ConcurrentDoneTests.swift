import Foundation
import Testing

/// Two `done`s at once on different follow-ups of one entry both land: the second re-reads the
/// file the first changed and applies its own edit to it (issue 15's row edits), instead of being
/// refused as before (56 of 100 pairs lost one side).
@Suite("Concurrent done")
struct ConcurrentDoneTests {
    static let pairs = 30

    @Test func twoDonesOnOneEntryBothLand() throws {
        let debrief = try BinaryRunner()
        var ids: [String] = []
        for p in 0..<Self.pairs {
            ids.append(try debrief.add("""
            title: Pair \(p)
            date: 2026-11-24 09:00
            follow-ups:
              - who: Ana
                action: Send the deck
                due: 2026-11-27
              - who: Bo
                action: Ask about the team
                due: 2026-11-28
            """).id)
        }
        nonisolated(unsafe) let runner = debrief
        var refused: [String] = []
        for id in ids {
            let results = Locked<[Int: BinaryRunner.Result]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                let result = try? runner.run(["done", id, "\(side + 1)"], timeout: 30)
                results.withLock { $0[side] = result }
            }
            for side in 0..<2 {
                let r = results.withLock { $0[side] }
                if r?.status != 0 { refused.append("\(id) \(side + 1): \(r?.status ?? -1) \(r?.stderr ?? "")") }
            }
            let shown = try debrief.run(["show", id, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let rows = try #require(object["follow-ups"] as? [[String: Any]])
            #expect(rows.map { $0["done"] as? String } == ["2026-11-26", "2026-11-26"], "\(id): \(rows)")
        }
        #expect(refused.isEmpty, "\(refused.count) of \(Self.pairs * 2) dones refused: \(refused.prefix(3))")
    }
}
