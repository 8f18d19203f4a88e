#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import DebriefCore

/// The ownership rule for files debrief writes outside the journal (``OwnedFile``), and the
/// scopes of the temporary-file cleanup (``TemporaryFile/Scope``).
@Suite struct OwnedFileTests {
    static let journal = "0123456789abcdef0123456789abcdef"
    static let content = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Debrief//Debrief follow-ups//EN\r\nBEGIN:VTODO\r\nUID:abc@debrief\r\nSTATUS:NEEDS-ACTION\r\nSUMMARY:Ana: Call\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"

    @Test func aMarkedFileIsOursUntilAByteChanges() throws {
        let marked = try #require(OwnedFile.marked(Self.content, journal: Self.journal))
        #expect(marked.hasSuffix("SUMMARY:Ana: Call\r\nX-DEBRIEF-JOURNAL:\(Self.journal)\r\nX-DEBRIEF-WRITTEN:\(Fingerprint(of: Self.content.utf8))\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"))
        let bytes = Array(marked.utf8)
        #expect(OwnedFile.status(of: bytes, journal: Self.journal) == .ours)
        let (mark, rest) = OwnedFile.read(bytes)
        #expect(rest == Array(Self.content.utf8), "the other bytes are the content as given")
        let found = try #require(mark)
        #expect(found.journal == Self.journal)
        #expect(OwnedFile.wrote(Array(Self.content.utf8), as: found))
        // Any change to the other bytes, anywhere: the user's.
        for edit in [marked.replacingOccurrences(of: "NEEDS-ACTION", with: "COMPLETED"),
                     marked.replacingOccurrences(of: "\r\n", with: "\n"),
                     marked.replacingOccurrences(of: "END:VTODO", with: "COMPLETED:20261201T100000Z\r\nEND:VTODO"),
                     marked + "\r\n"] {
            #expect(OwnedFile.status(of: Array(edit.utf8), journal: Self.journal) == .changed(found), "\(edit)")
        }
        // Another journal's; no mark, a broken mark, two marks.
        #expect(OwnedFile.status(of: bytes, journal: "ffffffffffffffffffffffffffffffff") == .otherJournal(Self.journal))
        #expect(OwnedFile.status(of: Array(Self.content.utf8), journal: Self.journal) == .unmarked)
        let broken = marked.replacingOccurrences(of: "X-DEBRIEF-WRITTEN:", with: "X-DEBRIEF-WRITTEN:zz")
        #expect(OwnedFile.status(of: Array(broken.utf8), journal: Self.journal) == .unmarked)
        let twice = marked.replacingOccurrences(of: "END:VTODO", with: "X-DEBRIEF-JOURNAL:\(Self.journal)\r\nEND:VTODO")
        #expect(OwnedFile.status(of: Array(twice.utf8), journal: Self.journal) == .unmarked)
        #expect(OwnedFile.marked("not a calendar", journal: Self.journal) == nil)
    }

    /// Issue 20's use: the content debrief would write for the follow-up as it was proves what
    /// the file held before it changed, so the change can be judged.
    @Test func whatDebriefWroteCanBeProvedAfterAChange() throws {
        let marked = try #require(OwnedFile.marked(Self.content, journal: Self.journal))
        let completed = marked.replacingOccurrences(of: "NEEDS-ACTION", with: "COMPLETED")
        guard case .changed(let mark) = OwnedFile.status(of: Array(completed.utf8), journal: Self.journal) else {
            Issue.record("a completed to-do is a changed file of debrief's")
            return
        }
        #expect(OwnedFile.wrote(Array(Self.content.utf8), as: mark))
        #expect(!OwnedFile.wrote(Array(Self.content.replacingOccurrences(of: "Call", with: "Mail").utf8), as: mark))
    }

    /// Each scope finds only its own temporaries: any debrief temporary in a journal folder,
    /// editor folders only in drafts, and only the given names' in a folder debrief does not own.
    @Test func theCleanupTouchesOnlyItsScope() throws {
        let dir = Fixtures.tempDirectory("scopes")
        defer { Fixtures.removeTemp(dir) }
        let names = [".a.md.tmp-99999999-1", ".b.ics.tmp-99999999-2", ".mine.tmp-99999999-3", ".tmp-99999999-4",
                     ".b.ics.tmp-x-5", "b.ics.tmp-99999999-6"]
        for name in names { Fixtures.write("x", to: dir + "/" + name) }
        Fixtures.write("x", to: dir + "/.editor-99999999-abcdef/answer.md")
        Fixtures.write("x", to: dir + "/.editor-99999998-abcdef/answer.md")
        Fixtures.write("x", to: dir + "/.editor-99999998-abcdef/other-notes.txt")
        let old = Date().addingTimeInterval(7200)
        func found(_ scope: TemporaryFile.Scope) -> [String] {
            TemporaryFile.find(in: dir, scope: scope, now: old).map { ($0.path as NSString).lastPathComponent }
        }
        #expect(found(.journal) == [".a.md.tmp-99999999-1", ".b.ics.tmp-99999999-2", ".mine.tmp-99999999-3"])
        #expect(found(.drafts) == [".a.md.tmp-99999999-1", ".b.ics.tmp-99999999-2", ".editor-99999998-abcdef",
                                   ".editor-99999999-abcdef", ".mine.tmp-99999999-3"])
        #expect(found(.files(["b.ics"])) == [".b.ics.tmp-99999999-2"])
        #expect(found(.files([])) == [])
        // An editor folder holding anything but the answer is not removed.
        for path in TemporaryFile.find(in: dir, scope: .drafts, now: old) where path.isFolder {
            TemporaryFile.removeEditorFolder(path.path)
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/.editor-99999999-abcdef"))
        #expect(FileManager.default.fileExists(atPath: dir + "/.editor-99999998-abcdef/other-notes.txt"))
    }

    @Test func aJournalIdIsMadeOnceAndKept() throws {
        let root = Fixtures.tempDirectory("identity")
        defer { Fixtures.removeTemp(root) }
        let store = Fixtures.store(root)
        let id = try store.identity()
        #expect(id.count == 32 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(try store.identity() == id)
        #expect(Fixtures.bytes(root + "/.journal-id") == Array((id + "\n").utf8))
        var st = stat()
        #expect(stat(root + "/.journal-id", &st) == 0 && st.st_mode & 0o777 == 0o600)
        let other = Fixtures.tempDirectory("identity")
        defer { Fixtures.removeTemp(other) }
        #expect(try Fixtures.store(other).identity() != id, "another journal has another id")
    }
}
