import Foundation
import Testing
@testable import DebriefCore

/// The index stores entries as ``EntryBlob``s: every one comes back equal in every stored
/// property, including properties added to the model later (compared through reflection, so a
/// new field the blob forgets fails here rather than vanishing from indexed reads).
@Suite struct EntryBlobTests {
    /// Every stored property of a value but an entry's `source`, recursively, one line each.
    static func properties(_ value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?:
            return mirror.children.flatMap { child -> [String] in
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                return properties(pair[1], path: path + "[\(pair[0])]")
            }
        case .optional?:
            guard let some = mirror.children.first else { return ["\(path) = nil"] }
            return properties(some.value, path: path)
        default:
            guard !mirror.children.isEmpty else { return ["\(path) = \(String(reflecting: value))"] }
            var out: [String] = []
            for (i, child) in mirror.children.enumerated() {
                let label = child.label ?? "\(i)"
                if path.isEmpty && label == "source" { continue }
                out += properties(child.value, path: path + "." + label)
            }
            return out
        }
    }

    @Test func everyGeneratedEntryRoundTrips() throws {
        let entries = RoundTripTests.generated()
        for var entry in entries {
            entry.flow = entry.id.hasSuffix("1") ? "quick" : nil
            entry.origin = entry.id.hasSuffix("2") ? "jrnl:abc" : nil
            let blob = EntryBlob.encode(entry)
            let back = try #require(blob.withUnsafeBytes { EntryBlob.decode($0, source: nil) })
            #expect(back == entry)
            let a = Self.properties(entry).sorted(), b = Self.properties(back).sorted()
            #expect(a == b, "\(Set(a).symmetricDifference(b).sorted())")
        }
    }

    /// Every property of a person and a follow-up, set to something other than its default.
    @Test func rowsKeepEveryField() throws {
        let day = Day(iso: "2026-11-24")!
        let entry = Entry(id: "2026-11-24-1830-x", created: Fixtures.ts("2026-11-24T21:05:12+01:00"),
                          updated: Fixtures.ts("2026-11-25T08:00:00-05:00"),
                          answers: ["people": .people([Person(name: "Zoë", level: "peer", relation: "new", note: "n", email: "zoe@example.com",
                                                              extras: [ExtraField(key: "x", yaml: " 1\n")])]),
                                    "follow-ups": .followUps([FollowUp(who: "Ana", action: "call", due: day, done: day.adding(days: 2),
                                                                       id: "f1", firstDue: day.adding(days: -3), postponed: 2,
                                                                       added: Fixtures.ts("2026-11-26T09:00:00+01:00"),
                                                                       extras: [ExtraField(key: "y", yaml: " z\n")])]),
                                    "talk-share": .number(-40), "asked-favor": .bool(true), "kind": .choice("meetup"),
                                    "date": .timestamp(Fixtures.ts("2026-11-24T18:30:00+01:00")), "tags": .tags(["a", "b"]),
                                    "notes": .text("line\n\nüñí 😀")],
                          flow: "quick", origin: "jrnl:1", event: "uid@example.com/20261124T173000Z",
                          location: "Café Eins, Berlin")
        let back = try #require(EntryBlob.encode(entry).withUnsafeBytes { EntryBlob.decode($0, source: nil) })
        #expect(Self.properties(back).sorted() == Self.properties(entry).sorted())
        // Every field reached: the default-valued properties would hide a forgotten one.
        for line in Self.properties(entry) { #expect(!line.hasSuffix("= nil") && !line.hasSuffix("= 0"), "\(line)") }
    }

    /// Bytes that are not a blob of this version (another debrief, damage) decode to nil, never to
    /// a wrong entry.
    @Test func damagedBlobsDecodeToNil() {
        let entry = RoundTripTests.generated()[0]
        let blob = EntryBlob.encode(entry)
        #expect([UInt8]().withUnsafeBytes { EntryBlob.decode($0, source: nil) } == nil)
        var other = blob
        other[0] = EntryBlob.version &+ 1
        #expect(other.withUnsafeBytes { EntryBlob.decode($0, source: nil) } == nil)
        for cut in stride(from: 1, to: blob.count, by: max(1, blob.count / 50)) {
            #expect(Array(blob.prefix(cut)).withUnsafeBytes { EntryBlob.decode($0, source: nil) } == nil)
        }
        #expect((blob + [0]).withUnsafeBytes { EntryBlob.decode($0, source: nil) } == nil)
    }

    /// An entry decoded keeping some answers is the entry with only those answers, every other
    /// property the same, whichever answers are kept; cut bytes still decode to nil.
    @Test func keptAnswersAreTheEntrysOwn() throws {
        var rng = SeededGenerator(seed: 11)
        for var entry in RoundTripTests.generated() {
            entry.flow = entry.id.hasSuffix("1") ? "quick" : nil
            entry.formerIDs = entry.id.hasSuffix("3") ? ["old-id"] : []
            let blob = EntryBlob.encode(entry)
            let keys = Array(entry.answers.keys)
            for keeping in [Set<String>(), Set(keys), Set(keys.filter { _ in Bool.random(using: &rng) }), ["title", "people", "follow-ups", "nothing"]] {
                let expected = Entry(id: entry.id, created: entry.created, updated: entry.updated,
                                     answers: entry.answers.filter { keeping.contains($0.key) }, flow: entry.flow, origin: entry.origin,
                                     event: entry.event, location: entry.location, formerIDs: entry.formerIDs)
                let back = try #require(blob.withUnsafeBytes { EntryBlob.decode($0, source: nil, keeping: keeping) })
                #expect(Self.properties(back).sorted() == Self.properties(expected).sorted())
            }
            for cut in stride(from: 1, to: blob.count, by: max(1, blob.count / 40)) {
                #expect(Array(blob.prefix(cut)).withUnsafeBytes { EntryBlob.decode($0, source: nil, keeping: ["title"]) } == nil)
            }
        }
    }

    /// Blobs decoded in a row with the prompt ids of those before (``EntryBlob/Names``) give what
    /// each gives alone, whichever ids they share at which places: the same, others of the same
    /// length, a prefix of one, fewer or more, with some answers kept or all.
    @Test func namesOfTheBlobsBeforeChangeNoEntry() throws {
        let base = RoundTripTests.generated()[0]
        func entry(_ answers: [String: Answer]) -> Entry {
            Entry(id: base.id, created: base.created, updated: base.updated, answers: answers)
        }
        let crafted = [
            entry(["kind": .choice("meetup"), "notes": .text("a"), "title": .text("One")]),
            entry(["kind": .choice("talk"), "notes": .text("b"), "title": .text("Two")]),
            entry(["kine": .choice("x"), "notes": .text("c"), "titles": .text("Three")]),
            entry(["kind": .choice("meetup"), "notes": .text("d"), "title": .text("Four"), "zz": .bool(true)]),
            entry(["title": .text("Five")]),
            entry(["a-prompt-id-longer-than-fifteen-bytes": .number(3), "kind": .choice("talk"), "title": .text("Six")]),
            entry(["a-prompt-id-longer-than-fifteen-bytez": .number(4), "kind": .choice("talk"), "title": .text("Seven")]),
        ]
        let entries = crafted + RoundTripTests.generated() + crafted.reversed()
        for keeping in [nil, Set(["title", "kind", "a-prompt-id-longer-than-fifteen-bytes", "people", "follow-ups"])] {
            var names = EntryBlob.Names()
            for entry in entries {
                let blob = EntryBlob.encode(entry)
                let alone = try #require(blob.withUnsafeBytes { EntryBlob.decode($0, source: nil, keeping: keeping) })
                let inRow = try #require(blob.withUnsafeBytes { EntryBlob.decode($0, source: nil, keeping: keeping, names: &names) })
                #expect(Self.properties(inRow).sorted() == Self.properties(alone).sorted())
            }
        }
    }
}
