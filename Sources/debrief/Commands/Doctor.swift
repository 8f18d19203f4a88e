import ArgumentParser
import DebriefCore

/// `debrief doctor`: every file in the journal that debrief cannot read or use as it is, and why.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the journal and list every file that cannot be read or needs a look.",
        discussion: """
        Lists, one per line as path:line: reason, the files that are not read (they do not parse, are \
        not regular files, are larger than 8 MB, are links to nothing, sync-conflict copies or second \
        paths to an entry) and the entries that read with a remark (an id that is not the file name, \
        no title, a byte-order mark, a symbolic link or a file with several names: read once, but never \
        written, as a write would leave the other names with the old text). With `calendars:` in \
        config.yaml it also lists the calendar files that cannot be read and the lines of the others \
        that were skipped (an event without a start, a series whose rule cannot be used, a time zone \
        nobody defines). Exits 0 when there is none, 1 otherwise. Nothing in the journal or the \
        calendars is changed.

        It then checks the index (see the README) against that full read and names, on stderr, the files \
        whose indexed answer differed; those are indexed again from their files.
        """
    )

    @OptionGroup var journal: JournalOptions

    func run() throws {
        try runReportingErrors {
            let context = try Context(journal)
            let findings = JournalDoctor.examine(context.store)
            for problem in findings.problems { Output.print(problem.description) }
            let n = findings.entries
            Output.note("\(context.store.root): \(n) entr\(n == 1 ? "y" : "ies") read, \(findings.problems.count) with problems")
            if let differing = findings.indexDisagreements, !differing.isEmpty {
                let count = differing.count
                Output.note("index: \(count) file\(count == 1 ? "" : "s") disagreed with a full read and \(count == 1 ? "was" : "were") indexed again:")
                for path in differing { Output.note("  \(path)") }
            }
            var problems = findings.problems.count
            if !context.config.calendars.isEmpty {
                let calendars = CalendarDoctor.examine(context.config.calendars, now: context.clock.now(), local: context.clock.timeZone)
                for problem in calendars.problems { Output.print(problem.description) }
                let own = calendars.debriefs == 0 ? "" : " (\(calendars.debriefs) file\(calendars.debriefs == 1 ? "" : "s") of debrief's own follow-ups left out)"
                Output.note("calendars: \(calendars.files) file\(calendars.files == 1 ? "" : "s") read, \(calendars.events) event\(calendars.events == 1 ? "" : "s")\(own), "
                            + "\(calendars.problems.count) problem\(calendars.problems.count == 1 ? "" : "s")")
                problems += calendars.problems.count
            }
            if problems > 0 { throw ExitCode(1) }
        }
    }
}
