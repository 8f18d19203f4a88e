import ArgumentParser
import DebriefCore

/// `debrief done ENTRY-ID N`: mark a follow-up action done.
struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark a follow-up action done.",
        discussion: """
        N counts the entry's actions from 1, as `debrief followups` shows it. Only that action's \
        `done:` line and the entry's `updated:` line change; the file is rewritten atomically and \
        never over a version changed on disk since it was read.

        Exit codes: 0 done (or already done: nothing is written), 64 N out of range or a bad date, \
        65 the entry file does not parse, 66 no such entry, 75 the file changed on disk meanwhile.

        Examples:
          debrief done 2026-11-24-1830-swift-meetup-berlin 1
          debrief done 2026-11-24-1830 2 --on yesterday
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The entry's id, or a unique prefix.", valueName: "entry-id")) var entry: String
    @Argument(help: ArgumentHelp("Which action, counted from 1.", valueName: "n")) var n: Int
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
            try FollowUpMarkCommand.mark(entry, n: n, done: day, context: context)
        }
    }
}

/// `debrief undone ENTRY-ID N`: open a follow-up action again.
struct Undone: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark a follow-up action open again.",
        discussion: """
        N counts the entry's actions from 1, as `debrief followups --all` shows it. Only that \
        action's `done:` line goes, and the entry's `updated:` line changes.

        Exit codes: 0 opened (or already open: nothing is written), 64 N out of range, 65 the entry \
        file does not parse, 66 no such entry, 75 the file changed on disk meanwhile.
        """
    )

    @OptionGroup var journal: JournalOptions
    @Argument(help: ArgumentHelp("The entry's id, or a unique prefix.", valueName: "entry-id")) var entry: String
    @Argument(help: ArgumentHelp("Which action, counted from 1.", valueName: "n")) var n: Int

    func run() throws {
        try runReportingErrors {
            try FollowUpMarkCommand.mark(entry, n: n, done: nil, context: try Context(journal))
        }
    }
}

/// What `done` and `undone` share: find the entry, change one action, save, say what happened.
enum FollowUpMarkCommand {
    static func mark(_ text: String, n: Int, done day: Day?, context: Context) throws {
        let entry = try context.store.read(try context.store.find(text))
        let change: FollowUpChange
        do throws(FollowUpOutOfRange) {
            change = try entry.markingFollowUp(n, done: day)
        } catch {
            throw CLIError.usage(error.description)
        }
        let action = entry.followUps[n - 1]
        let what = AnswerText.task(who: action.who, action: action.action) + " (\(entry.id) \(n))"
        switch change {
        case .alreadyDone(let when):
            Output.note("Already done on \(when.iso): \(what). Nothing changed" +
                        (day == when ? "." : "; run `debrief undone \(entry.id) \(n)` first to change the day."))
        case .alreadyOpen:
            Output.note("Already open: \(what). Nothing changed.")
        case .updated(let changed):
            _ = try context.store.save(changed, now: context.clock.timestamp)
            if let day {
                Output.note("Done on \(day.iso): \(what).")
            } else {
                Output.note("Open again: \(what).")
            }
        }
    }
}
