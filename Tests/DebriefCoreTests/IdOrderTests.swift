import Foundation
import Testing
@testable import DebriefCore

/// The walk's order (``IdOrder``): newest id first, exactly as sorting the refs by `String`
/// comparison gives it, for debrief's own names and for whatever else the walk accepts.
@Suite struct IdOrderTests {
    /// Names that are easy to get wrong: prefixes of each other, cases, digits and punctuation
    /// around the letters, names that are not ASCII, and two spellings of one name that `String`
    /// holds equal (composed "é" and "e" with a combining accent), whose order must stay the walk's.
    static let names = [
        "2026-11-24-1015-coffee-with-ana", "2026-11-24-1015-coffee-with-ana-2", "2026-11-24-1015-coffee", "2026-11-24-1015-Coffee",
        "2026-11-24-0915-standup", "2026-11-24", "2026-11-2", "2025-12-31-2359-z", "2026-01-01-0000-a", "a", "A", "b", "aa", "a a",
        "a~", "a!", "a-", "a_", "a.b", "0", "9", "z", "~", " x", "café", "cafe\u{301}", "cafe", "caff", "cafë-2", "e\u{301}x",
        "f", "éx", "Zürich", "zürich", "Zurich", "李雷", "🎉-party", "2026-11-24-1015-café", "2026-11-24-1015-cafe", "2026-11-24-1015-cafe\u{301}",
    ]

    static func refs(_ names: [String]) -> [EntryRef] {
        // Each name twice, in two folders (the walk keeps both): ties keep the walk's order.
        names.enumerated().flatMap { i, name in
            [EntryRef(id: name, path: "/j/entries/\(i)/\(name).md"), EntryRef(id: name, path: "/j/entries/other/\(i)/\(name).md")]
        }
    }

    @Test func theOrderIsStringsOrder() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            let refs = round == 0 ? Self.refs(Self.names) : Self.refs(Self.names).shuffled(using: &generator)
            let expected = refs.sorted { $0.id > $1.id }
            let got = IdOrder.newestFirst(refs)
            #expect(got.map(\.path) == expected.map(\.path), "round \(round)")
        }
    }

    @Test func onlyASCIINamesAndNoneAtAll() {
        let ascii = Self.refs(Self.names.filter { $0.utf8.allSatisfy { $0 < 0x80 } }).reversed()
        #expect(IdOrder.newestFirst(Array(ascii)).map(\.path) == ascii.sorted { $0.id > $1.id }.map(\.path))
        #expect(IdOrder.newestFirst([]).isEmpty)
        let one = [EntryRef(id: "x", path: "/j/entries/x.md")]
        #expect(IdOrder.newestFirst(one) == one)
    }

    /// Through the walk: files named so in a journal come out in `String`'s order of their ids.
    @Test func theWalkListsInStringsOrder() throws {
        let store = Fixtures.store(Fixtures.tempDirectory("id-order"))
        defer { Fixtures.removeTemp(store.root) }
        for (i, name) in Self.names.enumerated() {
            let dir = store.entriesDirectory + "/" + (i % 2 == 0 ? "2026/11" : "loose")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            Fixtures.write("---\nschema: 1\ncreated: 2026-11-24T10:15:00+01:00\ntitle: T\n---\n", to: dir + "/\(name).md")
        }
        let ids = store.scan().refs.map(\.id)
        #expect(ids.count == Self.names.count)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { !($0 < $1) }, "\(ids)")
    }
}
