import ArgumentParser
import DebriefCore

/// `debrief done ENTRY-ID N`: mark a follow-up action done.
struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a follow-up action done.",
        discussion: """
        N counts the entry's actions from 1, as `debrief followups` shows it. Only that action's \
        `done:` line and the entry's `updated:` line change; the file is rewritten atomically. When \
        it changed on disk meanwhile, the mark is applied to the new version only if that action \
        is still there unchanged (found by its id, or by who, action and due).

        Exit codes: 0 done (or already done: nothing is written), 64 N out of range or a bad date, \
        65 the entry file does not parse, 66 no such entry, 75 the action changed on disk meanwhile.

        Examples:
          debrief done 2026-11-24-1830-swift-meetup-berlin 1
          debrief done 2026-11-24-1830 2 --on yesterday
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The entry's id, or a unique prefix.", valueName: "entry-id"), completion: JournalCompletion.entryIDs)
    var entry: String
    @Argument(help: ArgumentHelp("Which action, counted from 1.", valueName: "n"),
              completion: JournalCompletion.followUpNumbers(.open, valued: ["--journal", "--on"])) var n: Int
    @Option(help: ArgumentHelp("The day it was done: 2026-11-24, today, yesterday, mon… (default today).", valueName: "date"))
    var on: String?

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let today = context.clock.today
            let day = try on.map { try context.day($0, option: "--on", direction: .past) } ?? today
            if day > today {
                throw CLIError.usage("--on: \(day.iso) is in the future; an action can only be done today or earlier")
            }
            try FollowUpEditCommand.run(entry, n: n, .done(day), context: context)
        }
    }
}

/// `debrief undone ENTRY-ID N`: open a follow-up action again.
struct Undone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undone",
        abstract: "Mark a follow-up action open again.",
        discussion: """
        N counts the entry's actions from 1, as `debrief followups --all` shows it. Only that \
        action's `done:` line goes, and the entry's `updated:` line changes.

        Exit codes: 0 opened (or already open: nothing is written), 64 N out of range, 65 the entry \
        file does not parse, 66 no such entry, 75 the action changed on disk meanwhile.
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The entry's id, or a unique prefix.", valueName: "entry-id"), completion: JournalCompletion.entryIDs)
    var entry: String
    @Argument(help: ArgumentHelp("Which action, counted from 1.", valueName: "n"), completion: JournalCompletion.followUpNumbers(.done))
    var n: Int

    func run() throws {
        try runReportingErrors {
            try FollowUpEditCommand.run(entry, n: n, .reopen, context: try Context(journal))
        }
    }
}

/// What `done`, `undone` and `reschedule` share: find the entry, apply the edit to one row,
/// say what happened.
enum FollowUpEditCommand {
    static func run(_ text: String, n: Int, _ edit: FollowUpEdit, context: Context) throws {
        let entry = try context.entry(text)
        let before: FollowUp
        do throws(FollowUpOutOfRange) {
            before = try entry.followUp(n)
        } catch {
            throw CLIError.usage(error.description)
        }
        let outcome = try context.store.editFollowUp(n, of: entry, edit, now: context.clock.timestamp)
        let task = AnswerText.task(who: before.who, action: before.action)
        switch outcome {
        case .unchanged(.alreadyDone(let when), let n):
            let what = task + " (\(entry.id) \(n))"
            if case .done(let day) = edit, day == when {
                Output.note("Already done on \(when.iso): \(what). Nothing changed.")
            } else {
                Output.note("Already done on \(when.iso): \(what). Nothing changed; run `debrief undone \(entry.id) \(n)` first.")
            }
        case .unchanged(.alreadyOpen, let n):
            Output.note("Already open: \(task) (\(entry.id) \(n)). Nothing changed.")
        case .unchanged(.alreadyDue(let day), let n):
            Output.note("Already due \(day.iso): \(task) (\(entry.id) \(n)). Nothing changed.")
        case .written(let written, let n, let reapplied):
            let what = task + " (\(written.id) \(n))"
            if reapplied { Output.note("The file changed meanwhile; the follow-up was unchanged, so the edit was applied to the new version.") }
            switch edit {
            case .done(let day): Output.note("Done on \(day.iso): \(what).")
            case .reopen: Output.note("Open again: \(what).")
            case .reschedule(let day):
                let earlier = before.due.map { day < $0 } ?? false
                // Later, yet not counted: the one edit's correction rule (FollowUp.correctionWindow).
                let corrected = !earlier && before.due != nil && written.followUps[n - 1].postponed == before.postponed
                var note = "Due \(day.iso)" + (earlier ? " (moved earlier: not a postponement)" : "")
                    + (corrected ? " (a correction within a day of writing it: not a postponement)" : "") + ": \(what)."
                if let history = AnswerText.postponements(written.followUps[n - 1]) { note += " Now " + history + "." }
                Output.note(note)
            }
        }
    }
}
