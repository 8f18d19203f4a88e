import Foundation
import Testing
@testable import DebriefCore

/// The entry merge (`debrief merge`, the git merge driver, and `doctor --merge`): answer by
/// answer, follow-ups by id, each side's layout kept, and a clash written so the entry still reads.
@Suite("Entry merge")
struct EntryMergeTests {
    static let merger = EntryMerge(codec: Fixtures.codec)
    static let id = "2026-11-24-1830-swift-meetup-berlin"

    /// Merges texts; `base` nil merges without an ancestor.
    static func merge(_ base: String?, _ ours: String, _ theirs: String, names: EntryMerge.Names = .git) -> EntryMerge.Outcome {
        merger.merge(base: base.map { Array($0.utf8) }, ours: Array(ours.utf8), theirs: Array(theirs.utf8), id: id,
                     paths: ("base", "ours", "theirs"), names: names)
    }

    static func text(_ outcome: EntryMerge.Outcome) -> String { String(decoding: outcome.bytes, as: UTF8.self) }

    /// The merged file read as an entry (it must read).
    static func read(_ outcome: EntryMerge.Outcome) throws -> Entry {
        try Fixtures.codec.decode(outcome.bytes, id: id, path: "merged")
    }

    /// An entry as debrief writes it: two follow-ups with ids, the first done.
    static let base = """
    ---
    schema: 1
    id: 2026-11-24-1830-swift-meetup-berlin
    created: 2026-11-24T21:05:12+01:00
    updated: 2026-11-25T09:00:00+01:00
    title: Swift meetup Berlin
    date: 2026-11-24T18:30:00+01:00
    kind: meetup
    purpose: Meet two people who run Swift on the server
    follow-ups:
      - who: Ana Li
        action: Send the benchmark repository link
        due: 2026-11-27
        done: 2026-11-25
        id: 54kza2tk
      - who: Ben
        action: Intro to Carla
        due: 2026-11-28
        id: qesneis6
    learned: Their team measures tail latency first
    tags: [swift, server]
    ---
    First paragraph.

    Second paragraph.

    """

    static func edit(_ text: String, _ pairs: [(String, String)]) -> String {
        var out = text
        for (old, new) in pairs {
            precondition(out.contains(old), "no \(old) in the text")
            out = out.replacingOccurrences(of: old, with: new)
        }
        return out
    }

    // MARK: - The issue's scenario

    @Test("First follow-up reopened on one side, second done on the other: merged, `updated` the later, nothing else touched")
    func issueScenario() throws {
        let ours = Self.edit(Self.base, [("updated: 2026-11-25T09:00:00+01:00", "updated: 2026-11-26T10:00:00+01:00"),
                                          ("    done: 2026-11-25\n", "")])
        let theirs = Self.edit(Self.base, [("updated: 2026-11-25T09:00:00+01:00", "updated: 2026-11-26T10:30:00+01:00"),
                                            ("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        let expected = Self.edit(ours, [("updated: 2026-11-26T10:00:00+01:00", "updated: 2026-11-26T10:30:00+01:00"),
                                        ("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n")])
        #expect(Self.text(outcome).lines == expected.lines)
        // The other way round (the other device merging) gives the same file.
        let mirrored = Self.merge(Self.base, theirs, ours)
        #expect(Self.text(mirrored).lines == expected.lines)
    }

    // MARK: - Answers

    @Test("Different answers changed on each side are both taken; the same change on both is taken once")
    func differentAnswers() throws {
        let ours = Self.edit(Self.base, [("purpose: Meet two people who run Swift on the server", "purpose: Meet the server folks"),
                                          ("kind: meetup", "kind: conference")])
        let theirs = Self.edit(Self.base, [("learned: Their team measures tail latency first", "learned: |\n  Tail latency first\n  then throughput"),
                                            ("kind: meetup", "kind: conference")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        let expected = Self.edit(ours, [("learned: Their team measures tail latency first", "learned: |\n  Tail latency first\n  then throughput")])
        #expect(Self.text(outcome) == expected)
    }

    @Test("An answer added on one side is inserted where that side has it; one removed on one side is removed")
    func addedAndRemoved() throws {
        let ours = Self.edit(Self.base, [("kind: meetup\n", "kind: meetup\nhorizon: long-term\n")])
        let theirs = Self.edit(Self.base, [("learned: Their team measures tail latency first\n", "")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        #expect(Self.text(outcome) == Self.edit(ours, [("learned: Their team measures tail latency first\n", "")]))
        let mirrored = Self.merge(Self.base, theirs, ours)
        #expect(Self.text(mirrored) == Self.text(outcome))
    }

    @Test("A real clash keeps ours in the answer and theirs under `merge-conflict`; the entry reads and doctor names it")
    func clash() throws {
        let ours = Self.edit(Self.base, [("purpose: Meet two people who run Swift on the server", "purpose: Meet the server folks")])
        let theirs = Self.edit(Self.base, [("purpose: Meet two people who run Swift on the server", "purpose: \"Find a mentor: Swift\""),
                                            ("learned: Their team measures tail latency first", "learned: Latency")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(!outcome.isClean)
        #expect(outcome.clashes == ["`purpose`: both versions changed it"])
        #expect(outcome.conflictKey == "merge-conflict")
        let expected = Self.edit(ours, [
            ("learned: Their team measures tail latency first", "learned: Latency"),
            ("tags: [swift, server]\n", "tags: [swift, server]\nmerge-conflict:  # the other version of each answer both sides changed; keep what you want, then delete this key\n  purpose: \"Find a mentor: Swift\"\n"),
        ])
        #expect(Self.text(outcome) == expected)
        let entry = try Self.read(outcome)
        #expect(entry["purpose"] == .text("Meet the server folks") && entry["learned"] == .text("Latency"))
        let remarks = JournalDoctor.remarks(entry)
        #expect(remarks.map(\.reason) == ["holds a merge conflict in `purpose` (the other version is under `merge-conflict:`); keep the answer you want and delete the `merge-conflict:` key"])
        #expect(remarks.first?.line == 22)
    }

    @Test("A clash where ours removed the answer keeps theirs' change and records that ours had none")
    func clashWithRemoval() throws {
        let ours = Self.edit(Self.base, [("purpose: Meet two people who run Swift on the server\n", "")])
        let theirs = Self.edit(Self.base, [("purpose: Meet two people who run Swift on the server", "purpose: Find a mentor")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.clashes.count == 1)
        let entry = try Self.read(outcome)
        #expect(entry["purpose"] == .text("Find a mentor"))
        #expect(Self.text(outcome).contains("merge-conflict:  # the other version of each answer both sides changed; keep what you want, then delete this key\n  purpose: ~\n"))
    }

    @Test("Tags merge as a set: added on either side added, removed on either side removed")
    func tags() throws {
        let ours = Self.edit(Self.base, [("tags: [swift, server]", "tags: [swift, server, berlin]")])
        let theirs = Self.edit(Self.base, [("tags: [swift, server]", "tags: [swift, talks]")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        #expect(try Self.read(outcome).tags == ["swift", "berlin", "talks"])
    }

    // MARK: - Follow-ups

    @Test("Rows added on both sides are both kept, in an order that does not depend on which side merges")
    func rowsAddedOnBothSides() throws {
        let ours = Self.edit(Self.base, [("    id: qesneis6\n", "    id: qesneis6\n  - who: Dana\n    action: Send the slides\n    id: zzzzzzzz\n")])
        let theirs = Self.edit(Self.base, [("    id: qesneis6\n", "    id: qesneis6\n  - who: Eve\n    action: Book a call\n    due: 2026-12-01\n    id: aaaaaaaa\n")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        let merged = try Self.read(outcome)
        #expect(merged.followUps.map(\.who) == ["Ana Li", "Ben", "Eve", "Dana"])
        #expect(Self.text(Self.merge(Self.base, theirs, ours)) == Self.text(outcome))
    }

    @Test("done/due/first-due/postponed of one follow-up are one unit: done on one side and rescheduled on the other clash")
    func scheduleIsOneUnit() throws {
        let ours = Self.edit(Self.base, [("    due: 2026-11-28\n", "    due: 2026-12-05\n    first-due: 2026-11-28\n    postponed: 1\n")])
        let theirs = Self.edit(Self.base, [("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.clashes == ["`follow-ups` Ben: Intro to Carla: both versions changed it"])
        let merged = try Self.read(outcome)
        #expect(merged.followUps[1].due == Day(iso: "2026-12-05") && merged.followUps[1].done == nil && merged.followUps[1].postponed == 1)
        #expect(Self.text(outcome).hasSuffix("""
        merge-conflict:  # the other version of each answer both sides changed; keep what you want, then delete this key
          follow-ups:
            - who: Ben
              action: Intro to Carla
              due: 2026-11-28
              done: 2026-11-26
              id: qesneis6
        ---
        First paragraph.

        Second paragraph.

        """))
    }

    @Test("A reschedule on one side and a new action text on the other for the same follow-up merge (different units)")
    func differentUnitsOfOneRow() throws {
        let ours = Self.edit(Self.base, [("    due: 2026-11-28\n", "    due: 2026-12-05\n    first-due: 2026-11-28\n    postponed: 1\n")])
        let theirs = Self.edit(Self.base, [("action: Intro to Carla", "action: Intro to Carla and Dan")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        #expect(Self.text(outcome) == Self.edit(ours, [("action: Intro to Carla", "action: Intro to Carla and Dan")]))
    }

    @Test("A follow-up removed on one side and changed on the other is kept, and the removal recorded")
    func removedAndChanged() throws {
        let ours = Self.edit(Self.base, [("  - who: Ben\n    action: Intro to Carla\n    due: 2026-11-28\n    id: qesneis6\n", "")])
        let theirs = Self.edit(Self.base, [("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.clashes == ["`follow-ups` Ben: Intro to Carla: one version removed it, the other changed it"])
        let merged = try Self.read(outcome)
        #expect(merged.followUps.map(\.who) == ["Ana Li", "Ben"] && merged.followUps[1].done == Day(iso: "2026-11-26"))
        #expect(Self.text(outcome).contains("  follow-ups:\n    - who: Ben\n      action: Intro to Carla\n      id: qesneis6\n      removed: yes\n"))
        // Removed on one side and untouched on the other: removed.
        let untouched = Self.merge(Self.base, ours, Self.edit(Self.base, [("kind: meetup", "kind: social")]))
        #expect(untouched.isClean)
        #expect(try Self.read(untouched).followUps.map(\.who) == ["Ana Li"])
    }

    @Test("Rows are matched by id even when one side reordered them or gave the rows ids")
    func matchedByID() throws {
        let noIDs = Self.edit(Self.base, [("    id: 54kza2tk\n", ""), ("    id: qesneis6\n", "")])
        // Ours gave the rows ids (a guided edit's save); theirs marked Ben done.
        let theirs = Self.edit(noIDs, [("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n")])
        let outcome = Self.merge(noIDs, Self.base, theirs)
        #expect(outcome.isClean)
        let merged = try Self.read(outcome)
        #expect(merged.followUps.map(\.id) == ["54kza2tk", "qesneis6"] && merged.followUps[1].done == Day(iso: "2026-11-26"))
    }

    // MARK: - Notes

    @Test("Notes changed in different paragraphs merge line by line; the same line changed twice is a clash")
    func notes() throws {
        let ours = Self.edit(Self.base, [("First paragraph.", "First paragraph, amended.")])
        let theirs = Self.edit(Self.base, [("Second paragraph.", "Second paragraph.\n\nThird paragraph.")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(outcome.isClean)
        #expect(try Self.read(outcome).notes == "First paragraph, amended.\n\nSecond paragraph.\n\nThird paragraph.")
        let clash = Self.merge(Self.base, ours, Self.edit(Self.base, [("First paragraph.", "First paragraph, rewritten.")]))
        #expect(clash.clashes == ["`notes`: both versions changed the same lines"])
        let entry = try Self.read(clash)
        #expect(entry.notes == "First paragraph, amended.\n\nSecond paragraph.")
        #expect(Self.text(clash).contains("  notes: |-\n    First paragraph, rewritten.\n\n    Second paragraph.\n"))
    }

    // MARK: - Layout

    @Test("CRLF files stay CRLF, even when the other side wrote LF")
    func crlf() throws {
        func crlf(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\r\n") }
        let ours = crlf(Self.edit(Self.base, [("    done: 2026-11-25\n", "")]))
        let theirs = Self.edit(Self.base, [("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n"),
                                            ("kind: meetup\n", "kind: meetup\nhorizon: both\n")])
        let outcome = Self.merge(crlf(Self.base), ours, crlf(theirs))
        #expect(outcome.isClean)
        let expected = crlf(Self.edit(Self.base, [("    done: 2026-11-25\n", ""), ("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n"),
                                                  ("kind: meetup\n", "kind: meetup\nhorizon: both\n")]))
        #expect(Self.text(outcome) == expected)
        let mixed = Self.merge(crlf(Self.base), ours, theirs)
        #expect(Self.text(mixed) == expected)
    }

    /// PyYAML's `safe_dump` layout: keys sorted, lists not indented, quoted dates.
    static let pyYAML = """
    ---
    created: 2026-11-24 21:05:12+01:00
    date: '2026-11-24T18:30:00+01:00'
    follow-ups:
    - action: Send the link
      due: '2026-11-27'
      id: 54kza2tk
      who: Ana Li
    - action: Thank him
      id: qesneis6
      who: Ben
    id: 2026-11-24-1830-swift-meetup-berlin
    schema: 1
    tags:
    - swift
    title: Meetup
    updated: 2026-11-24 21:05:12+01:00
    ---

    """

    @Test("PyYAML-style files: rows patched in their own layout, rows added from the other side in this layout")
    func pyYAMLStyle() throws {
        let ours = Self.edit(Self.pyYAML, [("  due: '2026-11-27'\n", "  due: '2026-11-27'\n  done: 2026-11-26\n"),
                                            ("updated: 2026-11-24 21:05:12+01:00", "updated: 2026-11-26 10:00:00+01:00")])
        // Theirs is debrief's canonical layout of the same entry, with a follow-up added.
        let canonical = try Fixtures.codec.decode(Array(Self.pyYAML.utf8), id: Self.id, path: "p")
        var added = canonical
        added["follow-ups"] = .followUps(canonical.followUps + [FollowUp(who: "Eve", action: "Book a call", id: "aaaaaaaa")])
        added["tags"] = .tags(["swift", "talks"])
        added.updated = Fixtures.ts("2026-11-26T09:00:00+01:00")
        added.source = nil
        let theirs = Fixtures.codec.encode(added)
        let outcome = Self.merge(Self.pyYAML, ours, theirs)
        #expect(outcome.isClean)
        // Theirs also rewrote `created` and `date` in its own style without changing them; ours had not
        // touched those lines, so theirs' are taken, as a text merge would.
        let expected = Self.edit(ours, [("  who: Ben\n", "  who: Ben\n- who: Eve\n  action: Book a call\n  id: aaaaaaaa\n"),
                                        ("tags:\n- swift\n", "tags: [swift, talks]\n"),
                                        ("created: 2026-11-24 21:05:12+01:00", "created: 2026-11-24T21:05:12+01:00"),
                                        ("date: '2026-11-24T18:30:00+01:00'", "date: 2026-11-24T18:30:00+01:00")])
        #expect(Self.text(outcome).lines == expected.lines)
    }

    @Test("Hand-written comments on both sides are kept, and a field each side changed keeps its own comments")
    func comments() throws {
        let hand = """
        ---
        # written by hand
        schema: 1
        id: 2026-11-24-1830-swift-meetup-berlin
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Swift meetup Berlin   # the name on the invite
        purpose: 'Meet people'
        follow-ups:
          # the big one
          - who: Ana Li
            action: Send the link   # today!
            due: 2026-11-27
            id: 54kza2tk
          - who: Ben
            action: Thank him
            id: qesneis6

        # my own key
        mood: fine
        ---

        """
        let ours = Self.edit(hand, [("    due: 2026-11-27\n", "    due: 2026-11-27\n    done: 2026-11-26\n"),
                                    ("# my own key\n", "# my own key, kept\n")])
        let theirs = Self.edit(hand, [("purpose: 'Meet people'", "purpose: 'Meet people'  # changed my mind\n# below: follow-ups"),
                                      ("    action: Thank him\n", "    action: Thank him\n    done: 2026-11-25\n"),
                                      ("mood: fine", "mood: great")])
        let outcome = Self.merge(hand, ours, theirs)
        #expect(outcome.isClean)
        let expected = Self.edit(ours, [("purpose: 'Meet people'", "purpose: 'Meet people'  # changed my mind\n# below: follow-ups"),
                                        ("    action: Thank him\n", "    action: Thank him\n    done: 2026-11-25\n"),
                                        ("mood: fine", "mood: great")])
        #expect(Self.text(outcome).lines == expected.lines)
    }

    // MARK: - Files that do not read

    @Test("A side that does not parse gives a plain text conflict holding both sides, reported as unreadable")
    func unreadable() throws {
        let ours = Self.edit(Self.base, [("kind: meetup", "kind: meetup\n  : broken [")])
        let theirs = Self.edit(Self.base, [("kind: meetup", "kind: social"), ("learned: Their team measures tail latency first", "learned: x")])
        let outcome = Self.merge(Self.base, ours, theirs)
        #expect(!outcome.unreadable.isEmpty && !outcome.isClean)
        let text = Self.text(outcome)
        #expect(text.contains("<<<<<<< ours\nkind: meetup\n  : broken [\n=======\nkind: social\n>>>>>>> theirs\n"))
        #expect(text.contains("learned: x\n"))
        // Bytes that are not UTF-8 are kept as they are.
        let binary: [UInt8] = Array("---\ntitle: \u{FF}".utf8) + [0xFF, 0xFE, 10]
        let kept = Self.merger.merge(base: Array(Self.base.utf8), ours: binary, theirs: Array(theirs.utf8), id: Self.id, paths: ("b", "o", "t"))
        #expect(!kept.unreadable.isEmpty)
        #expect(kept.bytes.starts(with: Array("<<<<<<< ours\n".utf8)) || kept.bytes.contains(0xFE))
        #expect(Self.contains(kept.bytes, [0xFF, 0xFE, 10]))
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        return (0...(hay.count - needle.count)).contains { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    // MARK: - Without an ancestor

    @Test("Without an ancestor, differences take the version saved later and are listed; rows found in one only are kept")
    func withoutAncestor() throws {
        let original = Self.edit(Self.base, [("updated: 2026-11-25T09:00:00+01:00", "updated: 2026-11-26T10:30:00+01:00"),
                                              ("    due: 2026-11-28\n", "    due: 2026-11-28\n    done: 2026-11-26\n"),
                                              ("kind: meetup", "kind: social")])
        let copy = Self.edit(Self.base, [("updated: 2026-11-25T09:00:00+01:00", "updated: 2026-11-26T10:00:00+01:00"),
                                          ("    id: qesneis6\n", "    id: qesneis6\n  - who: Eve\n    action: Book a call\n    id: aaaaaaaa\n")])
        let outcome = Self.merge(nil, original, copy, names: .copy)
        #expect(outcome.isClean)
        let merged = try Self.read(outcome)
        #expect(merged.followUps.map(\.who) == ["Ana Li", "Ben", "Eve"] && merged.followUps[1].done == Day(iso: "2026-11-26"))
        #expect(merged.kind == "social")
        #expect(outcome.decisions == [
            "`kind`: kept the original's (saved later)",
            "`follow-ups` Ben: Intro to Carla: due/done/first-due/postponed: kept the original's (done in the original, open in the copy: if it was opened again on purpose, open it again)",
            "`follow-ups` Eve: Book a call: only in the copy; kept",
        ])
        // Saved at the same moment: nothing is decided by time (the follow-up's own state still
        // decides its row).
        let tie = Self.merge(nil, original, Self.edit(copy, [("updated: 2026-11-26T10:00:00+01:00", "updated: 2026-11-26T10:30:00+01:00")]), names: .copy)
        #expect(tie.clashes == ["`kind`: the versions differ and were saved at the same time"])
        #expect(try Self.read(tie).kind == "social")
        #expect(Self.text(tie).contains("merge-conflict:  # the other version of each answer both sides changed; keep what you want, then delete this key\n  kind: meetup\n"))
    }

    @Test("A second clash before the first is resolved goes under merge-conflict-2")
    func secondRecord() throws {
        let first = Self.merge(Self.base, Self.edit(Self.base, [("kind: meetup", "kind: social")]),
                               Self.edit(Self.base, [("kind: meetup", "kind: online")]))
        let base2 = Self.text(first)
        let second = Self.merge(base2, Self.edit(base2, [("purpose: Meet two people who run Swift on the server", "purpose: A")]),
                                Self.edit(base2, [("purpose: Meet two people who run Swift on the server", "purpose: B")]))
        #expect(second.conflictKey == "merge-conflict-2")
        let entry = try Self.read(second)
        #expect(JournalDoctor.remarks(entry).map(\.reason) == [
            "holds a merge conflict in `kind` (the other version is under `merge-conflict:`); keep the answer you want and delete the `merge-conflict:` key",
            "holds a merge conflict in `purpose` (the other version is under `merge-conflict-2:`); keep the answer you want and delete the `merge-conflict-2:` key",
        ])
    }
}

extension String {
    /// The text's lines, for comparisons that show the differing line.
    fileprivate var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: false) }
}
