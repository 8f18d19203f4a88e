import DebriefCore
import DebriefUI

/// The status-line prompt that asks for a day for one follow-up: its new due date (`s`) or the
/// day it was done (`D`). Typed dates go through the one date reader, forward for a due date and
/// back for a done day, so `fri` means the coming Friday in one and the last in the other.
///
/// A value the screen keeps while it is open and hands keys to; Enter gives the edit to apply,
/// Esc gives nothing, and a date that does not read keeps the prompt open with the reason.
struct DatePrompt: Equatable, Sendable {
    enum Purpose: Equatable, Sendable {
        case reschedule
        case doneOn
    }

    /// What a key did to the prompt.
    enum Outcome: Equatable, Sendable {
        case editing
        case cancelled
        case chosen(FollowUpEdit)
    }

    var purpose: Purpose
    /// `Ana Li: Send the link`, to say which follow-up the day is for.
    var task: String
    var editor = TextEditor(multiline: false)
    /// Why the last Enter was not accepted.
    var problem: String?
    /// A due date already past that the prompt warned about: Enter again with the same text keeps
    /// it (a follow-up noted late is still worth its date), as the reflection's due field does.
    var pastWarned: String?
    /// The day typed so far resolves to, in words ("Fri 27 Nov (next week)"); nil while it does
    /// not read. Worked out as keys arrive, with the clock the screen is given, so drawing reads
    /// no clock.
    var resolved: String?

    /// A prompt for `purpose`; a done day starts as today (Enter takes it), shown as such.
    init(_ purpose: Purpose, task: String, clock: Clock) {
        self.purpose = purpose
        self.task = task
        resolve(clock: clock)
    }

    /// Works out ``resolved`` for the text typed now.
    private mutating func resolve(clock: Clock) {
        switch read(editor.text, clock: clock) {
        case .success(.reschedule(let day)), .success(.done(let day)): resolved = DayInWords.resolved(day, today: clock.today)
        default: resolved = nil
        }
    }

    mutating func handle(_ key: Key, clock: Clock) -> Outcome {
        switch key {
        case .escape, .ctrl("c"):
            return .cancelled
        case .enter:
            switch read(editor.text, clock: clock) {
            case .success(.reschedule(let day)) where day < clock.today:
                let typed = editor.text.trimmingCharacters(in: .whitespaces)
                if pastWarned == typed { return .chosen(.reschedule(day)) }
                pastWarned = typed
                problem = PastDueDate.warning(day)
                return .editing
            case .success(let edit): return .chosen(edit)
            case .failure(let why):
                problem = why.message
                return .editing
            }
        default:
            problem = nil
            _ = editor.handle(key)
            resolve(clock: clock)
            return .editing
        }
    }

    /// Why a typed day is not accepted, in words for the status line.
    struct Refusal: Error, Equatable {
        var message: String
    }

    /// The edit `text` asks for, or why not: any due date (one already past needs a second Enter,
    /// see `handle`), a done day today or earlier.
    func read(_ text: String, clock: Clock) -> Result<FollowUpEdit, Refusal> {
        let today = clock.today
        switch purpose {
        case .reschedule:
            guard let day = DateInput.day(text, clock: clock, direction: .future) else {
                return .failure(Refusal(message: "not a date; try fri, in 2 weeks, +3d or 2026-12-04"))
            }
            return .success(.reschedule(day))
        case .doneOn:
            let typed = text.trimmingCharacters(in: .whitespaces)
            guard let day = typed.isEmpty ? today : DateInput.day(typed, clock: clock, direction: .past) else {
                return .failure(Refusal(message: "not a date; try yesterday, mon, 3 days ago or 2026-11-24"))
            }
            guard day <= today else { return .failure(Refusal(message: "\(day.iso) is in the future; pick today or earlier")) }
            return .success(.done(day))
        }
    }

    /// The question before the typed text, whose follow-up is shortened on a narrow line.
    var line: PromptLine {
        let head: String
        switch purpose {
        case .reschedule: head = "New due date for "
        case .doneOn: head = "Done on (Enter: today) for "
        }
        if let problem {
            return PromptLine(head: head, subject: task, tail: ": ", text: editor.text, note: problem, isProblem: true)
        }
        guard let resolved else {
            return PromptLine(head: head, subject: task, tail: ": ", text: editor.text, note: "Esc cancels", isProblem: false)
        }
        // The day with its week comes first; on a short line "Esc cancels", then the week, give way.
        let day = "→ " + resolved
        let date = String(day.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
        return PromptLine(head: head, subject: task, tail: ": ", text: editor.text, note: day + "  Esc cancels", isProblem: false,
                          shorterNotes: [day, date, String(date.dropFirst(2))],
                          shortQuestion: purpose == .reschedule ? "New due date: " : "Done on: ")
    }

    /// Draws the prompt on the status line and returns where the cursor goes.
    func draw(into buffer: inout ScreenBuffer, row: Int, width: Int) -> Position {
        line.draw(into: &buffer, row: row, width: width)
    }
}
