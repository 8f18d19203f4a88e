/// Merges two versions of a list answer (follow-ups, people) row by row: rows are matched by
/// their `id` (else by who and action, or by name), and each row's units (see
/// ``MergeList/units(of:)``) are merged on their own.
///
/// With a common ancestor, a unit changed on one side takes that side, the same change on both is
/// taken once, and different changes to the same unit are a conflict that keeps ours. Without one
/// (a sync-conflict copy, or two files git found without an ancestor), a unit that differs takes
/// the side saved later (``Newer``), and is a conflict when that cannot be told.
struct RowListMerge {
    /// Where a row of the result comes from, for writing it with the least change to ours.
    enum Origin: Equatable {
        /// Ours' row `index`, with `keys` set as theirs' row `from` has them (none: ours as is).
        case ours(Int, from: Int?, keys: [String])
        /// Theirs' row `index`, inserted whole.
        case theirs(Int)
    }

    struct Row {
        var row: MergeRow
        var origin: Origin
    }

    /// A row both sides changed differently: the version the answer shows is kept, and `other`
    /// (nil when that side removed the row) is recorded for the user.
    struct Clash {
        var shown: MergeRow
        var other: MergeRow?
        /// The row's identifying keys, for a record of a removal.
        var identifying: MergeRow
    }

    /// Which side of a merge without an ancestor was saved later.
    enum Newer { case ours, theirs, unknown }

    var rows: [Row] = []
    var clashes: [Clash] = []
    /// What a merge without an ancestor decided, in words, for the report.
    var decisions: [String] = []

    /// Merges `ours` and `theirs` of `list` with `base`, or without an ancestor when `base` is nil.
    init(_ list: MergeList, base: [MergeRow]?, ours: [MergeRow], theirs: [MergeRow], newer: Newer = .unknown,
         names: (ours: String, theirs: String) = ("ours", "theirs")) {
        let units = list.units(of: (base ?? []) + ours + theirs)
        // Ours' rows in order, each with where its content comes from.
        var kept: [Int: Row] = [:]
        /// Theirs' rows that ours does not have but the result keeps.
        var fromTheirs: Set<Int> = []
        func clash(_ shown: MergeRow, _ other: MergeRow?, _ either: MergeRow) {
            clashes.append(Clash(shown: shown, other: other, identifying: Self.identifying(either)))
        }
        /// Ours' row `o` merged with theirs' row `t` unit by unit, `b` the ancestor's if known.
        func mergeUnits(_ o: Int, _ t: Int, base b: MergeRow?) {
            var row = ours[o]
            var taken: [String] = []
            var clashed = false
            for unit in units {
                let vo = ours[o].unit(unit), vt = theirs[t].unit(unit)
                if vo == vt { continue }
                if let b {
                    let vb = b.unit(unit)
                    if vo == vb {
                        taken += unit
                    } else if vt != vb {
                        clashed = true
                    }
                } else {
                    let what = "\(list.label(ours[o])): \(unit.joined(separator: "/"))"
                    var side = newer
                    var why = "saved later"
                    switch list.evidence(unit, ours: ours[o], theirs: theirs[t], names: names) {
                    case .newer(let evident, let reason):
                        side = evident
                        why = reason
                    case .contradictory:
                        side = .unknown
                    case .none:
                        break
                    }
                    switch side {
                    case .theirs:
                        taken += unit
                        decisions.append("\(what): took \(names.theirs)'s (\(why))")
                    case .ours:
                        decisions.append("\(what): kept \(names.ours)'s (\(why))")
                    case .unknown:
                        clashed = true
                    }
                }
            }
            row = row.taking(taken, from: theirs[t])
            if clashed { clash(row, theirs[t], row) }
            kept[o] = Row(row: row, origin: .ours(o, from: taken.isEmpty ? nil : t, keys: taken))
        }

        if let base {
            let bo = Self.pair(base, ours), bt = Self.pair(base, theirs)
            var oursOf = [Int?](repeating: nil, count: base.count), theirsOf = oursOf
            for (j, i) in bo.enumerated() { if let i { oursOf[i] = j } }
            for (j, i) in bt.enumerated() { if let i { theirsOf[i] = j } }
            for i in base.indices {
                switch (oursOf[i], theirsOf[i]) {
                case let (o?, t?):
                    mergeUnits(o, t, base: base[i])
                case let (o?, nil):
                    // Removed by theirs: gone, unless ours changed it (then kept, and a clash).
                    if ours[o] != base[i] {
                        kept[o] = Row(row: ours[o], origin: .ours(o, from: nil, keys: []))
                        clash(ours[o], nil, ours[o])
                    }
                case let (nil, t?):
                    if theirs[t] != base[i] {
                        fromTheirs.insert(t)
                        clash(theirs[t], nil, theirs[t])
                    }
                case (nil, nil):
                    break
                }
            }
            // Rows new on each side; those new on both (same id, or same who and action) once.
            let newOurs = ours.indices.filter { bo[$0] == nil }, newTheirs = theirs.indices.filter { bt[$0] == nil }
            let paired = Self.pair(newOurs.map { ours[$0] }, newTheirs.map { theirs[$0] })
            var pairedOurs: Set<Int> = []
            for (k, p) in paired.enumerated() {
                guard let p else { fromTheirs.insert(newTheirs[k]); continue }
                pairedOurs.insert(newOurs[p])
                mergeUnits(newOurs[p], newTheirs[k], base: nil)
            }
            for o in newOurs where !pairedOurs.contains(o) { kept[o] = Row(row: ours[o], origin: .ours(o, from: nil, keys: [])) }
        } else {
            let paired = Self.pair(ours, theirs)
            var pairedOurs: Set<Int> = []
            for (t, o) in paired.enumerated() {
                guard let o else {
                    fromTheirs.insert(t)
                    decisions.append("\(list.label(theirs[t])): only in \(names.theirs); kept")
                    continue
                }
                pairedOurs.insert(o)
                mergeUnits(o, t, base: nil)
            }
            for o in ours.indices where !pairedOurs.contains(o) {
                kept[o] = Row(row: ours[o], origin: .ours(o, from: nil, keys: []))
                decisions.append("\(list.label(ours[o])): only in \(names.ours); kept")
            }
        }
        rows = Self.order(kept: kept, fromTheirs: fromTheirs, ours: ours, theirs: theirs, pairedNew: base.map { Self.pair($0, ours) })
    }

    /// The result's order: ours' order, with each run of theirs' rows placed after the row that
    /// comes before it in theirs. A run of theirs' and a run new in ours at the same place are
    /// ordered by their first row's identity, so both devices merging the same two versions write
    /// the same order; two runs of theirs at one place keep theirs' order.
    ///
    /// Each run's place is found in ours' rows and the result assembled once at the end, so a
    /// hostile list (thousands of rows, a new row of theirs between each two) costs linear time.
    private static func order(kept: [Int: Row], fromTheirs: Set<Int>, ours: [MergeRow], theirs: [MergeRow],
                              pairedNew: [Int?]?) -> [Row] {
        let result: [Row] = ours.indices.compactMap { kept[$0] }
        /// Ours' index → position in `result`.
        var positions: [Int: Int] = [:]
        for (p, row) in result.enumerated() { if case .ours(let o, _, _) = row.origin { positions[o] = p } }
        /// Theirs' index → ours' index of the same row, when ours has it.
        let theirsInOurs = pair(ours, theirs)
        let oursInTheirs = Set(theirsInOurs.compactMap { $0 })
        /// The runs of theirs to insert before each position of `result` (`result.count`: at the end).
        var inserts: [Int: [[Int]]] = [:]
        /// The anchor of theirs' rows so far: the position of the last row before them the result has.
        var anchor: Int?
        var t = 0
        while t < theirs.count {
            guard fromTheirs.contains(t) else {
                if let o = theirsInOurs[t], let p = positions[o] { anchor = p }
                t += 1
                continue
            }
            var run: [Int] = []
            while t < theirs.count, fromTheirs.contains(t) {
                run.append(t)
                t += 1
            }
            var at = anchor.map { $0 + 1 } ?? 0
            // Rows new in ours right after the same anchor: the run with the smaller first
            // identity goes first.
            let first = Self.sortKey(theirs[run[0]])
            while at < result.count, case .ours(let o, _, _) = result[at].origin, pairedNew?[o] == nil,
                  !oursInTheirs.contains(o), Self.sortKey(ours[o]) < first {
                at += 1
            }
            inserts[at, default: []].append(run)
            for r in run { if let o = theirsInOurs[r], let p = positions[o] { anchor = p } }
        }
        var merged: [Row] = []
        merged.reserveCapacity(result.count + fromTheirs.count)
        for p in 0...result.count {
            for run in inserts[p] ?? [] { merged += run.map { Row(row: theirs[$0], origin: .theirs($0)) } }
            if p < result.count { merged.append(result[p]) }
        }
        return merged
    }

    private static func sortKey(_ row: MergeRow) -> String { row.id ?? row.identity }

    /// For each row of `b`, the row of `a` it is: the same `id` first, then, among the rest, the
    /// same identity where one of the two has no id (two different ids are two rows).
    static func pair(_ a: [MergeRow], _ b: [MergeRow]) -> [Int?] {
        var used = Set<Int>()
        var result = [Int?](repeating: nil, count: b.count)
        var byID: [String: [Int]] = [:]
        for (i, row) in a.enumerated() { if let id = row.id { byID[id, default: []].append(i) } }
        // Each id's rows are taken in order, so a cursor finds the first unused one (a hostile
        // list of thousands of rows with one id stays linear).
        var next: [String: Int] = [:]
        for (j, row) in b.enumerated() {
            guard let id = row.id, let rows = byID[id], next[id, default: 0] < rows.count else { continue }
            let i = rows[next[id, default: 0]]
            next[id, default: 0] += 1
            result[j] = i
            used.insert(i)
        }
        // The rest by identity, where one of the two has no id: rows without an id and rows with
        // one in separate queues, each taken in order (linear however many rows share a name).
        var withoutID: [String: [Int]] = [:], withID: [String: [Int]] = [:]
        for (i, row) in a.enumerated() where !used.contains(i) {
            if row.id == nil { withoutID[row.identity, default: []].append(i) } else { withID[row.identity, default: []].append(i) }
        }
        var nextWithout: [String: Int] = [:], nextWith: [String: Int] = [:]
        for (j, row) in b.enumerated() where result[j] == nil {
            let key = row.identity
            let plain = withoutID[key].flatMap { rows in nextWithout[key, default: 0] < rows.count ? rows[nextWithout[key, default: 0]] : nil }
            let identified = row.id != nil ? nil
                : withID[key].flatMap { rows in nextWith[key, default: 0] < rows.count ? rows[nextWith[key, default: 0]] : nil }
            // The first in `a`'s order of those that may pair.
            let i: Int
            if let p = plain, identified.map({ p < $0 }) ?? true {
                i = p
                nextWithout[key, default: 0] += 1
            } else if let q = identified {
                i = q
                nextWith[key, default: 0] += 1
            } else {
                continue
            }
            result[j] = i
            used.insert(i)
        }
        return result
    }

    /// The keys that name a row (its id, else who and action, or the name), for recording that a
    /// side removed it.
    private static func identifying(_ row: MergeRow) -> MergeRow {
        let keys = row.id != nil ? ["who", "action", "id"] : ["who", "action", "name"]
        return MergeRow(id: row.id, identity: row.identity, values: row.values.filter { keys.contains($0.key) })
    }
}
