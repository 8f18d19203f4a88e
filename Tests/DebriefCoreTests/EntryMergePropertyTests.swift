import Foundation
import Testing
@testable import DebriefCore

/// The merge's promise as a property: for random edits on two sides that touch different answers
/// (different follow-ups, or different units of one; different people; different tags; notes
/// paragraphs apart), the merge is clean and equals applying both edits, whatever the file's line
/// breaks.
@Suite("Entry merge property")
struct EntryMergePropertyTests {
    typealias F = PeopleFixtures
    static let codec = Fixtures.codec
    static let words = ["Swift", "server", "latency", "coffee", "Zoë", "東京", "naïve", "budget: 12", "#1 talk", "\"quoted\"",
                        "it's", "Berlin", "rust", "notes", "ship", "yes", "42", "- dash", "a: b"]

    /// One edit and the parts of the entry it touches (an answer, one unit of one follow-up…).
    struct Edit {
        var targets: [String]
        var apply: (inout Entry) -> Void
    }

    /// Whether two targets touch the same thing: equal, or one is a whole row (`…:*`) the other is in.
    static func overlap(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        func row(_ t: String) -> String? { t.hasSuffix(":*") ? String(t.dropLast(1)) : nil }
        if let r = row(a), b.hasPrefix(r) { return true }
        if let r = row(b), a.hasPrefix(r) { return true }
        return false
    }

    static func text<G: RandomNumberGenerator>(_ g: inout G, words n: ClosedRange<Int> = 1...5) -> String {
        (0..<Int.random(in: n, using: &g)).map { _ in words.randomElement(using: &g) ?? "x" }.joined(separator: " ")
    }

    static func day<G: RandomNumberGenerator>(_ g: inout G) -> Day {
        F.day("2026-11-01").adding(days: Int.random(in: 0...60, using: &g))
    }

    /// A random entry as debrief writes it.
    static func base<G: RandomNumberGenerator>(_ g: inout G, n: Int) -> Entry {
        var entry = Entry(id: "2026-11-24-1830-e\(n)", created: Fixtures.ts("2026-11-24T21:05:12+01:00"),
                          updated: Fixtures.ts("2026-11-25T09:00:00+01:00"))
        entry["title"] = .text(text(&g))
        entry["date"] = .timestamp(Fixtures.ts("2026-11-24T18:30:00+01:00"))
        if Bool.random(using: &g) { entry["kind"] = .choice(["meetup", "conference", "social"].randomElement(using: &g) ?? "meetup") }
        for key in ["purpose", "offered", "learned"] where Bool.random(using: &g) { entry[key] = .text(text(&g)) }
        if Bool.random(using: &g) { entry["talk-share"] = .number(Int.random(in: 0...100, using: &g)) }
        if Bool.random(using: &g) { entry["asked-favor"] = .bool(Bool.random(using: &g)) }
        entry["people"] = .people((0..<Int.random(in: 0...3, using: &g)).map { i in
            Person(name: "Person \(i) \(words.randomElement(using: &g) ?? "")", level: Bool.random(using: &g) ? "peer" : nil,
                   note: Bool.random(using: &g) ? text(&g) : nil)
        })
        entry["follow-ups"] = .followUps((0..<Int.random(in: 0...4, using: &g)).map { _ in
            var row = FollowUp(who: text(&g, words: 1...2), action: text(&g), due: Bool.random(using: &g) ? day(&g) : nil)
            if Bool.random(using: &g) { row.done = day(&g) }
            return row
        })
        entry["tags"] = .tags(TagSpelling.unique((0..<Int.random(in: 0...3, using: &g)).map { _ in ["swift", "rust", "berlin", "talks"].randomElement(using: &g) ?? "x" }))
        entry["notes"] = .text((0..<Int.random(in: 0...4, using: &g)).map { "Paragraph \($0): " + text(&g) }.joined(separator: "\n\n"))
        return entry.assigningFollowUpIDs()
    }

    /// Every edit one side could make to `entry`.
    static func edits<G: RandomNumberGenerator>(_ entry: Entry, _ g: inout G, side: String) -> [Edit] {
        var out: [Edit] = []
        for key in ["kind", "purpose", "offered", "learned", "talk-share", "asked-favor", "horizon"] {
            let value: Answer
            switch key {
            case "kind": value = .choice(["online", "workplace", "other"].randomElement(using: &g) ?? "other")
            case "talk-share": value = .number(Int.random(in: 0...100, using: &g))
            case "asked-favor": value = .bool(Bool.random(using: &g))
            case "horizon": value = .choice("both")
            default: value = .text(side + " " + text(&g) + (Bool.random(using: &g) ? "\nsecond line" : ""))
            }
            out.append(Edit(targets: ["answer:\(key)"]) { $0[key] = value })
            if entry[key] != nil { out.append(Edit(targets: ["answer:\(key)"]) { $0[key] = nil }) }
        }
        for row in entry.followUps {
            let id = row.id ?? ""
            func change(_ body: @escaping (inout FollowUp) -> Void) -> (inout Entry) -> Void {
                { e in
                    var rows = e.followUps
                    guard let i = rows.firstIndex(where: { $0.id == id }) else { return }
                    body(&rows[i])
                    e["follow-ups"] = .followUps(rows)
                }
            }
            let when = day(&g), action = side + " " + text(&g)
            out.append(Edit(targets: ["fu:\(id):schedule"], apply: change { r in r.done = r.done == nil ? when : nil }))
            out.append(Edit(targets: ["fu:\(id):schedule"], apply: change { $0 = $0.rescheduled(to: when, createdAt: Timestamp(seconds: 0, utcOffset: 0), now: Timestamp(seconds: 30 * 86_400, utcOffset: 0)) }))
            out.append(Edit(targets: ["fu:\(id):action"], apply: change { $0.action = action }))
            out.append(Edit(targets: ["fu:\(id):*"]) { e in e["follow-ups"] = .followUps(e.followUps.filter { $0.id != id }) })
        }
        for k in 0..<2 {
            let new = FollowUp(who: side, action: "\(side) new \(k) " + text(&g), due: day(&g), id: "\(side)\(k)new".padding(toLength: 8, withPad: "x", startingAt: 0))
            out.append(Edit(targets: ["fu:new:\(side)\(k)"]) { e in e["follow-ups"] = .followUps(e.followUps + [new]) })
        }
        for person in entry.people {
            let name = person.name, note = side + " " + text(&g)
            out.append(Edit(targets: ["person:\(name):note"]) { e in
                e["people"] = .people(e.people.map { var p = $0; if p.name == name { p.note = note }; return p })
            })
            out.append(Edit(targets: ["person:\(name):*"]) { e in e["people"] = .people(e.people.filter { $0.name != name }) })
        }
        let newcomer = Person(name: "\(side) newcomer", relation: "new")
        out.append(Edit(targets: ["person:new:\(side)"]) { e in e["people"] = .people(e.people + [newcomer]) })
        for tag in ["swift", "rust", "berlin", "talks", side] {
            if entry.tags.contains(tag) {
                out.append(Edit(targets: ["tag:\(tag)"]) { e in e["tags"] = .tags(e.tags.filter { $0 != tag }) })
            } else {
                out.append(Edit(targets: ["tag:\(tag)"]) { e in e["tags"] = .tags(e.tags + [tag]) })
            }
        }
        let paragraphs = entry.notes.isEmpty ? [] : entry.notes.components(separatedBy: "\n\n")
        for i in paragraphs.indices {
            let line = "Paragraph \(i), \(side): " + text(&g)
            out.append(Edit(targets: ["notes:\(i)", "notes:\(i - 1)", "notes:\(i + 1)"]) { e in
                var ps = e.notes.components(separatedBy: "\n\n")
                if ps.indices.contains(i) { ps[i] = line }
                e["notes"] = .text(ps.joined(separator: "\n\n"))
            })
        }
        let appended = "Added on \(side)."
        out.append(Edit(targets: ["notes:end", "notes:\(paragraphs.count - 1)"]) { e in
            e["notes"] = .text(e.notes.isEmpty ? appended : e.notes + "\n\n" + appended)
        })
        return out
    }

    /// The entry's file after `edits`, saved at `updated` the way debrief saves: unchanged fields
    /// keep their bytes.
    static func save(_ entry: Entry, _ edits: [Edit], updated: String, crlf: Bool) -> String {
        var e = entry
        for edit in edits { edit.apply(&e) }
        e.updated = Fixtures.ts(updated)
        let text = codec.encode(e)
        return crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }

    @Test("Random edits on two sides touching different answers merge to applying both edits")
    func differentAnswersMergeToBothEdits() throws {
        var g = SeededGenerator(seed: 24)
        var checked = 0, withEdits = 0
        for n in 0..<400 {
            let crlf = n % 5 == 0
            // The sides are edited as LF files (as debrief read them) and handed over in the run's
            // line breaks.
            var original = Self.base(&g, n: n)
            original = try Self.codec.decode(Array(Self.save(original, [], updated: "2026-11-25T09:00:00+01:00", crlf: false).utf8),
                                             id: original.id, path: "base")
            let baseText = Self.save(original, [], updated: "2026-11-25T09:00:00+01:00", crlf: crlf)
            // Ours first, then theirs from what ours left untouched.
            var pool = Self.edits(original, &g, side: "ours").shuffled(using: &g)
            let ours = Array(pool.prefix(Int.random(in: 0...4, using: &g)))
            var theirsPool = Self.edits(original, &g, side: "theirs").shuffled(using: &g)
            theirsPool.removeAll { edit in edit.targets.contains { t in ours.contains { $0.targets.contains { Self.overlap($0, t) } } } }
            let theirs = Array(theirsPool.prefix(Int.random(in: 0...4, using: &g)))
            pool.removeAll()
            let oursText = Self.save(original, ours, updated: "2026-11-26T10:00:00+01:00", crlf: crlf)
            let theirsText = Self.save(original, theirs, updated: "2026-11-26T10:30:00+01:00", crlf: crlf)
            let outcome = EntryMerge(codec: Self.codec).merge(base: Array(baseText.utf8), ours: Array(oursText.utf8), theirs: Array(theirsText.utf8),
                                                              id: original.id, paths: ("b", "o", "t"))
            let context = "case \(n)\n--- base\n\(baseText)--- ours\n\(oursText)--- theirs\n\(theirsText)--- merged\n\(String(decoding: outcome.bytes, as: UTF8.self))"
            #expect(outcome.isClean, "\(outcome.clashes) \(outcome.unreadable)\n\(context)")
            var merged = try Self.codec.decode(outcome.bytes, id: original.id, path: "merged")
            if crlf {
                // A CRLF body reads with its `\r`s (the final one too: only the `\n` that ends the file goes).
                var notes = merged.notes.replacingOccurrences(of: "\r\n", with: "\n")
                if notes.unicodeScalars.last == "\r" { notes = String(notes.unicodeScalars.dropLast()) }
                merged["notes"] = .text(notes)
            }
            var expected = original
            for edit in ours + theirs { edit.apply(&expected) }
            expected.updated = Fixtures.ts("2026-11-26T10:30:00+01:00")
            // Rows added on both sides are ordered by the merge; compare the lists by identity.
            func sorted(_ e: Entry) -> Entry {
                var e = e
                if !e.followUps.isEmpty { e["follow-ups"] = .followUps(e.followUps.sorted { ($0.id ?? "") < ($1.id ?? "") }) }
                if !e.people.isEmpty { e["people"] = .people(e.people.sorted { $0.name < $1.name }) }
                return e
            }
            #expect(answerDiff(sorted(merged).answers, sorted(expected).answers) == "", "\(context)")
            #expect(merged.updated == expected.updated)
            if crlf { #expect(!String(decoding: outcome.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
            checked += 1
            if !ours.isEmpty && !theirs.isEmpty { withEdits += 1 }
        }
        #expect(checked == 400 && withEdits > 250)
    }
}
