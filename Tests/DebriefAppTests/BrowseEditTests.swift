import DebriefApp
import DebriefCore
import DebriefUI
import Foundation
import Testing

@Suite struct BrowseEditTests {
    @Test func spaceTogglesAFollowUpChangingOnlyThatLineAndUpdated() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let entry = try f.store.read(f.store.refs()[0])
        let before = f.text(entry).components(separatedBy: "\n")
        var d = f.driver(width: 90, height: 40)
        d.press(.enter, .tab, .tab, .char(" "))
        #expect(d.screen.contains("[x]  Ana Li"))
        #expect(d.screen.contains("done 2026-11-26"))
        let after = f.text(entry).components(separatedBy: "\n")
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(after.count == before.count + 1)
        #expect(changed.first?.0.hasPrefix("updated: ") == true)
        #expect(changed.first?.1 == "updated: 2026-11-26T10:00:00+01:00" || before.contains("updated: 2026-11-26T10:00:00+01:00"))
        // Everything but `updated` and the new `done:` line is byte for byte the same.
        var expected = before.filter { !$0.hasPrefix("updated: ") }
        let doneAt = try #require(expected.firstIndex(of: "    due: 2026-11-20")) + 1
        expected.insert("    done: 2026-11-26", at: doneAt)
        #expect(after.filter { !$0.hasPrefix("updated: ") } == expected)

        // Space again opens it again and gives back the original lines.
        d.press(.char(" "))
        #expect(d.screen.contains("[ ]  Ana Li"))
        #expect(f.text(entry).components(separatedBy: "\n").filter { !$0.hasPrefix("updated: ") }
            == before.filter { !$0.hasPrefix("updated: ") })
    }

    @Test func aFileChangedOnDiskIsNotOverwritten() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let entry = try f.store.read(f.store.refs()[0])
        var d = f.driver(width: 90, height: 40)
        d.press(.enter)
        let path = try #require(entry.source?.path)
        let edited = f.text(entry).replacingOccurrences(of: "Send the talk link", with: "Send the slides")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        d.press(.tab, .char(" "))
        #expect(d.screen.contains("Nothing written: the file changed meanwhile: its text changed"))
        #expect(f.text(entry) == edited)
    }

    @Test func deleteAsksThenMovesToTrashAndUndoRestores() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let ref = f.store.refs()[1]
        let bytes = try #require(FileManager.default.contents(atPath: ref.path))
        var d = f.driver(width: 80, height: 12)
        d.press(.down, .char("d"))
        #expect(d.screen.contains("Move “Product coffee” to trash? y/n"))
        d.press(.char("n"))
        #expect(d.screen.contains("Not deleted"))
        #expect(FileManager.default.fileExists(atPath: ref.path))
        d.press(.char("d"), .char("y"))
        #expect(!FileManager.default.fileExists(atPath: ref.path))
        #expect(FileManager.default.fileExists(atPath: f.store.trashDirectory + "/" + ref.id + ".md"))
        #expect(d.screen.contains("2 entries"))
        #expect(!d.screen.contains("Product coffee  "))
        #expect(d.screen.contains("u undoes"))
        d.press(.char("u"))
        #expect(FileManager.default.contents(atPath: ref.path) == bytes)
        #expect(d.screen.contains("3 entries"))
        #expect(d.screen.contains("Restored “Product coffee”"))
    }

    /// A message longer than the screen is wide wraps over more lines; it is never cut.
    @Test func aLongMessageWrapsInsteadOfBeingCut() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.add("A conference day with far too long a title for one line", day: "2026-11-20")
        var d = f.driver(width: 40, height: 12)
        d.press(.char("d"), .char("y"))
        let words = d.rows.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.contains("Moved “A conference day with far too long a title for one line” to trash — u undoes"), "\(d.screen)")
        #expect(d.rows.last?.contains("Enter open") == true, "the help bar stays on the last row: \(d.screen)")
    }

    @Test func externalEditThatBreaksTheFileOffersEditAgainOrRestore() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let ref = f.store.refs()[0]
        let original = try #require(FileManager.default.contents(atPath: ref.path))
        var edits: [String] = []
        var d = f.driver(width: 120, height: 12) { path in
            edits.append(path)
            try? "---\ntitle: [unclosed\n---\n".write(toFile: path, atomically: true, encoding: .utf8)
            return .edited("")
        }
        d.press(.char("E"))
        #expect(edits == [ref.path])
        #expect(d.screen.contains("the edited file does not read: line "))
        #expect(d.screen.contains("e edit again · r restore"))
        // Other keys do nothing until the user chooses.
        d.press(.char("q"))
        #expect(d.exitStatus == nil)
        d.press(.char("e"))
        #expect(edits.count == 2)
        #expect(d.screen.contains("the edited file does not read: line "))
        d.press(.char("r"))
        #expect(FileManager.default.contents(atPath: ref.path) == original)
        #expect(d.screen.contains("Restored the version from before the edit"))
        #expect(!d.screen.contains("does not read"))
    }

    /// `r` after a broken edit restores only over the version the edit left: when another
    /// program wrote the file meanwhile, nothing is written and the screen says why.
    @Test func restoreRefusesAVersionWrittenMeanwhile() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        let ref = f.store.refs()[0]
        var d = f.driver(width: 160, height: 12) { path in
            try? "---\ntitle: [unclosed\n---\n".write(toFile: path, atomically: true, encoding: .utf8)
            return .edited("")
        }
        d.press(.char("E"))
        #expect(d.screen.contains("e edit again · r restore"))
        let meanwhile = "---\ncreated: 2026-11-24T21:05:12+01:00\ntitle: Written by a sync tool\n---\n"
        try meanwhile.write(toFile: ref.path, atomically: true, encoding: .utf8)
        d.press(.char("r"))
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: ref.path)), as: UTF8.self) == meanwhile)
        #expect(d.screen.contains("Not restored: \(ref.id) was written by another program after the edit; nothing was written"),
                "the screen was:\n\(d.screen)")
        #expect(!d.screen.contains("e edit again"))
    }

    @Test func externalEditThatParsesIsShown() throws {
        let f = try BrowseFixture()
        defer { f.cleanUp() }
        try f.standard()
        var d = f.driver(width: 100, height: 12) { path in
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            try? text.replacingOccurrences(of: "title: Swift meetup Berlin", with: "title: Swift meetup Hamburg")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return .edited("")
        }
        d.press(.char("E"))
        #expect(d.screen.contains("Swift meetup Hamburg"))
        #expect(d.screen.contains("The edited file reads fine"))
    }
}
