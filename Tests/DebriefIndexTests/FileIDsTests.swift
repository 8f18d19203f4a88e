@testable import DebriefIndex
import Testing

/// ``FileIDs``, the files a text query may match and those its stored text vouches for, as bits
/// (issue 23: a `Set<Int64>` of 100,000 ids missed the CPU's caches on every lookup), answers
/// as the set it replaced did, ids outside its bits included.
@Suite struct FileIDsTests {
    /// Ids as the index gives them (from 1 up, with gaps), some twice, and at times a few no
    /// rowid of a journal's file gets (negative, past the bits) that a database could still hold.
    static func ids(_ count: Int, _ g: inout SplitMix) -> [Int64] {
        var out: [Int64] = []
        var id = Int64.random(in: 0...3, using: &g)
        for _ in 0..<count {
            out.append(id)
            if Int.random(in: 0..<10, using: &g) == 0, let earlier = out.randomElement(using: &g) { out.append(earlier) }
            id += Int64.random(in: 1...(Bool.random(using: &g) ? 1 : 200), using: &g)
        }
        if Bool.random(using: &g) { out += [-1, Int64.min, FileIDs.bitLimit, FileIDs.bitLimit - 1, Int64.max] }
        return out.shuffled(using: &g)
    }

    @Test(arguments: 0..<40)
    func answersAsASet(_ seed: Int) {
        var g = SplitMix(seed: UInt64(seed))
        let count = [0, 1, 2, 63, 64, 65, 1_000][seed % 7]
        let a = Self.ids(count, &g), b = Self.ids(count, &g)
        let (setA, setB) = (Set(a), Set(b))
        var bitsA = FileIDs()
        for id in a { bitsA.insert(id) }
        let bitsB = FileIDs(b)
        #expect(bitsA.count == setA.count && bitsB.count == setB.count)
        #expect(bitsA.isEmpty == setA.isEmpty)
        let both = bitsA.intersection(bitsB)
        #expect(both.count == setA.intersection(setB).count)
        #expect(both == FileIDs(setA.intersection(setB).sorted()), "the same ids, whatever order they came in")
        #expect(both == bitsB.intersection(bitsA))
        let asked = Array(setA.union(setB)) + [-2, 0, 1, 64, 65, 1 << 20, FileIDs.bitLimit + 1, Int64.min + 1]
        for id in asked {
            #expect(bitsA.contains(id) == setA.contains(id), "\(id)")
            #expect(both.contains(id) == (setA.contains(id) && setB.contains(id)), "\(id)")
        }
    }

    @Test func equalAcrossEmptyTrailingWords() {
        var wide = FileIDs([1, 500])
        #expect(wide == FileIDs([500, 1]))
        wide = wide.intersection(FileIDs([1, 2, 3]))
        #expect(wide == FileIDs([1]) && wide != FileIDs([1, 2]) && wide.count == 1)
    }
}
