import DebriefCore
import DebriefUI

/// The one follow-up editor of the screens: home, the follow-up list, a person's page, an
/// entry's detail and the review each hold one and hand it their follow-up keys, so Space, `s`
/// and `D` do the same thing everywhere, say the same thing after, and are followed by the same
/// refresh.
///
/// A follow-up is named one way, as a ``FollowUpItem`` (its entry's id and its position `n`
/// from 1, as `debrief done ID N` takes it, with what it says); the write is the core's
/// one-follow-up edit (``JournalStore/editFollowUp(_:of:_:now:)``: a row patch, applied again
/// to a file changed meanwhile when the follow-up itself did not change), performed as a
/// command, so no `update` touches a file.
public struct FollowUpEditor: Sendable {
    /// Space, `s` and `D`.
    public enum Act: Sendable, Equatable {
        /// Done today, or open again when done.
        case toggle
        /// A new due date, asked for in the status line.
        case reschedule
        /// Done on a day asked for in the status line.
        case doneOn
    }

    /// What a write reported; a screen wraps it in its own message.
    public enum Message: Sendable {
        /// An edit of `item` (as the screen had it, its entry then holding `before` follow-ups)
        /// and what came of it.
        case edited(FollowUpItem, FollowUpEdit, before: Int, Result<FollowUpEditOutcome, StoreError>)
    }

    /// The one refresh rule: what a screen does with the journal it holds once an edit came back.
    enum Refresh: Equatable {
        /// The follow-up changed where it was: take in the entry as written, rows keeping their
        /// place until the journal is read again (so Space can undo a mark).
        case inPlace(Entry)
        /// Rows were added, removed or moved in the file meanwhile, or the write was refused
        /// because the file changed: read the journal again to show it as it is.
        case reread
        /// Nothing was written and nothing changed.
        case nothing
    }

    /// What a key came to: the command to perform, and the status line to show when there is a
    /// new one.
    struct Step {
        var command: Command<Message> = .none
        var status: String?
    }

    /// The day `s` or `D` is asking for, with the follow-up it is for.
    private(set) var asking: Asking?

    struct Asking: Sendable {
        var prompt: DatePrompt
        var item: FollowUpItem
    }

    /// Whether the date prompt is open (it then gets every key).
    var isAsking: Bool { asking != nil }

    /// `item` written as lists name it: `Ana Li: Send the link`.
    static func task(_ item: FollowUpItem) -> String {
        AnswerText.task(who: item.who, action: item.action)
    }

    /// Space, `s` or `D` on `item`, whose entry as the screen read it is `entry`. Space writes at
    /// once (done today, or open again); `s` and `D` open the date prompt. While the screen is
    /// still reading the journal nothing is written: the row may be about to change.
    mutating func begin(_ act: Act, on item: FollowUpItem, entry: Entry?, reading: Bool, store: JournalStore, clock: Clock) -> Step {
        switch act {
        case .toggle:
            return write(item.isOpen ? .done(clock.today) : .reopen, to: item, entry: entry, reading: reading, store: store, clock: clock)
        case .reschedule, .doneOn:
            asking = Asking(prompt: DatePrompt(act == .reschedule ? .reschedule : .doneOn, task: Self.task(item), clock: clock), item: item)
            return Step()
        }
    }

    /// A key while the date prompt is open: it stays open while typing or after a date that does
    /// not read, closes on Esc, and on Enter closes and writes. `entry` gives the follow-up's
    /// entry as the screen holds it now.
    mutating func promptKey(_ key: Key, entry: (String) -> Entry?, reading: Bool, store: JournalStore, clock: Clock) -> Step {
        guard var open = asking else { return Step() }
        switch open.prompt.handle(key, clock: clock) {
        case .editing:
            asking = open
            return Step()
        case .cancelled:
            asking = nil
            return Step()
        case .chosen(let edit):
            asking = nil
            return write(edit, to: open.item, entry: entry(open.item.entryID), reading: reading, store: store, clock: clock)
        }
    }

    /// The write of `edit` to `item` through the store, once the journal has been read.
    private func write(_ edit: FollowUpEdit, to item: FollowUpItem, entry: Entry?, reading: Bool, store: JournalStore,
                       clock: Clock) -> Step {
        guard !reading else { return Step(status: "Still reading the journal; press the key again in a moment") }
        guard let entry else { return Step() }
        let before = entry.followUps.count
        let now = clock.timestamp
        return Step(command: .perform {
            .edited(item, edit, before: before, Result { () throws(StoreError) in try store.editFollowUp(item.n, of: entry, edit, now: now) })
        })
    }

    /// What came of a write: the status line and the refresh rule.
    static func finished(_ message: Message, today: Day) -> (status: String, refresh: Refresh) {
        switch message {
        case .edited(let item, let edit, let before, let outcome):
            let status = Self.status(outcome, edit: edit, task: task(item), today: today)
            switch outcome {
            case .success(.written(let entry, let n, _)):
                return (status, n == item.n && entry.followUps.count == before ? .inPlace(entry) : .reread)
            case .success(.unchanged):
                return (status, .nothing)
            case .failure(.followUpChanged), .failure(.changedOnDisk):
                return (status, .reread)
            case .failure:
                return (status, .nothing)
            }
        }
    }

    /// What a screen says when the follow-up it shows is no longer the one in its entry's file.
    static let changedOnDisk = "Nothing written: the entry changed on disk since it was read"

    /// What came of reading the entry of a follow-up for Space, `s` or `D` (``checked(_:n:shown:)``).
    enum Checked: Equatable {
        /// Nothing may be written, for the reason the status line gives; the screen reads the
        /// journal again to show it as it is (every refusal means the file is not as shown).
        case refused(String)
        /// The follow-up is the row shown: `item` as the file holds it, in `entry` as read, for
        /// ``begin(_:on:entry:reading:store:clock:)`` (and the date prompt's write).
        case ready(FollowUpItem, Entry)
    }

    /// Reads the entry `id` from its file for Space, `s` or `D` on one of its follow-ups: the
    /// work of the `.perform` command whose outcome ``checked(_:n:shown:)`` takes (the screens
    /// that list follow-ups hold rows from the index, not entries).
    static func read(_ id: String, in store: JournalStore) -> Result<Entry, StoreError> {
        Result { () throws(StoreError) in try store.read(try store.find(id)) }
    }

    /// The one step after a screen read the entry of follow-up `n` for Space, `s` or `D`:
    /// `outcome` is the read, `shown` finds the row the screen shows as follow-up `n` of an
    /// entry id (nil when it shows none). The screens that list follow-ups hold no entries and
    /// their rows come from the index, read earlier: a read that failed, a row no longer shown,
    /// or a file that no longer holds the row shown (``refusal(_:of:who:action:due:done:)``)
    /// writes nothing.
    static func checked<Shown: ShownFollowUp>(_ outcome: Result<Entry, StoreError>, n: Int,
                                              shown: (_ entryID: String) -> Shown?) -> Checked {
        switch outcome {
        case .failure(let error):
            return .refused(error.description)
        case .success(let entry):
            guard let row = shown(entry.id) else { return .refused(changedOnDisk) }
            if let refusal = refusal(n, of: entry, who: row.who, action: row.action, due: row.due, done: row.done) {
                return .refused(refusal)
            }
            return .ready(FollowUpItem(entry: entry, n: n, followUp: entry.followUps[n - 1]), entry)
        }
    }

    /// Why nothing may be written to follow-up `n` of `entry`, just read from its file, when the
    /// screen shows it as `who`: `action`, due `due`, done `done` (from the index's rows, read
    /// earlier); nil when row `n` is the line shown. The screens that list follow-ups hold no
    /// entries: Space, `s` and `D` read the one they change first, and the file may have changed
    /// since the rows were read. Another follow-up at `n` (rows added or moved): ``changedOnDisk``;
    /// the same one in another state: the store's words for it (as when the file changes between
    /// the read and the write), so a mark never lands on what the screen did not show.
    private static func refusal(_ n: Int, of entry: Entry, who: String, action: String, due: Day?, done: Day?) -> String? {
        guard entry.followUps.indices.contains(n - 1) else { return changedOnDisk }
        let row = entry.followUps[n - 1]
        guard row.who == who, row.action == action else { return changedOnDisk }
        var shown = row
        shown.due = due
        shown.done = done
        guard let change = row.change(since: shown) else { return nil }
        return "Nothing written: the file changed meanwhile: \(change) for “\(AnswerText.task(who: who, action: action))”"
    }

    /// The status line after `edit` of `task`, one wording for every screen.
    static func status(_ outcome: Result<FollowUpEditOutcome, StoreError>, edit: FollowUpEdit, task: String, today: Day) -> String {
        switch outcome {
        case .success(.written(let entry, let n, _)):
            switch edit {
            case .done(let day):
                return day == today ? "Done: \(task) (Space again reopens)" : "Done on \(day.iso): \(task) (Space reopens)"
            case .reopen: return "Open again: \(task)"
            case .reschedule(let day):
                let row = entry.followUps.indices.contains(n - 1) ? entry.followUps[n - 1] : nil
                let history = row.flatMap(AnswerText.postponements).map { "; " + $0 } ?? ""
                return "Due \(day.iso): \(task)\(history)"
            }
        case .success(.unchanged(.alreadyDone(let day), _)):
            return "Already done on \(day.iso): \(task); Space opens it again"
        case .success(.unchanged(.alreadyOpen, _)):
            return "Already open: \(task)"
        case .success(.unchanged(.alreadyDue(let day), _)):
            return "Already due \(day.iso): \(task)"
        case .failure(.followUpChanged(_, let why)):
            return "Nothing written: \(why)"
        case .failure(.changedOnDisk):
            return changedOnDisk
        case .failure(let error):
            return "Not saved: \(error.description)"
        }
    }

    /// Whether the prompt is open for `item` (a list keeps that row highlighted meanwhile).
    func isAsking(about item: FollowUpItem) -> Bool {
        asking?.item.names(item) ?? false
    }

    /// Draws the date prompt on the status line and returns where the cursor goes; nil when closed.
    func drawPrompt(into buffer: inout ScreenBuffer, row: Int, width: Int) -> Position? {
        asking?.prompt.draw(into: &buffer, row: row, width: width)
    }
}

/// A follow-up as a screen lists it, from the index's rows: what the entry read for Space, `s`
/// or `D` is checked against (``FollowUpEditor/checked(_:n:shown:)``).
protocol ShownFollowUp {
    var who: String { get }
    var action: String { get }
    var due: Day? { get }
    var done: Day? { get }
}

extension FollowUpItem: ShownFollowUp {}

extension WeeklyReview.FollowUpLine: ShownFollowUp {}

extension FollowUpItem {
    /// Whether `other` is the same follow-up (its entry and position), whatever either says now.
    func names(_ other: FollowUpItem) -> Bool {
        entryID == other.entryID && n == other.n
    }
}

extension FollowUpActions where Self: Equatable {
    /// The editor's act for this screen action, if it is one of the follow-up keys.
    var followUpAct: FollowUpEditor.Act? {
        switch self {
        case Self.toggle: return .toggle
        case Self.reschedule: return .reschedule
        case Self.doneOn: return .doneOn
        default: return nil
        }
    }
}
