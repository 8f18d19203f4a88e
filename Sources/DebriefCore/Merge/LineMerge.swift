/// A three-way merge of lines (diff3): what changed between `base` and each side is taken, and
/// where both sides changed the same lines differently the chunk is a conflict.
///
/// The entry merge uses it for the notes (free Markdown, where two devices often add to different
/// paragraphs) and for the plain text conflict it falls back to when an entry does not parse. The
/// diff is Myers' with a bound on the number of edits: past ``maxEdits`` (two texts that share
/// almost nothing, or a hostile input) the differing middle is one chunk, so the cost stays
/// linear in the input, never quadratic.
enum LineMerge {
    /// One piece of the result: lines every side agrees on (or that only one side changed), or a
    /// conflict holding both sides' lines.
    enum Chunk: Equatable {
        case merged([Line])
        case conflict(ours: [Line], theirs: [Line])
    }

    /// A line's bytes with its line break: compared byte for byte (Swift's `==` on strings would
    /// call an NFD and an NFC line equal), and bytes need not be valid UTF-8, so a file that does
    /// not read as text still merges without a byte changed.
    typealias Line = [UInt8]

    /// The lines of `bytes`, each with its `\n` (the last one may lack it).
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var out: [Line] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 10 {
            out.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { out.append(Array(bytes[start...])) }
        return out
    }

    /// The lines of a text.
    static func lines(_ text: String) -> [Line] { lines(Array(text.utf8)) }

    /// Lines of `a` that `b` has too, in order (a longest common subsequence): the stand-in
    /// ancestor of two versions that have none, so that only where they differ is a conflict.
    static func common(_ a: [Line], _ b: [Line]) -> [Line] {
        zip(a, matches(a, b)).compactMap { $0.1 == nil ? nil : $0.0 }
    }

    /// Whether every line of `a` is in `b`, in order (`b` only adds lines to `a`).
    static func isContained(_ a: [Line], in b: [Line]) -> Bool {
        matches(a, b).allSatisfy { $0 != nil }
    }

    /// More edits than this between base and one side and the diff gives up on the middle.
    static let maxEdits = 1000

    /// The chunks of the merge of `ours` and `theirs` with `base`, lines with their line breaks.
    static func merge(base: [Line], ours: [Line], theirs: [Line]) -> [Chunk] {
        let mo = matches(base, ours)
        let mt = matches(base, theirs)
        var chunks: [Chunk] = []
        // Merged lines gather here until a conflict or the end, so a long run of alternating
        // chunks is not copied again at each step.
        var pending: [Line] = []
        func emit(_ lines: ArraySlice<Line>) { pending += lines }
        func flush() {
            if !pending.isEmpty { chunks.append(.merged(pending)) }
            pending = []
        }
        var i = 0, o = 0, t = 0
        let nb = base.count, no = ours.count, nt = theirs.count
        func keptByBoth(_ j: Int) -> Bool {
            guard let x = mo[j], let y = mt[j] else { return false }
            return x >= o && y >= t
        }
        while i < nb || o < no || t < nt {
            var k = 0
            while i + k < nb, mo[i + k] == o + k, mt[i + k] == t + k { k += 1 }
            if k > 0 {
                emit(base[i..<(i + k)])
                i += k; o += k; t += k
                continue
            }
            // The next base line both sides kept ends the unstable chunk.
            var j = i
            while j < nb, !keptByBoth(j) { j += 1 }
            let oEnd = j < nb ? mo[j] ?? no : no
            let tEnd = j < nb ? mt[j] ?? nt : nt
            let b = base[i..<j], x = ours[o..<oEnd], y = theirs[t..<tEnd]
            if x.elementsEqual(b) {
                emit(y)
            } else if y.elementsEqual(b) || x.elementsEqual(y) {
                emit(x)
            } else {
                flush()
                chunks.append(.conflict(ours: Array(x), theirs: Array(y)))
            }
            i = j; o = oEnd; t = tEnd
        }
        flush()
        return chunks
    }

    /// The merged lines, or nil when a chunk is a conflict.
    static func clean(_ chunks: [Chunk]) -> [Line]? {
        var out: [Line] = []
        for chunk in chunks {
            guard case .merged(let lines) = chunk else { return nil }
            out += lines
        }
        return out
    }

    /// The merge with git's conflict markers around each clashing chunk (`<<<<<<< ours`,
    /// `=======`, `>>>>>>> theirs`), each marker line ending in `ending`: the plain text conflict.
    static func marked(_ chunks: [Chunk], ending: String) -> [UInt8] {
        var out: [UInt8] = []
        let end = Array(ending.utf8)
        func add(_ ls: [Line]) {
            for l in ls { out += l }
            if let last = out.last, last != 10 { out += end }
        }
        for chunk in chunks {
            switch chunk {
            case .merged(let ls): for l in ls { out += l }
            case .conflict(let x, let y):
                if let last = out.last, last != 10 { out += end }
                out += Array("<<<<<<< ours".utf8) + end
                add(x)
                out += Array("=======".utf8) + end
                add(y)
                out += Array(">>>>>>> theirs".utf8) + end
            }
        }
        return out
    }

    /// Lines compared scalar by scalar (Swift's `==` would call an NFD and an NFC line equal).
    static func same(_ a: String, _ b: String) -> Bool { a.unicodeScalars.elementsEqual(b.unicodeScalars) }

    /// For each line of `a`, the line of `b` it is matched with in a longest common subsequence
    /// (nil when it was removed or changed). Monotonic: matched lines keep their order.
    static func matches(_ a: [Line], _ b: [Line]) -> [Int?] {
        // Lines as numbers, so the diff compares integers.
        var numbers: [Line: Int] = [:]
        func number(_ s: Line) -> Int {
            if let n = numbers[s] { return n }
            numbers[s] = numbers.count
            return numbers.count - 1
        }
        let x = a.map(number), y = b.map(number)
        var result = [Int?](repeating: nil, count: x.count)
        var head = 0
        while head < x.count, head < y.count, x[head] == y[head] {
            result[head] = head
            head += 1
        }
        var tail = 0
        while tail < x.count - head, tail < y.count - head, x[x.count - 1 - tail] == y[y.count - 1 - tail] {
            result[x.count - 1 - tail] = y.count - 1 - tail
            tail += 1
        }
        let xs = Array(x[head..<(x.count - tail)]), ys = Array(y[head..<(y.count - tail)])
        for (i, j) in myers(xs, ys) { result[head + i] = head + j }
        return result
    }

    /// The matched pairs of a shortest edit script from `a` to `b` (Myers 1986), or none when it
    /// takes more than ``maxEdits`` edits.
    private static func myers(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var xx: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    xx = v[offset + k + 1]
                } else {
                    xx = v[offset + k - 1] + 1
                }
                var yy = xx - k
                while xx < n, yy < m, a[xx] == b[yy] {
                    xx += 1
                    yy += 1
                }
                v[offset + k] = xx
                if xx >= n, yy >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return [] }
        // Walk back through the saved frontiers: each step d came from the diagonal k±1 of the
        // frontier before it, then followed a snake of equal lines.
        var pairs: [(Int, Int)] = []
        var xx = n, yy = m
        for d in stride(from: trace.count - 1, through: 1, by: -1) {
            let v = trace[d]
            let k = xx - yy
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while xx > previousX, yy > previousY {
                xx -= 1
                yy -= 1
                pairs.append((xx, yy))
            }
            xx = previousX
            yy = previousY
        }
        while xx > 0, yy > 0 {
            xx -= 1
            yy -= 1
            pairs.append((xx, yy))
        }
        return pairs.reversed()
    }
}
