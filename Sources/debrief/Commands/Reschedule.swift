import ArgumentParser
import DebriefCore

/// `debrief reschedule ENTRY-ID N DATE`: move a follow-up's due date.
struct Reschedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reschedule",
        abstract: "Move a follow-up action's due date.",
        discussion: """
        N counts the entry's actions from 1, as `debrief followups` shows it. DATE looks forward: \
        `fri` is the coming Friday, also `tomorrow`, `next mon`, `in 2 weeks`, `+3d`, `nov 6`, \
        `2026-12-04`. A day before today is taken as given, with a warning on stderr (as `add` \
        does with a due date already past).

        A later date is a postponement: the action keeps its first due date (`first-due`, written \
        once) and counts how often it was pushed back (`postponed`), so the weekly review can say \
        "postponed twice, 12 days past its first date". An earlier date is not a postponement, and \
        neither is a correction: a date changed within 24 hours of the save that created the action \
        (you wrote `next fri` and meant the one after) changes the date and counts nothing. Only \
        that action's lines and the entry's `updated:` line change; the file is replaced atomically, \
        and when it changed meanwhile the move is applied to the new version only if that action is \
        unchanged.

        Exit codes: 0 moved (or already due that day, or done: nothing is written), 64 N out of \
        range or a bad date, 65 the entry file does not parse, 66 no such entry, 75 the file or the \
        action changed on disk meanwhile.

        Examples:
          debrief reschedule 2026-11-24-1830-swift-meetup-berlin 1 fri
          debrief reschedule 2026-11-24-1830 2 "in 2 weeks"
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The entry's id, or a unique prefix.", valueName: "entry-id"), completion: JournalCompletion.entryIDs)
    var entry: String
    @Argument(help: ArgumentHelp("Which action, counted from 1.", valueName: "n"), completion: JournalCompletion.followUpNumbers(.open))
    var n: Int
    @Argument(help: ArgumentHelp("The new due date: fri, in 2 weeks, +3d, 2026-12-04…", valueName: "date")) var date: String

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let day = try context.day(date, option: "DATE", direction: .future)
            if day < context.clock.today {
                Output.error("warning: DATE \(day.iso) is already past; saved as given")
            }
            try FollowUpEditCommand.run(entry, n: n, .reschedule(day), context: context)
        }
    }
}
