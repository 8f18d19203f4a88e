/// One row of a list answer (a follow-up, a person) as the merge sees it: what identifies it and
/// the text of each of its keys, so one algorithm merges both lists key by key.
struct MergeRow: Equatable {
    /// The follow-up's stored `id`, when it has one: the identity that survives every edit.
    var id: String?
    /// What identifies a row without an id: who and action, or the person's name (folded).
    var identity: String
    /// Each key the row has, in the row's order, with its value as text (a day as ISO, a count as
    /// digits, a key debrief does not know as the YAML it was written with).
    var values: [(key: String, value: String)]

    subscript(_ key: String) -> String? { values.first { $0.key == key }?.value }

    static func == (a: MergeRow, b: MergeRow) -> Bool {
        a.id == b.id && a.identity == b.identity && a.values.count == b.values.count
            && zip(a.values, b.values).allSatisfy { $0.key == $1.key && LineMerge.same($0.value, $1.value) }
    }

    /// The values of `keys`, for comparing one unit of two rows.
    func unit(_ keys: [String]) -> [String?] { keys.map { self[$0] } }

    /// The row with `keys` as `other` has them (taken, or removed when `other` lacks them).
    func taking(_ keys: [String], from other: MergeRow) -> MergeRow {
        var row = self
        for key in keys {
            let value = other[key]
            if let i = row.values.firstIndex(where: { $0.key == key }) {
                if let value { row.values[i].value = value } else { row.values.remove(at: i) }
            } else if let value {
                row.values.append((key, value))
            }
        }
        if keys.contains("id") { row.id = other.id }
        return row
    }
}

/// The list answers merged row by row, and what each needs: how to turn rows into
/// ``MergeRow``s and back, and which keys change together.
enum MergeList: Sendable {
    case followUps
    case people

    /// The list prompt type this merges, if any.
    init?(_ type: PromptType) {
        switch type {
        case .followUps: self = .followUps
        case .people: self = .people
        default: return nil
        }
    }

    /// Keys that are merged as one unit: a follow-up's due date, done day, first due date and
    /// postponement count are one state (a reschedule moves three of them at once), so two devices'
    /// changes to it are never mixed. Every other key is a unit of its own.
    func units(of rows: [MergeRow]) -> [[String]] {
        let grouped: [[String]]
        switch self {
        case .followUps: grouped = [["due", "done", "first-due", "postponed"]]
        case .people: grouped = []
        }
        var keys: [String] = []
        for row in rows {
            for (key, _) in row.values where !keys.contains(key) && !grouped.joined().contains(key) { keys.append(key) }
        }
        return grouped + keys.map { [$0] }
    }

    /// What a follow-up's own state says about which of two versions of its schedule came later,
    /// when there is no common ancestor: the state only moves one way in use. Marking done is the
    /// common edit and opening again the rare one, so a done row wins over the same row open (as
    /// long as the open one was not postponed further); `postponed` only counts up, so a row
    /// postponed more often wins over one with the same done state. Anything else is left to the
    /// files' `updated`; a row done on one side and postponed further on the other is contradictory.
    enum Evidence {
        case newer(RowListMerge.Newer, String)
        case contradictory
        case none
    }

    func evidence(_ unit: [String], ours o: MergeRow, theirs t: MergeRow, names: (ours: String, theirs: String)) -> Evidence {
        guard self == .followUps, unit.contains("done") else { return .none }
        let od = o["done"], td = t["done"]
        let op = o["postponed"].flatMap { Int($0) } ?? 0, tp = t["postponed"].flatMap { Int($0) } ?? 0
        if (od == nil) != (td == nil) {
            let oursDone = od != nil
            guard oursDone ? tp <= op : op <= tp else { return .contradictory }
            let done = oursDone ? names.ours : names.theirs, open = oursDone ? names.theirs : names.ours
            return .newer(oursDone ? .ours : .theirs, "done in \(done), open in \(open): if it was opened again on purpose, open it again")
        }
        if od == td, op != tp {
            let ahead = op > tp ? o : t, behind = op > tp ? t : o
            guard behind["first-due"] == nil || behind["first-due"] == ahead["first-due"] else { return .none }
            return .newer(op > tp ? .ours : .theirs, "postponed more often there")
        }
        return .none
    }

    /// The order keys are written in a row, for placing a key the row lacks.
    var keyOrder: [String] {
        switch self {
        case .followUps: return ["who", "action", "due", "done", "first-due", "postponed", "added", "id"]
        case .people: return ["name", "level", "relation", "note"]
        }
    }

    func rows(_ answer: Answer?) -> [MergeRow] {
        switch (self, answer) {
        case (.followUps, .followUps(let rows)?): return rows.map(Self.row)
        case (.people, .people(let rows)?): return rows.map(Self.row)
        default: return []
        }
    }

    func answer(_ rows: [MergeRow]) -> Answer {
        switch self {
        case .followUps: return .followUps(rows.map(Self.followUp))
        case .people: return .people(rows.map(Self.person))
        }
    }

    /// How a row is named in messages: “Ana Li: Send the link”, or the person's name.
    func label(_ row: MergeRow) -> String {
        switch self {
        case .followUps: return AnswerText.task(who: row["who"] ?? "", action: row["action"] ?? "")
        case .people: return row["name"] ?? ""
        }
    }

    // MARK: - Conversions

    private static func row(_ f: FollowUp) -> MergeRow {
        var values: [(String, String)] = []
        func add(_ key: String, _ value: String?) { if let value, !value.isEmpty { values.append((key, value)) } }
        add("who", f.who)
        add("action", f.action)
        add("due", f.due?.iso)
        add("done", f.done?.iso)
        add("first-due", f.firstDue?.iso)
        add("postponed", f.postponed > 0 ? String(f.postponed) : nil)
        add("added", f.added?.iso)
        add("id", f.id)
        for extra in f.extras { values.append((extra.key, extra.yaml)) }
        return MergeRow(id: f.id, identity: f.who + "\u{1F}" + f.action, values: values)
    }

    private static func followUp(_ r: MergeRow) -> FollowUp {
        let known = ["who", "action", "due", "done", "first-due", "postponed", "added", "id"]
        return FollowUp(who: r["who"] ?? "", action: r["action"] ?? "", due: r["due"].flatMap(Day.init(iso:)),
                        done: r["done"].flatMap(Day.init(iso:)), id: r["id"], firstDue: r["first-due"].flatMap(Day.init(iso:)),
                        postponed: r["postponed"].flatMap { Int($0) } ?? 0, added: r["added"].flatMap(Timestamp.init(iso:)),
                        extras: r.values.filter { !known.contains($0.key) }.map { ExtraField(key: $0.key, yaml: $0.value) })
    }

    private static func row(_ p: Person) -> MergeRow {
        var values: [(String, String)] = [("name", p.name)]
        for (key, value) in [("level", p.level), ("relation", p.relation), ("note", p.note)] {
            if let value, !value.isEmpty { values.append((key, value)) }
        }
        for extra in p.extras { values.append((extra.key, extra.yaml)) }
        return MergeRow(id: nil, identity: p.name.folded, values: values)
    }

    private static func person(_ r: MergeRow) -> Person {
        let known = ["name", "level", "relation", "note"]
        return Person(name: r["name"] ?? "", level: r["level"], relation: r["relation"], note: r["note"],
                      extras: r.values.filter { !known.contains($0.key) }.map { ExtraField(key: $0.key, yaml: $0.value) })
    }
}
