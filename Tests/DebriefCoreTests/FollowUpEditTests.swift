import DebriefCore
import Foundation
import Synchronization
import Testing

/// One-follow-up row edits (done, undone, reschedule) through the store: byte-for-byte before and
/// after, CRLF and other YAML list styles kept, and files changed meanwhile.
@Suite("Follow-up row edits")
struct FollowUpEditTests {
    typealias F = PeopleFixtures

    /// A store in a fresh temporary folder with the default catalog.
    static func makeStore() -> JournalStore { Fixtures.store(Fixtures.tempDirectory("row-edits")) }

    static let sample = F.entry("x", title: "Swift meetup Berlin", date: "2026-11-24", people: [
        Person(name: "Ana Li", level: "peer", relation: "new", note: "Migrating: \"quotes\" # and a hash"),
    ], followUps: [
        FollowUp(who: "Ana Li", action: "Send the benchmark repository link", due: F.day("2026-11-27")),
        FollowUp(who: "Zoë Brandt", action: "Intro to Sam — über-helpful", due: F.day("2026-12-31")),
        FollowUp(who: "", action: "Write up the notes"),
    ])

    static let id = "2026-11-24-1830-meetup"
    static let created = "2026-11-24T21:05:12+01:00"

    /// Writes `text` as the entry file `id` and reads it.
    static func place(_ text: String, in store: JournalStore) throws -> Entry {
        let ref = try #require(store.canonicalRef(for: id))
        Fixtures.write(text, to: ref.path)
        return try store.read(ref)
    }

    /// The file's lines, for comparisons that show the differing line when they fail.
    static func lines(_ entry: Entry) throws -> [String] { try text(entry).lines }

    static func text(_ entry: Entry) throws -> String {
        let path = try #require(entry.source?.path)
        return String(decoding: try #require(Fixtures.bytes(path)), as: UTF8.self)
    }

    /// Applies an edit that must write; returns the file's text afterwards.
    @discardableResult
    static func apply(_ edit: FollowUpEdit, _ n: Int, _ entry: Entry, in store: JournalStore, at now: String) throws -> Entry {
        guard case .written(let written, _, _) = try store.editFollowUp(n, of: entry, edit, now: F.time(now)) else {
            Issue.record("expected a write")
            return entry
        }
        return written
    }

    // MARK: - Minimal diffs

    @Test("done changes only that action's done line and `updated`; undone gives back the bytes but `updated`")
    func doneAndUndoneKeepTheFile() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let created = try store.create(Self.sample)
        let before = try Self.text(created)
        let marked = try Self.apply(.done(F.day("2026-11-26")), 2, created, in: store, at: "2026-11-26T09:15:00+01:00")
        let expected = before
            .replacingOccurrences(of: "updated: 2026-11-24T18:30:00+01:00", with: "updated: 2026-11-26T09:15:00+01:00")
            .replacingOccurrences(of: "    due: 2026-12-31\n", with: "    due: 2026-12-31\n    done: 2026-11-26\n")
        let markedLines = try Self.lines(marked)
        #expect(markedLines == expected.lines)
        #expect(expected != before)
        #expect(marked.followUps[1].done == F.day("2026-11-26"))
        #expect(marked.followUps[0].done == nil && marked.followUps[2].done == nil)

        let reopened = try Self.apply(.reopen, 2, marked, in: store, at: "2026-11-27T08:00:00+01:00")
        #expect(try Self.lines(reopened) == before.replacingOccurrences(of: "updated: 2026-11-24T18:30:00+01:00",
                                                                              with: "updated: 2026-11-27T08:00:00+01:00").lines)
    }

    @Test("A hand-written file keeps its comments and unknown keys when an action is marked done")
    func handWrittenFile() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let text = """
        ---
        # written by hand
        schema: 1
        id: 2026-11-24-1830-meetup
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Meetup
        date: 2026-11-24T18:30:00+01:00
        mood: great

        follow-ups:
          - who: Ana Li   # met at the bar
            action: 'Send the link'
            due: 2026-11-27   # a friday
            priority: high
        tags: [swift]
        ---
        Notes stay.

        """
        let entry = try Self.place(text, in: store)
        let written = try Self.apply(.done(F.day("2026-11-28")), 1, entry, in: store, at: "2026-11-28T12:00:00+01:00")
        let expected = text
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-28T12:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27   # a friday\n", with: "    due: 2026-11-27   # a friday\n    done: 2026-11-28\n")
        let writtenLines = try Self.lines(written)
        #expect(writtenLines == expected.lines)
    }

    @Test("CRLF line endings stay CRLF: only the done line is added and `updated` changes")
    func crlf() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let lines = [
            "---", "schema: 1", "id: \(Self.id)", "created: \(Self.created)", "updated: \(Self.created)", "title: Meetup",
            "date: 2026-11-24T18:30:00+01:00", "follow-ups:", "  - who: Ana Li", "    action: Send the link", "    due: 2026-11-27",
            "  - who: Ben", "    action: Thank him", "---", "Notes.", "",
        ]
        let entry = try Self.place(lines.joined(separator: "\r\n"), in: store)
        let done = try Self.apply(.done(F.day("2026-11-26")), 1, entry, in: store, at: "2026-11-26T10:00:00+01:00")
        var expected = lines
        expected[4] = "updated: 2026-11-26T10:00:00+01:00"
        expected.insert("    done: 2026-11-26", at: 11)
        let doneLines = try Self.lines(done)
        #expect(doneLines == expected.joined(separator: "\r\n").lines)
        let reopened = try Self.apply(.reopen, 1, done, in: store, at: "2026-11-27T10:00:00+01:00")
        expected.remove(at: 11)
        expected[4] = "updated: 2026-11-27T10:00:00+01:00"
        let reopenedLines = try Self.lines(reopened)
        #expect(reopenedLines == expected.joined(separator: "\r\n").lines)
    }

    /// PyYAML's `safe_dump(default_flow_style=False)` layout: the sequence is not indented under its key.
    static let pyYAML = """
    ---
    schema: 1
    id: 2026-11-24-1830-meetup
    created: 2026-11-24T21:05:12+01:00
    updated: 2026-11-24T21:05:12+01:00
    title: Meetup
    date: 2026-11-24T18:30:00+01:00
    follow-ups:
    - action: Send the link
      due: '2026-11-27'
      who: Ana Li
    - action: Thank him
      who: Ben
    ---

    """

    @Test("A list not indented under its key (PyYAML's style) is not re-indented")
    func pyYAMLStyle() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let entry = try Self.place(Self.pyYAML, in: store)
        let done = try Self.apply(.done(F.day("2026-11-26")), 2, entry, in: store, at: "2026-11-26T10:00:00+01:00")
        let expected = Self.pyYAML
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "- action: Thank him\n", with: "- action: Thank him\n  done: 2026-11-26\n")
        let doneLines = try Self.lines(done)
        #expect(doneLines == expected.lines)
        // Rescheduling the first one replaces the quoted due in place and adds the history after it.
        let moved = try Self.apply(.reschedule(F.day("2026-12-04")), 1, done, in: store, at: "2026-11-26T11:00:00+01:00")
        let rescheduled = expected
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-26T11:00:00+01:00")
            .replacingOccurrences(of: "  due: '2026-11-27'\n", with: "  due: 2026-12-04\n  first-due: 2026-11-27\n  postponed: 1\n")
        let movedLines = try Self.lines(moved)
        #expect(movedLines == rescheduled.lines)
    }

    @Test("undone of a done written on the dash line moves the next key onto it, at the same column")
    func doneOnTheDashLine() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let text = """
        ---
        schema: 1
        id: 2026-11-24-1830-meetup
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Meetup
        follow-ups:
          -   done: 2026-11-25
              # the link
              action: Send the link
              who: Ana
        ---

        """
        let entry = try Self.place(text, in: store)
        let reopened = try Self.apply(.reopen, 1, entry, in: store, at: "2026-11-26T10:00:00+01:00")
        let expected = text
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "  -   done: 2026-11-25\n      # the link\n      action: Send the link\n",
                                  with: "  -   action: Send the link\n      # the link\n")
        let reopenedLines = try Self.lines(reopened)
        #expect(reopenedLines == expected.lines)
        #expect(reopened.followUps == [FollowUp(who: "Ana", action: "Send the link")])
    }

    @Test("A flow-style list cannot be patched line by line: the field is re-encoded, nothing else changes")
    func flowListFallsBack() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let text = """
        ---
        schema: 1
        id: 2026-11-24-1830-meetup
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Meetup
        follow-ups: [{who: Ana, action: Send the link}]
        tags: [a]
        ---

        """
        let entry = try Self.place(text, in: store)
        let done = try Self.apply(.done(F.day("2026-11-26")), 1, entry, in: store, at: "2026-11-26T10:00:00+01:00")
        let expected = text
            .replacingOccurrences(of: "updated: 2026-11-24T21:05:12+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "follow-ups: [{who: Ana, action: Send the link}]\n",
                                  with: "follow-ups:\n  - who: Ana\n    action: Send the link\n    done: 2026-11-26\n")
        let doneLines = try Self.lines(done)
        #expect(doneLines == expected.lines)
    }

    // MARK: - Reschedule

    @Test("reschedule later: due replaced, first-due written once, postponed counted; earlier is not a postponement")
    func reschedule() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let created = try store.create(Self.sample)
        let before = try Self.text(created)
        let id = try #require(created.followUps[0].id)
        let first = try Self.apply(.reschedule(F.day("2026-12-01")), 1, created, in: store, at: "2026-11-26T10:00:00+01:00")
        let afterFirst = before
            .replacingOccurrences(of: "updated: 2026-11-24T18:30:00+01:00", with: "updated: 2026-11-26T10:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n    id: \(id)\n",
                                  with: "    due: 2026-12-01\n    first-due: 2026-11-27\n    postponed: 1\n    id: \(id)\n")
        let firstLines = try Self.lines(first)
        #expect(firstLines == afterFirst.lines)

        let second = try Self.apply(.reschedule(F.day("2026-12-09")), 1, first, in: store, at: "2026-11-27T10:00:00+01:00")
        let afterSecond = afterFirst
            .replacingOccurrences(of: "updated: 2026-11-26T10:00:00+01:00", with: "updated: 2026-11-27T10:00:00+01:00")
            .replacingOccurrences(of: "    due: 2026-12-01\n", with: "    due: 2026-12-09\n")
            .replacingOccurrences(of: "    postponed: 1\n", with: "    postponed: 2\n")
        let secondLines = try Self.lines(second)
        #expect(secondLines == afterSecond.lines)
        #expect(second.followUps[0].firstDue == F.day("2026-11-27") && second.followUps[0].postponed == 2)
        #expect(AnswerText.postponements(second.followUps[0]) == "postponed twice, 12 days past its first date")

        let earlier = try Self.apply(.reschedule(F.day("2026-12-03")), 1, second, in: store, at: "2026-11-28T10:00:00+01:00")
        #expect(earlier.followUps[0].postponed == 2 && earlier.followUps[0].firstDue == F.day("2026-11-27"))
        #expect(earlier.followUps[0].due == F.day("2026-12-03"))
        #expect(try store.editFollowUp(1, of: earlier, .reschedule(F.day("2026-12-03")), now: F.time("2026-11-28T11:00:00+01:00"))
            == .unchanged(.alreadyDue(F.day("2026-12-03")), n: 1))
    }

    @Test("The postponement rule: later counts, earlier, none or a first date do not")
    func postponementRule() {
        let row = FollowUp(who: "A", action: "a", due: F.day("2026-11-27"))
        // Created on the 24th, moved on the 26th: past the correction window.
        func moved(_ r: FollowUp, to day: Day?) -> FollowUp {
            r.rescheduled(to: day, createdAt: F.time("2026-11-24T21:05:12+01:00"), now: F.time("2026-11-26T10:00:00+01:00"))
        }
        #expect(moved(row, to: F.day("2026-11-30")).postponed == 1)
        #expect(moved(row, to: F.day("2026-11-30")).firstDue == F.day("2026-11-27"))
        #expect(moved(row, to: F.day("2026-11-20")) == FollowUp(who: "A", action: "a", due: F.day("2026-11-20")))
        #expect(moved(row, to: nil).postponed == 0)
        let undated = FollowUp(who: "A", action: "a")
        #expect(moved(undated, to: F.day("2026-12-01")) == FollowUp(who: "A", action: "a", due: F.day("2026-12-01")))
        let twice = moved(moved(row, to: F.day("2026-11-30")), to: F.day("2026-12-05"))
        #expect(twice.firstDue == F.day("2026-11-27") && twice.postponed == 2)
        #expect(AnswerText.postponements(twice) == "postponed twice, 8 days past its first date")
        #expect(AnswerText.postponements(row) == nil)
    }

    @Test("A correction is not a postponement: a later date within 24 hours of the save that created the row counts nothing")
    func correctionWindow() {
        let row = FollowUp(who: "A", action: "a", due: F.day("2026-11-27"))
        let created = F.time("2026-11-24T21:05:12+01:00")
        // She wrote `next fri`, saw it meant this Friday and moved it a week the same evening.
        let sameEvening = row.rescheduled(to: F.day("2026-12-04"), createdAt: created, now: F.time("2026-11-24T21:30:00+01:00"))
        #expect(sameEvening == FollowUp(who: "A", action: "a", due: F.day("2026-12-04")))
        #expect(AnswerText.postponements(sameEvening) == nil)
        // The last second of the window is still a correction; one more is a postponement.
        let lastSecond = Timestamp(seconds: created.seconds + 86_400, utcOffset: 3600)
        #expect(row.rescheduled(to: F.day("2026-12-04"), createdAt: created, now: lastSecond).postponed == 0)
        let after = Timestamp(seconds: created.seconds + 86_401, utcOffset: 3600)
        #expect(row.rescheduled(to: F.day("2026-12-04"), createdAt: created, now: after).postponed == 1)
        // A row added later by `edit` is created when it was added, not with its entry.
        var added = row
        added.added = F.time("2026-11-30T09:00:00+01:00")
        let entry = F.entry("2026-11-24-1830-meetup", title: "Meetup", date: "2026-11-24", followUps: [added])
        #expect(entry.followUps[0].createdAt(in: entry) == F.time("2026-11-30T09:00:00+01:00"))
        #expect(row.createdAt(in: entry) == entry.created)
    }

    @Test("reschedule through the store within a day of creating the entry is a correction: no first-due, no postponed")
    func correctionThroughTheStore() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let created = try store.create(Self.sample)
        let before = try Self.text(created)
        // `created` is the entry's; the move is half an hour later.
        let at = Timestamp(seconds: created.created.seconds + 1800, utcOffset: 3600)
        guard case .written(let moved, _, _) = try store.editFollowUp(1, of: created, .reschedule(F.day("2026-12-04")), now: at) else {
            Issue.record("expected a write")
            return
        }
        #expect(moved.followUps[0].due == F.day("2026-12-04"))
        #expect(moved.followUps[0].postponed == 0 && moved.followUps[0].firstDue == nil)
        let text = try Self.text(moved)
        #expect(!text.contains("first-due") && !text.contains("postponed"))
        #expect(text.contains("    due: 2026-12-04\n") && before.contains("    due: 2026-11-27\n"))
        // A day and a second later the next move is a postponement, from the corrected date.
        let later = Timestamp(seconds: created.created.seconds + 86_401, utcOffset: 3600)
        guard case .written(let postponed, _, _) = try store.editFollowUp(1, of: moved, .reschedule(F.day("2026-12-11")), now: later) else {
            Issue.record("expected a write")
            return
        }
        #expect(postponed.followUps[0].postponed == 1 && postponed.followUps[0].firstDue == F.day("2026-12-04"))
    }

    // MARK: - Unchanged and out of range

    @Test("Already done, already open or already due that day is reported, not written")
    func alreadyInThatState() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let entry = try store.create(F.entry("e", date: "2026-11-24", followUps: [
            FollowUp(who: "A", action: "Done one", due: F.day("2026-11-25"), done: F.day("2026-11-25")),
            FollowUp(who: "B", action: "Open one", due: F.day("2026-11-30")),
        ]))
        let bytes = try Self.text(entry)
        let now = F.time("2026-11-26T10:00:00+01:00")
        #expect(try store.editFollowUp(1, of: entry, .done(F.day("2026-11-26")), now: now) == .unchanged(.alreadyDone(F.day("2026-11-25")), n: 1))
        #expect(try store.editFollowUp(1, of: entry, .reschedule(F.day("2026-12-01")), now: now) == .unchanged(.alreadyDone(F.day("2026-11-25")), n: 1))
        #expect(try store.editFollowUp(2, of: entry, .reopen, now: now) == .unchanged(.alreadyOpen, n: 2))
        #expect(try store.editFollowUp(2, of: entry, .reschedule(F.day("2026-11-30")), now: now) == .unchanged(.alreadyDue(F.day("2026-11-30")), n: 2))
        let entryLines = try Self.lines(entry)
        #expect(entryLines == bytes.lines)
    }

    @Test("N out of range says how many actions there are", arguments: [0, 3, -1])
    func outOfRange(n: Int) {
        let entry = F.entry("e", date: "2026-11-24", followUps: [FollowUp(who: "A", action: "a"), FollowUp(who: "B", action: "b")])
        #expect(throws: FollowUpOutOfRange(entryID: "e", n: n, count: 2)) { try entry.followUp(n) }
        #expect(FollowUpOutOfRange(entryID: "e", n: n, count: 2).description.contains("from 1 to 2"))
        #expect(FollowUpOutOfRange(entryID: "e", n: 1, count: 0).description == "e has no follow-up actions")
    }

    // MARK: - The file changed meanwhile

    @Test("Two dones on different follow-ups of one entry, both from the same read: both land")
    func twoDonesFromOneRead() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let read = try store.create(Self.sample)
        let before = try Self.text(read)
        _ = try Self.apply(.done(F.day("2026-11-26")), 1, read, in: store, at: "2026-11-26T10:00:00+01:00")
        guard case .written(let second, let n, let reapplied) = try store.editFollowUp(
            3, of: read, .done(F.day("2026-11-26")), now: F.time("2026-11-26T10:00:01+01:00")) else {
            Issue.record("expected the second done to be applied to the new version")
            return
        }
        #expect(n == 3 && reapplied)
        #expect(second.followUps.map(\.done) == [F.day("2026-11-26"), nil, F.day("2026-11-26")])
        let id0 = try #require(read.followUps[0].id), id2 = try #require(read.followUps[2].id)
        let expected = before
            .replacingOccurrences(of: "updated: 2026-11-24T18:30:00+01:00", with: "updated: 2026-11-26T10:00:01+01:00")
            .replacingOccurrences(of: "    due: 2026-11-27\n    id: \(id0)\n", with: "    due: 2026-11-27\n    done: 2026-11-26\n    id: \(id0)\n")
            .replacingOccurrences(of: "  - action: Write up the notes\n    id: \(id2)\n",
                                  with: "  - action: Write up the notes\n    done: 2026-11-26\n    id: \(id2)\n")
        let secondLines = try Self.lines(second)
        #expect(secondLines == expected.lines)
    }

    @Test("The target found by its id after the list was reordered meanwhile")
    func matchedByIDAfterReorder() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let read = try store.create(Self.sample)
        var reordered = read
        reordered["follow-ups"] = .followUps(read.followUps.reversed())
        _ = try store.save(reordered, now: F.time("2026-11-25T10:00:00+01:00"))
        guard case .written(let written, let n, true) = try store.editFollowUp(
            1, of: read, .done(F.day("2026-11-26")), now: F.time("2026-11-26T10:00:00+01:00")) else {
            Issue.record("expected a re-applied write")
            return
        }
        #expect(n == 3)
        #expect(written.followUps[2].action == "Send the benchmark repository link" && written.followUps[2].done == F.day("2026-11-26"))
        #expect(written.followUps[0].done == nil && written.followUps[1].done == nil)
    }

    @Test("Without ids, the target is found by who, action and due, not by its position")
    func matchedByContent() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let text = """
        ---
        schema: 1
        id: 2026-11-24-1830-meetup
        created: 2026-11-24T21:05:12+01:00
        updated: 2026-11-24T21:05:12+01:00
        title: Meetup
        follow-ups:
          - who: Ana
            action: Send the link
          - who: Ben
            action: Thank him

        """
        let read = try Self.place(text + "---\n", in: store)
        // Someone adds a row at the top meanwhile.
        Fixtures.write(text.replacingOccurrences(of: "follow-ups:\n", with: "follow-ups:\n  - who: Cleo\n    action: Call\n") + "---\n",
                       to: try #require(read.source?.path))
        guard case .written(let written, let n, true) = try store.editFollowUp(
            2, of: read, .done(F.day("2026-11-26")), now: F.time("2026-11-26T10:00:00+01:00")) else {
            Issue.record("expected a re-applied write")
            return
        }
        #expect(n == 3)
        #expect(written.followUps.map(\.done) == [nil, nil, F.day("2026-11-26")])
        #expect(written.followUps[2].who == "Ben")
    }

    @Test("Refused with the reason when the target itself changed or is gone; the file is left as it is")
    func refusedWhenTheTargetChanged() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let read = try store.create(Self.sample)
        let path = try #require(read.source?.path)
        // Marked done by another debrief meanwhile.
        _ = try Self.apply(.done(F.day("2026-11-25")), 2, read, in: store, at: "2026-11-25T10:00:00+01:00")
        let between = try #require(Fixtures.bytes(path))
        let now = F.time("2026-11-26T10:00:00+01:00")
        #expect(throws: StoreError.followUpChanged(path, "the file changed meanwhile: it was marked done on 2026-11-25 for “Zoë Brandt: Intro to Sam — über-helpful”")) {
            try store.editFollowUp(2, of: read, .reschedule(F.day("2027-01-15")), now: now)
        }
        // Its due date moved by hand.
        let moved = String(decoding: between, as: UTF8.self).replacingOccurrences(of: "due: 2026-11-27", with: "due: 2026-11-30")
        Fixtures.write(moved, to: path)
        #expect(throws: StoreError.followUpChanged(path, "the file changed meanwhile: its due date is now 2026-11-30 for “Ana Li: Send the benchmark repository link”")) {
            try store.editFollowUp(1, of: read, .done(F.day("2026-11-26")), now: now)
        }
        // Removed.
        let current = try store.read(try #require(store.canonicalRef(for: read.id)))
        var fewer = current
        fewer["follow-ups"] = .followUps(Array(current.followUps.dropLast()))
        _ = try store.save(fewer, now: now)
        let left = try #require(Fixtures.bytes(path))
        #expect(throws: StoreError.followUpChanged(path, "the file changed meanwhile and the follow-up “Write up the notes” is no longer in it")) {
            try store.editFollowUp(3, of: read, .done(F.day("2026-11-26")), now: now)
        }
        #expect(Fixtures.bytes(path) == left)
    }

    @Test("A file that no longer reads is never written")
    func refusedWhenTheFileBroke() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let read = try store.create(Self.sample)
        let path = try #require(read.source?.path)
        Fixtures.write("---\ntitle: [unclosed\n---\n", to: path)
        #expect(throws: StoreError.self) { try store.editFollowUp(1, of: read, .done(F.day("2026-11-26")), now: F.time("2026-11-26T10:00:00+01:00")) }
        #expect(Fixtures.bytes(path) == Array("---\ntitle: [unclosed\n---\n".utf8))
    }

    /// Eight threads (not tasks: each waits on the journal lock, and blocked tasks would hold
    /// the test runner's few cooperative threads, which took 132 s under load once) mark eight
    /// rows of one entry read once; the time limit only catches a deadlock.
    @Test("Many edits racing from threads on different rows of one entry all land", .timeLimit(.minutes(3)))
    func concurrentEdits() throws {
        let store = Self.makeStore()
        defer { Fixtures.removeTemp(store.root) }
        let rows = (1...8).map { FollowUp(who: "P\($0)", action: "Action \($0)", due: F.day("2026-11-27")) }
        let read = try store.create(F.entry("many", date: "2026-11-24", followUps: rows))
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for n in 1...8 {
            let thread = Thread {
                do {
                    _ = try store.editFollowUp(n, of: read, .done(F.day("2026-11-26")), now: F.time("2026-11-26T10:00:00+01:00"))
                } catch {
                    failures.withLock { $0.append("\(n): \(error)") }
                }
                group.leave()
            }
            group.enter()
            thread.start()
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        let after = try store.read(try #require(store.canonicalRef(for: read.id)))
        #expect(after.followUps.allSatisfy { $0.done == F.day("2026-11-26") })
    }
}

extension String {
    /// The text cut after each line break, so a failed comparison shows which line differs.
    fileprivate var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
